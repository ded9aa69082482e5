import type { SearchDoc } from '../ports/search';
import { type QueryWord, queryWords, words as wordsOf } from './analyze';
import { highlightDoc } from './highlight';
import { expandWord, type Lexicon, TYPO_WORDS } from './match';
import { Vocabulary } from './typo';
import type { SearchHit, SearchIndex } from './types';

/**
 * The in-memory search engine: an inverted index with BM25F ranking (Robertson's BM25 over weighted
 * fields). Everything a query needs is computed at put(): per document the term frequencies of each
 * field and the field lengths, per term its postings. A query then only reads postings; documents are
 * analysed again only to highlight the page that is shown.
 *
 * A hit's score is the sum of its query words' BM25F scores (each word by its best way in: exact,
 * compound or typo, see match.ts) times the square of the share of the words it holds, so a document
 * with both words of "robot skole" outranks one that says "robot" many times. Scores compare only
 * within one query.
 */

/** Fields in a fixed order: title, plain summary, area name, body (a comment has only a body). */
const FIELD_WEIGHTS = [3, 2, 2, 1] as const;
const FIELDS = FIELD_WEIGHTS.length;
const K1 = 1.2;
const B = 0.75;


interface Entry {
  /** The entry's place in the slot arrays a query scores into (reused after a removal). */
  slot: number;
  doc: SearchDoc;
  /** createdAt as a number, read by every tie-break of a sort. */
  time: number;
  lengths: number[];
  /** The document's distinct terms and their packed field counts (addOne), parallel arrays. */
  terms: string[];
  counts: number[];
  /** Its distinct folded words and the term of each, to take them out of the vocabulary again. */
  surfaces: string[];
  surfaceTerms: string[];
}

/**
 * A term's postings: parallel arrays of document slots and packed field counts. Plain arrays of
 * small integers, not maps of arrays: 10,000 ideas load several times faster and take less memory.
 */
interface Postings {
  slots: number[];
  counts: number[];
}

/** Per-field counts in one small integer, 7 bits a field; BM25 saturates long before 127. */
const BITS = 7;
const MAX_COUNT = (1 << BITS) - 1;
const countOf = (packed: number, field: number): number => (packed >>> (field * BITS)) & MAX_COUNT;
const addOne = (packed: number, field: number): number => (countOf(packed, field) < MAX_COUNT ? packed + (1 << (field * BITS)) : packed);

export interface SearchIndexOptions {
  /** The display name of an area slug: ideas are found by their area's name too. */
  areaName?: (slug: string) => string | undefined;
}

export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
  const entries = new Map<string, Entry>();
  const bySlot: (Entry | undefined)[] = [];
  const freeSlots: number[] = [];
  const postings = new Map<string, Postings>();
  const totals = new Array<number>(FIELDS).fill(0);
  const vocabulary = new Vocabulary();
  const surfaceTerms = new Map<string, Map<string, number>>();
  // A query is expanded once per state of the index (version), not again for each highlight of its page.
  let version = 0;
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
    const terms = new Map<string, number>();
    const surfaces = new Map<string, string>();
    const lengths = fieldsOf(doc).map((text, field) => {
      const tokens = wordsOf(text);
      for (const { term, surface } of tokens) {
        terms.set(term, addOne(terms.get(term) ?? 0, field));
        surfaces.set(surface, term);
      }
      return tokens.length;
    });
    return {
      slot: -1,
      doc,
      time: Date.parse(doc.createdAt) || 0,
      lengths,
      terms: [...terms.keys()],
      counts: [...terms.values()],
      surfaces: [...surfaces.keys()],
      surfaceTerms: [...surfaces.values()],
    };
  }

  function link(entry: Entry, sign: 1 | -1): void {
    entry.lengths.forEach((length, field) => (totals[field] = (totals[field] ?? 0) + sign * length));
    entry.terms.forEach((term, i) => {
      let list = postings.get(term);
      if (sign > 0) {
        if (!list) postings.set(term, (list = { slots: [], counts: [] }));
        list.slots.push(entry.slot);
        list.counts.push(entry.counts[i]!);
      } else if (list) {
        // Order in a list does not matter: the last posting takes the removed one's place.
        const at = list.slots.indexOf(entry.slot);
        if (at < 0) return;
        const last = list.slots.length - 1;
        list.slots[at] = list.slots[last]!;
        list.counts[at] = list.counts[last]!;
        list.slots.pop();
        list.counts.pop();
        if (last === 0) postings.delete(term);
      }
    });
    entry.surfaces.forEach((surface, i) => {
      const term = entry.surfaceTerms[i]!;
      let byTerm = surfaceTerms.get(surface);
      if (sign > 0) {
        if (!byTerm) {
          surfaceTerms.set(surface, (byTerm = new Map()));
          vocabulary.add(surface);
        }
        byTerm.set(term, (byTerm.get(term) ?? 0) + 1);
      } else if (byTerm) {
        const left = (byTerm.get(term) ?? 1) - 1;
        if (left > 0) byTerm.set(term, left);
        else byTerm.delete(term);
        if (byTerm.size === 0) {
          surfaceTerms.delete(surface);
          vocabulary.delete(surface);
        }
      }
    });
  }

  function remove(id: string): void {
    const old = entries.get(id);
    if (!old) return;
    version++;
    link(old, -1);
    entries.delete(id);
    bySlot[old.slot] = undefined;
    freeSlots.push(old.slot);
  }

  /** BM25F: field frequencies weighted and length-normalised first, then saturated once. */
  function termScore(packed: number, entry: Entry, averages: number[], idf: number): number {
    let tf = 0;
    for (let f = 0; f < FIELDS; f++) {
      const count = countOf(packed, f);
      if (count === 0) continue;
      const norm = 1 - B + (B * (entry.lengths[f] ?? 0)) / (averages[f] || 1);
      tf += ((FIELD_WEIGHTS[f] ?? 1) * count) / norm;
    }
    return (idf * tf * (K1 + 1)) / (tf + K1);
  }

  const expansions = new Map<string, { version: number; words: QueryWord[]; terms: Map<string, number>[] }>();
  function expand(text: string): { words: QueryWord[]; terms: Map<string, number>[] } {
    const known = expansions.get(text);
    if (known && known.version === version) return known;
    const words = queryWords(text);
    const expanded = { version, words, terms: words.map((word, i) => expandWord(word, lexicon, i < TYPO_WORDS)) };
    if (expansions.size >= 16) expansions.clear();
    expansions.set(text, expanded);
    return expanded;
  }

  function search(text: string, filter?: (doc: SearchDoc) => boolean): SearchHit[] {
    const { words, terms: wordTerms } = expand(text);
    if (words.length === 0 || entries.size === 0) return [];
    const n = entries.size;
    const averages = totals.map((total) => total / n);
    const slots = bySlot.length;
    const W = words.length;
    // Scores go into flat arrays by slot: a query allocates three arrays, not one object per document.
    const allowed = new Int8Array(slots); // 0 not asked yet, 1 passes the filter, -1 filtered out
    const perWord = new Float64Array(slots * W); // the best score of each word in each document
    const touched: number[] = [];
    for (let w = 0; w < W; w++) {
      const expanded = [...wordTerms[w]!].flatMap(([term, weight]) => {
        const list = postings.get(term);
        return list ? [{ list, weight }] : [];
      });
      // One idf for all the word's terms, from the commonest (Lucene blends fuzzy terms the same way):
      // otherwise a rare misspelling would outscore the word itself.
      const df = Math.max(0, ...expanded.map(({ list }) => list.slots.length));
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (const { list, weight } of expanded) {
        const { slots: listSlots, counts: listCounts } = list;
        for (let p = 0; p < listSlots.length; p++) {
          const slot = listSlots[p]!;
          const entry = bySlot[slot]!;
          if (allowed[slot] === 0) {
            allowed[slot] = !filter || filter(entry.doc) ? 1 : -1;
            if (allowed[slot] === 1) touched.push(slot);
          }
          if (allowed[slot] !== 1) continue;
          const score = weight * termScore(listCounts[p]!, entry, averages, idf);
          const at = slot * W + w;
          if (score > perWord[at]!) perWord[at] = score;
        }
      }
    }
    const scores = new Float64Array(slots);
    for (const slot of touched) {
      let sum = 0;
      let matched = 0;
      for (let w = 0; w < W; w++) {
        const s = perWord[slot * W + w]!;
        if (s > 0) (sum += s), matched++;
      }
      // Coverage: a document holding more of the query's words ranks above one holding fewer.
      scores[slot] = sum * (matched / W) ** 2;
    }
    const ranked = touched.filter((slot) => scores[slot]! > 0);
    ranked.sort((a, b) => scores[b]! - scores[a]! || compareNewest(bySlot[a]!, bySlot[b]!));
    return ranked.map((slot) => ({ id: bySlot[slot]!.doc.id, score: scores[slot]! }));
  }

  return {
    put(doc) {
      remove(doc.id);
      version++;
      const entry = analyse(doc);
      entry.slot = freeSlots.pop() ?? bySlot.length;
      bySlot[entry.slot] = entry;
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
      const { words, terms } = expand(text);
      return highlightDoc(doc, words, new Set(terms.flatMap((t) => [...t.keys()])), excerpt);
    },
  };
}

/** Newest first, then by id, so equal scores come in a stable order. */
function compareNewest(a: Entry, b: Entry): number {
  if (a.time !== b.time) return b.time - a.time;
  const x = a.doc.id;
  const y = b.doc.id;
  return x < y ? -1 : x > y ? 1 : 0;
}
