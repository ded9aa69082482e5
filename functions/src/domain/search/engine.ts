import type { SearchDoc } from '../ports/search';
import { queryWords, tokenize } from './analyze';
import { highlightDoc } from './highlight';
import { expandWord, type Lexicon } from './match';
import { Vocabulary } from './typo';
import type { SearchHit, SearchIndex } from './types';

/**
 * The in-memory search engine: an inverted index with BM25F ranking (Robertson's BM25 over weighted
 * fields). Everything a query needs is computed at put(): per document the term frequencies of each
 * field and the field lengths, per term its postings. A query then only reads postings; documents are
 * analysed again only to highlight the page that is shown.
 */

/** Fields in a fixed order: title, plain summary, area name, body (a comment has only a body). */
const FIELD_WEIGHTS = [3, 2, 2, 1] as const;
const FIELDS = FIELD_WEIGHTS.length;
const K1 = 1.2;
const B = 0.75;

interface Entry {
  doc: SearchDoc;
  lengths: number[];
  /** Term → its count in each field. */
  terms: Map<string, number[]>;
  /** Each folded word of the document → its term, to take both out of the vocabulary again. */
  surfaces: Map<string, string>;
}

export interface SearchIndexOptions {
  /** The display name of an area slug: ideas are found by their area's name too. */
  areaName?: (slug: string) => string | undefined;
}

export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
  const entries = new Map<string, Entry>();
  const postings = new Map<string, Map<Entry, number[]>>();
  const totals = new Array<number>(FIELDS).fill(0);
  const vocabulary = new Vocabulary();
  const surfaceTerms = new Map<string, Map<string, number>>();
  const lexicon: Lexicon = {
    vocabulary,
    termsOf: (surface) => surfaceTerms.get(surface)?.keys() ?? [],
    hasTerm: (term) => postings.has(term),
  };

  function fieldsOf(doc: SearchDoc): string[] {
    if (doc.kind === 'comment') return ['', '', '', doc.body];
    const area = options.areaName?.(doc.area) ?? doc.area.replaceAll('-', ' ');
    return [doc.title, doc.plainSummary ?? '', area, doc.body];
  }

  function analyse(doc: SearchDoc): Entry {
    const terms = new Map<string, number[]>();
    const surfaces = new Map<string, string>();
    const lengths = fieldsOf(doc).map((text, field) => {
      const tokens = tokenize(text);
      for (const { term, surface } of tokens) {
        let counts = terms.get(term);
        if (!counts) terms.set(term, (counts = new Array<number>(FIELDS).fill(0)));
        counts[field] = (counts[field] ?? 0) + 1;
        surfaces.set(surface, term);
      }
      return tokens.length;
    });
    return { doc, lengths, terms, surfaces };
  }

  function link(entry: Entry, sign: 1 | -1): void {
    entry.lengths.forEach((length, field) => (totals[field] = (totals[field] ?? 0) + sign * length));
    for (const [term, counts] of entry.terms) {
      let list = postings.get(term);
      if (sign > 0) {
        if (!list) postings.set(term, (list = new Map()));
        list.set(entry, counts);
      } else if (list) {
        list.delete(entry);
        if (list.size === 0) postings.delete(term);
      }
    }
    for (const [surface, term] of entry.surfaces) {
      let byTerm = surfaceTerms.get(surface);
      if (sign > 0) {
        vocabulary.add(surface);
        if (!byTerm) surfaceTerms.set(surface, (byTerm = new Map()));
        byTerm.set(term, (byTerm.get(term) ?? 0) + 1);
      } else if (byTerm) {
        vocabulary.delete(surface);
        const left = (byTerm.get(term) ?? 1) - 1;
        if (left > 0) byTerm.set(term, left);
        else byTerm.delete(term);
        if (byTerm.size === 0) surfaceTerms.delete(surface);
      }
    }
  }

  function remove(id: string): void {
    const old = entries.get(id);
    if (!old) return;
    link(old, -1);
    entries.delete(id);
  }

  /** BM25F: field frequencies weighted and length-normalised first, then saturated once. */
  function termScore(counts: number[], entry: Entry, averages: number[], idf: number): number {
    let tf = 0;
    for (let f = 0; f < FIELDS; f++) {
      const count = counts[f] ?? 0;
      if (count === 0) continue;
      const norm = 1 - B + (B * (entry.lengths[f] ?? 0)) / (averages[f] || 1);
      tf += ((FIELD_WEIGHTS[f] ?? 1) * count) / norm;
    }
    return (idf * tf * (K1 + 1)) / (tf + K1);
  }

  function search(text: string, filter?: (doc: SearchDoc) => boolean): SearchHit[] {
    const words = queryWords(text);
    if (words.length === 0 || entries.size === 0) return [];
    const n = entries.size;
    const averages = totals.map((total) => total / n);
    const allowed = new Map<Entry, boolean>();
    const pass = (entry: Entry): boolean => {
      let ok = allowed.get(entry);
      if (ok === undefined) allowed.set(entry, (ok = !filter || filter(entry.doc)));
      return ok;
    };
    // Per document, the best score of each query word (a word reaching a document by several terms counts once).
    const perWord = new Map<Entry, Float64Array>();
    words.forEach((word, w) => {
      const expanded = [...expandWord(word, lexicon)].flatMap(([term, weight]) => {
        const list = postings.get(term);
        return list ? [{ list, weight }] : [];
      });
      // One idf for all the word's terms, from the commonest (Lucene blends fuzzy terms the same way):
      // otherwise a rare misspelling would outscore the word itself.
      const df = Math.max(0, ...expanded.map(({ list }) => list.size));
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (const { list, weight } of expanded) {
        for (const [entry, counts] of list) {
          if (!pass(entry)) continue;
          let scores = perWord.get(entry);
          if (!scores) perWord.set(entry, (scores = new Float64Array(words.length)));
          const score = weight * termScore(counts, entry, averages, idf);
          if (score > (scores[w] ?? 0)) scores[w] = score;
        }
      }
    });
    const ranked: { entry: Entry; score: number }[] = [];
    for (const [entry, scores] of perWord) {
      let sum = 0;
      let matched = 0;
      for (const s of scores) if (s > 0) (sum += s), matched++;
      // Coverage: a document holding more of the query's words ranks above one holding fewer.
      ranked.push({ entry, score: sum * (matched / words.length) ** 2 });
    }
    ranked.sort((a, b) => b.score - a.score || compareNewest(a.entry.doc, b.entry.doc));
    return ranked.map(({ entry, score }) => ({ id: entry.doc.id, score }));
  }

  return {
    put(doc) {
      remove(doc.id);
      const entry = analyse(doc);
      entries.set(doc.id, entry);
      link(entry, 1);
    },
    remove,
    get: (id) => entries.get(id)?.doc,
    get size() {
      return entries.size;
    },
    search,
    highlight(doc, text, excerpt) {
      const words = queryWords(text);
      const terms = new Set(words.flatMap((word) => [...expandWord(word, lexicon).keys()]));
      return highlightDoc(doc, words, terms, excerpt);
    },
  };
}

/** Newest first, then by id, so equal scores come in a stable order. */
function compareNewest(a: SearchDoc, b: SearchDoc): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
