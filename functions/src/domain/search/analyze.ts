import StemmerDa from '@nlpjs/lang-da/src/stemmer-da.js';
import { DANISH_STOP_WORDS } from './stopwords-da';

/**
 * Danish text analysis shared by indexing, querying and highlighting, so a word is treated the same
 * way on all three paths: Danish lower-casing, Snowball stemming on the real Danish letters, then
 * folding (æ→ae, ø→oe, å→aa, accents dropped), so "ældre", "aeldre" and "Ældre" meet in one term.
 */

export interface Token {
  /** Where the word sits in the source text (UTF-16 offsets), so a highlight cuts the source itself. */
  start: number;
  end: number;
  /** The word lower-cased and folded, not stemmed: what typo tolerance and compound prefixes compare. */
  surface: string;
  /** The folded stem: what the index stores and exact matches compare. */
  term: string;
  /** Letters in the word as written (before folding), for the typo limits. */
  length: number;
}

/** Longer "words" are noise (a pasted hash, a run of letters): never stemmed. */
const MAX_STEM_LENGTH = 40;
/** Longer ones are not searchable at all, so an attacker's megabyte "word" costs nothing to keep. */
const MAX_WORD_LENGTH = 60;
/** A runaway text must not make one request costly: analysis stops after this many words. */
export const MAX_TOKENS = 20_000;

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const DIGITS = /^\p{N}+$/u;
const MARKS = /\p{M}/gu;
const DANISH_FOLDS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ä: 'ae', ö: 'oe', ß: 'ss' };
const FOLDABLE = /[æøåäöß]/g;

/** Lower-case with Danish rules and compose, so "å" is one letter for the stemmer. */
export function lower(word: string): string {
  return word.normalize('NFC').toLocaleLowerCase('da');
}

/** æ→ae, ø→oe, å→aa (and the German/Swedish ä, ö the same way), then accents dropped: é→e, ü→u. */
export function fold(lowered: string): string {
  return lowered.replace(FOLDABLE, (c) => DANISH_FOLDS[c] ?? c).normalize('NFD').replace(MARKS, '');
}

const stopWords = new Set(DANISH_STOP_WORDS.map((w) => fold(lower(w))));

export function isStopWord(folded: string): boolean {
  return stopWords.has(folded);
}

// The stemmer's own stemWord() memoises every word it ever sees; a warm function meets unbounded
// input, so this cache is bounded and simply starts over when full.
const stemmer = new StemmerDa();
const stemCache = new Map<string, string>();
const STEM_CACHE_SIZE = 50_000;

export function stem(lowered: string): string {
  if (lowered.length > MAX_STEM_LENGTH) return lowered;
  const cached = stemCache.get(lowered);
  if (cached !== undefined) return cached;
  stemmer.setCurrent(lowered);
  stemmer.innerStem();
  const result = stemmer.getCurrent() || lowered;
  if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
  stemCache.set(lowered, result);
  return result;
}

/**
 * The searchable words of a text with their places. Single letters are dropped (but single digits
 * kept); two-letter words count unless they are stop words, so "AI" and "IT" are findable.
 */
export function tokenize(text: string, limit = MAX_TOKENS): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    if (tokens.length >= limit) break;
    const raw = match[0];
    const word = analyseWord(raw);
    if (word) tokens.push({ start: match.index, end: match.index + raw.length, ...word });
  }
  return tokens;
}

export type Word = Readonly<Omit<Token, 'start' | 'end'>>;

/** The searchable words of a text without their places (indexing needs no offsets): shared, read-only objects. */
export function words(text: string, limit = MAX_TOKENS): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    if (found.length >= limit) break;
    const word = analyseWord(match[0]);
    if (word) found.push(word);
  }
  return found;
}

// A text repeats its words and a process its vocabulary: each written form is analysed once
// (Danish lower-casing and Unicode normalisation are the costly steps), in a bounded cache.
const wordCache = new Map<string, Word | null>();
const WORD_CACHE_SIZE = 100_000;

function analyseWord(raw: string): Word | null {
  if (raw.length > MAX_WORD_LENGTH) return null;
  const cached = wordCache.get(raw);
  if (cached !== undefined) return cached;
  const lowered = lower(raw);
  const length = [...lowered.replace(MARKS, '')].length;
  const surface = fold(lowered);
  const word = (length < 2 && !DIGITS.test(lowered)) || isStopWord(surface) ? null : { surface, term: fold(stem(lowered)), length };
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  wordCache.set(raw, word);
  return word;
}

export interface QueryWord {
  surface: string;
  term: string;
  length: number;
}

/** A query's distinct words (by term), in the order typed; empty when only stop words remain. */
export function queryWords(text: string, limit = 32): QueryWord[] {
  const seen = new Map<string, QueryWord>();
  for (const { surface, term, length } of tokenize(text.slice(0, 2_000), limit * 4)) {
    if (!seen.has(term)) seen.set(term, { surface, term, length });
    if (seen.size >= limit) break;
  }
  return [...seen.values()];
}
