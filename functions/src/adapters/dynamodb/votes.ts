// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch';
import type { StoredProfile, VotedIdea, VoteRecord, VoteStore } from '../../domain/ports';
import { fromItem } from './ideas';
import { keys } from './keys';
import { rateLimitItem } from './rate-limits';
import { transact, type TransactItems } from './transactions';
import { votesOfUser } from './votes-of-user';

/**
 * Access patterns for votes:
 * - one vote per (idea, user): the item IDEA#<ideaId> / VOTE#<userId>, written with a condition
 *   that it does not exist, in the same transaction as the idea's counters (count = vote records);
 * - "did I vote for these ideas": BatchGet of the vote keys;
 * - a user's votes (GDPR export/erasure, "my votes"): the byUser index, VOTE#<ideaId>;
 * - the vote rule (at most N ideas per person and process): a tally item USER#<userId> / TALLY#<processId>
 *   counting the user's standing votes, moved in each vote's own transaction, so two votes at once can
 *   never both pass at N−1. The tally counts every vote the user has standing: cast here, or carried here
 *   by a merge (the vote it replaced stops counting; see vote-carry.ts). It is updated whether or not the
 *   process has a limit, so a limit set later counts the votes already cast.
 */
export function voteStore(client: DynamoDBDocumentClient, table: string): VoteStore {
  return {
    async context(ideaId, userId, withVote) {
      const ideaKey = keys.idea(ideaId);
      const profileKey = keys.profile(userId);
      const voteKey = keys.vote(ideaId, userId);
      // Without the vote, the transaction's own condition is the judge, so an eventually consistent
      // read (half the cost) is enough; reading back one's own vote needs a consistent one.
      const items = await batchGet(client, table, withVote ? [ideaKey, profileKey, voteKey] : [ideaKey, profileKey], withVote);
      const find = (k: { pk: string; sk: string }) => items.find((i) => i.pk === k.pk && i.sk === k.sk);
      const idea = find(ideaKey);
      const profile = find(profileKey);
      const vote = find(voteKey);
      return {
        idea: idea ? fromItem(idea) : undefined,
        profile: profile as StoredProfile | undefined,
        vote: vote as VoteRecord | undefined,
      };
    },

    async add(vote, limit, now, maxVotes) {
      const rate = rateLimitItem(table, vote.userId, limit, now);
      const outcome = await transact(client, [
        {
          Put: {
            TableName: table,
            Item: { ...keys.vote(vote.ideaId, vote.userId), type: 'vote', ...vote, gsiUser: keys.userItems(vote.userId), gsiUserSk: keys.userVote(vote.ideaId) },
            // One vote per user and idea.
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: table,
            Key: keys.idea(vote.ideaId),
            UpdateExpression: 'ADD voteCount :one, trendScore :w',
            ...ideaTakesVotes,
            ExpressionAttributeValues: { ...ideaTakesVotes.ExpressionAttributeValues, ':one': 1, ':w': vote.weight },
          },
        },
        tallyUp(table, vote, maxVotes),
        rate.item,
      ]);
      if (outcome.ok) return 'added';
      if (outcome.failed[0]) return 'exists';
      if (outcome.failed[1]) return 'closed';
      if (outcome.failed[2]) return 'limit';
      throw rate.refusal();
    },

    async remove(vote, limit, now) {
      const rate = rateLimitItem(table, vote.userId, limit, now);
      const items: TransactItems = [
        { Delete: { TableName: table, Key: keys.vote(vote.ideaId, vote.userId), ConditionExpression: 'attribute_exists(pk)' } },
        {
          Update: {
            TableName: table,
            Key: keys.idea(vote.ideaId),
            // Subtract exactly the weight this vote added, so the trend score stays a sum of live votes.
            UpdateExpression: 'ADD voteCount :minusOne, trendScore :minusW',
            ...ideaTakesVotes,
            ExpressionAttributeValues: { ...ideaTakesVotes.ExpressionAttributeValues, ':minusOne': -1, ':minusW': -vote.weight },
          },
        },
        rate.item,
        tallyDown(table, vote.userId, vote.processId),
      ];
      let outcome = await transact(client, items);
      // Only the tally refused: a vote from before tallies were kept, which the tally never counted.
      if (!outcome.ok && outcome.failed[3] && !outcome.failed.slice(0, 3).some(Boolean)) outcome = await transact(client, items.slice(0, 3));
      if (outcome.ok) return 'removed';
      if (outcome.failed[0]) return 'absent';
      if (outcome.failed[1]) return 'closed';
      throw rate.refusal();
    },

    async count(ideaId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: table, Key: keys.idea(ideaId), ConsistentRead: true, ProjectionExpression: 'voteCount' }),
      );
      return (Item?.voteCount as number | undefined) ?? 0;
    },

    async standing(userId, processId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.voteTally(userId, processId), ConsistentRead: true }));
      return Math.max(0, Number(Item?.n ?? 0));
    },

    async votedAmong(userId, ideaIds) {
      if (ideaIds.length === 0) return [];
      const items = await batchGet(client, table, ideaIds.map((id) => keys.vote(id, userId)), false, 'ideaId');
      const voted = new Set(items.map((i) => i.ideaId as string));
      return ideaIds.filter((id) => voted.has(id));
    },

    votesOf: (userId, page) => votesOfUser(client, table, userId, page),

    async ideas(ideaIds) {
      const found: Record<string, unknown>[] = [];
      for (let i = 0; i < ideaIds.length; i += 100) {
        found.push(...(await batchGet(client, table, ideaIds.slice(i, i + 100).map(keys.idea), false, ...VOTED_IDEA_ATTRIBUTES)));
      }
      return found.map((item) => fromItem(item) as VotedIdea);
    },
  };
}

const VOTED_IDEA_ATTRIBUTES = ['pk', 'sk', 'id', 'processId', 'title', 'status', 'held', 'mergedInto'];

/**
 * One more standing vote for the user in the process; with a limit, only while fewer than `maxVotes`
 * stand (a missing tally is none).
 */
export function tallyUp(table: string, vote: Pick<VoteRecord, 'userId' | 'processId' | 'createdAt'>, maxVotes: number | null): TransactItems[number] {
  return {
    Update: {
      TableName: table,
      Key: keys.voteTally(vote.userId, vote.processId),
      // In the byProcess index (from the first vote), so the retention job finds every tally of the process, even at 0.
      UpdateExpression: 'ADD #n :one SET gsiProcess = :tallies, createdAt = if_not_exists(createdAt, :at)',
      ...(maxVotes === null ? {} : { ConditionExpression: 'attribute_not_exists(#n) OR #n < :max' }),
      ExpressionAttributeNames: { '#n': 'n' },
      ExpressionAttributeValues: { ':one': 1, ':tallies': keys.processTallies(vote.processId), ':at': vote.createdAt, ...(maxVotes === null ? {} : { ':max': maxVotes }) },
    },
  };
}

/** One standing vote fewer; refused (so never below zero) when the tally has none to give back. */
export function tallyDown(table: string, userId: string, processId: string): TransactItems[number] {
  return {
    Update: {
      TableName: table,
      Key: keys.voteTally(userId, processId),
      UpdateExpression: 'ADD #n :minusOne',
      ConditionExpression: '#n > :zero',
      ExpressionAttributeNames: { '#n': 'n' },
      ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
    },
  };
}

/** The idea exists and is published (held after flags or not: flags cannot freeze voting, issue 17). */
const ideaTakesVotes = {
  ConditionExpression: 'attribute_exists(pk) AND #status = :published',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':published': 'published' } as Record<string, unknown>,
};
