// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { takesVotes } from '#shared/rules/moderation';
import { isPublicStatus } from '#shared/rules/values';
import { batchGet } from './batch';
import { erasedKey } from './erased-accounts';
import type { StoredProfile, VotedIdea, VoteRecord, VoteStore } from '../../domain/ports';
import type { VotingIdea } from '../../domain/ports/votes';
import { hotIdeas } from './hot-ideas';
import { fromItem } from './ideas';
import { keys } from './keys';
import { rateLimitItem } from './rate-limits';
import { transact, type Outcome, type TransactItems } from './transactions';
import { shardedCount, shardUpdate } from './vote-counter';
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
  const hot = hotIdeas(client, table);
  return {
    async context(ideaId, userId, withVote, parts = { idea: true, profile: true }) {
      const ideaKey = keys.idea(ideaId);
      const profileKey = keys.profile(userId);
      const voteKey = keys.vote(ideaId, userId);
      const tallyKey = parts.tallyOf ? keys.voteTally(userId, parts.tallyOf) : undefined;
      const wanted = [...(parts.idea ? [ideaKey] : []), ...(parts.profile ? [profileKey] : []), ...(withVote ? [voteKey] : []), ...(tallyKey ? [tallyKey] : [])];
      // Without the vote, the transaction's own condition is the judge, so an eventually consistent
      // read (half the cost) is enough; reading back one's own vote or tally needs a consistent one.
      const items = wanted.length ? await batchGet(client, table, wanted, withVote || !!tallyKey) : [];
      const find = (k: { pk: string; sk: string }) => items.find((i) => i.pk === k.pk && i.sk === k.sk);
      const idea = find(ideaKey);
      return {
        idea: idea ? votingIdea(idea) : undefined,
        profile: find(profileKey) as StoredProfile | undefined,
        vote: find(voteKey) as VoteRecord | undefined,
        ...(tallyKey ? { standing: Math.max(0, Number(find(tallyKey)?.n ?? 0)) } : {}),
      };
    },

    async add(vote, limit, now, maxVotes, options = {}) {
      const rate = rateLimitItem(table, vote.userId, limit, now);
      const items = (shards: number | undefined): TransactItems => [
        {
          Put: {
            TableName: table,
            Item: { ...keys.vote(vote.ideaId, vote.userId), type: 'vote', ...vote, gsiUser: keys.userItems(vote.userId), gsiUserSk: keys.userVote(vote.ideaId) },
            // One vote per user and idea.
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        // Sharded: the user's shard, and no write on the hot idea item (its state came from the caller's cache).
        shards ? shardUpdate(table, vote.ideaId, vote.userId, shards, 1, vote.weight) : ideaCounters(table, vote.ideaId, 1, vote.weight),
        tallyUp(table, vote, maxVotes),
        rate.item,
        // The account was not deleted: checked here, atomically, instead of by a read before (lib/erased-check.ts).
        { ConditionCheck: { TableName: table, Key: erasedKey(vote.userId), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...(options.profileType ? [profileCheck(table, vote.userId, options.profileType)] : []),
      ];
      let shards = options.counterShards;
      let outcome = await transact(client, items(shards), undefined, hot.hooks(vote.ideaId));
      if (!outcome.ok && !shards && outcome.failed[1]) {
        const idea = old(outcome, 1);
        options.seen?.(idea);
        // Sharded meanwhile by another container: the same vote again, on the shards (nothing was written).
        if (idea?.counterShards && takesVotes(idea)) {
          shards = idea.counterShards;
          outcome = await transact(client, items(shards), undefined, hot.hooks(vote.ideaId));
        }
      }
      if (outcome.ok) {
        if (!shards) await hot.counted(vote.ideaId);
        return 'added';
      }
      if (outcome.failed[4]) return 'erased';
      if (outcome.failed[0]) return 'exists';
      if (outcome.failed[1]) return refusedBy(old(outcome, 1));
      if (outcome.failed[2]) return 'limit';
      if (outcome.failed[5]) return 'profile';
      throw rate.refusal();
    },

    async remove(vote, limit, now, counterShards) {
      const rate = rateLimitItem(table, vote.userId, limit, now);
      const items = (shards: number | undefined): TransactItems => [
        { Delete: { TableName: table, Key: keys.vote(vote.ideaId, vote.userId), ConditionExpression: 'attribute_exists(pk)' } },
        // Subtract exactly the weight this vote added, so the trend score stays a sum of live votes.
        shards ? shardUpdate(table, vote.ideaId, vote.userId, shards, -1, vote.weight) : ideaCounters(table, vote.ideaId, -1, vote.weight),
        rate.item,
        tallyDown(table, vote.userId, vote.processId),
      ];
      let shards = counterShards;
      let list = items(shards);
      let outcome = await transact(client, list);
      if (!outcome.ok && !shards && outcome.failed[1] && old(outcome, 1)?.counterShards && takesVotes(old(outcome, 1)!)) {
        shards = old(outcome, 1)!.counterShards;
        list = items(shards);
        outcome = await transact(client, list);
      }
      // Only the tally refused: a vote from before tallies were kept, which the tally never counted.
      if (!outcome.ok && outcome.failed[3] && !outcome.failed.slice(0, 3).some(Boolean)) outcome = await transact(client, list.slice(0, 3));
      if (outcome.ok) return 'removed';
      if (outcome.failed[0]) return 'absent';
      if (outcome.failed[1]) return 'closed';
      throw rate.refusal();
    },

    count: async (ideaId) => (await shardedCount(client, table, ideaId)) ?? 0,

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

/**
 * The idea's own counters ±1 vote and ±weight, while it exists, is published (held after flags or not:
 * flags cannot freeze voting, issue 17) and is not sharded (a container that has not seen the switch is
 * cancelled here and votes again on the shards). On a refusal DynamoDB returns the idea as stored, so
 * 404 and 409 are told apart without a read before the vote.
 */
function ideaCounters(table: string, ideaId: string, delta: 1 | -1, weight: number): TransactItems[number] {
  return {
    Update: {
      TableName: table,
      Key: keys.idea(ideaId),
      UpdateExpression: 'ADD voteCount :d, trendScore :w',
      ConditionExpression: 'attribute_exists(pk) AND #status = :published AND attribute_not_exists(counterShards)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':published': 'published', ':d': delta, ':w': delta * weight },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** The voter's cached profile still holds: it exists, is not blocked, and has the type the vote records. */
function profileCheck(table: string, userId: string, participantType: string): TransactItems[number] {
  return {
    ConditionCheck: {
      TableName: table,
      Key: keys.profile(userId),
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(blocked) AND participantType = :type',
      ExpressionAttributeValues: { ':type': participantType },
    },
  };
}

/** The item a refusal returned (ALL_OLD), as an idea; undefined when it does not exist. */
function old(outcome: Outcome, index: number): VotingIdea | undefined {
  if (outcome.ok) return undefined;
  const item = outcome.old?.[index];
  return item ? votingIdea(item) : undefined;
}

/** Why the idea refused: not there or not in public view (404), or public but not taking votes (409). */
const refusedBy = (idea: VotingIdea | undefined) => (!idea || !isPublicStatus(idea.status) ? 'missing' : 'closed');

const votingIdea = (item: Record<string, unknown>): VotingIdea => ({
  ...fromItem(item),
  ...(item.counterShards ? { counterShards: Number(item.counterShards) } : {}),
});
