import type { WorkspaceSearchQuery } from '#shared/schemas/search';
import { call } from './client';

/** Search (issue 18): the similar ideas the new-idea wizard shows, and the moderators' workspace search. */

/** Up to five public ideas like the text (title and first sentence); `signal` lets a newer text cancel it. */
export const fetchSimilar = (processId: string, text: string, signal?: AbortSignal) =>
  call('similarIdeas', { params: { processId }, query: { text }, signal });

export type WorkspaceSearchFilters = Pick<WorkspaceSearchQuery, 'q' | 'kind'> & Partial<Pick<WorkspaceSearchQuery, 'status' | 'area' | 'phase'>>;
export const WORKSPACE_SEARCH_PAGE = 20;

/** Every idea (any status) or comment of a process matching `q`, one cursor page at a time (moderators). */
export const searchWorkspace = (processId: string, filters: WorkspaceSearchFilters, cursor?: string, signal?: AbortSignal) =>
  call('searchWorkspace', { params: { processId }, query: { ...filters, limit: WORKSPACE_SEARCH_PAGE, cursor }, signal });
