// use case --> (secondary adapter) --> DynamoDB
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { FollowEventLog, StoredFollowEvent } from '../../domain/ports';
import { keys } from './keys';
import { queryAll } from './query';

/** Events older than this are gone (TTL): a digest run that has not run for so long has nothing left to tell. */
const KEEP_DAYS = 90;

/**
 * The follow events, one partition per process (FEED#<processId>), keyed by a ULID so a Query returns
 * them in time order and the digest run reads "after its cursor, up to a moment" with one key condition.
 */
export function followEventLog(client: DynamoDBDocumentClient, table: string, now: () => Date = () => new Date()): FollowEventLog {
  const ulid = monotonicFactory();
  return {
    async record(event) {
      const at = now();
      const id = ulid(at.getTime());
      const { pk, sk } = keys.feedEvent(event.processId, id);
      const item: StoredFollowEvent & { pk: string; sk: string; expiresAt: number } = {
        pk,
        sk,
        ...event,
        id,
        at: at.toISOString(),
        expiresAt: Math.floor(at.getTime() / 1000) + KEEP_DAYS * 86_400,
      };
      await client.send(new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    },
    async between(processId, afterId, untilId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: afterId ? 'pk = :pk AND sk BETWEEN :from AND :until' : 'pk = :pk AND sk <= :until',
        ExpressionAttributeValues: { ':pk': keys.feed(processId), ':until': untilId, ...(afterId ? { ':from': afterId } : {}) },
        ConsistentRead: true,
      });
      return items
        .filter((i) => i.sk !== afterId)
        .map(({ pk: _pk, sk: _sk, expiresAt: _e, ...event }) => event as unknown as StoredFollowEvent);
    },
  };
}
