// use case --> (secondary adapter) --> DynamoDB
import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SignupRecord } from '../../domain/events/ports';
import { batchDelete } from './batch';
import { decodeCursor, encodeCursor } from './cursor';
import { toSignup } from './event-signup-list';
import { keys } from './keys';
import { queryAll } from './query';

/**
 * Sign-ups by person and by process: a person's sign-ups in every process (the byUser index,
 * gsiUserSk EVSIGN#<processId>#<eventId>), and the retention job's erasure of a process's sign-ups
 * (one Query per event partition; the event's counters back to zero).
 */
export async function signupsOfUser(client: DynamoDBDocumentClient, table: string, userId: string, query: { limit: number; cursor?: string }): Promise<{ items: SignupRecord[]; nextCursor?: string }> {
  const page = await client.send(
    new QueryCommand({
      TableName: table,
      IndexName: 'byUser',
      KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :p)',
      ExpressionAttributeValues: { ':u': keys.userItems(userId), ':p': keys.userSignupPrefix },
      Limit: query.limit,
      ...(query.cursor ? { ExclusiveStartKey: decodeCursor(query.cursor, 'mySignups', { gsiUser: keys.userItems(userId), gsiUserSk: { prefix: keys.userSignupPrefix } }, ['pk', 'sk', 'gsiUser', 'gsiUserSk']) } : {}),
    }),
  );
  return {
    items: (page.Items ?? []).map(toSignup),
    ...(page.LastEvaluatedKey ? { nextCursor: encodeCursor('mySignups', page.LastEvaluatedKey as Record<string, string>) } : {}),
  };
}

export async function eraseSignups(client: DynamoDBDocumentClient, table: string, processId: string, eventIds: readonly string[]): Promise<number> {
  let erased = 0;
  for (const eventId of eventIds) {
    const items = await queryAll(client, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.eventSignups(processId, eventId) }, ProjectionExpression: 'pk, sk' });
    await batchDelete(client, table, items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })));
    erased += items.filter((i) => String(i.sk).startsWith(keys.signupPrefix)).length;
    try {
      await client.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.event(processId, eventId),
          UpdateExpression: 'SET seatsTaken = :zero, waitingCount = :zero, checkedIn = :zero',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      );
    } catch (error) {
      // An event deleted meanwhile has no counters to reset.
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return erased;
}
