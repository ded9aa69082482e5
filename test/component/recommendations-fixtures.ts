import type { Recommendation, Register, StatusReport } from '#shared/schemas/recommendations';
import { process } from './fixtures';

/** A process with recommendations, one adopted with an initiative and progress, one proposed (issue 16). */
export const RECS = '/api/processes/ai-i-gentofte/recommendations';
export const adoptedId = '01JREC00000000000000000001';
export const proposedId = '01JREC00000000000000000002';
export const ideaA = '01JDEMO0000000000000000001';
export const ideaB = '01JDEMO0000000000000000002';

export const adopted: Recommendation = {
  id: adoptedId,
  processId: 'ai-i-gentofte',
  title: 'Chatbot til spørgsmål om affald',
  rationale: 'Mange borgere spørger om det samme.\n\nEn chatbot kan svare døgnet rundt.',
  effects: { hastighed: 3, kvalitet: 1 },
  ideas: [
    { id: ideaA, title: 'Idé nummer 1', status: 'published', voteCount: 12 },
    { id: ideaB, title: 'Idé nummer 2', status: 'selected', voteCount: 1 },
  ],
  status: 'adopted',
  statusNote: 'Vedtaget på mødet i Teknik- og Miljøudvalget.',
  statusChangedAt: '2026-11-20T10:00:00.000Z',
  aiLens: { aiActCategory: 'high-risk', highRiskArea: 'essential-services', dpiaNeeded: true, ethicsNote: '<b>Husk</b> borgere uden MitID.' },
  initiative: { owner: 'Digitalisering og IT', startsOn: '2026-01-01', endsOn: '2026-06-30', state: 'in-progress', updatedAt: '2026-11-21T10:00:00.000Z' },
  progress: [
    { id: '01JPRG00000000000000000001', on: '2026-03-01', text: 'Første udgave er afprøvet.', createdAt: '2026-03-01T10:00:00.000Z', authorName: 'Karen' },
    { id: '01JPRG00000000000000000002', on: '2026-05-01', text: 'Chatbotten er sat i drift.', createdAt: '2026-05-01T10:00:00.000Z', authorName: 'Karen' },
  ],
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
};

export const proposed: Recommendation = {
  ...adopted,
  id: proposedId,
  title: 'Hjælp til at sortere post',
  status: 'proposed',
  effects: {},
  ideas: [],
  aiLens: undefined,
  initiative: undefined,
  progress: [],
  statusNote: undefined,
  statusChangedAt: undefined,
};

export const register: Register = { processId: 'ai-i-gentofte', today: '2026-12-02', items: [adopted] };

export const report: StatusReport = {
  processId: 'ai-i-gentofte',
  earlierProcessId: 'ai-i-gentofte-2024',
  earlierProcessTitle: 'AI i Gentofte 2024',
  today: '2026-12-02',
  items: [
    {
      recommendationId: adoptedId,
      title: 'Chatbot til spørgsmål om affald',
      owner: 'Digitalisering og IT',
      startsOn: '2024-01-01',
      endsOn: '2025-06-30',
      state: 'done',
      standing: 'done',
      aiLens: { aiActCategory: 'transparency' },
      lastUpdate: adopted.progress[1],
      updates: 2,
    },
  ],
};

export const revisit = { ...process, clonedFrom: 'ai-i-gentofte-2024' };
