// use case --> (helper) --> FollowEventLog
import type { IdeaModeration } from '#shared/schemas/moderation';
import type { Logger } from '../../lib/log';
import type { CommentRecord, FollowEvent, FollowEventLog, IdeaRecord } from '../ports';

/**
 * What followers are told about a moderator's decision and a reply, recorded after the change is
 * stored (domain/moderation.ts, domain/comments.ts) and fanned out by the digest run. Best effort: a
 * failure to record is logged and never fails or undoes the decision or the reply.
 */
export async function recordFollowEvent(log: FollowEventLog | undefined, logger: Logger | undefined, event: FollowEvent | undefined): Promise<void> {
  if (!log || !event) return;
  try {
    await log.record(event);
  } catch (error) {
    logger?.error('follow event not recorded', { kind: event.kind, targetId: event.targetId, error: String(error) });
  }
}

/** A reply's first characters: the mail is plain text and short. */
const REPLY_EXCERPT = 300;

/**
 * The event of a decision on an idea, if followers should hear of it: a new status (with the answer
 * when one was given), an answer alone when only the answer changed, or a merge (naming the idea it
 * went into, so the mail can offer to move the vote). Publishing, hiding and the like tell nobody.
 */
export function decisionEvent(before: IdeaRecord, after: IdeaRecord, command: IdeaModeration, actorId: string, mergedInto?: Pick<IdeaRecord, 'id' | 'title'>): FollowEvent | undefined {
  const base = { processId: after.processId, target: 'idea' as const, targetId: after.id, title: after.title, actorId };
  if (command.action === 'merge') {
    return mergedInto ? { ...base, kind: 'merged', status: after.status, relatedId: mergedInto.id, relatedTitle: mergedInto.title } : undefined;
  }
  if (command.action !== 'set-status') return undefined;
  const answer = command.officialAnswer ? command.officialAnswer : undefined;
  if (before.status !== after.status) return { ...base, kind: 'status', status: after.status, ...(answer ? { text: answer } : {}) };
  if (answer && answer !== before.officialAnswer) return { ...base, kind: 'answer', status: after.status, text: answer };
  return undefined;
}

/** A reply tells the author of the comment replied to, and nobody else; replying to oneself tells nobody. */
export function replyEvent(idea: Pick<IdeaRecord, 'processId' | 'id' | 'title'>, parent: CommentRecord | undefined, reply: CommentRecord): FollowEvent | undefined {
  if (!parent?.authorId || parent.authorId === reply.authorId) return undefined;
  return {
    processId: idea.processId,
    kind: 'reply',
    target: 'idea',
    targetId: idea.id,
    title: idea.title,
    text: (reply.body ?? '').slice(0, REPLY_EXCERPT),
    toUserId: parent.authorId,
    actorId: reply.authorId,
  };
}
