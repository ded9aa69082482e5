// use case --> (secondary adapter) --> DynamoDB
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FollowTarget } from '#shared/rules/follow';
import type { FollowRecord, FollowStore } from '../../domain/follows/follow-store';
import type { Followers } from '../../domain/ports';
import { decodeCursor, encodeCursor } from './cursor';
import { ideaVotes } from './idea-votes';
import { keys } from './keys';
import { queryAll } from './query';

/**
 * Follow choices: one item per user and target (FOLLOWS#<target>#<targetId> / U#<userId>), so the
 * digest run reads a target's followers with one Query; the byUser index (FOLLOW#<target>#<targetId>)
 * finds a user's for Min side and for erasing the account. Following as author, voter or commenter
 * writes nothing: it is read from the idea's own partition (its votes and comments).
 */
export function followStore(client: DynamoDBDocumentClient, table: string): FollowStore {
  /** A user's choices with their index sort keys, newest first. */
  const choices = async (userId: string) => {
    const items = await queryAll(client, {
      TableName: table,
      IndexName: 'byUser',
      KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :prefix)',
      ExpressionAttributeValues: { ':u': keys.userItems(userId), ':prefix': keys.userFollowPrefix },
    });
    return items
      .map((i) => ({ record: toRecord(i), sk: String(i.gsiUserSk) }))
      .sort((a, b) => (a.record.at === b.record.at ? b.sk.localeCompare(a.sk) : b.record.at.localeCompare(a.record.at)));
  };
  return {
    async choice(target, targetId, userId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.follow(target, targetId, userId), ConsistentRead: true }));
      return Item?.state === 'on' || Item?.state === 'off' ? Item.state : undefined;
    },

    async set(record) {
      await client.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...keys.follow(record.target, record.targetId, record.userId),
            type: 'follow',
            ...record,
            gsiUser: keys.userItems(record.userId),
            gsiUserSk: keys.userFollow(record.target, record.targetId),
          },
        }),
      );
    },

    async hasVoted(ideaId, userId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.vote(ideaId, userId), ProjectionExpression: 'pk' }));
      return !!Item;
    },

    async hasCommented(ideaId, userId) {
      // A deleted comment loses its author and its byUser entry (adapters/dynamodb/comments.ts remove).
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'byUser',
          KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :prefix)',
          ExpressionAttributeValues: { ':u': keys.userItems(userId), ':prefix': keys.userCommentsOn(ideaId) },
          ProjectionExpression: 'pk',
          Limit: 1,
        }),
      );
      return (page.Items ?? []).length > 0;
    },

    async listMine(userId, limit, cursor) {
      // The index sorts by target, not by time: a user's follows are few (each one a click), so they
      // are read whole, sorted newest first, and paged from the last one shown (its time and key).
      const sorted = (await choices(userId)).filter((e) => e.record.state === 'on');
      let start = 0;
      if (cursor) {
        const after = decodeCursor(cursor, 'myFollows', {}, ['at', 'sk']);
        start = sorted.findIndex((e) => e.record.at < String(after.at) || (e.record.at === after.at && e.sk < String(after.sk)));
        if (start < 0) start = sorted.length;
      }
      const page = sorted.slice(start, start + limit);
      const last = page.at(-1);
      const more = start + limit < sorted.length;
      return { items: page.map((e) => e.record), nextCursor: more && last ? encodeCursor('myFollows', { at: last.record.at, sk: last.sk }) : null };
    },

    async choicesOf(userId) {
      return (await choices(userId)).map((e) => e.record);
    },

    async recommendationTitle(processId, recommendationId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.recommendation(processId, recommendationId), ProjectionExpression: 'title' }));
      return Item ? String(Item.title) : undefined;
    },
  };
}

const toRecord = (i: Record<string, unknown>): FollowRecord => ({
  target: i.target as FollowTarget,
  targetId: String(i.targetId),
  userId: String(i.userId),
  state: i.state === 'off' ? 'off' : 'on',
  processId: String(i.processId),
  title: String(i.title),
  at: String(i.at),
});

/**
 * Who is told about a target. An idea: its author, voters and commenters (the idea's partition: the
 * idea item, COMMENT# and REPLY# items with their authorId; its vote buckets: VOTE#<userId>) and the explicit
 * follows, minus the explicit unfollows. A recommendation: its explicit follows only.
 */
export function followers(client: DynamoDBDocumentClient, table: string): Followers {
  const choices = async (target: FollowTarget, targetId: string) =>
    queryAll(client, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.followers(target, targetId) },
      ProjectionExpression: 'userId, #state',
      ExpressionAttributeNames: { '#state': 'state' },
    });
  const votePrefix = keys.votePrefix;
  return {
    async of(target, targetId) {
      const explicit = await choices(target, targetId);
      const on = new Set(explicit.filter((c) => c.state === 'on').map((c) => String(c.userId)));
      const off = new Set(explicit.filter((c) => c.state === 'off').map((c) => String(c.userId)));
      if (target === 'idea') {
        const [own, votes] = await Promise.all([
          queryAll(client, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.idea(targetId).pk }, ProjectionExpression: 'sk, authorId' }),
          ideaVotes(client, table, targetId, { ProjectionExpression: 'sk' }),
        ]);
        const items = [...own, ...votes];
        for (const item of items) {
          const sk = String(item.sk);
          if (sk.startsWith(votePrefix)) on.add(sk.slice(votePrefix.length));
          else if ((sk === 'IDEA' || sk.startsWith(keys.commentPrefix) || sk.startsWith(keys.replyPrefix)) && typeof item.authorId === 'string') on.add(item.authorId);
        }
      }
      return [...on].filter((u) => !off.has(u)).sort();
    },
  };
}

/** The keys of a user's follow items, for erasing the account (adapters/dynamodb/user-data.ts). */
export async function followKeysOf(client: DynamoDBDocumentClient, table: string, userId: string): Promise<{ pk: string; sk: string }[]> {
  const items = await queryAll(client, {
    TableName: table,
    IndexName: 'byUser',
    KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :prefix)',
    ExpressionAttributeValues: { ':u': keys.userItems(userId), ':prefix': keys.userFollowPrefix },
    ProjectionExpression: 'pk, sk',
  });
  return items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
}

/** What waits for a user's next digest (INBOX#<userId>) and the mark that it does (DIGESTDUE): gone with the account. */
export async function eraseMailData(client: DynamoDBDocumentClient, table: string, userId: string): Promise<void> {
  const inbox = await queryAll(client, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.inbox(userId) },
    ProjectionExpression: 'pk, sk',
  });
  for (const key of [...inbox.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })), keys.digestDue(userId), keys.mailSettings(userId)]) {
    await client.send(new DeleteCommand({ TableName: table, Key: key }));
  }
}
