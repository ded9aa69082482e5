// use case --> (secondary adapter) --> DynamoDB
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FlagStore } from '../../domain/ports';
import { keys } from './keys';
import { rateLimitItem } from './rate-limits';
import { transact } from './transactions';

/**
 * Access patterns for flags: one flag per (target, user), the item FLAG#<target>#<userId> in the
 * idea's partition, written with the target's flag count in one transaction; the moderation queue
 * of held targets is the `queue` index (gsiQueue = PROC#<processId>#QUEUE#flagged), oldest first.
 */
export function flagStore(client: DynamoDBDocumentClient, table: string): FlagStore {
  /** The item of the flagged target: the idea, or the comment (whose key needs its parent). */
  const targetKey = async (t: { ideaId: string; commentId?: string }) => {
    if (!t.commentId) return keys.idea(t.ideaId);
    const { Item: ref } = await client.send(new GetCommand({ TableName: table, Key: keys.commentRef(t.commentId) }));
    return ref ? keys.comment(t.ideaId, t.commentId, ref.parentId as string | undefined) : undefined;
  };

  return {
    async add(flag, limit, now, resetAt) {
      const target = await targetKey(flag);
      if (!target) return 'gone';
      const rate = rateLimitItem(table, flag.userId, limit, now);
      const outcome = await transact(client, [
        {
          Put: {
            TableName: table,
            Item: {
              ...keys.flag(flag.ideaId, flag, flag.userId),
              type: 'flag',
              ...flag,
              gsiUser: keys.userItems(flag.userId),
              gsiUserSk: keys.userFlag(flag.ideaId, flag.commentId),
            },
            // One flag per user, counting only flags since the target was last restored.
            ConditionExpression: resetAt ? 'attribute_not_exists(pk) OR createdAt < :reset' : 'attribute_not_exists(pk)',
            ...(resetAt ? { ExpressionAttributeValues: { ':reset': resetAt } } : {}),
          },
        },
        { Update: { TableName: table, Key: target, UpdateExpression: 'ADD flagCount :one', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':one': flag.newAccount ? 0 : 1 } } },
        rate.item,
      ]);
      if (outcome.ok) return 'added';
      if (outcome.failed[0]) return 'exists';
      if (outcome.failed[1]) return 'gone';
      throw rate.refusal();
    },

    async holdIfFlagged(t, threshold, now) {
      const target = await targetKey(t);
      if (!target) return false;
      // An idea leaves the public lists by losing its list-index attributes; a comment shows a placeholder.
      const hide = t.commentId
        ? 'SET #state = :held, gsiQueue = :queue, queuedAt = :now'
        : 'SET held = :true, gsiQueue = :queue, queuedAt = :now REMOVE gsiList, gsiArea';
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: target,
            UpdateExpression: hide,
            // Reached the threshold and not yet held: whichever flag gets here first holds it, once.
            ConditionExpression: t.commentId
              ? 'flagCount >= :threshold AND #state = :visible'
              : 'flagCount >= :threshold AND attribute_not_exists(held)',
            ExpressionAttributeNames: t.commentId ? { '#state': 'state' } : undefined,
            ExpressionAttributeValues: {
              ':threshold': threshold,
              ':queue': keys.queue(t.processId, 'flagged'),
              ':now': now.toISOString(),
              ...(t.commentId ? { ':held': 'held', ':visible': 'visible' } : { ':true': true }),
            },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}
