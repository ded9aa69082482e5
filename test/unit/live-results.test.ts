import { describe, expect, it } from 'vitest';
import { liveResults, topWords } from '../../functions/src/domain/events/live-results';
import type { LiveTally } from '../../functions/src/domain/events/ports';
import { CLOUD_WORDS_SHOWN } from '#shared/rules/events';
import type { LiveQuestion } from '#shared/schemas/live-rounds';

const t = { da: 'x' };
const questions: LiveQuestion[] = [
  { id: 'valg', kind: 'single', text: t, options: [{ id: 'b', label: t }, { id: 'a', label: t }, { id: 'c', label: t }] },
  { id: 'skala', kind: 'scale', text: t, lowLabel: t, highLabel: t },
  { id: 'ord', kind: 'words', text: t, maxWords: 3 },
  { id: 'udsagn', kind: 'statements', text: t, statements: [{ id: 'p2', text: t }, { id: 'p1', text: t }] },
];
const tally = (questionId: string, count: number, counts: Record<string, number> = {}, words: Record<string, number> = {}): LiveTally => ({ questionId, count, counts, words });

describe('liveResults', () => {
  it('options in definition order, with zeros for those nobody chose', () => {
    const [valg] = liveResults({ questions }, [tally('valg', 3, { a: 2, b: 1 })]);
    expect(valg).toEqual({ questionId: 'valg', count: 3, options: [{ id: 'b', count: 1 }, { id: 'a', count: 2 }, { id: 'c', count: 0 }] });
  });

  it('scale: distribution 0..10 and the mean; no mean without answers', () => {
    const [, skala] = liveResults({ questions }, [tally('skala', 3, { '0': 1, '7': 1, '10': 1 })]);
    expect(skala!.distribution).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
    expect(skala!.mean).toBeCloseTo(17 / 3, 2);
    const [, empty] = liveResults({ questions }, []);
    expect(empty).toEqual({ questionId: 'skala', count: 0, distribution: Array(11).fill(0) });
  });

  it('words: most frequent first, ties in Danish order (z before æ before ø before å)', () => {
    const [, , ord] = liveResults({ questions }, [tally('ord', 9, {}, { å: 2, ø: 2, æble: 2, zebra: 2, ai: 5, nul: 0 })]);
    expect(ord!.words).toEqual([{ word: 'ai', count: 5 }, { word: 'zebra', count: 2 }, { word: 'æble', count: 2 }, { word: 'ø', count: 2 }, { word: 'å', count: 2 }]);
  });

  it('words: the cloud shows CLOUD_WORDS_SHOWN; a larger limit gives them all', () => {
    const many = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`ord${String(i).padStart(2, '0')}`, 70 - i]));
    const [, , ord] = liveResults({ questions }, [tally('ord', 70, {}, many)]);
    expect(ord!.words).toHaveLength(CLOUD_WORDS_SHOWN);
    expect(ord!.words![0]).toEqual({ word: 'ord00', count: 70 });
    expect(topWords(many, Infinity)).toHaveLength(70);
  });

  it('statements in definition order with agree, neutral and disagree', () => {
    const [, , , udsagn] = liveResults({ questions }, [tally('udsagn', 4, { 'p1:agree': 3, 'p1:disagree': 1, 'p2:neutral': 2 })]);
    expect(udsagn!.statements).toEqual([
      { id: 'p2', agree: 0, neutral: 2, disagree: 0 },
      { id: 'p1', agree: 3, neutral: 0, disagree: 1 },
    ]);
    expect(udsagn!.count).toBe(4);
  });
});
