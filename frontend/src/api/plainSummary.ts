import type { PlainSummaryUpdate } from '#shared/schemas/idea';
import { call } from './client';

/** Sets (or with null removes) an idea's "letlæst" summary: its author, or a moderator. Answers with the idea. */
export const putPlainSummary = (ideaId: string, body: PlainSummaryUpdate) => call('setPlainSummary', { params: { ideaId }, body });
