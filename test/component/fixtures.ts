import type { IdeaListItem } from '#shared/schemas/idea';
import type { Process } from '#shared/schemas/process';

// Phases around now, so submitting, voting and commenting are open in the tests.
const day = 86_400_000;
const now = Date.now();

export const process: Process = {
  id: 'ai-i-gentofte',
  title: { da: 'AI i Gentofte Kommune', en: 'AI in Gentofte Municipality' },
  summary: { da: 'Hvor og hvordan skal kommunen bruge AI?' },
  description: { da: 'Første afsnit.\n\nAndet afsnit.\n  \nTredje afsnit.' },
  phases: [
    { kind: 'ideas', title: { da: 'Idéer og stemmer' }, startsAt: new Date(now - day).toISOString(), endsAt: new Date(now + 30 * day).toISOString() },
    { kind: 'closed', title: { da: 'Afsluttet' }, startsAt: new Date(now + 30 * day).toISOString(), endsAt: new Date(now + 3000 * day).toISOString() },
  ],
  charter: {
    tasks: { da: 'Udvalget skal pege på, hvor AI kan bruges.' },
    members: [{ name: 'Anna Andersen', role: { da: 'Formand', en: 'Chair' } }],
    meetings: [{ at: new Date(now + 10 * day).toISOString(), title: { da: 'Første møde' } }],
    outcome: { da: 'Udvalget læser alle idéer.' },
  },
  areas: [
    { id: 'boern-og-unge', name: { da: 'Børn og unge', en: 'Children and young people' } },
    { id: 'erhverv', name: { da: 'Erhverv' } },
  ],
  effects: [
    { id: 'kvalitet', name: { da: 'Kvalitet' } },
    { id: 'hastighed', name: { da: 'Hastighed' } },
  ],
  settings: { moderation: 'post', flagThreshold: 3, votesPerPerson: null, personalDataUntil: '2099-01-01T00:00:00.000Z', limits: { votesPerMinute: 30, commentsPerMinute: 10, ideasPerHour: 5, flagsPerHour: 20 } },
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};

export const idea = (n: number, overrides: Partial<IdeaListItem> = {}): IdeaListItem => ({
  id: `01JDEMO${String(n).padStart(19, '0')}`,
  processId: 'ai-i-gentofte',
  title: `Idé nummer ${n}`,
  excerpt: `Uddrag af idé ${n}`,
  area: 'boern-og-unge',
  effects: ['kvalitet'],
  beneficiaries: ['citizens'],
  status: 'published',
  authorName: 'Anna Jensen',
  authorType: 'citizen',
  voteCount: 0,
  commentCount: 0,
  createdAt: '2026-11-27T10:00:00.000Z',
  ...overrides,
});
