import { isPublicStatus } from '#shared/schemas/idea';
import type { IdeaModeration } from '#shared/schemas/moderation';
import { BadRequestError, ConflictError } from '../lib/errors';
import type { IdeaChange, IdeaRecord } from './ports';

/**
 * What a moderation decision does to an idea, as a pure function of its state:
 *
 *   pending ──publish──▶ published ──set-status──▶ under_review ▶ selected / not_selected ▶ implemented
 *      │                    │  ▲
 *      │                  hide restore            flags ≥ threshold: "held" (still its status, off the lists)
 *      │                    ▼  │                    restore: back on the lists, flags reset; hide/reject
 *      └──────reject──▶ rejected / hidden           merge: a public idea into another (read-only, links on)
 *
 * A decision that does not fit the idea's state is a 409: the moderator is looking at stale data.
 */
export function decideIdea(idea: IdeaRecord, command: IdeaModeration): IdeaChange {
  const status = idea.status;
  const held = !!idea.held;
  const closed = status === 'merged' || status === 'withdrawn';
  const notNow = (what: string) => new ConflictError('invalid-transition', `Idéen kan ikke ${what}, når den har status "${status}".`);

  switch (command.action) {
    case 'publish':
      if (status !== 'pending') throw notNow('offentliggøres');
      return { status: 'published', held: false, moderationReason: null };
    case 'hide':
      if (!isPublicStatus(status)) throw notNow('skjules');
      return { status: 'hidden', held: false, previousStatus: status, moderationReason: command.reason };
    case 'restore':
      if (status === 'hidden' || status === 'rejected') {
        return { status: idea.previousStatus ?? 'published', held: false, previousStatus: null, moderationReason: null, resetFlags: true };
      }
      if (held && isPublicStatus(status)) return { status, held: false, resetFlags: true };
      throw notNow('gendannes');
    case 'reject':
      if (closed || status === 'rejected') throw notNow('afvises');
      // Restoring a rejection goes back to where the idea was: pending stays unapproved, and a hidden
      // idea returns to the status it had before it was hidden.
      return { status: 'rejected', held: false, previousStatus: status === 'hidden' ? (idea.previousStatus ?? 'published') : status, moderationReason: command.reason };
    case 'merge':
      if (command.targetId === idea.id) throw new BadRequestError('En idé kan ikke lægges sammen med sig selv.');
      // A merged idea can be read by anyone: only what is public already may become merged, never
      // something unapproved, hidden or held after flags.
      if (!isPublicStatus(status) || held) throw notNow('lægges sammen');
      return { status: 'merged', held: false, mergedInto: command.targetId, moderationReason: command.reason };
    case 'set-status':
      if (!isPublicStatus(status)) throw notNow('få ny status');
      return {
        status: command.status,
        held,
        ...(command.officialAnswer !== undefined ? { officialAnswer: command.officialAnswer || null } : {}),
        ...(command.answerDeadline !== undefined ? { answerDeadline: command.answerDeadline } : {}),
      };
  }
}

/** "published (held)": the state as the audit log records it before and after. */
export const describeState = (status: string, held?: boolean) => `${status}${held ? ' (afventer moderator)' : ''}`;
