import type { IdeaRecord, VoteStore } from '#functions/domain/ports';
import { rateCheck } from './rate-limits';
import { copy, copyOrUndefined, voteKey, type FakeTables } from './tables';

/**
 * Votes as `adapters/dynamodb/votes.ts` writes them: the vote record, the idea's counters and the
 * rate counter change together or not at all. A failed condition answers in the adapter's order:
 * the vote's own (exists / absent) first, then the idea's (closed), then the rate limit (429).
 */
export function fakeVoteStore(tables: FakeTables): VoteStore {
  /** Only a published idea that is not held after flags takes votes (or gives them back). */
  const takesVotes = (idea: IdeaRecord | undefined): idea is IdeaRecord => !!idea && idea.status === 'published' && !idea.held;

  return {
    async context(ideaId, userId, withVote) {
      return {
        idea: copyOrUndefined(tables.ideas.get(ideaId)),
        profile: copyOrUndefined(tables.profiles.get(userId)),
        vote: withVote ? copyOrUndefined(tables.votes.get(voteKey(ideaId, userId))) : undefined,
      };
    },

    async add(vote, limit, now) {
      const key = voteKey(vote.ideaId, vote.userId);
      const idea = tables.ideas.get(vote.ideaId);
      const rate = rateCheck(tables, vote.userId, limit, now);
      if (tables.votes.has(key)) return 'exists';
      if (!takesVotes(idea)) return 'closed';
      if (!rate.ok) throw rate.refusal();
      tables.votes.set(key, copy(vote));
      idea.voteCount += 1;
      idea.trendScore += vote.weight;
      rate.commit();
      return 'added';
    },

    async remove(vote, limit, now) {
      const key = voteKey(vote.ideaId, vote.userId);
      const idea = tables.ideas.get(vote.ideaId);
      const rate = rateCheck(tables, vote.userId, limit, now);
      if (!tables.votes.has(key)) return 'absent';
      if (!takesVotes(idea)) return 'closed';
      if (!rate.ok) throw rate.refusal();
      tables.votes.delete(key);
      idea.voteCount -= 1;
      // The weight the caller names, as the adapter subtracts it: the trend score stays a sum of live votes.
      idea.trendScore -= vote.weight;
      rate.commit();
      return 'removed';
    },

    count: async (ideaId) => tables.ideas.get(ideaId)?.voteCount ?? 0,

    votedAmong: async (userId, ideaIds) => ideaIds.filter((id) => tables.votes.has(voteKey(id, userId))),
  };
}
