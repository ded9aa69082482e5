// use case --> (secondary adapter) --> DynamoDB
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SignupState } from '#shared/rules/events';
import type { SignupRecord } from '../../domain/events/ports';
import { batchGet } from './batch';
import { decodeCursor, encodeCursor } from './cursor';
import { keys } from './keys';
import { countAll } from './query';

/**
 * The organisers' list of an event's sign-ups: the seats in sign-up order (the S# items, whose ULIDs
 * sort by time, read with a filter on the state), then the waiting list in its order (the W# items,
 * each pointing to its sign-up, read by BatchGet). A cursor says which of the two it continues and
 * from which key; a waiting row carries its position (1: next in line).
 */
type Key = Record<string, string>;
const SEATS = 'eventSignupSeats';
const WAITING = 'eventSignupWaiting';

export async function signupList(
  client: DynamoDBDocumentClient,
  table: string,
  processId: string,
  eventId: string,
  query: { state?: SignupState; limit: number; cursor?: string },
): Promise<{ items: (SignupRecord & { position?: number })[]; nextCursor?: string }> {
  const pk = keys.eventSignups(processId, eventId);
  const start = query.cursor ? readCursor(query.cursor, pk) : { part: query.state === 'waiting' ? WAITING : SEATS, key: undefined };
  const items: (SignupRecord & { position?: number })[] = [];
  let part = start.part;
  let key: Key | undefined = start.key;

  if (part === SEATS) {
    do {
      // Limit counts items read before the filter: asking for what is still missing never overfills the page.
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
          FilterExpression: '#state = :seat',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':pk': pk, ':s': keys.signupPrefix, ':seat': 'seat' },
          ConsistentRead: true,
          Limit: query.limit - items.length,
          ...(key ? { ExclusiveStartKey: key } : {}),
        }),
      );
      items.push(...(page.Items ?? []).map(toSignup));
      key = page.LastEvaluatedKey as Key | undefined;
    } while (key && items.length < query.limit);
    if (key) return { items, nextCursor: encodeCursor(SEATS, key) };
    if (query.state === 'seat') return { items };
    // The seats are done: the waiting list follows, from its start.
    part = WAITING;
    key = undefined;
    if (items.length >= query.limit) return { items, nextCursor: encodeCursor(WAITING, { pk, sk: keys.waitingPrefix }) };
  }

  const page = await client.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :w)',
      ExpressionAttributeValues: { ':pk': pk, ':w': keys.waitingPrefix },
      ConsistentRead: true,
      Limit: query.limit - items.length,
      ...(key ? { ExclusiveStartKey: key } : {}),
    }),
  );
  const places = page.Items ?? [];
  const first = places[0];
  if (first) {
    const found = await batchGet(client, table, places.map((p) => keys.signup(processId, eventId, String(p.signupId))), true);
    const byId = new Map(found.map((f) => [String(f.id), toSignup(f)]));
    // Places before this page's first: its position is one more.
    const before = await countAll(client, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :first',
      ExpressionAttributeValues: { ':pk': pk, ':from': keys.waitingPrefix, ':first': String(first.sk) },
      ConsistentRead: true,
    });
    places.forEach((p, i) => {
      const signup = byId.get(String(p.signupId));
      if (signup) items.push({ ...signup, position: before + i });
    });
  }
  const next = page.LastEvaluatedKey as Key | undefined;
  return next ? { items, nextCursor: encodeCursor(WAITING, next) } : { items };
}

function readCursor(cursor: string, pk: string): { part: string; key: Key } {
  try {
    return { part: SEATS, key: decodeCursor(cursor, SEATS, { pk, sk: { prefix: keys.signupPrefix } }, ['pk', 'sk']) as Key };
  } catch {
    return { part: WAITING, key: decodeCursor(cursor, WAITING, { pk, sk: { prefix: keys.waitingPrefix } }, ['pk', 'sk']) as Key };
  }
}

/** The stored item as the port's record (keys and index attributes off). */
export function toSignup(item: Record<string, unknown>): SignupRecord {
  const { pk: _pk, sk: _sk, type: _type, gsiUser: _u, gsiUserSk: _s, ...rest } = item;
  const record = rest as unknown as SignupRecord;
  return { ...record, diet: record.diet ?? [] };
}
