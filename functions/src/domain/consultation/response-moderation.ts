// handler --> (use case) --> ResponseStore, ConsultationReads, ProcessStore, ProfileStore
import type { ConsultationResponse } from '#shared/schemas/consultation';
import type { FlagCreate } from '#shared/schemas/flag';
import type { CommentModeration } from '#shared/schemas/moderation';
import type { Actor } from '../../lib/auth';
import { ConflictError, NotFoundError } from '../../lib/errors';
import { auditEntry } from '../audit';
import { applyFlag, ownContent } from '../flags';
import type { Clock, ProcessStore, ProfileStore } from '../ports';
import type { ResponseStore } from './response-ports';
import { toResponse } from './response-view';

export interface ResponseModerationDeps {
  responses: ResponseStore;
  processes: Pick<ProcessStore, 'get'>;
  profiles: Pick<ProfileStore, 'get'>;
  clock: Clock;
  newId: (now: Date) => string;
}

/**
 * Flag a comment on a paragraph, by the rules every flag follows (domain/flags.ts `applyFlag`): a
 * visible comment that is not one's own; one flag per person; held for moderators (the moderation
 * queue's flagged list) once the process's threshold is reached.
 */
export async function flagResponse(deps: ResponseModerationDeps, actor: Actor, responseId: string, input: FlagCreate) {
  const response = await deps.responses.get(responseId);
  if (!response || response.state !== 'visible' || response.comment === undefined) throw new NotFoundError('Kommentaren findes ikke.');
  if (response.authorId === actor.userId) throw ownContent();
  return applyFlag(deps, actor, response.processId, input, {
    add: (fields, limit, now) =>
      deps.responses.addFlag({ ...fields, responseId, processId: response.processId, documentId: response.documentId }, limit, now, response.flagsResetAt),
    hold: (threshold, now) => deps.responses.holdIfFlagged(response, threshold, now),
  });
}

/**
 * A moderator hides a comment (with a reason: Danish administrative law) or restores it. Primary course:
 * 1. The response has a comment and is not deleted (404); the decision fits its state (409).
 * 2. The new state, the counters ("X of Y answered" leaves hidden comments out) and the audit entry
 *    (who, when, why, state before and after) in one transaction, if nobody decided meanwhile (409).
 */
export async function moderateResponse(deps: Pick<ResponseModerationDeps, 'responses' | 'profiles' | 'clock' | 'newId'>, actor: Actor, responseId: string, command: CommentModeration): Promise<ConsultationResponse> {
  const now = deps.clock.now();
  const response = await deps.responses.get(responseId);
  if (!response || response.state === 'deleted' || !response.commented) throw new NotFoundError('Kommentaren findes ikke.');
  const target = command.action === 'hide' ? 'hidden' : 'visible';
  const allowed = command.action === 'hide' ? ['visible', 'held'] : ['hidden', 'held'];
  if (!allowed.includes(response.state)) throw new ConflictError('invalid-transition', `Kommentaren kan ikke ${command.action === 'hide' ? 'skjules' : 'gendannes'} nu.`);
  const audit = await auditEntry(deps, actor, now, {
    processId: response.processId,
    action: command.action === 'hide' ? 'response-hide' : 'response-restore',
    targetKind: 'response',
    targetId: response.id,
    reason: command.reason,
    before: { kind: 'comment', state: response.state },
    after: { kind: 'comment', state: target },
  });
  if (!(await deps.responses.setState(response, target, audit, now))) throw new ConflictError('changed-meanwhile', 'Kommentaren er ændret i mellemtiden. Hent den igen.');
  return toResponse({ ...response, state: target, updatedAt: now.toISOString() }, 'internal');
}
