import { call } from './client';
import './module-routes';

/**
 * The public side of the committee's recommendations ("egnede områder") and the follow-through
 * register (issue 16): read by anyone, no sign-in.
 */
export const fetchRecommendations = (processId: string, signal?: AbortSignal) => call('listRecommendations', { params: { processId }, signal });
export const fetchRecommendation = (processId: string, recommendationId: string, signal?: AbortSignal) =>
  call('getRecommendation', { params: { processId, recommendationId }, signal });
export const fetchRegister = (processId: string, signal?: AbortSignal) => call('getRegister', { params: { processId }, signal });
export const fetchStatusReport = (processId: string, signal?: AbortSignal) => call('getStatusReport', { params: { processId }, signal });
