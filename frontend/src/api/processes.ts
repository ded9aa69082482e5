import type { IdeaListQuery } from '#shared/schemas/idea';
import { call, prefetch } from './client';

export const fetchProcesses = (signal?: AbortSignal) => call('listProcesses', { signal });

export const fetchProcess = (processId: string, signal?: AbortSignal) => call('getProcess', { params: { processId }, signal });

/** The dated changes to a process's phases and rules, newest first. */
export const fetchProcessChanges = (processId: string, signal?: AbortSignal) => call('processChanges', { params: { processId }, signal });

export const fetchIdeas = (processId: string, query: Partial<IdeaListQuery>, signal?: AbortSignal) =>
  call('listIdeas', { params: { processId }, query, signal });

export const fetchIdea = (ideaId: string, signal?: AbortSignal) => call('getIdea', { params: { ideaId }, signal });

/** The first page of ideas as the list page asks for it without filters (see IdeaListPage). */
export const FIRST_LIST_QUERY = { sort: 'new', limit: 20 } as const;
/** The newest ideas as the process page shows them (see ProcessPage). */
export const LATEST_IDEAS_QUERY = { sort: 'new', limit: 5 } as const;
/** The first page of an idea's comments as the idea page asks for it (see fetchComments). */
export const FIRST_COMMENTS_QUERY = { limit: 20 } as const;

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const ULID = '[0-9A-Za-z]{26}';
const PROCESS_PAGE = new RegExp(`^/forloeb/(${SLUG})(?:/ideer(?:/(${ULID}))?)?/?$`);

/** The process a path belongs to (`/forloeb/{processId}/…`), if any. */
export const processIdOf = (path: string): string | undefined => new RegExp(`^/forloeb/(${SLUG})(?:/|$)`).exec(path)?.[1];

/**
 * At app start, asks for the data of the page being opened, in parallel with its chunk: a process's
 * newest ideas (its page), its idea list (no filters in the URL), or one idea and its first comments
 * (also at an idea's old address, which is redirected by the idea's process). The process itself is
 * prefetched by useProcess. Settles when the answers are in (never rejects; the page shows any failure).
 */
export async function prefetchLanding(path: string, search: string): Promise<void> {
  const page = PROCESS_PAGE.exec(path);
  const idea = page?.[2] ?? new RegExp(`^/ideer/(${ULID})/?$`).exec(path)?.[1];
  if (idea) {
    await Promise.all([prefetch('getIdea', { params: { ideaId: idea } }), page ? prefetch('listComments', { params: { ideaId: idea }, query: FIRST_COMMENTS_QUERY }) : undefined]);
    return;
  }
  if (!page) return;
  const processId = page[1]!;
  if (path.replace(/\/$/, '').endsWith('/ideer')) {
    if (!search) await prefetch('listIdeas', { params: { processId }, query: FIRST_LIST_QUERY });
  } else {
    await prefetch('listIdeas', { params: { processId }, query: LATEST_IDEAS_QUERY });
  }
}
