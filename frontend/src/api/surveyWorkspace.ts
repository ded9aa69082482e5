import type { SurveySave } from '#shared/schemas/survey';
import { accessToken, refreshAccess } from '../modules/session';
import { API_BASE, call, type ApiPath, type CallOutput } from './client';
import { apiErrorOf, filenameOf, type DownloadedFile, type FileFormat } from './workspace';
import './module-routes';

/**
 * The workspace's survey calls: the definition the builder saves, the results with every free text,
 * the review of free texts, publishing the results and the export. The API enforces each route's
 * roles; the SPA only decides what to show.
 */
export type Survey = CallOutput<'getSurvey'>;
export type SurveyResults = CallOutput<'surveyResultsInternal'>;
export type SurveyTextList = CallOutput<'surveyTexts'>;
export type SurveyTextItem = SurveyTextList['items'][number];
export type TextReview = { action: 'approve'; reason?: string } | { action: 'hide'; reason: string };

export const TEXT_PAGE = 50;

export const fetchSurvey = (processId: string, signal?: AbortSignal) => call('getSurvey', { params: { processId }, signal });

export const saveSurvey = (processId: string, body: SurveySave) => call('saveSurvey', { params: { processId }, body });

export const fetchSurveyResults = (processId: string, by: string | undefined, signal?: AbortSignal) =>
  call('surveyResultsInternal', { params: { processId }, query: { by }, signal });

export const publishSurveyResults = (processId: string, published: boolean) => call('publishSurveyResults', { params: { processId }, body: { published } });

export const fetchSurveyTexts = (processId: string, filters: { questionId?: string; state?: SurveyTextItem['state'] }, cursor?: string, signal?: AbortSignal) =>
  call('surveyTexts', { params: { processId }, query: { ...filters, limit: TEXT_PAGE, cursor }, signal });

export const reviewSurveyText = (processId: string, textId: string, review: TextReview) =>
  call('reviewSurveyText', { params: { processId, textId }, body: review });

/**
 * The survey's answers as a file, fetched with the user's token (a link cannot send it; one silent
 * refresh after a 401) and named as the server says.
 */
export async function downloadSurveyExport(processId: string, format: FileFormat): Promise<DownloadedFile> {
  const path: ApiPath = `/processes/${encodeURIComponent(processId)}/survey/export`;
  const url = `${API_BASE}${path}?${new URLSearchParams({ format }).toString()}`;
  const attempt = (token: string | undefined) => fetch(url, { headers: token ? { authorization: `Bearer ${token}`, accept: '*/*' } : { accept: '*/*' } });
  let response = await attempt(await accessToken());
  if (response.status === 401) {
    const fresh = await refreshAccess();
    if (fresh) response = await attempt(fresh);
  }
  if (!response.ok) throw await apiErrorOf(response);
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition')) ?? `deltag-${processId}-spoergeskema.${format}` };
}
