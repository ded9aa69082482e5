// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventRecord, EventStore } from '../../domain/events/ports';
import { auditPuts } from './audit';
import { keys } from './keys';
import { queryAll } from './query';
import { transact } from './transactions';

/**
 * A process's events (see keys.ts). Access patterns:
 * - one event: Get EVENTS#<processId> / EV#<eventId>, consistently (its counters decide sign-ups);
 * - a process's events: Query EVENTS#<processId> begins_with EV# (at most EVENTS_PER_PROCESS_MAX,
 *   so one Query), sorted by start here;
 * - the counters seatsTaken, waitingCount and checkedIn live on the event item and only the sign-up
 *   store moves them (ADD in the sign-ups' transactions); `update` never writes them.
 * Every write an organiser makes goes with its audit entry in one transaction.
 */

/** Definition fields `update` writes (SET when given, REMOVE when absent); never the counters. */
const definitionFields = [
  'type', 'title', 'description', 'place', 'onlineUrl', 'startsAt', 'endsAt', 'audience', 'capacity', 'signupDeadline',
  'accessFeatures', 'accessNote', 'published', 'cancelledAt', 'updatedAt', 'invitationToken', 'invitationTokenHash',
] as const;

export function eventStore(client: DynamoDBDocumentClient, table: string): EventStore {
  const read = async (processId: string, eventId: string) =>
    (await client.send(new GetCommand({ TableName: table, Key: keys.event(processId, eventId), ConsistentRead: true }))).Item;

  return {
    async event(processId, eventId) {
      const item = await read(processId, eventId);
      return item ? toRecord(item) : undefined;
    },

    async events(processId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ev)',
        ExpressionAttributeValues: { ':pk': keys.events(processId), ':ev': keys.eventPrefix },
        ConsistentRead: true,
      });
      return items.map(toRecord).sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
    },

    async create(event, audit) {
      const outcome = await transact(client, [
        { Put: { TableName: table, Item: { ...keys.event(event.processId, event.id), ...defined(event), eventType: event.type, type: 'event' }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'created';
      if (outcome.failed[0]) return 'exists';
      throw new Error('audit entry exists');
    },

    async update(event, expectedUpdatedAt, audit) {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':expected': expectedUpdatedAt, ':capacity': event.capacity };
      const set: string[] = [];
      const remove: string[] = [];
      definitionFields.forEach((field, i) => {
        // `type` is the item's own kind in this single table: the event's type is stored as eventType.
        const attribute = field === 'type' ? 'eventType' : field;
        names[`#f${i}`] = attribute;
        const value = event[field];
        if (value === undefined) remove.push(`#f${i}`);
        else {
          set.push(`#f${i} = :v${i}`);
          values[`:v${i}`] = value;
        }
      });
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.event(event.processId, event.id),
            UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
            // Stale: someone saved since the admin read it. Capacity: a sign-up took a seat the new capacity no longer has.
            ConditionExpression: 'updatedAt = :expected AND seatsTaken <= :capacity',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'saved';
      if (!outcome.failed[0]) throw new Error('audit entry exists');
      const now = await read(event.processId, event.id);
      return now && now.updatedAt === expectedUpdatedAt ? 'capacity' : 'stale';
    },

    async markReminderSent(processId, eventId, at) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.event(processId, eventId),
            UpdateExpression: 'SET reminderSentAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(reminderSentAt)',
            ExpressionAttributeValues: { ':at': at },
          }),
        );
        return true;
      } catch (error) {
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
  };
}

/** The stored item as the port's record: keys and the table's own attributes off, the counters as numbers. */
export function toRecord(item: Record<string, unknown>): EventRecord {
  const { pk: _pk, sk: _sk, type: _type, eventType, ...rest } = item;
  return {
    ...(rest as unknown as EventRecord),
    type: eventType as EventRecord['type'],
    accessFeatures: (rest.accessFeatures as EventRecord['accessFeatures'] | undefined) ?? [],
    seatsTaken: Number(rest.seatsTaken ?? 0),
    waitingCount: Number(rest.waitingCount ?? 0),
    checkedIn: Number(rest.checkedIn ?? 0),
    capacity: Number(rest.capacity),
  };
}

/** Without undefined values, which the DocumentClient refuses to marshal. */
const defined = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
