// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AiLensStore } from '../../domain/ai-lens';
import { auditPuts } from './audit';
import { keys } from './keys';
import { transact } from './transactions';

/**
 * An idea's AI Act lens: one Update of IDEA#<id>/IDEA (SET or REMOVE `aiLens` as one map, SET
 * updatedAt), with the audit entry's puts in the same transaction. The condition holds the idea's
 * `updatedAt` as the assessor saw it, so a lens is never set on a version nobody looked at.
 */
export function aiLensStore(client: DynamoDBDocumentClient, table: string): AiLensStore {
  return {
    async setOnIdea(ideaId, expectedUpdatedAt, lens, now, audit) {
      const values: Record<string, unknown> = { ':now': now.toISOString(), ':expected': expectedUpdatedAt };
      if (lens) values[':lens'] = lens;
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.idea(ideaId),
            UpdateExpression: lens ? 'SET updatedAt = :now, #l = :lens' : 'SET updatedAt = :now REMOVE #l',
            ConditionExpression: 'attribute_exists(pk) AND updatedAt = :expected',
            ExpressionAttributeNames: { '#l': 'aiLens' },
            ExpressionAttributeValues: values,
          },
        },
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'set';
      if (!outcome.failed[0]) throw new Error(`audit entry ${audit.id} exists`);
      // Tell a deleted idea from a changed one only when the condition failed (the rare path).
      const found = await client.send(new GetCommand({ TableName: table, Key: keys.idea(ideaId), ProjectionExpression: 'pk', ConsistentRead: true }));
      return found.Item ? 'changed' : 'gone';
    },
  };
}
