import type { LocationQuery } from 'vue-router';
import type { Process } from '#shared/schemas/process';

/**
 * Which process the workspace's views (queue, overdue answers, log, export, annex) show: the one
 * named in the address (`?forloeb=<id>`), so a view can be linked and the choice survives a reload;
 * without one, the one process that is not archived, else the newest of those that are not, else
 * the newest of all.
 */
export const PROCESS_QUERY = 'forloeb';

const one = (value: LocationQuery[string] | undefined) => (Array.isArray(value) ? value[0] : value) ?? undefined;

export const newestFirst = (list: readonly Process[]): Process[] => [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

export function defaultProcess(list: readonly Process[]): Process | undefined {
  const active = list.filter((p) => !p.archivedAt);
  if (active.length === 1) return active[0];
  return newestFirst(active)[0] ?? newestFirst(list)[0];
}

/** The process the address names, if it is one of `list`; else the default. */
export function chosenProcess(query: LocationQuery, list: readonly Process[]): Process | undefined {
  const named = one(query[PROCESS_QUERY]);
  return list.find((p) => p.id === named) ?? defaultProcess(list);
}

/** The process a workspace address names: a process's own page by its path, any other by `?forloeb=`. */
export function chosenIn(route: { params: Record<string, unknown>; query: LocationQuery }): string | undefined {
  const own = route.params.processId;
  if (typeof own === 'string') return own;
  return one(route.query[PROCESS_QUERY]) ?? undefined;
}

/** The process part of an address's query, for a page that rewrites its own filters and keeps the choice. */
export const keptProcess = (query: LocationQuery): Record<string, string> => {
  const id = one(query[PROCESS_QUERY]);
  return id ? { [PROCESS_QUERY]: id } : {};
};
