import { ideaActionAllowed, type IdeaAction } from '#shared/rules/moderation';
import type { AuditState } from '#shared/rules/audit';
import { statusLabels } from '#shared/rules/labels';
import type { IdeaStatus } from '#shared/rules/values';
import type { IdeaModeration } from '#shared/schemas/moderation';
import { BadRequestError, ConflictError } from '../lib/errors';
import type { IdeaChange, IdeaRecord } from './ports';

/**
 * What a moderation decision does to an idea. Which decisions a state allows is the shared table in
 * `shared/rules/moderation.ts` (the workspace's buttons follow it too); a decision that does not fit
 * the idea's state is a 409: the moderator is looking at stale data.
 */
export function decideIdea(idea: IdeaRecord, command: IdeaModeration): IdeaChange {
  const status = idea.status;
  const held = !!idea.held;
  if (command.action === 'merge' && command.targetId === idea.id) throw new BadRequestError('En idé kan ikke lægges sammen med sig selv.');
  if (!ideaActionAllowed(idea, command.action)) {
    throw new ConflictError('invalid-transition', `Idéen kan ikke ${refused[command.action]}, når den har status "${statusLabels[status].da}".`);
  }

  switch (command.action) {
    case 'publish':
      return { status: 'published', held: false, moderationReason: null };
    case 'hide':
      return { status: 'hidden', held: false, previousStatus: status, moderationReason: command.reason };
    case 'restore':
      if (status === 'hidden' || status === 'rejected') {
        return { status: idea.previousStatus ?? 'published', held: false, previousStatus: null, moderationReason: null, resetFlags: true };
      }
      return { status, held: false, resetFlags: true };
    case 'reject':
      // Restoring a rejection goes back to where the idea was: pending stays unapproved, and a hidden
      // idea returns to the status it had before it was hidden.
      return { status: 'rejected', held: false, previousStatus: status === 'hidden' ? (idea.previousStatus ?? 'published') : status, moderationReason: command.reason };
    case 'merge':
      return { status: 'merged', held: false, mergedInto: command.targetId, moderationReason: command.reason };
    case 'set-status':
      return {
        status: command.status,
        held,
        ...(command.officialAnswer !== undefined ? { officialAnswer: command.officialAnswer || null } : {}),
        ...(command.answerDeadline !== undefined ? { answerDeadline: command.answerDeadline } : {}),
      };
  }
}

/** "Idéen kan ikke …": the refused decision in the 409's words. */
const refused: Record<IdeaAction, string> = {
  publish: 'offentliggøres',
  hide: 'skjules',
  restore: 'gendannes',
  reject: 'afvises',
  merge: 'lægges sammen',
  'set-status': 'få ny status',
};

/** An idea's state as the audit log records it before and after a decision (the reader words it). */
export const ideaState = (status: IdeaStatus, held?: boolean): AuditState => ({ kind: 'idea', status, held: !!held });
