// use case --> (secondary adapter) --> DynamoDB
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CommentRecord, CommentStore, CommentThreadRecord } from '../../domain/ports';
import { decodeCursor, encodeCursor } from './cursor';
import { keys } from './keys';
import { queryAll } from './query';
import { rateLimitItem } from './rate-limits';
import { transact } from './transactions';

/**
 * Access patterns for comments (all in the idea's partition, IDEA#<ideaId>):
 * - a page of threads, newest first: Query sk begins_with COMMENT#, descending;
 * - the replies of that page's threads: one Query over REPLY#<oldest thread>… REPLY#<newest thread>~,
 *   ascending (thread ids on a page are contiguous, so the range holds exactly their replies);
 * - a comment by id alone (edit, delete, flag): the pointer COMMENT#<id> / REF names its idea;
 * - a user's comments on an idea: the byUser index, COMMENT#<ideaId>#.
 */
const MAX_REPLIES_PER_PAGE = 1000;

export function commentStore(client: DynamoDBDocumentClient, table: string): CommentStore {
  const itemKey = (c: Pick<CommentRecord, 'ideaId' | 'id' | 'parentId'>) => keys.comment(c.ideaId, c.id, c.parentId);

  return {
    async get(commentId) {
      const { Item: ref } = await client.send(new GetCommand({ TableName: table, Key: keys.commentRef(commentId) }));
      if (!ref) return undefined;
      const { Item } = await client.send(
        new GetCommand({ TableName: table, Key: keys.comment(ref.ideaId as string, commentId, ref.parentId as string | undefined), ConsistentRead: true }),
      );
      return Item ? fromItem(Item) : undefined;
    },

    async create(comment, limit, now) {
      const rate = rateLimitItem(table, comment.authorId, limit, now);
      const parentCheck = comment.parentId
        ? [
            {
              ConditionCheck: {
                TableName: table,
                Key: keys.comment(comment.ideaId, comment.parentId),
                ConditionExpression: 'attribute_exists(pk) AND #state = :visible',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: { ':visible': 'visible' },
              },
            },
          ]
        : [];
      const outcome = await transact(client, [
        {
          Put: {
            TableName: table,
            Item: {
              ...itemKey(comment),
              type: 'comment',
              ...comment,
              gsiUser: keys.userItems(comment.authorId),
              gsiUserSk: keys.userComment(comment.ideaId, comment.id),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: table, Item: { ...keys.commentRef(comment.id), ideaId: comment.ideaId, ...(comment.parentId ? { parentId: comment.parentId } : {}) } } },
        {
          Update: {
            TableName: table,
            Key: keys.idea(comment.ideaId),
            UpdateExpression: 'ADD commentCount :one, trendScore :w',
            // The idea is still public (not hidden, rejected, withdrawn or held) when the comment lands.
            ConditionExpression: 'attribute_exists(gsiList)',
            ExpressionAttributeValues: { ':one': 1, ':w': comment.weight },
          },
        },
        rate.item,
        ...parentCheck,
      ]);
      if (outcome.ok) return 'created';
      if (outcome.failed[2]) return 'closed';
      if (outcome.failed[3]) throw rate.refusal();
      if (outcome.failed[4]) return 'no-parent';
      throw new Error('comment id collision');
    },

    async update(comment, change, editableAfter, now) {
      const stanceUpdate = change.stance === null ? ' REMOVE stance' : '';
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: table,
            Key: itemKey(comment),
            UpdateExpression: `SET body = :body, edited = :true, updatedAt = :now${change.stance ? ', stance = :stance' : ''}${stanceUpdate}`,
            // Still the author's, still visible, still inside the edit window: checked by DynamoDB
            // itself so an edit racing a delete or a moderator cannot slip through.
            ConditionExpression: 'authorId = :author AND #state = :visible AND createdAt >= :after',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: {
              ':body': change.body,
              ':true': true,
              ':now': now.toISOString(),
              ':author': comment.authorId,
              ':visible': 'visible',
              ':after': editableAfter,
              ...(change.stance ? { ':stance': change.stance } : {}),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return fromItem(Attributes!);
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'refused';
        throw error;
      }
    },

    async remove(comment, now) {
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: itemKey(comment),
            // The placeholder keeps nothing of its author: deletion doubles as erasure of the comment.
            UpdateExpression:
              'SET #state = :deleted, updatedAt = :now REMOVE body, stance, gsiQueue, queuedAt, authorId, authorName, authorType, gsiUser, gsiUserSk',
            ConditionExpression: 'attribute_exists(pk) AND #state <> :deleted',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':deleted': 'deleted', ':now': now.toISOString() },
          },
        },
        {
          Update: {
            TableName: table,
            Key: keys.idea(comment.ideaId),
            // Take back the trending weight too: a deleted comment leaves no trace in the ordering.
            UpdateExpression: 'ADD commentCount :minusOne, trendScore :minusW',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':minusOne': -1, ':minusW': -(comment.weight ?? 0) },
          },
        },
      ]);
      return outcome.ok;
    },

    async listThreads(ideaId, limit, cursor) {
      const pk = keys.idea(ideaId).pk;
      const index = `comments:${ideaId}`;
      const start = cursor ? decodeCursor(cursor, index, { pk, sk: { prefix: keys.commentPrefix } }, ['pk', 'sk']) : undefined;
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.commentPrefix },
          ScanIndexForward: false,
          Limit: limit + 1,
          ExclusiveStartKey: start,
        }),
      );
      const found = (page.Items ?? []).map(fromItem);
      const threads = found.slice(0, limit);
      const last = threads[threads.length - 1];
      const nextCursor = found.length > limit && last ? encodeCursor(index, { pk, sk: itemKey(last).sk }) : null;
      if (threads.length === 0) return { items: [], nextCursor: null };

      const [from, to] = keys.replyRange(threads[threads.length - 1]!.id, threads[0]!.id);
      const replyItems = await queryAll(
        client,
        { TableName: table, KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to', ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to } },
        MAX_REPLIES_PER_PAGE,
      );
      const replies = replyItems.map(fromItem);

      const byParent = Map.groupBy(replies, (r) => r.parentId!);
      const items: CommentThreadRecord[] = threads.map((t) => ({ ...t, replies: byParent.get(t.id) ?? [] }));
      return { items, nextCursor };
    },

    async idsBy(userId, ideaId) {
      const items = await queryAll(client, {
        TableName: table,
        IndexName: 'byUser',
        KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :prefix)',
        FilterExpression: '#state <> :deleted',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':u': keys.userItems(userId), ':prefix': keys.userCommentsOn(ideaId), ':deleted': 'deleted' },
      });
      return items.map((i) => i.id as string);
    },
  };
}

const INTERNAL = new Set(['pk', 'sk', 'type', 'gsiUser', 'gsiUserSk', 'gsiQueue', 'queuedAt']);
const fromItem = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !INTERNAL.has(k))) as unknown as CommentRecord;
