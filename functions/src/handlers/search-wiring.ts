// The warm function's search indexes (issue 18), for the ideas and moderation areas: one cache in
// module scope, so every request a warm Lambda serves after the first answers from memory.
import { createSearchCache, refreshMsFromEnv, type SearchCache } from '../domain/search/cache';
import type { SearchDocStore } from '../domain/ports';

let cache: SearchCache | undefined;

/**
 * The engine (domain/search/engine.ts) and its Danish stemmer are a lazy import, shipped beside each
 * function that searches (cdk/constructs/bundle-options.ts): a cold start that opens an idea or a list
 * carries no stemmer, and the first search loads it.
 */
export function searchCache(store: SearchDocStore): SearchCache {
  cache ??= createSearchCache({
    store,
    newIndex: async (areaName) => (await import('#functions/domain/search/engine')).createSearchIndex({ areaName }),
    refreshMs: refreshMsFromEnv(),
  });
  return cache;
}
