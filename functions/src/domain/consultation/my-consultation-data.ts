// domain/my-data --> (helper) --> ResponseStore
import type { Clock } from '../ports';
import type { ResponseStore } from './response-ports';
import { toResponse } from './response-view';

export type ConsultationDataStore = Pick<ResponseStore, 'ofUser' | 'remove' | 'deleteFlag'>;

/** The person's consultation responses (with their comments in any state, and the committee's answers) and flags, for the GDPR download. */
export async function myConsultationData(store: ConsultationDataStore, userId: string) {
  const { responses, flags } = await store.ofUser(userId);
  return {
    responses: responses.map((r) => ({ ...toResponse(r, 'internal'), ...(r.comment !== undefined ? { comment: r.comment } : {}) })),
    flags: flags.map((f) => ({ responseId: f.responseId, reason: f.reason, ...(f.text ? { text: f.text } : {}), createdAt: f.createdAt })),
  };
}

/**
 * Erasure on account deletion: each response becomes a placeholder without author or comment (its
 * position leaves the figures, as a deleted vote leaves an idea's count; its one-per-person marker
 * goes with it), and the person's flags are deleted (the flagged comment keeps its count).
 */
export async function eraseMyConsultationData(store: ConsultationDataStore, userId: string, clock: Clock): Promise<void> {
  const { responses, flags } = await store.ofUser(userId);
  for (const flag of flags) await store.deleteFlag(flag);
  for (const response of responses) {
    // A response changed meanwhile (a moderator's decision) is read again and removed.
    if (response.state !== 'deleted' && !(await store.remove(response, clock.now()))) {
      const again = (await store.ofUser(userId)).responses.find((r) => r.id === response.id);
      if (again && again.state !== 'deleted') await store.remove(again, clock.now());
    }
  }
}
