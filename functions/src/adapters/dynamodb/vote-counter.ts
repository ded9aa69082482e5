// use case, vote fold --> (secondary adapter) --> DynamoDB
import { createHash } from 'node:crypto';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { batchGet } from './batch';
import { keys } from './keys';
import type { TransactItems } from './transactions';

/**
 * Write-sharded vote counters for a viral idea (issue 19).
 *
 * One counter on the idea item caps an idea near 500 transactional votes a second: a partition takes
 * 1,000 WCU/s and a transactional write of a small item costs 2 WCU. An idea may therefore carry
 * `counterShards: N`; from then on a vote adds to shard `hash(userId) % N` instead, an item with its
 * OWN partition key (IDEA#<id>#COUNT#<k> / COUNT: n votes, w trend weight, v writes so far), and the
 * idea item is not written by votes at all. A stream consumer (handlers/vote-fold.ts) folds the shards
 * back: voteCount = voteBase + Σn, trendScore = trendBase + Σw, where the bases are the idea's own
 * counters at the moment it was sharded (snapshot in the same conditional update that set N).
 * Whatever else moves an idea's counters (a merge's vote carry, erasure, an assisted claim) adds the
 * same amount to the bases too, so the next fold keeps it; on an unsharded idea the bases are unused and
 * overwritten by the snapshot.
 *
 * N = 16: 16 partitions × 500 transactional votes/s = 8,000 votes/s of counter capacity, and an uneven
 * hash over 16 leaves even the busiest shard under half its capacity at 1,000 votes/s (≈ 63 a shard,
 * 126 WCU/s). The fold reads 16 small items (one BatchGet, 16 × 0.5 RCU consistent = 8 RCU). N only
 * ever grows (a later step up keeps the old shards in the sum), so Σ stays exact: an un-vote may land on
 * another shard than its vote did, which makes one shard's n negative but never the sum wrong.
 */
export const DEFAULT_SHARDS = 16;
export const MAX_SHARDS = 100; // one BatchGet reads every shard

export const shardKey = (ideaId: string, k: number) => ({ pk: `IDEA#${ideaId}#COUNT#${k}`, sk: 'COUNT' });
/** The stream's `type` of a shard item (the fold's filter). */
export const SHARD_TYPE = 'voteShard';

/** Which shard a user's vote moves: stable for a user and N, spread evenly over users. */
export function shardOf(userId: string, shards: number): number {
  return createHash('sha1').update(userId).digest().readUInt32BE(0) % shards;
}

/** The transaction item that moves the user's shard of a sharded idea by ±1 vote and ±weight. */
export function shardUpdate(table: string, ideaId: string, userId: string, shards: number, delta: 1 | -1, weight: number): TransactItems[number] {
  return {
    Update: {
      TableName: table,
      Key: shardKey(ideaId, shardOf(userId, shards)),
      // v counts the shard's writes: Σv over the shards only grows, the fold's monotonic sequence.
      UpdateExpression: 'ADD n :d, w :w, v :one SET #type = :type, ideaId = :id',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':d': delta, ':w': delta * weight, ':one': 1, ':type': SHARD_TYPE, ':id': ideaId },
    },
  };
}

/**
 * Shard an idea's counter into `shards` (only ever more than it has): snapshots voteBase and trendBase
 * from the idea's own counters in the same update, so no vote is counted twice or lost. Votes whose
 * transaction still updates the idea item carry attribute_not_exists(counterShards) and are cancelled
 * and retried on the shards once this is set. Answers the idea's shard count afterwards.
 */
export async function shardIdea(client: DynamoDBDocumentClient, table: string, ideaId: string, shards = DEFAULT_SHARDS): Promise<number> {
  const n = Math.min(MAX_SHARDS, Math.max(2, Math.floor(shards)));
  try {
    await client.send(
      new UpdateCommand({
        TableName: table,
        Key: keys.idea(ideaId),
        UpdateExpression: 'SET counterShards = :n, voteBase = if_not_exists(voteCount, :zero), trendBase = if_not_exists(trendScore, :zero)',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(counterShards)',
        ExpressionAttributeValues: { ':n': n, ':zero': 0 },
      }),
    );
    return n;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  // Already sharded: step up only (the bases stay: the shards below the old N still hold their votes).
  try {
    await client.send(
      new UpdateCommand({
        TableName: table,
        Key: keys.idea(ideaId),
        UpdateExpression: 'SET counterShards = :n',
        ConditionExpression: 'counterShards < :n',
        ExpressionAttributeValues: { ':n': n },
      }),
    );
    return n;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.idea(ideaId), ConsistentRead: true, ProjectionExpression: 'counterShards' }));
    return Number(Item?.counterShards ?? 0);
  }
}

export type FoldResult = { folded: true; voteCount: number; trendScore: number; seq: number } | { folded: false; reason: 'not-sharded' | 'stale' };

/**
 * Write an idea's counters from its shards: voteCount = voteBase + Σn, trendScore = trendBase + Σw,
 * read consistently. Conditional on a fold sequence that only grows (Σv, the shards' write count), so a
 * late fold that read older shards never overwrites a newer one, and two folds of the same state write
 * once. Safe to call at any time and as often as wanted (the viral benchmark calls it directly).
 */
export async function foldIdea(client: DynamoDBDocumentClient, table: string, ideaId: string): Promise<FoldResult> {
  const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.idea(ideaId), ConsistentRead: true, ProjectionExpression: 'counterShards' }));
  const shards = Number(Item?.counterShards ?? 0);
  if (!shards) return { folded: false, reason: 'not-sharded' };
  const items = await batchGet(client, table, Array.from({ length: shards }, (_, k) => shardKey(ideaId, k)), true, 'n', 'w', 'v');
  const sum = (a: string) => items.reduce((s, i) => s + Number(i[a] ?? 0), 0);
  const [n, w, seq] = [sum('n'), sum('w'), sum('v')];
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: table,
        Key: keys.idea(ideaId),
        UpdateExpression: 'SET voteCount = voteBase + :n, trendScore = trendBase + :w, foldSeq = :seq',
        ConditionExpression: 'attribute_exists(counterShards) AND (attribute_not_exists(foldSeq) OR foldSeq < :seq)',
        ExpressionAttributeValues: { ':n': n, ':w': w, ':seq': seq },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return { folded: true, voteCount: Number(Attributes?.voteCount), trendScore: Number(Attributes?.trendScore), seq };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return { folded: false, reason: 'stale' };
    throw error;
  }
}

/** The exact count of a sharded idea now (voteBase + Σn, read consistently), without writing it. */
export async function shardedCount(client: DynamoDBDocumentClient, table: string, ideaId: string): Promise<number | undefined> {
  const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.idea(ideaId), ConsistentRead: true, ProjectionExpression: 'counterShards, voteBase, voteCount' }));
  const shards = Number(Item?.counterShards ?? 0);
  if (!shards) return Item ? Number(Item.voteCount ?? 0) : undefined;
  const items = await batchGet(client, table, Array.from({ length: shards }, (_, k) => shardKey(ideaId, k)), true, 'n');
  return Number(Item!.voteBase ?? 0) + items.reduce((s, i) => s + Number(i.n ?? 0), 0);
}
