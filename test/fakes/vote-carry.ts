import type { ModerationStore, VoteRecord } from '#functions/domain/ports';
import { tallyKey, voteKey, type FakeTables } from './tables';

/**
 * A merge's vote carry as `adapters/dynamodb/vote-carry.ts` does it, all at once: each vote on the
 * merged idea not moved yet is marked moved; the voter gets a vote on the target carried from it, or,
 * voting there already, a vote back on their tally; the target counts the carried votes. A target
 * merged itself takes none.
 */
export function fakeCarryVotes(tables: FakeTables): ModerationStore['carryVotes'] {
  return async (source, targetId, now) => {
    const target = tables.ideas.get(targetId);
    if (!target || target.status === 'merged') return 'target-closed';
    for (const vote of [...tables.votes.values()].filter((v) => v.ideaId === source.id && !v.movedTo)) {
      vote.movedTo = targetId;
      const onTarget = voteKey(targetId, vote.userId);
      if (tables.votes.has(onTarget)) {
        const tally = tallyKey(vote.userId, vote.processId);
        const standing = tables.voteTallies.get(tally) ?? 0;
        if (standing > 0) tables.voteTallies.set(tally, standing - 1);
        continue;
      }
      const { movedTo: _moved, ...own } = vote;
      const carried: VoteRecord = { ...own, ideaId: targetId, carriedFrom: source.id };
      tables.votes.set(onTarget, carried);
      target.voteCount += 1;
      target.trendScore += vote.weight;
    }
    const stored = tables.ideas.get(source.id);
    if (stored) stored.votesCarriedAt = now.toISOString();
    return 'done';
  };
}
