import type { IdeaListQuery } from '#shared/schemas/idea';
import type { Process } from '#shared/schemas/process';
import { call, prefetch } from './client';

/** The committee's process the front page shows until there are more processes to choose from. */
export const FIRST_PROCESS_ID = 'ai-i-gentofte';

/** The first process, or undefined when none exists yet. */
export async function fetchFirstProcess(signal?: AbortSignal): Promise<Process | undefined> {
  const { items } = await call('listProcesses', { signal });
  return items.find((p) => p.id === FIRST_PROCESS_ID) ?? items[0];
}

export const fetchProcess = (processId: string, signal?: AbortSignal) => call('getProcess', { params: { processId }, signal });

export const fetchIdeas = (processId: string, query: Partial<IdeaListQuery>, signal?: AbortSignal) =>
  call('listIdeas', { params: { processId }, query, signal });

export const fetchIdea = (ideaId: string, signal?: AbortSignal) => call('getIdea', { params: { ideaId }, signal });

/** The first page of ideas as the list page asks for it without filters (see IdeaListPage). */
export const FIRST_LIST_QUERY = { sort: 'new', limit: 20 } as const;
/** The first page of an idea's comments as the idea page asks for it (see fetchComments). */
export const FIRST_COMMENTS_QUERY = { limit: 20 } as const;

/**
 * At app start, asks for the data of the page being opened, in parallel with its chunk: the idea
 * list (no filters in the URL), or one idea and its first comments. The process itself is prefetched
 * by useProcess. Settles when the answers are in (never rejects; the page shows any failure).
 */
export async function prefetchLanding(path: string, search: string): Promise<void> {
  if (path === '/ideer' && !search) await prefetch('listIdeas', { params: { processId: FIRST_PROCESS_ID }, query: FIRST_LIST_QUERY });
  const idea = /^\/ideer\/([0-9A-Za-z]{26})\/?$/.exec(path)?.[1];
  if (idea) {
    await Promise.all([prefetch('getIdea', { params: { ideaId: idea } }), prefetch('listComments', { params: { ideaId: idea }, query: FIRST_COMMENTS_QUERY })]);
  }
}
