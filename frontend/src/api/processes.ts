import type { IdeaDetail, IdeaList, IdeaListQuery } from '#shared/schemas/idea';
import type { Process, ProcessList } from '#shared/schemas/process';
import { getJson } from './client';

/** The committee's process the front page shows until there are more processes to choose from. */
export const FIRST_PROCESS_ID = 'ai-i-gentofte';

/** The first process, or undefined when none exists yet. */
export async function fetchFirstProcess(signal?: AbortSignal): Promise<Process | undefined> {
  const { items } = await getJson<ProcessList>('/processes', { signal });
  return items.find((p) => p.id === FIRST_PROCESS_ID) ?? items[0];
}

export function fetchProcess(processId: string, signal?: AbortSignal): Promise<Process> {
  return getJson<Process>(`/processes/${encodeURIComponent(processId)}`, { signal });
}

export function fetchIdeas(processId: string, query: Partial<IdeaListQuery>, signal?: AbortSignal): Promise<IdeaList> {
  return getJson<IdeaList>(`/processes/${encodeURIComponent(processId)}/ideas`, { query, signal });
}

export function fetchIdea(ideaId: string, signal?: AbortSignal): Promise<IdeaDetail> {
  return getJson<IdeaDetail>(`/ideas/${encodeURIComponent(ideaId)}`, { signal });
}
