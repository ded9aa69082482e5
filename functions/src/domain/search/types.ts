import type { Highlight } from '#shared/schemas/highlight';
import type { SearchDoc } from '../ports/search';

/**
 * The in-memory search index of one process and kind (engine.ts builds it; cache.ts keeps one per
 * process warm). Pure: no I/O, so the relevance test set and the benchmark run it directly.
 */
export interface SearchIndex {
  /** Adds the document, or replaces the one with its id. */
  put(doc: SearchDoc): void;
  remove(id: string): void;
  get(id: string): SearchDoc | undefined;
  readonly size: number;
  /**
   * Every document matching the query text and the filter, best first: relevance (BM25 over title,
   * plain summary, area name and body, with Danish stemming, folding and typo tolerance), newest first
   * on a tie. Empty when the text has no searchable word (only stop words, say).
   */
  search(text: string, filter?: (doc: SearchDoc) => boolean): SearchHit[];
  /** Marks the query's matches in a document's title and in a snippet of its text (segments, never HTML). */
  highlight(doc: SearchDoc, text: string, excerpt?: string): Highlight;
}

export interface SearchHit {
  id: string;
  score: number;
}
