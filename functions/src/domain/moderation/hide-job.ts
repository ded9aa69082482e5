// (queue or the block request) --> (use case) --> ModerationStore, IdeaStore, CommentStore, ResponseStore, UserDataStore
import type { Actor } from '../../lib/auth';
import { HttpError } from '../../lib/errors';
import { moderateResponse } from '../consultation/response-moderation';
import { moderateComment, moderateIdea, type ModerationDeps } from '../moderation';

/**
 * "Block and hide everything" (issue 17): hiding a prolific author's ideas, comments and paragraph
 * comments one audited decision at a time can outlast the 10 s request, so the block request records
 * the block and hands the hiding to a job (SQS with a dead-letter queue in AWS: cdk/constructs/
 * hide-job.ts; in-process on the local stack, like the digests). Nothing personal is queued: ids and
 * the moderator's reason, which the audit log holds anyway.
 */
export interface HideJob {
  /** The blocked user. */
  userId: string;
  /** The moderator who blocked: each hiding is their decision in the audit log. */
  actorId: string;
  reason: string;
  /** When the block was recorded. */
  blockedAt: string;
}

/** Where a block hands its hiding: the queue in AWS ('queued'), or a run right away (the count hidden). */
export interface HideJobs {
  start(job: HideJob): Promise<'queued' | { hidden: number }>;
}

/**
 * Hide everything the blocked user wrote. Idempotent: each item is hidden by the same conditional
 * decision a moderator takes by hand (its own audit entry, reason and author mail), and an item hidden
 * already is refused by that condition, so a job delivered twice (SQS is at-least-once) or retried
 * after a failure hides each item once and writes each audit entry once. A user unblocked before the
 * job ran keeps their content: the unblock is the later decision.
 */
export async function runHideJob(deps: ModerationDeps, job: HideJob): Promise<{ hidden: number; skipped?: 'unblocked' | 'unknown-user' }> {
  const items = await deps.userData.itemsOf(job.userId);
  if (!items.profile) return { hidden: 0, skipped: 'unknown-user' };
  if (!items.profile.blocked) return { hidden: 0, skipped: 'unblocked' };
  // The moderator's decision, carried out later: the audit entries name them, as if done by hand.
  const actor: Actor = { userId: job.actorId, roles: ['moderator'] };
  const reason = job.reason;
  let hidden = 0;
  for (const idea of items.ideas) {
    if (await tryDecision(() => moderateIdea(deps, actor, idea.id, { action: 'hide', reason }))) hidden++;
  }
  for (const comment of items.comments) {
    if (comment.state !== 'visible' && comment.state !== 'held') continue;
    if (await tryDecision(() => moderateComment(deps, actor, comment.id, { action: 'hide', reason }))) hidden++;
  }
  const responses = deps.responses;
  if (responses) {
    for (const response of (await responses.ofUser(job.userId)).responses) {
      if (!response.commented || (response.state !== 'visible' && response.state !== 'held')) continue;
      if (await tryDecision(() => moderateResponse({ ...deps, responses }, actor, response.id, { action: 'hide', reason }))) hidden++;
    }
  }
  deps.log.info('block: content hidden', { userId: job.userId, actorId: job.actorId, hidden });
  return { hidden };
}

/** The local stack's way (no queue): the job runs inside the block request, as before issue 17. */
export const hideRightAway = (deps: () => ModerationDeps): HideJobs => ({
  start: async (job) => ({ hidden: (await runHideJob(deps(), job)).hidden }),
});

/** A decision refused (hidden already, changed meanwhile) is skipped; a fault is the job's failure, for SQS to retry. */
const tryDecision = async (decide: () => Promise<unknown>) => {
  try {
    await decide();
    return true;
  } catch (error) {
    if (error instanceof HttpError && error.status < 500) return false;
    throw error;
  }
};
