import { describe, expect, it } from 'vitest';
import { fold, lower, queryWords, stem, tokenize } from '#functions/domain/search/analyze';
import { DANISH_STOP_WORDS } from '#functions/domain/search/stopwords-da';
import { editDistance, maxEdits } from '#functions/domain/search/typo';

/** Danish analysis: folding, stemming on the real letters, tokens with their places, stop words; typo distance. */

describe('folding', () => {
  it('folds æ, ø, å (either case, composed or not) to ae, oe, aa and drops accents', () => {
    expect(fold(lower('ÆbleØkonomiÅ'))).toBe('aebleoekonomiaa');
    expect(fold(lower('Idé café naïve Müller'))).toBe('ide cafe naive muller');
    // Swedish ä and ö are the Danish æ and ø.
    expect(fold(lower('Säter Björn'))).toBe('saeter bjoern');
    expect(fold(lower('a\u030Ange'))).toBe('aange'); // å written as a + combining ring
  });

  it('stems before folding, so ae-spelled and æ-spelled words reach the same term', () => {
    const term = (w: string): string => tokenize(w)[0]!.term;
    expect(term('ældre')).toBe(term('aeldre'));
    expect(term('børnene')).toBe(term('boern'));
    expect(term('Plejehjemmet')).toBe(term('plejehjem'));
    expect(stem('chatbotten')).toBe(stem('chatbots'));
  });
});

describe('tokens', () => {
  it('gives each word its place in the source, so a highlight can cut the source itself', () => {
    const text = 'Hjælp  til «ældre» — i 2027!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Hjælp', 'ældre', '2027']);
  });

  it('keeps digits and two-letter words, drops single letters, stop words and absurdly long words', () => {
    expect(tokenize('AI og IT i 5 x').map((t) => t.surface)).toEqual(['ai', 'it', '5']);
    expect(tokenize('a'.repeat(61))).toEqual([]);
    expect(tokenize(`${'b'.repeat(60)} robot`).map((t) => t.surface)).toEqual(['b'.repeat(60), 'robot']);
  });

  it('counts every listed stop word as one, in either spelling', () => {
    expect(DANISH_STOP_WORDS.length).toBeGreaterThanOrEqual(90);
    expect(DANISH_STOP_WORDS.length).toBeLessThanOrEqual(120);
    expect(tokenize(DANISH_STOP_WORDS.join(' '))).toEqual([]);
    expect(tokenize('paa naar foer')).toEqual([]);
  });

  it('reads at most 32 distinct query words from the first 2,000 characters', () => {
    const many = Array.from({ length: 100 }, (_, i) => `ord${i}`).join(' ');
    expect(queryWords(many)).toHaveLength(32);
    expect(queryWords('robot robotten robotter')).toHaveLength(1);
    expect(queryWords(`${'x '.repeat(1_000)}robot`)).toEqual([]);
  });
});

describe('typo distance', () => {
  it('allows no edit below five letters, one from five, two from nine', () => {
    expect([4, 5, 8, 9, 20].map(maxEdits)).toEqual([0, 1, 1, 2, 2]);
  });

  it('counts a transposition as one edit, and stops at max + 1', () => {
    expect(editDistance('kunstig', 'kunstgi', 1)).toBe(1);
    expect(editDistance('skole', 'skole', 1)).toBe(0);
    expect(editDistance('skole', 'skolen', 1)).toBe(1);
    expect(editDistance('skole', 'kole', 1)).toBe(1);
    expect(editDistance('skole', 'skaler', 1)).toBe(2);
    expect(editDistance('intelligens', 'intelligenz', 2)).toBe(1);
    expect(editDistance('intelligens', 'inteligenz', 2)).toBe(2);
    expect(editDistance('intelligens', 'intxlgenz', 2)).toBe(3);
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
  });

  it('agrees with a plain full-matrix distance on random words', () => {
    const full = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      return d[a.length]![b.length]!;
    };
    let seed = 42;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const word = (): string => Array.from({ length: 3 + rnd(8) }, () => 'abcde'[rnd(5)]).join('');
    for (let k = 0; k < 2_000; k++) {
      const a = word();
      const b = word();
      const max = 1 + rnd(2);
      expect(editDistance(a, b, max)).toBe(Math.min(full(a, b), max + 1));
    }
  });
});
