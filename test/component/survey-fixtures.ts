import type { Process } from '#shared/schemas/process';
import type { Survey, SurveyResults } from '#shared/schemas/survey';
import { process } from './fixtures';

const day = 86_400_000;
const now = Date.now();

/** The fixture process with its survey phase open now (or starting in ten days). */
export const surveyProcess = (open = true): Process => ({
  ...process,
  phases: [
    { kind: 'survey', title: { da: 'Spørgeskema' }, startsAt: new Date(now + (open ? -day : 10 * day)).toISOString(), endsAt: new Date(now + 20 * day).toISOString() },
    { kind: 'closed', title: { da: 'Afsluttet' }, startsAt: new Date(now + 20 * day).toISOString(), endsAt: new Date(now + 3000 * day).toISOString() },
  ],
});

export const survey: Survey = {
  processId: process.id,
  title: { da: 'Holdninger til AI', en: 'Attitudes to AI' },
  intro: { da: 'Fortæl os, hvad du mener om AI.' },
  anonymous: true,
  sections: [
    {
      id: 'holdninger',
      title: { da: 'Dine holdninger' },
      questions: [
        { id: 'tillid', kind: 'likert', text: { da: 'Jeg har tillid til AI i kommunen' }, required: true, lowLabel: { da: 'Meget uenig' }, highLabel: { da: 'Meget enig' } },
        { id: 'nytte', kind: 'scale', text: { da: 'Hvor nyttigt er AI?' }, required: false, lowLabel: { da: 'Slet ikke' }, highLabel: { da: 'Meget' } },
        { id: 'brug', kind: 'single', text: { da: 'Bruger du AI?' }, required: true, options: [{ id: 'ja', label: { da: 'Ja' } }, { id: 'nej', label: { da: 'Nej' } }] },
        {
          id: 'omraader',
          kind: 'multiple',
          text: { da: 'Hvor skal AI bruges?' },
          required: false,
          maxChoices: 2,
          options: [
            { id: 'skole', label: { da: 'Skole' } },
            { id: 'aeldre', label: { da: 'Ældrepleje' } },
            { id: 'sagsbehandling', label: { da: 'Sagsbehandling' } },
          ],
        },
      ],
    },
    {
      id: 'om-dig',
      title: { da: 'Om dig' },
      questions: [
        { id: 'kort', kind: 'short-text', text: { da: 'Ét ord om AI' }, required: false, maxLength: 40 },
        { id: 'lang', kind: 'long-text', text: { da: 'Hvad bekymrer dig?' }, required: false, maxLength: 500 },
        {
          id: 'alder',
          kind: 'single',
          demographic: 'age-band',
          text: { da: 'Din alder' },
          help: { da: 'Vi spørger for at se, om holdningerne er forskellige i aldersgrupperne.' },
          required: false,
          options: [
            { id: 'under-30', label: { da: 'Under 30' } },
            { id: 'over-30', label: { da: '30 eller derover' } },
          ],
        },
      ],
    },
  ],
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};

export const results: SurveyResults = {
  processId: process.id,
  answerCount: 12,
  period: { from: '2026-11-28', to: '2026-11-30' },
  questions: [
    { questionId: 'tillid', kind: 'likert', answered: 12, distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 4 ? 6 : value === 2 ? 0 : 2 })), mean: 3.5 },
    { questionId: 'brug', kind: 'single', answered: 10, options: [{ id: 'ja', count: 7, share: 0.7 }, { id: 'nej', count: 3, share: 0.3 }] },
    { questionId: 'lang', kind: 'long-text', answered: 3, texts: [{ id: 't1', text: '<b>Overvågning</b>' }] },
  ],
};
