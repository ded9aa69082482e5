// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TakenUp } from '#shared/schemas/idea';
import type { ProgressRecord, RecommendationRecord } from '../../domain/ports';
import type { LinkedIdeaRecord, RecommendationStore } from '../../domain/recommendations/ports';
import { auditPuts } from './audit';
import { batchGet } from './batch';
import { keys } from './keys';
import { queryAll } from './query';
import { transact, type TransactItems } from './transactions';

/**
 * A process's recommendations and their progress updates, one partition per process (RECS#<processId>;
 * at most RECOMMENDATIONS_PER_PROCESS_MAX recommendations, so the list is one or two Queries). Access patterns:
 * - one recommendation: Get RECS#<processId> / R#<id>, consistently (the committee edits what it read);
 * - the list and the register: Query begins_with R# and begins_with U# (progress of all, grouped here);
 * - an idea's "taken up by": Query TAKENUP#<ideaId>, items written in the transaction of every write
 *   to a recommendation linking the idea, so the idea page reads them without reading recommendations;
 * - linked ideas: one BatchGet of the idea items (title, status, held, votes).
 * Every write is conditioned on the `updatedAt` read, and goes with its audit entry in one transaction.
 */
export function recommendationStore(client: DynamoDBDocumentClient, table: string): RecommendationStore {
  const takenUpPut = (r: RecommendationRecord, ideaId: string): TransactItems[number] => ({
    Put: { TableName: table, Item: { ...keys.takenUp(ideaId, r.id), type: 'takenUp', processId: r.processId, id: r.id, title: r.title, status: r.status } },
  });
  // Marks the idea item too (never cleared): the idea page reads its TAKENUP list only when marked (idea-page.ts).
  const takenUpMark = (ideaId: string): TransactItems[number] => ({
    Update: { TableName: table, Key: keys.idea(ideaId), UpdateExpression: 'SET takenUp = :t', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':t': true } },
  });
  const takenUpDelete = (r: RecommendationRecord, ideaId: string): TransactItems[number] => ({ Delete: { TableName: table, Key: keys.takenUp(ideaId, r.id) } });
  const item = (r: RecommendationRecord) => ({ ...keys.recommendation(r.processId, r.id), type: 'recommendation', ...defined(r) });

  return {
    async get(processId, recommendationId) {
      const found = (await client.send(new GetCommand({ TableName: table, Key: keys.recommendation(processId, recommendationId), ConsistentRead: true }))).Item;
      return found ? toRecord(found) : undefined;
    },

    async list(processId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
        ExpressionAttributeValues: { ':pk': keys.recommendations(processId), ':r': keys.recommendationPrefix },
        ConsistentRead: true,
      });
      // The ids are ULIDs: sort key order is creation order.
      return items.map(toRecord);
    },

    async progress(processId, recommendationId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :u)',
        ExpressionAttributeValues: { ':pk': keys.recommendations(processId), ':u': keys.progressPrefix(recommendationId) },
        ConsistentRead: true,
      });
      return items.map(({ pk: _pk, sk: _sk, type: _type, ...rest }) => rest as unknown as ProgressRecord);
    },

    async ideas(ideaIds) {
      const found: Record<string, unknown>[] = [];
      for (let i = 0; i < ideaIds.length; i += 100) {
        found.push(...(await batchGet(client, table, ideaIds.slice(i, i + 100).map(keys.idea), true, 'id', 'processId', 'title', 'status', 'held', 'voteCount')));
      }
      return found.map((i) => ({ ...(i as unknown as LinkedIdeaRecord), voteCount: Number(i.voteCount ?? 0) }));
    },

    async takenUpBy(ideaId) {
      const items = await queryAll(client, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.takenUpPartition(ideaId) } });
      return items.map((i) => ({ id: i.id, title: i.title, status: i.status }) as TakenUp);
    },

    async create(record, audit) {
      const outcome = await transact(client, [
        { Put: { TableName: table, Item: item(record), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...record.ideaIds.flatMap((ideaId) => [takenUpPut(record, ideaId), takenUpMark(ideaId)]),
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'created';
      if (outcome.failed[0]) return 'exists';
      throw new Error('audit entry exists');
    },

    async update(record, expectedUpdatedAt, audit, unlinked = []) {
      const outcome = await transact(client, [
        { Put: { TableName: table, Item: item(record), ConditionExpression: 'updatedAt = :expected', ExpressionAttributeValues: { ':expected': expectedUpdatedAt } } },
        ...record.ideaIds.flatMap((ideaId) => [takenUpPut(record, ideaId), takenUpMark(ideaId)]),
        ...unlinked.map((ideaId) => takenUpDelete(record, ideaId)),
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'saved';
      if (outcome.failed[0]) return 'stale';
      throw new Error('audit entry exists');
    },

    async delete(record, audit) {
      const outcome = await transact(client, [
        {
          Delete: {
            TableName: table,
            Key: keys.recommendation(record.processId, record.id),
            ConditionExpression: 'updatedAt = :expected',
            ExpressionAttributeValues: { ':expected': record.updatedAt },
          },
        },
        ...record.ideaIds.map((ideaId) => takenUpDelete(record, ideaId)),
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'deleted';
      if (outcome.failed[0]) return 'stale';
      throw new Error('audit entry exists');
    },

    async addProgress(record, progress, audit) {
      const outcome = await transact(client, [
        // Not conditioned on updatedAt: a lens or text change meanwhile does not make an update wrong; an initiative is never removed.
        { ConditionCheck: { TableName: table, Key: keys.recommendation(record.processId, record.id), ConditionExpression: 'attribute_exists(initiative)' } },
        {
          Put: {
            TableName: table,
            Item: { ...keys.progressUpdate(record.processId, record.id, progress.id), type: 'progressUpdate', ...progress },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'added';
      if (outcome.failed[0]) return 'no-initiative';
      throw new Error('progress update or audit entry exists');
    },
  };
}

function toRecord({ pk: _pk, sk: _sk, type: _type, ...rest }: Record<string, unknown>): RecommendationRecord {
  const r = rest as unknown as RecommendationRecord;
  return { ...r, effects: Object.fromEntries(Object.entries(r.effects ?? {}).map(([k, v]) => [k, Number(v)])), ideaIds: r.ideaIds ?? [] };
}

/** Without undefined values, which the DocumentClient refuses to marshal. */
const defined = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
