// handler --> (use case) --> ResponseStore, ConsultationReads, ProcessStore, ProfileStore
import { COMMENT_EDIT_WINDOW_MINUTES } from '#shared/rules/values';
import type { ConsultationResponse, ResponseCreate, ResponseUpdate } from '#shared/schemas/consultation';
import { hasRole, type Actor } from '../../lib/auth';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors';
import { limitFor } from '../limits';
import type { Clock, ProcessStore, ProfileStore } from '../ports';
import { writerProfile } from '../profiles';
import { paragraphNumbers, type ConsultationReads } from './ports';
import { assertMayRespond, publishedDocument, roundOf } from './response-context';
import type { ResponseRecord, ResponseStore } from './response-ports';
import { toResponse } from './response-view';

export interface ResponseDeps {
  responses: ResponseStore;
  reads: ConsultationReads;
  /** Read as stored (not cached): a response must not slip in after an admin closed the phase. */
  processes: Pick<ProcessStore, 'get'>;
  profiles: Pick<ProfileStore, 'get'>;
  clock: Clock;
  newId: (now: Date) => string;
}

/**
 * Respond to a paragraph. Primary course:
 * 1. The document is published (404) and the round is one of the setup's (409 unknown-round).
 * 2. The person may respond in the round now (403 not-member, 409 round-closed: response-context.ts).
 * 3. The paragraph is one of the current version's (409 unknown-paragraph); the response records the version.
 * 4. The person has a profile and is not blocked (their name and participant type are shown and counted).
 * 5. Response, one-per-person marker, counters and rate counter in one transaction (409 already-responded:
 *    the person edits the response they have). Comments are post-moderated, as idea comments are.
 */
export async function createResponse(deps: ResponseDeps, actor: Actor, processId: string, documentId: string, input: ResponseCreate): Promise<ConsultationResponse> {
  const now = deps.clock.now();
  // Independent reads in parallel: a rush of responses to one paragraph must not queue behind round trips.
  const [document, setup, stored] = await Promise.all([publishedDocument(deps.reads, processId, documentId), deps.reads.setup(processId), deps.profiles.get(actor.userId)]);
  const round = roundOf(setup, input.roundId);
  const [process, version] = await Promise.all([
    assertMayRespond(deps, processId, round, actor.userId, now),
    deps.reads.version(processId, documentId, document.currentVersion),
  ]);
  if (!version || !paragraphNumbers(version.blocks).includes(input.paragraphNo)) {
    throw new ConflictError('unknown-paragraph', 'Afsnittet findes ikke i den gældende version af dokumentet.', [
      { path: 'body.paragraphNo', message: 'Vælg et afsnit i den gældende version' },
    ]);
  }
  const profile = writerProfile(stored, 'svarer på høringen');

  const at = now.toISOString();
  const record: ResponseRecord = {
    id: deps.newId(now),
    processId,
    documentId,
    version: document.currentVersion,
    paragraphNo: input.paragraphNo,
    roundId: round.id,
    roundKind: round.kind,
    position: input.position,
    state: 'visible',
    ...(input.comment !== undefined ? { comment: input.comment, commented: true } : {}),
    authorId: actor.userId,
    authorName: profile.displayName,
    authorType: profile.participantType,
    edited: false,
    createdAt: at,
    updatedAt: at,
  };
  const result = await deps.responses.create(record, limitFor(process, 'comment'), now);
  if (result === 'already-responded') {
    throw new ConflictError('already-responded', 'Du har allerede svaret på dette afsnit i denne runde. Du kan rette dit svar.');
  }
  return toResponse(record);
}

/**
 * The author changes their response. Primary course:
 * 1. It is theirs (403) and visible (409: held or hidden ones wait for a moderator).
 * 2. A new position only while its round is open for them (as when responding).
 * 3. A new or removed comment only within COMMENT_EDIT_WINDOW_MINUTES of responding, and not once the
 *    committee has answered it (the answer would then stand under another text).
 * 4. The change and the moved counters in one transaction, if nobody changed the response meanwhile (409).
 */
export async function updateResponse(deps: ResponseDeps, actor: Actor, responseId: string, change: ResponseUpdate): Promise<ConsultationResponse> {
  const now = deps.clock.now();
  const response = await deps.responses.get(responseId);
  if (!response || response.state === 'deleted') throw new NotFoundError('Svaret findes ikke.');
  if (response.authorId !== actor.userId) throw new ForbiddenError('Du kan kun rette dine egne svar.');
  // A block also stops edits of what was written before it (the same check as a new response).
  writerProfile(await deps.profiles.get(actor.userId), 'retter dit svar');
  if (response.state !== 'visible') throw new ConflictError('not-editable', 'Svaret afventer en moderator og kan ikke rettes nu.');
  if (change.position !== undefined && change.position !== response.position) {
    const round = roundOf(await deps.reads.setup(response.processId), response.roundId);
    await assertMayRespond(deps, response.processId, round, actor.userId, now);
  }
  if (change.comment !== undefined) {
    const editableAfter = now.getTime() - COMMENT_EDIT_WINDOW_MINUTES * 60_000;
    if (Date.parse(response.createdAt) < editableAfter) {
      throw new ConflictError('edit-window-closed', `En kommentar kan kun rettes i ${COMMENT_EDIT_WINDOW_MINUTES} minutter efter, den er skrevet.`);
    }
    if (response.answer) throw new ConflictError('answered', 'Udvalget har svaret på kommentaren, så den kan ikke længere rettes.');
  }
  const updated = await deps.responses.update(response, { position: change.position, comment: change.comment }, now);
  if (updated === 'stale') throw changedMeanwhile();
  return toResponse(updated);
}

/**
 * The author deletes; a placeholder stays, counters go down, and the author may respond again.
 * Idempotent. A moderator removes someone else's comment by hiding it (moderateResponse: a reason and
 * an audit entry), never by a silent delete.
 */
export async function deleteResponse(deps: Pick<ResponseDeps, 'responses' | 'clock'>, actor: Actor, responseId: string): Promise<void> {
  const response = await deps.responses.get(responseId);
  if (!response) throw new NotFoundError('Svaret findes ikke.');
  if (response.state === 'deleted') return; // deleting twice is done already (and it has no author left)
  if (response.authorId !== actor.userId) {
    const pointer = hasRole(actor, 'moderator') ? ' Som moderator skjuler du en andens kommentar med en begrundelse (Skjul), så beslutningen bliver logget.' : '';
    throw new ForbiddenError(`Du kan kun slette dine egne svar.${pointer}`);
  }
  if (!(await deps.responses.remove(response, deps.clock.now()))) throw changedMeanwhile();
}

export const changedMeanwhile = () => new ConflictError('changed-meanwhile', 'Svaret er ændret i mellemtiden. Hent det igen.');
