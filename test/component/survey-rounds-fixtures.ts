import type { Survey, SurveyResults } from '#shared/schemas/survey';
import { results, survey } from './survey-fixtures';

/** Two rounds of the fixture survey (survey-fixtures.ts): the earlier one, 'ai-2024', and this one's results. */
const [holdninger, omDig] = survey.sections as [Survey['sections'][number], Survey['sections'][number]];
const byId = (id: string) => survey.sections.flatMap((s) => s.questions).find((q) => q.id === id)!;
/** The earlier round asked 'tillid', 'lang' and 'alder' the same way, 'brug' with another option, and not 'nytte', 'omraader' or 'kort'. */
export const previousSurvey: Survey = {
  ...survey,
  processId: 'ai-2024',
  sections: [
    { ...holdninger, questions: [byId('tillid'), { ...byId('brug'), options: [{ id: 'ja', label: { da: 'Ja' } }, { id: 'nej', label: { da: 'Nej' } }, { id: 'ved-ikke', label: { da: 'Ved ikke' } }] } as never] },
    { ...omDig, questions: [byId('lang'), byId('alder')] },
  ],
};
export const previousResults: SurveyResults = {
  processId: 'ai-2024',
  answerCount: 20,
  period: { from: '2024-05-01', to: '2024-05-31' },
  questions: [
    { questionId: 'tillid', kind: 'likert', answered: 20, distribution: [2, 4, 6, 6, 2].map((count, i) => ({ value: i + 1, count })), mean: 3.1 },
    { questionId: 'brug', kind: 'single', answered: 20, options: [{ id: 'ja', count: 10, share: 0.5 }, { id: 'nej', count: 5, share: 0.25 }, { id: 'ved-ikke', count: 5, share: 0.25 }] },
    { questionId: 'lang', kind: 'long-text', answered: 1, texts: [] },
    { questionId: 'alder', kind: 'single', answered: 18, options: [{ id: 'under-30', count: 9, share: 0.5 }, { id: 'over-30', count: 9, share: 0.5 }] },
  ],
};
export const currentResults: SurveyResults = {
  ...results,
  questions: [...results.questions, { questionId: 'alder', kind: 'single', answered: 10, options: [{ id: 'under-30', count: 4, share: 0.4 }, { id: 'over-30', count: 6, share: 0.6 }] }],
};

