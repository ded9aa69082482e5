// use case --> (secondary adapter) --> DynamoDB
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { SignupRecord, SignupStore } from '../../domain/events/ports';
import { signupList, toSignup } from './event-signup-list';
import { eraseSignups, signupsOfUser } from './event-signup-users';
import { keys } from './keys';
import { ServiceUnavailableError } from '../../lib/errors';
import { countAll } from './query';
import { transact, type Outcome, type TransactItems } from './transactions';

/**
 * Sign-ups with a waiting list (see keys.ts). Items of one event's partition EVSIGN#<processId>#<eventId>:
 * - S#<signupId> the sign-up (a ULID: sign-up order), in the byUser index for Min side and erasure;
 * - WHO#<userId> → signupId: one sign-up per person, by a conditional put;
 * - W#<queuedAt> → signupId: the waiting list, first in first out (queuedAt is a ULID).
 * The counters seatsTaken and waitingCount are on the event item, and every sign-up, cancellation
 * and promotion moves them in the same transaction as the items, under conditions on the counters
 * themselves, so they stay exact under any concurrency: a seat is taken only while
 * `seatsTaken < capacity` (the stored capacity) and no one waits; a place on the waiting list only
 * while that is not so. The two conditions are complements, so one of two attempts always fits;
 * a conflict between them (the counter moved in between) is retried.
 */

/** How long a sign-up keeps trying through conflicts before it answers 503 (the function's limit is 10 s). */
const RUSH_BUDGET_MS = 6000;

/** The longest pause between two tries at a conflicting transaction on the hot counter. */
const HOT_PAUSE_MS = 150;
const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** `capacity` is a reserved word in expressions. */
const capacityName = { '#capacity': 'capacity' };

/** Attempts at a sign-up or cancellation whose condition lost a race (each attempt re-reads). */
const MAX_ROUNDS = 25;

export function signupStore(client: DynamoDBDocumentClient, table: string): SignupStore {
  const ulid = monotonicFactory();
  const get = async (key: { pk: string; sk: string }) => (await client.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;
  const signupById = async (processId: string, eventId: string, signupId: string) => {
    const item = await get(keys.signup(processId, eventId, signupId));
    return item ? toSignup(item) : undefined;
  };
  const eventKey = keys.event;

  /**
   * A rush on one event makes its counter a hot item: transact's backoff (up to a second a try, ten
   * tries) suits an occasional conflict, not a hundred people at once. Here a conflict is retried
   * after a shorter jittered pause (at most HOT_PAUSE_MS) for as long as the request's budget allows;
   * a cancelled transaction wrote nothing, so each retry is safe.
   */
  async function patient(items: TransactItems, started: number): Promise<Outcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.send(new TransactWriteCommand({ TransactItems: items }));
        return { ok: true };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = error.CancellationReasons?.map((r) => r.Code ?? 'None') ?? [];
        if (codes.includes('TransactionConflict') || codes.includes('ThrottlingError')) {
          if (Date.now() - started > RUSH_BUDGET_MS) throw new ServiceUnavailableError();
          await pause(Math.random() * Math.min(HOT_PAUSE_MS, 5 * 2 ** attempt));
          continue;
        }
        if (codes.includes('ConditionalCheckFailed')) return { ok: false, failed: items.map((_, i) => codes[i] === 'ConditionalCheckFailed') };
        throw error;
      }
    }
  }

  async function signupOf(processId: string, eventId: string, userId: string) {
    const who = await get(keys.signupOwner(processId, eventId, userId));
    return who ? signupById(processId, eventId, String(who.signupId)) : undefined;
  }

  /** The first on the waiting list (a consistent Query: a promotion must see the latest list). */
  async function firstWaiting(processId: string, eventId: string): Promise<{ queuedAt: string; signupId: string } | undefined> {
    const page = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :w)',
        ExpressionAttributeValues: { ':pk': keys.eventSignups(processId, eventId), ':w': keys.waitingPrefix },
        ConsistentRead: true,
        Limit: 1,
      }),
    );
    const item = page.Items?.[0];
    return item ? { queuedAt: String(item.queuedAt), signupId: String(item.signupId) } : undefined;
  }

  /** The writes that give the first waiting person the seat another gives up (or a capacity increase frees). */
  function promotion(processId: string, eventId: string, first: { queuedAt: string; signupId: string }, at: string): TransactItems {
    return [
      { Delete: { TableName: table, Key: keys.waitingPlace(processId, eventId, first.queuedAt), ConditionExpression: 'attribute_exists(pk)' } },
      {
        Update: {
          TableName: table,
          Key: keys.signup(processId, eventId, first.signupId),
          UpdateExpression: 'SET #state = :seat, promotedAt = :at',
          ConditionExpression: '#state = :waiting',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':seat': 'seat', ':waiting': 'waiting', ':at': at },
        },
      },
    ];
  }

  return {
    signupOf,

    async signUp(input) {
      const base = { ...keys.signup(input.processId, input.eventId, input.id), type: 'eventSignup', ...defined(input), gsiUser: keys.userItems(input.userId), gsiUserSk: keys.userSignup(input.processId, input.eventId) };
      const owner = { Put: { TableName: table, Item: { ...keys.signupOwner(input.processId, input.eventId, input.userId), type: 'eventSignupOwner', signupId: input.id }, ConditionExpression: 'attribute_not_exists(pk)' } };
      const counter = (update: string, condition: string) => ({
        Update: { TableName: table, Key: eventKey(input.processId, input.eventId), UpdateExpression: update, ConditionExpression: `attribute_exists(pk) AND ${condition}`, ExpressionAttributeNames: capacityName, ExpressionAttributeValues: { ':one': 1, ':zero': 0 } },
      });
      // A seat: the stored capacity has room and no one is waiting (else a newcomer would jump the list).
      const takeSeat = () =>
        patient([{ Put: { TableName: table, Item: { ...base, state: 'seat' }, ConditionExpression: 'attribute_not_exists(pk)' } }, owner, counter('ADD seatsTaken :one', 'seatsTaken < #capacity AND waitingCount = :zero')], started);
      // The end of the waiting list, under the complement of the seat's condition.
      const queue = (queuedAt: string) =>
        patient([
          { Put: { TableName: table, Item: { ...base, state: 'waiting', queuedAt }, ConditionExpression: 'attribute_not_exists(pk)' } },
          owner,
          { Put: { TableName: table, Item: { ...keys.waitingPlace(input.processId, input.eventId, queuedAt), type: 'eventWaiting', queuedAt, signupId: input.id, userId: input.userId }, ConditionExpression: 'attribute_not_exists(pk)' } },
          counter('ADD waitingCount :one', '(seatsTaken >= #capacity OR waitingCount > :zero)'),
        ], started);
      const started = Date.now();
      for (let round = 0; round < MAX_ROUNDS; round++) {
        // The counters as they stand decide which attempt goes first, so a full event costs one transaction, not two.
        const now = await get(eventKey(input.processId, input.eventId));
        if (!now) throw new Error('sign-up: the event is gone');
        const seatsFree = Number(now.seatsTaken ?? 0) < Number(now.capacity) && Number(now.waitingCount ?? 0) === 0;
        if (seatsFree) {
          const seat = await takeSeat();
          if (seat.ok) return { outcome: 'seat', signup: toSignup({ ...base, state: 'seat' }) };
          if (seat.failed[1]) return { outcome: 'exists' };
          continue;
        }
        const queuedAt = ulid();
        const waiting = await queue(queuedAt);
        if (waiting.ok) return { outcome: 'waiting', signup: toSignup({ ...base, state: 'waiting', queuedAt }) };
        if (waiting.failed[1]) return { outcome: 'exists' };
        // A seat came free since the read (a cancellation with no one waiting): read again.
      }
      throw new ServiceUnavailableError();
    },

    async cancel(processId, eventId, userId, at) {
      const started = Date.now();
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const signup = await signupOf(processId, eventId, userId);
        if (!signup) return { outcome: 'missing' };
        const mine: TransactItems = [
          // The sign-up as read: if the waiting list promoted it meanwhile, its state changed and this attempt is redone.
          {
            Delete: {
              TableName: table,
              Key: keys.signup(processId, eventId, signup.id),
              // …and as to check-in, which the counter below follows.
              ConditionExpression: `#state = :state AND ${signup.checkedInAt ? 'attribute_exists' : 'attribute_not_exists'}(checkedInAt)`,
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':state': signup.state },
            },
          },
          { Delete: { TableName: table, Key: keys.signupOwner(processId, eventId, userId), ConditionExpression: 'signupId = :id', ExpressionAttributeValues: { ':id': signup.id } } },
        ];
        const checkedIn = signup.checkedInAt !== undefined;
        if (signup.state === 'waiting') {
          const outcome = await patient([
            ...mine,
            { Delete: { TableName: table, Key: keys.waitingPlace(processId, eventId, signup.queuedAt ?? ''), ConditionExpression: 'attribute_exists(pk)' } },
            { Update: { TableName: table, Key: eventKey(processId, eventId), UpdateExpression: `ADD waitingCount :minus${checkedIn ? ', checkedIn :minus' : ''}`, ExpressionAttributeValues: { ':minus': -1 } } },
          ], started);
          if (outcome.ok) return { outcome: 'cancelled' };
          continue;
        }
        const first = await firstWaiting(processId, eventId);
        if (first) {
          // The seat passes to the first waiting person: seatsTaken stays, the waiting list shortens by one.
          const outcome = await patient([
            ...mine,
            ...promotion(processId, eventId, first, at),
            {
              Update: {
                TableName: table,
                Key: eventKey(processId, eventId),
                UpdateExpression: `ADD waitingCount :minus${checkedIn ? ', checkedIn :minus' : ''}`,
                ExpressionAttributeValues: { ':minus': -1 },
              },
            },
          ], started);
          if (outcome.ok) {
            const promoted = await signupById(processId, eventId, first.signupId);
            return promoted ? { outcome: 'cancelled', promoted } : { outcome: 'cancelled' };
          }
          continue;
        }
        // No one waits: the seat is freed, on condition that still no one waits (one who joined meanwhile gets it next round).
        const outcome = await patient([
          ...mine,
          {
            Update: {
              TableName: table,
              Key: eventKey(processId, eventId),
              UpdateExpression: `ADD seatsTaken :minus${checkedIn ? ', checkedIn :minus' : ''}`,
              ConditionExpression: 'waitingCount = :zero',
              ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
            },
          },
        ], started);
        if (outcome.ok) return { outcome: 'cancelled' };
      }
      throw new Error('cancel: no attempt fitted the counters');
    },

    async fillSeats(processId, eventId, _capacity, at) {
      const promoted: SignupRecord[] = [];
      // Each round promotes one or finds the list changed; a list that keeps changing under it is left to the next call.
      for (let misses = 0; misses < MAX_ROUNDS; ) {
        const first = await firstWaiting(processId, eventId);
        if (!first) break;
        // One at a time, each under the stored capacity: a racing capacity change or sign-up cannot overfill.
        const outcome = await transact(client, [
          ...promotion(processId, eventId, first, at),
          {
            Update: {
              TableName: table,
              Key: eventKey(processId, eventId),
              UpdateExpression: 'ADD seatsTaken :one, waitingCount :minus',
              ConditionExpression: 'seatsTaken < #capacity',
              ExpressionAttributeNames: capacityName,
              ExpressionAttributeValues: { ':one': 1, ':minus': -1 },
            },
          },
        ]);
        if (outcome.ok) {
          const signup = await signupById(processId, eventId, first.signupId);
          if (signup) promoted.push(signup);
          continue;
        }
        if (outcome.failed[2]) break;
        misses++;
        // The first place went meanwhile (a cancellation promoted or removed it): read the list again.
      }
      return promoted;
    },

    async positionOf(signup) {
      if (signup.state !== 'waiting' || !signup.queuedAt) return 0;
      const ahead = await countAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :before',
        ExpressionAttributeValues: { ':pk': keys.eventSignups(signup.processId, signup.eventId), ':from': keys.waitingPrefix, ':before': keys.waitingPlace(signup.processId, signup.eventId, signup.queuedAt).sk },
        ConsistentRead: true,
      });
      // BETWEEN includes the person's own place.
      return ahead;
    },

    list: (processId, eventId, query) => signupList(client, table, processId, eventId, query),

    async setCheckedIn(processId, eventId, signupId, at) {
      const signup = await signupById(processId, eventId, signupId);
      if (!signup) return undefined;
      const checkingIn = at !== undefined;
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.signup(processId, eventId, signupId),
            UpdateExpression: checkingIn ? 'SET checkedInAt = :at' : 'REMOVE checkedInAt',
            // Only a change moves the counter: checking in twice (or undoing twice) is no change.
            ConditionExpression: checkingIn ? 'attribute_exists(pk) AND attribute_not_exists(checkedInAt)' : 'attribute_exists(pk) AND attribute_exists(checkedInAt)',
            ...(checkingIn ? { ExpressionAttributeValues: { ':at': at } } : {}),
          },
        },
        { Update: { TableName: table, Key: eventKey(processId, eventId), UpdateExpression: 'ADD checkedIn :d', ExpressionAttributeValues: { ':d': checkingIn ? 1 : -1 } } },
      ]);
      if (!outcome.ok && !outcome.failed[0]) throw new Error('check-in: the event is gone');
      return signupById(processId, eventId, signupId);
    },

    signupsOfUser: (userId, query) => signupsOfUser(client, table, userId, query),
    eraseProcess: (processId, eventIds) => eraseSignups(client, table, processId, eventIds),
  };
}

/** Without undefined values, which the DocumentClient refuses to marshal. */
const defined = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
