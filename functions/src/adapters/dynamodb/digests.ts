// use case --> (secondary adapter) --> DynamoDB
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DigestStore, ReminderIdea } from '../../domain/follows/digest-ports';
import type { StoredFollowEvent } from '../../domain/ports';
import { batchDelete } from './batch';
import { keys } from './keys';
import { queryAll } from './query';

/**
 * The digest pipeline's items (keys.ts: FEEDCURSOR, INBOX#, DIGESTDUE, MAILLOG#, REMINDED#).
 * A mail record lives ~400 days (TTL), longer than any period it guards (a day, a week), so an old
 * period can never be mailed again; inbox items keep the event's own TTL.
 */
const MAIL_RECORD_DAYS = 400;
const INBOX_DAYS = 90;

const seconds = (at: Date, days: number) => Math.floor(at.getTime() / 1000) + days * 86_400;

const conditional = async (put: Promise<unknown>): Promise<boolean> => {
  try {
    await put;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

export function digestStore(client: DynamoDBDocumentClient, table: string): DigestStore {
  const inboxItems = (userId: string, limit?: number) =>
    queryAll(
      client,
      { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.inbox(userId) }, ConsistentRead: true, ...(limit ? { Limit: limit } : {}) },
      limit ?? Infinity,
    );
  return {
    async cursor(processId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.feedCursor(processId), ConsistentRead: true }));
      return Item?.eventId as string | undefined;
    },
    async setCursor(processId, eventId) {
      // Only forward: a slow run that read fewer events cannot move the cursor back.
      await conditional(
        client.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.feedCursor(processId), eventId },
            ConditionExpression: 'attribute_not_exists(pk) OR eventId < :id',
            ExpressionAttributeValues: { ':id': eventId },
          }),
        ),
      );
    },
    async deliver(userId, event) {
      const at = new Date(event.at);
      await client.send(new PutCommand({ TableName: table, Item: { ...keys.inboxItem(userId, event.id), event, expiresAt: seconds(at, INBOX_DAYS) } }));
      await client.send(new PutCommand({ TableName: table, Item: { ...keys.digestDue(userId) } }));
    },
    async dueUsers() {
      const items = await queryAll(client, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.digestDuePartition } });
      return items.map((i) => i.sk as string);
    },
    async inbox(userId) {
      return (await inboxItems(userId)).map((i) => i.event as StoredFollowEvent);
    },
    async clearInbox(userId, eventIds) {
      await batchDelete(client, table, eventIds.map((id) => keys.inboxItem(userId, id)));
      await client.send(new DeleteCommand({ TableName: table, Key: keys.digestDue(userId) }));
      // An event delivered while this mail went out is still waiting: keep the user due for it.
      if ((await inboxItems(userId, 1)).length > 0) await client.send(new PutCommand({ TableName: table, Item: { ...keys.digestDue(userId) } }));
    },
    async mailed(userId, kind, period) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.mailRecord(userId, kind, period), ConsistentRead: true }));
      return Item !== undefined;
    },
    async claim(userId, kind, period, eventIds, now) {
      return conditional(
        client.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.mailRecord(userId, kind, period), state: 'claimed', claimedAt: now.toISOString(), eventIds, expiresAt: seconds(now, MAIL_RECORD_DAYS) },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },
    async markSent(userId, kind, period, state, now) {
      await client.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.mailRecord(userId, kind, period),
          UpdateExpression: 'SET #state = :state, doneAt = :now',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':state': state, ':now': now.toISOString() },
        }),
      );
    },
    async unclaim(userId, kind, period) {
      // Only a claim: a record marked sent stays, whatever happens.
      await conditional(
        client.send(
          new DeleteCommand({
            TableName: table,
            Key: keys.mailRecord(userId, kind, period),
            ConditionExpression: '#state = :claimed',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':claimed': 'claimed' },
          }),
        ),
      );
    },
    async remind(processId, ideaId, deadline, now) {
      return conditional(
        client.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.reminded(processId, ideaId, deadline), remindedAt: now.toISOString(), expiresAt: seconds(now, MAIL_RECORD_DAYS) },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },
    async deadlinesBetween(processId, from, to) {
      const items = await queryAll(client, {
        TableName: table,
        IndexName: 'listNew',
        KeyConditionExpression: 'gsiList = :p',
        FilterExpression: 'answerDeadline BETWEEN :from AND :to AND attribute_not_exists(officialAnswer)',
        ExpressionAttributeValues: { ':p': keys.processList(processId), ':from': from, ':to': to },
      });
      return items.map((i): ReminderIdea => ({ id: i.id as string, title: i.title as string, answerDeadline: i.answerDeadline as string }));
    },
  };
}
