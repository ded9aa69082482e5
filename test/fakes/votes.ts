import type { IdeaRecord, VotedIdea, VoteStore } from '#functions/domain/ports';
import { takesVotes as takesVotesRule } from '#shared/rules/moderation';
import { isPublicStatus } from '#shared/rules/values';
import { pageOf } from './cursor';
import { rateCheck } from './rate-limits';
import { copy, copyOrUndefined, tallyKey, voteKey, type FakeTables } from './tables';

/**
 * Votes as `adapters/dynamodb/votes.ts` writes them: the vote record, the idea's counters, the voter's
 * tally in the process and the rate counter change together or not at all. A failed condition answers
 * in the adapter's order: the vote's own (exists / absent) first, then the idea's (closed), then the
 * vote rule (limit), then the rate limit (429).
 */
export function fakeVoteStore(tables: FakeTables): VoteStore {
  /** Only a published idea takes votes (or gives them back), held after flags or not: flags cannot freeze voting. */
  const takesVotes = (idea: IdeaRecord | undefined): idea is IdeaRecord => !!idea && takesVotesRule(idea);

  return {
    async context(ideaId, userId, withVote) {
      return {
        idea: copyOrUndefined(tables.ideas.get(ideaId)),
        profile: copyOrUndefined(tables.profiles.get(userId)),
        vote: withVote ? copyOrUndefined(tables.votes.get(voteKey(ideaId, userId))) : undefined,
      };
    },

    async add(vote, limit, now, maxVotes) {
      const key = voteKey(vote.ideaId, vote.userId);
      const idea = tables.ideas.get(vote.ideaId);
      const rate = rateCheck(tables, vote.userId, limit, now);
      const tally = tallyKey(vote.userId, vote.processId);
      const standing = tables.voteTallies.get(tally) ?? 0;
      if (tables.votes.has(key)) return 'exists';
      // As the adapter tells them apart from the idea its refusal returns: 404 out of public view, else 409.
      if (!takesVotes(idea)) return idea !== undefined && isPublicStatus((idea as IdeaRecord).status) ? 'closed' : 'missing';
      if (maxVotes !== null && standing >= maxVotes) return 'limit';
      if (!rate.ok) throw rate.refusal();
      tables.votes.set(key, copy(vote));
      idea.voteCount += 1;
      idea.trendScore += vote.weight;
      tables.voteTallies.set(tally, standing + 1);
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
      // Never below zero: a vote from before tallies were kept was never counted.
      const tally = tallyKey(vote.userId, vote.processId);
      const standing = tables.voteTallies.get(tally) ?? 0;
      if (standing > 0) tables.voteTallies.set(tally, standing - 1);
      rate.commit();
      return 'removed';
    },

    count: async (ideaId) => tables.ideas.get(ideaId)?.voteCount ?? 0,

    standing: async (userId, processId) => tables.voteTallies.get(tallyKey(userId, processId)) ?? 0,

    votedAmong: async (userId, ideaIds) => ideaIds.filter((id) => tables.votes.has(voteKey(id, userId))),

    async votesOf(userId, page) {
      const mine = [...tables.votes.values()]
        .filter((v) => v.userId === userId && !v.carriedFrom && (!page.processId || v.processId === page.processId))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.ideaId.localeCompare(a.ideaId));
      const found = pageOf(mine, page.limit, page.cursor, `my-votes:${userId}:${page.processId ?? ''}`);
      return { items: found.items.map(copy), nextCursor: found.nextCursor };
    },

    async ideas(ideaIds) {
      return ideaIds.flatMap((id): VotedIdea[] => {
        const idea = tables.ideas.get(id);
        if (!idea) return [];
        const { processId, title, status, held, mergedInto } = idea;
        return [{ id, processId, title, status, ...(held ? { held } : {}), ...(mergedInto ? { mergedInto } : {}) }];
      });
    },
  };
}
