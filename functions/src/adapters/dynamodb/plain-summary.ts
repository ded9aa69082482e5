// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PlainSummaryStore } from '../../domain/plain-summary';
import { auditPuts } from './audit';
import { keys } from './keys';
import { transact } from './transactions';

/**
 * An idea's plain summary: one Update of IDEA#<id>/IDEA (SET or REMOVE `plainSummary`, SET updatedAt),
 * with the audit entry's puts in the same transaction. The condition holds the summary the caller
 * read, so two people editing at once cannot silently overwrite each other.
 */
export function plainSummaryStore(client: DynamoDBDocumentClient, table: string): PlainSummaryStore {
  return {
    async set(ideaId, expected, summary, now, audit) {
      const values: Record<string, unknown> = { ':now': now.toISOString() };
      if (summary !== null) values[':summary'] = summary;
      if (expected !== undefined) values[':expected'] = expected;
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.idea(ideaId),
            UpdateExpression: summary === null ? 'SET updatedAt = :now REMOVE #s' : 'SET updatedAt = :now, #s = :summary',
            ConditionExpression: `attribute_exists(pk) AND ${expected === undefined ? 'attribute_not_exists(#s)' : '#s = :expected'}`,
            ExpressionAttributeNames: { '#s': 'plainSummary' },
            ExpressionAttributeValues: values,
          },
        },
        ...(audit ? auditPuts(table, audit) : []),
      ]);
      if (outcome.ok) return 'set';
      if (!outcome.failed[0]) throw new Error(`audit entry ${audit?.id} exists`);
      // Tell a deleted idea from a changed summary only when the condition failed (the rare path).
      const found = await client.send(new GetCommand({ TableName: table, Key: keys.idea(ideaId), ProjectionExpression: 'pk', ConsistentRead: true }));
      return found.Item ? 'changed' : 'gone';
    },
  };
}
