import type { AiLens } from '#shared/schemas/ai-lens';
import type { AnnexFreeze, InitiativeInput, ProgressUpdateInput, RecommendationInput, RecommendationStatusUpdate } from '#shared/schemas/recommendations';
import { accessToken, refreshAccess } from '../modules/session';
import { API_BASE, call, type ApiPath, type CallOutput } from './client';
import { apiErrorOf, filenameOf, type DownloadedFile } from './workspace';
import './module-routes';

/**
 * The workspace's calls for the committee's recommendations (issue 16): the committee writes them,
 * their status, initiative and progress; the committee and moderators set the AI lens on a
 * recommendation or an idea; the committee freezes the annex. The API enforces each route's roles.
 */
export type Recommendation = CallOutput<'getRecommendation'>;
export type AnnexVersion = CallOutput<'annexVersions'>['items'][number];

const one = (processId: string, recommendationId: string) => ({ processId, recommendationId });

export const listRecommendations = (processId: string, signal?: AbortSignal) => call('listRecommendations', { params: { processId }, signal });
export const getRecommendation = (processId: string, recommendationId: string, signal?: AbortSignal) =>
  call('getRecommendation', { params: one(processId, recommendationId), signal });
export const createRecommendation = (processId: string, body: RecommendationInput) => call('createRecommendation', { params: { processId }, body });
export const updateRecommendation = (processId: string, recommendationId: string, body: RecommendationInput & { expectedUpdatedAt: string }) =>
  call('updateRecommendation', { params: one(processId, recommendationId), body });
export const deleteRecommendation = (processId: string, recommendationId: string) => call('deleteRecommendation', { params: one(processId, recommendationId) });
export const setRecommendationStatus = (processId: string, recommendationId: string, body: RecommendationStatusUpdate) =>
  call('setRecommendationStatus', { params: one(processId, recommendationId), body });
export const setRecommendationLens = (processId: string, recommendationId: string, lens: AiLens, expectedUpdatedAt: string) =>
  call('setRecommendationAiLens', { params: one(processId, recommendationId), body: { lens, expectedUpdatedAt } });
export const setInitiative = (processId: string, recommendationId: string, body: InitiativeInput) =>
  call('setInitiative', { params: one(processId, recommendationId), body });
export const addProgressUpdate = (processId: string, recommendationId: string, body: ProgressUpdateInput) =>
  call('addProgressUpdate', { params: one(processId, recommendationId), body });

/** An idea's lens (moderators and the committee), with the idea's `updatedAt` as the version edited. */
export const setIdeaLens = (ideaId: string, lens: AiLens, expectedUpdatedAt: string) => call('setIdeaAiLens', { params: { ideaId }, body: { lens, expectedUpdatedAt } });

/** The public list of a process's ideas, searched by words, most votes first (the idea picker). */
export const searchIdeas = (processId: string, q: string, cursor?: string, signal?: AbortSignal) =>
  call('listIdeas', { params: { processId }, query: { sort: 'top', limit: 20, ...(q.trim() ? { q: q.trim() } : {}), cursor }, signal });

export const freezeAnnex = (processId: string, body: AnnexFreeze) => call('freezeAnnex', { params: { processId }, body });
export const annexVersions = (processId: string, signal?: AbortSignal) => call('annexVersions', { params: { processId }, signal });

/** A frozen version's PDF, fetched with the user's token (a link cannot send it) and named as the server says. */
export async function downloadAnnexVersion(processId: string, version: number): Promise<DownloadedFile> {
  const path: ApiPath = `/processes/${encodeURIComponent(processId)}/annex/versions/${version}/pdf`;
  const attempt = (token: string | undefined) => fetch(`${API_BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}`, accept: 'application/pdf' } : { accept: 'application/pdf' } });
  let response = await attempt(await accessToken());
  if (response.status === 401) {
    const fresh = await refreshAccess();
    if (fresh) response = await attempt(fresh);
  }
  if (!response.ok) throw await apiErrorOf(response);
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition')) ?? `udvalgsbilag-${processId}-v${version}.pdf` };
}
