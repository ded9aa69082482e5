import type { UserDataStore, UserItems } from '#functions/domain/ports';
import { ascending } from './cursor';
import { copy, copyOrUndefined, flagKey, voteKey, type FakeTables } from './tables';

/**
 * Everything stored about one user (the adapter's byUser index), and the erasure steps of
 * `adapters/dynamodb/user-data.ts`. An anonymized idea and a deleted comment carry no author id any
 * more, so they are no longer the user's items.
 */
export function fakeUserDataStore(tables: FakeTables): UserDataStore {
  return {
    async itemsOf(userId): Promise<UserItems> {
      const all = <T>(items: Iterable<T>, mine: (item: T) => boolean, order: (item: T) => string) =>
        [...items].filter(mine).sort(ascending(order)).map(copy);
      return {
        profile: copyOrUndefined(tables.profiles.get(userId)),
        ideas: all(tables.ideas.values(), (i) => i.authorId === userId, (i) => i.id),
        comments: all(tables.comments.values(), (c) => c.authorId === userId, (c) => `${c.ideaId}#${c.id}`),
        votes: all(tables.votes.values(), (v) => v.userId === userId, (v) => v.ideaId),
        flags: all(tables.flags.values(), (f) => f.userId === userId, (f) => `${f.ideaId}#${f.commentId ?? ''}`),
        surveysAnswered: [], // the fake tables hold no surveys (their store is tested against DynamoDB Local)
        roundMemberships: [], // nor consultation rounds
      };
    },

    async anonymizeIdea(ideaId, placeholderName) {
      const idea = tables.ideas.get(ideaId);
      // The adapter's UpdateItem has the condition that the idea exists, and lets the failure through.
      if (!idea) throw new Error(`ConditionalCheckFailed: no idea ${ideaId}`);
      idea.authorName = placeholderName;
      delete (idea as Partial<typeof idea>).authorId;
      delete idea.authorUsername;
    },

    async eraseVote(vote) {
      const key = voteKey(vote.ideaId, vote.userId);
      const idea = tables.ideas.get(vote.ideaId);
      // Both or neither, whatever the idea's state; a vote already gone changes nothing.
      if (!tables.votes.has(key) || !idea) return;
      tables.votes.delete(key);
      idea.voteCount -= 1;
      idea.trendScore -= vote.weight;
    },

    deleteFlag: async (flag) => void tables.flags.delete(flagKey(flag.ideaId, flag.commentId, flag.userId)),

    async deleteProfile(userId) {
      for (const key of [...tables.voteTallies.keys()]) if (key.startsWith(`${userId}/`)) tables.voteTallies.delete(key);
      tables.profiles.delete(userId);
    },
  };
}
