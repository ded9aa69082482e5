import type { Recommendation } from '../../frontend/src/api/recommendationsWorkspace';
import { process } from './fixtures';

/** A recommendation as the API answers it, for the recommendations' workspace tests. */
export const REC_ID = '01JREC0000000000000000000A';
export const recommendation = (over: Partial<Recommendation> = {}): Recommendation => ({
  id: REC_ID,
  processId: process.id,
  title: 'AI-hjælp til journalnotater',
  rationale: 'Medarbejderne bruger meget tid på notater. AI kan skrive et udkast.',
  effects: { kvalitet: 2, hastighed: 3 },
  ideas: [{ id: '01JD0000000000000000000001', title: 'Idé nummer 1', status: 'published', voteCount: 4 }],
  status: 'proposed',
  progress: [],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});
