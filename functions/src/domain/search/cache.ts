// use case --> (search cache) --> SearchDocStore
import type { SearchDocStore, SearchKind } from '../ports/search';
import type { SearchIndex } from './types';

/**
 * The warm function's search indexes: one per process and kind, in module scope, so a warm Lambda
 * answers a search from memory. Primary course of `index()`:
 * 1. First use: every document of the process's kind is loaded (`store.all`) into a new index;
 *    requests arriving meanwhile wait for that one load instead of starting their own.
 * 2. Later uses: at most every `refreshMs` the change log since the last read is applied (minus
 *    OVERLAP_MS, since the projectors' clocks and the log's eventual consistency can put an entry a
 *    little behind the time we last read). Replaying an entry twice is harmless: each holds the whole
 *    document, applied oldest first.
 * 3. When the log no longer reaches back that far (`complete: false`, entries expire) or a refresh
 *    fails, the next use loads everything again, so an index never silently misses a change.
 * The index may lag the table by up to `refreshMs` plus the stream's delay; that is why public answers
 * are decided on the ideas' own state read consistently (idea-search.ts), never on the index alone.
 */

/** How far before the last read a refresh reads the log again (writers' clocks differ). */
export const OVERLAP_MS = 30_000;
export const DEFAULT_REFRESH_MS = 1000;

/** Builds an empty index; `areaName` names an area id of the process (the engine indexes the name). */
/** May be async: a function that searches seldom loads the engine (and its stemmer) on first use. */
export type IndexFactory = (areaName: (areaId: string) => string | undefined) => SearchIndex | Promise<SearchIndex>;

export interface SearchCacheOptions {
  store: Pick<SearchDocStore, 'all' | 'changesSince'>;
  newIndex: IndexFactory;
  /** Minimum time between two refreshes of one index (DELTAG_SEARCH_REFRESH_MS; 0 in tests: every use). */
  refreshMs?: number;
  /** Milliseconds now (tests move it). */
  now?: () => number;
}

export interface SearchCache {
  /** The index of a process's ideas or comments, fresh within `refreshMs`. `areas`: id → name. */
  index(processId: string, kind: SearchKind, areas?: ReadonlyMap<string, string>): Promise<SearchIndex>;
}

interface Entry {
  index: SearchIndex;
  /** The store's time of the last read (loadedAt / readAt): the next refresh reads from just before it. */
  lastRead: string;
  checkedAt: number;
  /** The area names the index looks up; updated in place when the process's areas are read again. */
  areas: Map<string, string>;
  /** The running refresh, shared by the requests that arrive meanwhile. */
  refreshing?: Promise<void>;
  /** Set when a refresh failed or the log was incomplete: the next use loads everything again. */
  stale?: boolean;
}

export function refreshMsFromEnv(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.DELTAG_SEARCH_REFRESH_MS);
  return env.DELTAG_SEARCH_REFRESH_MS !== undefined && Number.isFinite(value) && value >= 0 ? value : DEFAULT_REFRESH_MS;
}

export function createSearchCache(options: SearchCacheOptions): SearchCache {
  const { store, newIndex } = options;
  const refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Promise<Entry>>();

  async function load(processId: string, kind: SearchKind, areas: Map<string, string>): Promise<Entry> {
    const { docs, loadedAt } = await store.all(processId, kind);
    const index = await newIndex((id) => areas.get(id));
    for (const doc of docs) index.put(doc);
    return { index, lastRead: loadedAt, checkedAt: now(), areas };
  }

  async function refresh(processId: string, kind: SearchKind, entry: Entry): Promise<void> {
    const since = new Date(Date.parse(entry.lastRead) - OVERLAP_MS).toISOString();
    const { changes, readAt, complete } = await store.changesSince(processId, kind, since);
    if (!complete) {
      entry.stale = true;
      return;
    }
    for (const change of changes) {
      if ('doc' in change) entry.index.put(change.doc);
      else entry.index.remove(change.removed.id);
    }
    entry.lastRead = readAt;
    entry.checkedAt = now();
  }

  function loaded(key: string, processId: string, kind: SearchKind, areas: Map<string, string>): Promise<Entry> {
    const loading = load(processId, kind, areas);
    entries.set(key, loading);
    // A failed load is forgotten, so the next request tries again instead of failing forever.
    loading.catch(() => {
      if (entries.get(key) === loading) entries.delete(key);
    });
    return loading;
  }

  return {
    async index(processId, kind, areas) {
      const key = `${processId}\u0000${kind}`;
      const names = new Map(areas ?? []);
      const pending = entries.get(key);
      let entry = await (pending ?? loaded(key, processId, kind, names));
      if (pending) {
        if (areas) for (const [id, name] of areas) entry.areas.set(id, name);
        if (!entry.stale && now() - entry.checkedAt >= refreshMs) {
          entry.refreshing ??= refresh(processId, kind, entry)
            .catch(() => {
              entry.stale = true;
            })
            .finally(() => {
              entry.refreshing = undefined;
            });
          await entry.refreshing;
        }
        if (entry.stale) {
          const again = entries.get(key);
          // Only one request reloads: the others find the new load in the map.
          entry = await (again !== pending && again ? again : loaded(key, processId, kind, names));
        }
      }
      return entry.index;
    },
  };
}
