import { describe, expect, it } from 'vitest';
import { roundQuestions, type RuleQuestion, type RuleSurvey } from '#shared/rules/survey';

/** Which questions two rounds of a survey share, so their figures can stand side by side. */
const survey = (...questions: RuleQuestion[]): RuleSurvey => ({ sections: [{ id: 's', questions }] });
const choice = (id: string, kind: 'single' | 'multiple', ...options: string[]): RuleQuestion => ({ id, kind, options: options.map((o) => ({ id: o })) });

describe('roundQuestions', () => {
  it('shares a question with the same id, kind and options, in the later round’s order', () => {
    const previous = survey(choice('a', 'single', 'ja', 'nej'), { id: 'b', kind: 'likert' }, { id: 'c', kind: 'scale' });
    const current = survey({ id: 'c', kind: 'scale' }, choice('a', 'single', 'nej', 'ja'), { id: 'b', kind: 'likert' });
    expect(roundQuestions(previous, current)).toEqual({ shared: ['c', 'a', 'b'], onlyThisRound: [] });
  });

  it('keeps a choice question with other options to this round only (an option added, removed or renamed)', () => {
    const previous = survey(choice('added', 'multiple', 'x', 'y'), choice('removed', 'multiple', 'x', 'y'), choice('renamed', 'single', 'x', 'y'));
    const current = survey(choice('added', 'multiple', 'x', 'y', 'z'), choice('removed', 'multiple', 'x'), choice('renamed', 'single', 'x', 'w'));
    expect(roundQuestions(previous, current)).toEqual({ shared: [], onlyThisRound: ['added', 'removed', 'renamed'] });
  });

  it('keeps a question whose kind changed, or that is new, to this round only', () => {
    const previous = survey({ id: 'tillid', kind: 'likert' }, choice('valg', 'single', 'x', 'y'), { id: 'tekst', kind: 'short-text' });
    const current = survey({ id: 'tillid', kind: 'scale' }, choice('valg', 'multiple', 'x', 'y'), { id: 'tekst', kind: 'short-text' }, { id: 'ny', kind: 'likert' });
    expect(roundQuestions(previous, current)).toEqual({ shared: ['tekst'], onlyThisRound: ['tillid', 'valg', 'ny'] });
  });

  it('finds a question in another section of the earlier round; one the later round dropped is not listed', () => {
    const previous: RuleSurvey = { sections: [{ id: 'en', questions: [{ id: 'gammel', kind: 'likert' }] }, { id: 'to', questions: [{ id: 'flyttet', kind: 'scale' }] }] };
    const current = survey({ id: 'flyttet', kind: 'scale' });
    expect(roundQuestions(previous, current)).toEqual({ shared: ['flyttet'], onlyThisRound: [] });
  });

  it('shares nothing with an empty earlier round', () => {
    expect(roundQuestions({ sections: [] }, survey({ id: 'a', kind: 'likert' }))).toEqual({ shared: [], onlyThisRound: ['a'] });
  });
});
