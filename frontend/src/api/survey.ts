import type { SurveyAnswer } from '#shared/schemas/survey';
import { call } from './client';
import './module-routes';

/** The citizens' side of a process's attitude survey: read it, answer it once, read the published results. */

export const fetchSurvey = (processId: string, signal?: AbortSignal) => call('getSurvey', { params: { processId }, signal });
export const fetchMySurveyStatus = (processId: string, signal?: AbortSignal) => call('mySurveyStatus', { params: { processId }, signal });
export const answerSurvey = (processId: string, body: SurveyAnswer, anonymous: boolean) =>
  call(anonymous ? 'answerSurveyAnonymously' : 'answerSurvey', { params: { processId }, body });
export const fetchSurveyResults = (processId: string, by?: string, signal?: AbortSignal) =>
  call('surveyResults', { params: { processId }, query: by ? { by } : {}, signal });
