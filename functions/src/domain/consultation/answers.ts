// handler --> (use case) --> ResponseStore, ProfileStore
import { answerStatusLabels } from '#shared/rules/labels';
import type { AnswerSave, ConsultationResponse } from '#shared/schemas/consultation';
import type { Actor } from '../../lib/auth';
import { ConflictError, NotFoundError } from '../../lib/errors';
import { auditEntry } from '../audit';
import type { Clock, ProfileStore } from '../ports';
import { changedMeanwhile } from './responses';
import type { ResponseStore } from './response-ports';
import { toResponse } from './response-view';

/**
 * The committee's answer to a comment (what it did with it, and why), shown publicly under the
 * comment; it may be changed later. Primary course:
 * 1. The response exists, is not deleted (404) and carries a comment (409 no-comment: a position alone needs no answer).
 * 2. The answer, the "answered" counters (the first answer only) and the audit entry in one
 *    transaction, if the response is still as read (409).
 */
export async function answerResponse(
  deps: { responses: ResponseStore; profiles: Pick<ProfileStore, 'get'>; clock: Clock; newId: (now: Date) => string },
  actor: Actor,
  responseId: string,
  input: AnswerSave,
): Promise<ConsultationResponse> {
  const now = deps.clock.now();
  const response = await deps.responses.get(responseId);
  if (!response || response.state === 'deleted') throw new NotFoundError('Svaret findes ikke.');
  if (response.comment === undefined) throw new ConflictError('no-comment', 'Kun kommentarer kan besvares; dette svar er en holdning uden kommentar.');
  const audit = await auditEntry(deps, actor, now, {
    processId: response.processId,
    action: 'response-answer',
    targetKind: 'response',
    targetId: response.id,
    // The log shows the answer as the decision's reason, the status in the committee's words.
    reason: `${answerStatusLabels[input.status].da}: ${input.text}`,
  });
  const updated = await deps.responses.answer(response, { status: input.status, text: input.text, answeredAt: now.toISOString() }, audit, now);
  if (updated === 'stale') throw changedMeanwhile();
  return toResponse(updated, 'internal');
}

