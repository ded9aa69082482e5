// use case --> (secondary adapter) --> DynamoDB
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LiveLimits } from '../../domain/events/live-limits';
import type { LiveRoundRecord, LiveRoundStore, LiveTally } from '../../domain/events/ports';
import { auditPuts } from './audit';
import { batchDelete } from './batch';
import { keys } from './keys';
import { queryAll } from './query';
import { rateLimitItem } from './rate-limits';
import { transact, type TransactItems } from './transactions';

/**
 * Live rounds in the room (see keys.ts). Access patterns:
 * - one round: Get EVENTS#<processId> / LR#<eventId>#<roundId>; an event's rounds: Query
 *   begins_with LR#<eventId># (ULIDs: oldest first);
 * - a phone's code: Get LIVECODE#<code> / REF (processId, eventId, roundId), then the round; a code
 *   is claimed once with a conditional put and never given to another round;
 * - an answer: one transaction of the marker LIVE#<roundId> / WHO#<questionId>#<tokenHash>
 *   (conditional: one per phone and question) and an ADD on the tally LIVE#<roundId> / T#<questionId>;
 * - the results: one Query LIVE#<roundId> begins_with T# (the tallies, never the markers).
 * A tally's `counts` and `words` are maps whose keys come from the room (words anyone typed), so
 * every key goes in through an ExpressionAttributeNames placeholder, whatever it contains. ADD on
 * a map's key needs the map to exist: the tallies are put, with empty maps, in the transaction that
 * opens the round (a draft takes no answers, and questions never change after it opens).
 */

const strip = ({ pk: _pk, sk: _sk, type: _type, ...rest }: Record<string, unknown>) => rest;
const toRound = (item: Record<string, unknown>) => strip(item) as LiveRoundRecord;

export function liveRoundStore(client: DynamoDBDocumentClient, table: string): LiveRoundStore {
  const get = async (key: { pk: string; sk: string }) => (await client.send(new GetCommand({ TableName: table, Key: key }))).Item;

  const store: LiveRoundStore = {
    async round(processId, eventId, roundId) {
      const item = await get(keys.liveRound(processId, eventId, roundId));
      return item ? toRound(item) : undefined;
    },

    async rounds(processId, eventId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :lr)',
        ExpressionAttributeValues: { ':pk': keys.events(processId), ':lr': keys.liveRoundsOf(eventId) },
      });
      return items.map(toRound);
    },

    async byCode(code) {
      const ref = await get(keys.shortCode(code));
      if (!ref) return undefined;
      return store.round(ref.processId as string, ref.eventId as string, ref.roundId as string);
    },

    async create(round, audit) {
      const outcome = await transact(client, [
        { Put: { TableName: table, Item: { ...keys.liveRound(round.processId, round.eventId, round.id), type: 'liveRound', ...round }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...auditPuts(table, audit),
      ]);
      if (!outcome.ok) throw new Error('live round or its audit entry exists');
    },

    async save(round, expected, audit) {
      const opening = expected.state === 'draft' && round.state === 'open';
      const tallies: TransactItems = opening
        ? round.questions.map((q) => ({ Put: { TableName: table, Item: { ...keys.liveTally(round.id, q.id), type: 'liveTally', questionId: q.id, n: 0, counts: {}, words: {} } } }))
        : [];
      const outcome = await transact(client, [
        {
          Put: {
            TableName: table,
            Item: { ...keys.liveRound(round.processId, round.eventId, round.id), type: 'liveRound', ...round },
            // Unchanged since the organiser read it: same version, same state.
            ConditionExpression: 'updatedAt = :expected AND #state = :state',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':expected': expected.updatedAt, ':state': expected.state },
          },
        },
        ...tallies,
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'saved';
      if (outcome.failed[0]) return 'stale';
      throw new Error('audit entry exists');
    },

    async claimCode(code, round) {
      try {
        await client.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.shortCode(code), type: 'liveCode', processId: round.processId, eventId: round.eventId, roundId: round.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async answer(roundId, questionId, tokenHash, increments) {
      // DynamoDB refuses a placeholder the expression does not use: each map's name only with its keys.
      const names: Record<string, string> = { '#n': 'n' };
      const adds = ['#n :one'];
      for (const [map, prefix, entries] of [['counts', 'c', increments.counts], ['words', 'w', increments.words]] as const) {
        Object.keys(entries).forEach((key, i) => {
          names[`#${map}`] = map;
          names[`#${prefix}${i}`] = key;
          adds.push(`#${map}.#${prefix}${i} :one`);
        });
      }
      const outcome = await transact(client, [
        // The marker holds the hash only: which phone answered is not kept, nor what it answered.
        { Put: { TableName: table, Item: { ...keys.liveAnswerMarker(roundId, questionId, tokenHash), type: 'liveMarker' }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: table,
            Key: keys.liveTally(roundId, questionId),
            UpdateExpression: `ADD ${adds.join(', ')}`,
            // The tally exists from the round's opening; without it the answer is refused, not half-counted.
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ]);
      if (outcome.ok) return 'recorded';
      if (outcome.failed[0]) return 'duplicate';
      throw new Error(`live tally missing: ${roundId}/${questionId}`);
    },

    async tallies(roundId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
        ExpressionAttributeValues: { ':pk': keys.liveAnswers(roundId), ':t': keys.liveTallyPrefix },
      });
      return items.map((i): LiveTally => ({ questionId: i.questionId as string, count: Number(i.n ?? 0), counts: numbers(i.counts), words: numbers(i.words) }));
    },

    async eraseMarkers(roundIds) {
      let erased = 0;
      for (const roundId of roundIds) {
        const markers = await queryAll(client, {
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :who)',
          ExpressionAttributeValues: { ':pk': keys.liveAnswers(roundId), ':who': keys.liveAnswerMarkerPrefix },
          ProjectionExpression: 'pk, sk',
        });
        await batchDelete(client, table, markers.map((m) => ({ pk: m.pk as string, sk: m.sk as string })));
        erased += markers.length;
      }
      return erased;
    },
  };
  return store;
}

const numbers = (map: unknown): Record<string, number> => Object.fromEntries(Object.entries((map ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Number(v)]));

/**
 * The phones' limits on the fixed-window counters every write shares (rate-limits.ts), each taken
 * with an atomic update of its own: inside the answer's transaction, a room sharing one address
 * would conflict on its counter.
 */
export function liveLimits(client: DynamoDBDocumentClient, table: string): LiveLimits {
  return {
    async take(subject, limit, now) {
      const { item } = rateLimitItem(table, subject, limit, now);
      try {
        await client.send(new UpdateCommand(item.Update as ConstructorParameters<typeof UpdateCommand>[0]));
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}
