import { describe, expect, it } from 'vitest';
import { surveyResults } from '../../functions/src/domain/survey/results';
import type { StoredAnswer, StoredText } from '../../functions/src/domain/survey/ports';

const survey = {
  processId: 'ai',
  sections: [
    {
      id: 's',
      questions: [
        { id: 'alder', kind: 'single' as const, demographic: 'age-band' as const, options: [{ id: 'u30' }, { id: 'o30' }] },
        { id: 'brug', kind: 'multiple' as const, options: [{ id: 'chat' }, { id: 'billeder' }], maxChoices: 2 },
        { id: 'tillid', kind: 'likert' as const },
        { id: 'hvorfor', kind: 'long-text' as const, maxLength: 100 },
      ],
    },
  ],
};
const answer = (i: number, answers: StoredAnswer['answers'], day = '2026-12-01'): StoredAnswer => ({ id: `a${i}`, day, answers });
const text = (id: string, state: StoredText['state']): StoredText => ({ id, answerId: 'a0', questionId: 'hvorfor', text: `tekst ${id}`, day: '2026-12-01', state });

describe('surveyResults', () => {
  const answers = [
    answer(0, { alder: 'u30', brug: ['chat', 'billeder'], tillid: 5 }, '2026-11-30'),
    answer(1, { alder: 'u30', brug: ['chat'], tillid: 4 }),
    answer(2, { alder: 'o30', tillid: 2 }, '2026-12-03'),
    answer(3, {}),
  ];
  const texts = [text('t1', 'approved'), text('t2', 'unreviewed'), text('t3', 'hidden')];

  it('counts, shares of those who answered, distribution and mean, and the period', () => {
    const r = surveyResults(survey, answers, texts, { audience: 'internal' });
    expect(r.answerCount).toBe(4);
    expect(r.period).toEqual({ from: '2026-11-30', to: '2026-12-03' });
    const brug = r.questions.find((q) => q.questionId === 'brug')!;
    expect(brug.answered).toBe(2);
    expect(brug.options).toEqual([{ id: 'chat', count: 2, share: 1 }, { id: 'billeder', count: 1, share: 0.5 }]);
    const tillid = r.questions.find((q) => q.questionId === 'tillid')!;
    expect(tillid.distribution).toEqual([{ value: 1, count: 0 }, { value: 2, count: 1 }, { value: 3, count: 0 }, { value: 4, count: 1 }, { value: 5, count: 1 }]);
    expect(tillid.mean).toBeCloseTo(11 / 3);
    expect(r.questions.find((q) => q.questionId === 'hvorfor')!.texts).toHaveLength(3);
  });

  it('shows only approved texts, without state, in public', () => {
    const r = surveyResults(survey, answers, texts, { audience: 'public' });
    const hvorfor = r.questions.find((q) => q.questionId === 'hvorfor')!;
    expect(hvorfor.texts).toEqual([{ id: 't1', text: 'tekst t1' }]);
    expect(hvorfor.answered).toBe(3);
  });

  it('without answers: no period and a null mean', () => {
    const r = surveyResults(survey, [], [], { audience: 'public' });
    expect(r.period).toBeNull();
    expect(r.questions.find((q) => q.questionId === 'tillid')!.mean).toBeNull();
  });

  it('breaks down by a background question, suppressing groups under five with no figures at all', () => {
    const many = [...Array.from({ length: 5 }, (_, i) => answer(10 + i, { alder: 'u30', tillid: 4 })), ...Array.from({ length: 4 }, (_, i) => answer(20 + i, { alder: 'o30', tillid: 1 }))];
    const r = surveyResults(survey, many, [], { audience: 'public', by: 'alder' });
    expect(r.breakdown!.by).toBe('alder');
    const [u30, o30, none] = r.breakdown!.groups;
    expect(u30).toMatchObject({ value: 'u30', count: 5, suppressed: false });
    expect(u30!.questions!.find((q) => q.questionId === 'tillid')!.mean).toBe(4);
    expect(u30!.questions!.some((q) => q.questionId === 'hvorfor' || q.questionId === 'alder')).toBe(false);
    expect(o30).toEqual({ value: 'o30', count: 0, suppressed: true });
    expect(none).toMatchObject({ value: '', count: 0, suppressed: false });
  });
});
