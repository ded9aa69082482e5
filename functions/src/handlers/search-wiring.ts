// The warm function's search indexes (issue 18), for the ideas and moderation areas: one cache in
// module scope, so every request a warm Lambda serves after the first answers from memory.
import { createSearchCache, refreshMsFromEnv, type SearchCache } from '../domain/search/cache';
import { createSearchIndex } from '../domain/search/engine';
import type { SearchDocStore } from '../domain/ports';

let cache: SearchCache | undefined;

export function searchCache(store: SearchDocStore): SearchCache {
  cache ??= createSearchCache({ store, newIndex: (areaName) => createSearchIndex({ areaName }), refreshMs: refreshMsFromEnv() });
  return cache;
}
