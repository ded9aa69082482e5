import type { FlagStore } from '#functions/domain/ports';
import { rateCheck } from './rate-limits';
import { copy, flagKey, type FakeTables } from './tables';

/**
 * Flags as `adapters/dynamodb/flags.ts` counts them: one per user and target since the target's last
 * restore, written with the target's flag count; a target that reaches the threshold is held once.
 */
export function fakeFlagStore(tables: FakeTables): FlagStore {
  /** The flagged idea or comment, if it exists where the flag says (a comment under that idea). */
  const targetOf = (t: { ideaId: string; commentId?: string }) => {
    if (!t.commentId) return tables.ideas.get(t.ideaId);
    const comment = tables.comments.get(t.commentId);
    return comment?.ideaId === t.ideaId ? comment : undefined;
  };

  return {
    async add(flag, limit, now, resetAt) {
      const key = flagKey(flag.ideaId, flag.commentId, flag.userId);
      // The adapter finds a comment's item through its id first: an unknown id is gone before any write.
      if (flag.commentId && !tables.comments.has(flag.commentId)) return 'gone';
      const target = targetOf(flag);
      const earlier = tables.flags.get(key);
      const rate = rateCheck(tables, flag.userId, limit, now);
      // A flag from before the last restore was dealt with: the same user may flag again.
      if (earlier && !(resetAt && earlier.createdAt < resetAt)) return 'exists';
      if (!target) return 'gone';
      if (!rate.ok) throw rate.refusal();
      tables.flags.set(key, copy(flag));
      // As the adapter: a flag from a new account is kept but not counted toward the hold.
      target.flagCount = (target.flagCount ?? 0) + (flag.newAccount ? 0 : 1);
      rate.commit();
      return 'added';
    },

    async holdIfFlagged(t, threshold, now) {
      const queued = { kind: 'flagged' as const, processId: t.processId, queuedAt: now.toISOString() };
      // A missing count never reaches a threshold (DynamoDB compares nothing with nothing as false).
      const reached = (count: number | undefined) => count !== undefined && count >= threshold;
      if (t.commentId) {
        const comment = tables.comments.get(t.commentId);
        if (comment?.ideaId !== t.ideaId || !reached(comment.flagCount) || comment.state !== 'visible') return false;
        comment.state = 'held';
        tables.queue.set(comment.id, { ...queued, target: 'comment' });
        return true;
      }
      const idea = tables.ideas.get(t.ideaId);
      if (!idea || !reached(idea.flagCount) || idea.held) return false;
      idea.held = true;
      tables.queue.set(idea.id, { ...queued, target: 'idea' });
      return true;
    },
  };
}
