// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch';
import type { StoredProfile, VoteRecord, VoteStore } from '../../domain/ports';
import { fromItem } from './ideas';
import { keys } from './keys';
import { rateLimitItem } from './rate-limits';
import { transact } from './transactions';

/**
 * Access patterns for votes:
 * - one vote per (idea, user): the item IDEA#<ideaId> / VOTE#<userId>, written with a condition
 *   that it does not exist, in the same transaction as the idea's counters (count = vote records);
 * - "did I vote for these ideas": BatchGet of the vote keys;
 * - a user's votes (GDPR export/erasure): the byUser index, VOTE#<ideaId>.
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

    async add(vote, limit, now) {
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
        rate.item,
      ]);
      if (outcome.ok) return 'added';
      if (outcome.failed[0]) return 'exists';
      if (outcome.failed[1]) return 'closed';
      throw rate.refusal();
    },

    async remove(vote, limit, now) {
      const rate = rateLimitItem(table, vote.userId, limit, now);
      const outcome = await transact(client, [
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
      ]);
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

    async votedAmong(userId, ideaIds) {
      const items = await batchGet(client, table, ideaIds.map((id) => keys.vote(id, userId)), false, 'ideaId');
      const voted = new Set(items.map((i) => i.ideaId as string));
      return ideaIds.filter((id) => voted.has(id));
    },
  };
}

/** The idea exists, is published and not held after flags: the only state that takes votes. */
const ideaTakesVotes = {
  ConditionExpression: 'attribute_exists(pk) AND #status = :published AND attribute_not_exists(held)',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':published': 'published' } as Record<string, unknown>,
};
