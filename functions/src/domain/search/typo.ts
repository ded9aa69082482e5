/**
 * Typo tolerance: a query word of five to eight letters may be one edit away from an indexed word,
 * one of nine or more two edits; shorter words must be exact (one edit turns "skat" into "skal").
 * Damerau's transposition counts as one edit, as it is the most common typing slip.
 */
export function maxEdits(letters: number): number {
  if (letters >= 9) return 2;
  if (letters >= 5) return 1;
  return 0;
}

/**
 * Optimal-string-alignment distance between a and b, or max + 1 as soon as it must exceed max:
 * only the band of width 2·max around the diagonal is computed, and a row whose minimum is already
 * above max ends the walk.
 */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (a === b) return 0;
  const over = max + 1;
  // Three rows reused across calls: a typo lookup compares thousands of words and must not allocate.
  if (rows[0].length <= lb) rows = [new Int32Array(lb + 1), new Int32Array(lb + 1), new Int32Array(lb + 1)];
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    row.fill(over);
    row[0] = i;
    const from = Math.max(1, i - max);
    const to = Math.min(lb, i + max);
    let rowMin = i <= max ? i : over;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return over;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return Math.min(prev[lb]!, over);
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Compound help reads words of this many letters or more, found by a prefix of PREFIX letters or more. */
export const COMPOUND_LENGTH = 8;
export const PREFIX = 5;

/**
 * The index's distinct folded words, bucketed by length so a typo lookup reads only the words
 * within reach (length ± allowed edits), never the whole vocabulary. The engine adds a word with
 * its first document and deletes it with its last.
 */
export class Vocabulary {
  private readonly byLength = new Map<number, Set<string>>();
  private readonly byPrefix = new Map<string, Set<string>>();

  add(word: string): void {
    let bucket = this.byLength.get(word.length);
    if (!bucket) this.byLength.set(word.length, (bucket = new Set()));
    bucket.add(word);
    if (word.length >= COMPOUND_LENGTH) {
      const key = word.slice(0, PREFIX);
      let long = this.byPrefix.get(key);
      if (!long) this.byPrefix.set(key, (long = new Set()));
      long.add(word);
    }
  }

  delete(word: string): void {
    this.byLength.get(word.length)?.delete(word);
    if (word.length >= COMPOUND_LENGTH) this.byPrefix.get(word.slice(0, PREFIX))?.delete(word);
  }

  /** Words within `edits` of the given one (itself included when present). */
  near(word: string, edits: number): string[] {
    const found: string[] = [];
    for (let len = word.length - edits; len <= word.length + edits; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        if (editDistance(word, candidate, edits) <= edits) found.push(candidate);
      }
    }
    return found;
  }

  /**
   * Compound help: words of at least `minLength` letters that start with the prefix ("chatbot" →
   * "chatbotloesning"). Long words are also kept under their first PREFIX letters, so this reads
   * one small bucket.
   */
  startingWith(prefix: string, minLength: number): string[] {
    if (prefix.length < PREFIX) return [];
    const found: string[] = [];
    for (const candidate of this.byPrefix.get(prefix.slice(0, PREFIX)) ?? []) {
      if (candidate.length >= minLength && candidate.length > prefix.length && candidate.startsWith(prefix)) found.push(candidate);
    }
    return found;
  }
}
