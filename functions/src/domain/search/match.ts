import type { QueryWord, Token } from './analyze';
import { COMPOUND_LENGTH, editDistance, maxEdits, PREFIX, type Vocabulary } from './typo';

/**
 * How a query word reaches indexed words, and how much each way counts. An exact stem (or the same
 * folded word) counts fully; the start of a long compound and a typo count less, so a document with
 * the word itself ranks above one that only resembles it.
 */
export const WEIGHT = { exact: 1, compound: 0.6, typo: 0.5 } as const;

/**
 * Typos are looked for in a query's first eight words only: a longer query is a text (the wizard's
 * title and first sentence), which its exact words match well, and 32 typo lookups would cost a
 * search tens of milliseconds on 10,000 ideas.
 */
export const TYPO_WORDS = 8;

/** The folded words of the index and the terms (stems) each one was indexed under. */
export interface Lexicon {
  vocabulary: Vocabulary;
  termsOf(surface: string): Iterable<string>;
  hasTerm(term: string): boolean;
}

/** Each term the word reaches in this index, with the weight of the best way it reaches it. */
export function expandWord(word: QueryWord, lexicon: Lexicon, typos = true): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (term: string, weight: number): void => {
    if ((terms.get(term) ?? 0) < weight) terms.set(term, weight);
  };
  const addSurface = (surface: string, weight: number): void => {
    for (const term of lexicon.termsOf(surface)) add(term, weight);
  };
  if (lexicon.hasTerm(word.term)) add(word.term, WEIGHT.exact);
  addSurface(word.surface, WEIGHT.exact);
  const prefix = compoundPrefix(word);
  if (prefix) for (const surface of lexicon.vocabulary.startingWith(prefix, compoundLength(prefix))) addSurface(surface, WEIGHT.compound);
  const edits = editsFor(word, typos);
  if (edits > 0) for (const surface of lexicon.vocabulary.near(word.surface, edits)) addSurface(surface, WEIGHT.typo);
  return terms;
}

/** The same ways, checked on one token of a text directly (a highlight of a document not in the index). */
export function tokenMatches(token: Token, word: QueryWord, typos = true): boolean {
  if (token.term === word.term || token.surface === word.surface) return true;
  const prefix = compoundPrefix(word);
  if (prefix && token.surface.length >= compoundLength(prefix) && token.surface.startsWith(prefix)) return true;
  const edits = editsFor(word, typos);
  return edits > 0 && editDistance(token.surface, word.surface, edits) <= edits;
}

/**
 * How far a query word may be from what it finds. A word holding a digit is a number, year or case
 * code ("mg7x2k1p", "sag12345"): one character off is another thing, not a typo, so only it itself.
 */
const editsFor = (word: QueryWord, typos: boolean): number => (typos && !/\d/u.test(word.surface) ? maxEdits(word.length) : 0);

/**
 * The start a compound must have to hold the word: its stem ("aeldr" finds "aeldrepleje"), or the
 * word itself when the stem is too short to mean much ("skole", stem "skol", finds "skolevejen";
 * "skol" would find "skoldning"). Nothing under five letters: "bil" must not find "billeder".
 */
function compoundPrefix(word: QueryWord): string | undefined {
  if (word.term.length >= PREFIX) return word.term;
  return word.surface.length >= PREFIX ? word.surface : undefined;
}

/** A compound is at least three letters longer than its start (and eight in all). */
const compoundLength = (prefix: string): number => Math.max(COMPOUND_LENGTH, prefix.length + 3);
