import type { AssistedPersonView } from '../../frontend/src/api/assistedWorkspace';
import type { Receipt } from '#shared/schemas/assisted';
import type { Survey } from '#shared/schemas/survey';
import { json, problem } from './app';
import { idea, process } from './fixtures';

/** The assistant's pages against a fake API: a citizen, their receipt, ideas to vote on, a survey. */
export const PERSON = '01JXQ8ZP6B0000000000000001';
export const IDEA_A = '01JXQ8ZP6B00000000000000AA';
export const IDEA_B = '01JXQ8ZP6B00000000000000BB';
export const BASE = '/api/processes/ai-i-gentofte/assisted/persons';

export const person = (over: Partial<AssistedPersonView> = {}): AssistedPersonView => ({
  id: PERSON,
  processId: 'ai-i-gentofte',
  name: 'Jens Hansen',
  phone: '39 98 12 34',
  contactHint: '•• •• 12 34',
  participantType: 'citizen',
  createdAt: '2026-12-01T09:00:00.000Z',
  claimed: false,
  consent: { at: '2026-12-01T09:00:00.000Z', version: '2026-12-01', assistantName: 'Birgit B.', channel: 'assisted-in-person' },
  ideas: [],
  votedIdeaIds: [],
  comments: 0,
  surveyAnswered: false,
  ...over,
});

export const receipt = (over: Partial<Receipt> = {}): Receipt => ({
  personId: PERSON,
  name: 'Jens Hansen',
  processId: 'ai-i-gentofte',
  processTitle: 'AI i Gentofte Kommune',
  channel: 'assisted-in-person',
  at: '2026-12-01T09:05:00.000Z',
  claimCode: '7K3M-Q9PX-2DRT',
  followUrl: 'https://deltag.gentofte.dk/ideer/01JXQ8ZP6B00000000000000CC',
  claimUrl: 'https://deltag.gentofte.dk/min-side/hent-bidrag',
  items: [{ kind: 'idea', ideaId: '01JXQ8ZP6B00000000000000CC', title: 'Hjælp til ansøgninger', pending: false }],
  ...over,
});

export const ideas = [idea(1, { id: IDEA_A, title: 'Chatbot på borger.dk', voteCount: 4 }), idea(2, { id: IDEA_B, title: 'Hurtigere svar', voteCount: 1 })];

export const survey: Survey = {
  processId: 'ai-i-gentofte',
  title: { da: 'Spørgeskema om AI' },
  sections: [
    {
      id: 'om-dig',
      title: { da: 'Om dig' },
      questions: [{ id: 'tryg', kind: 'single', text: { da: 'Er du tryg ved AI?' }, required: true, options: [{ id: 'ja', label: { da: 'Ja' } }, { id: 'nej', label: { da: 'Nej' } }] }],
    },
  ],
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
} as unknown as Survey;

/** The common answers: the process, its ideas, no survey unless given; anything else 404. */
export function common(url: URL, withSurvey = false): Response | undefined {
  if (url.pathname === '/api/processes/ai-i-gentofte') return json(process);
  if (url.pathname === '/api/processes/ai-i-gentofte/ideas') return json({ items: ideas, nextCursor: null });
  if (url.pathname === '/api/processes/ai-i-gentofte/survey') return withSurvey ? json(survey) : problem(404, 'Ikke fundet');
  return undefined;
}
