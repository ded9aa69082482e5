// The warm function's search indexes (issue 18), for the ideas and moderation areas: one cache in
// module scope, so every request a warm Lambda serves after the first answers from memory.
import { createSearchCache, refreshMsFromEnv, type SearchCache } from '../domain/search/cache';
import type { SearchIndexOptions } from '../domain/search/engine';
import type { SearchIndex } from '../domain/search/types';
import type { SearchDocStore } from '../domain/ports';

let cache: SearchCache | undefined;

/**
 * `engine` builds an index (domain/search/engine.ts's createSearchIndex). Both areas pass it as a lazy
 * import (cdk/constructs/bundle-options.ts), so a cold start carries no stemmer until a request searches.
 */
export function searchCache(store: SearchDocStore, engine: (options: SearchIndexOptions) => SearchIndex | Promise<SearchIndex>): SearchCache {
  cache ??= createSearchCache({ store, newIndex: (areaName) => engine({ areaName }), refreshMs: refreshMsFromEnv() });
  return cache;
}
