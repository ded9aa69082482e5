// domain/retention --> (helper) --> ConsultationReads, ResponseStore
import { FORMER_PARTICIPANT } from '../my-data';
import type { ConsultationReads } from './ports';
import type { ResponseStore } from './response-ports';

/**
 * The retention job's part for consultation responses (domain/retention.ts): in every document of the
 * process, each response is unlinked from its author and shows "Tidligere deltager", as an idea
 * comment does; the comment, its position, participant type and the committee's answer stay (the
 * committee's material and figures); the one-per-person markers and the flags (who flagged what) go.
 * Idempotent: a second run finds no author left.
 */
export function responseRetention(reads: Pick<ConsultationReads, 'documents'>, responses: Pick<ResponseStore, 'eraseAuthors'>) {
  return {
    async eraseResponses(processId: string): Promise<number> {
      let erased = 0;
      for (const document of await reads.documents(processId)) erased += await responses.eraseAuthors(processId, document.id, FORMER_PARTICIPANT);
      return erased;
    },
  };
}
