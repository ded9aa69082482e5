// use case --> (secondary adapter) --> DynamoDB
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ANSWERED, COMMENTS, readTallies } from '../../domain/consultation/figures';
import type { ResponseFlagRecord, ResponseRecord, ResponseStore } from '../../domain/consultation/response-ports';
import { decodeCursor, encodeCursor } from './cursor';
import { keys } from './keys';
import { queryAll } from './query';

type Reads = Pick<ResponseStore, 'list' | 'all' | 'figures' | 'totals' | 'byUser' | 'flagsOn' | 'ofUser'>;

/** How many items one Query of a filtered list reads at most (the filter may drop most of them). */
const READ_PAGE = 200;

/** The read side of the responses adapter (layout in consultation-responses.ts and keys.ts). */
export function responseReads(client: DynamoDBDocumentClient, table: string): Reads {
  return {
    async list(processId, documentId, filter, limit, cursor) {
      const pk = keys.consultResponses(processId, documentId);
      const prefix = keys.consultResponsePrefix(filter.paragraph);
      // The cursor is bound to the list it came from (document and paragraph); filters are asked again with it.
      const index = `responses:${processId}:${documentId}:${prefix}`;
      // Only responses that carried a comment are listed; a position alone shows in the figures.
      const conditions = ['commented = :true'];
      const values: Record<string, unknown> = { ':pk': pk, ':prefix': prefix, ':true': true };
      if (filter.round) {
        conditions.push('roundId = :round');
        values[':round'] = filter.round;
      }
      if (filter.unanswered) {
        conditions.push('attribute_not_exists(answer) AND #state IN (:visible, :held)');
        Object.assign(values, { ':visible': 'visible', ':held': 'held' });
      }
      if (filter.state) {
        conditions.push('#state = :state');
        values[':state'] = filter.state;
      }
      const page = await filteredPage(
        client,
        {
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          FilterExpression: conditions.join(' AND '),
          ...(filter.unanswered || filter.state ? { ExpressionAttributeNames: { '#state': 'state' } } : {}),
          ExpressionAttributeValues: values,
        },
        limit,
        cursor ? decodeCursor(cursor, index, { pk, sk: { prefix } }, ['pk', 'sk']) : undefined,
      );
      const items = page.items.map(fromResponseItem);
      return { items, nextCursor: page.last ? encodeCursor(index, { pk, sk: page.last.sk as string }) : null };
    },

    async all(processId, documentId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.consultResponses(processId, documentId), ':prefix': keys.consultResponsePrefix() },
      });
      return items.map(fromResponseItem);
    },

    async figures(processId, documentId, version) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.consultResponses(processId, documentId), ':prefix': keys.consultFiguresOf(version) },
      });
      return items.map((item) => ({
        paragraphNo: item.paragraphNo as number,
        tallies: readTallies(item),
        comments: (item[COMMENTS] as number | undefined) ?? 0,
        answered: (item[ANSWERED] as number | undefined) ?? 0,
      }));
    },

    async totals(processId, documentIds) {
      const sums = await Promise.all(
        documentIds.map(async (documentId) => {
          const items = await queryAll(client, {
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ProjectionExpression: '#c, #a',
            ExpressionAttributeNames: { '#c': COMMENTS, '#a': ANSWERED },
            ExpressionAttributeValues: { ':pk': keys.consultResponses(processId, documentId), ':prefix': keys.consultFiguresPrefix },
          });
          const sum = (name: string) => items.reduce((n, item) => n + ((item[name] as number | undefined) ?? 0), 0);
          return [documentId, { comments: sum(COMMENTS), answered: sum(ANSWERED) }] as const;
        }),
      );
      return new Map(sums);
    },

    async byUser(userId, limit, cursor) {
      const user = keys.userItems(userId);
      const names = ['pk', 'sk', 'gsiUser', 'gsiUserSk'];
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'byUser',
          KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :prefix)',
          ExpressionAttributeValues: { ':u': user, ':prefix': keys.userConsultResponsePrefix },
          // Response ids are ULIDs: newest first.
          ScanIndexForward: false,
          Limit: limit + 1,
          ExclusiveStartKey: cursor ? decodeCursor(cursor, 'myResponses', { gsiUser: user, gsiUserSk: { prefix: keys.userConsultResponsePrefix } }, names) : undefined,
        }),
      );
      const found = page.Items ?? [];
      const items = found.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items: items.map(fromResponseItem),
        nextCursor: found.length > limit && last ? encodeCursor('myResponses', Object.fromEntries(names.map((k) => [k, last[k] as string]))) : null,
      };
    },

    async ofUser(userId) {
      // The CWHO# markers go with their responses (remove deletes them), so they are not read here.
      const of = (prefix: string) =>
        queryAll(client, {
          TableName: table,
          IndexName: 'byUser',
          KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :prefix)',
          ExpressionAttributeValues: { ':u': keys.userItems(userId), ':prefix': prefix },
        });
      const [responses, flags] = await Promise.all([of(keys.userConsultResponsePrefix), of(keys.userConsultFlagPrefix)]);
      return { responses: responses.map(fromResponseItem), flags: flags.map((i) => fromResponseItem(i) as unknown as ResponseFlagRecord) };
    },

    async flagsOn(response) {
      const since = response.flagsResetAt;
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ...(since ? { FilterExpression: 'createdAt >= :since' } : {}),
        ExpressionAttributeValues: { ':pk': keys.consultResponses(response.processId, response.documentId), ':prefix': keys.consultFlagsOf(response.id), ...(since ? { ':since': since } : {}) },
      });
      return items as unknown as ResponseFlagRecord[];
    },
  };
}

/**
 * A page of a filtered Query: reads on until `limit` items matched or the partition ends, and says
 * which item the page ended on (the cursor continues after it), or none when nothing is left.
 */
async function filteredPage(
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>,
  limit: number,
  start: Record<string, unknown> | undefined,
): Promise<{ items: Record<string, unknown>[]; last?: Record<string, unknown> }> {
  const found: Record<string, unknown>[] = [];
  let next = start;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: next, Limit: READ_PAGE }));
    found.push(...(page.Items ?? []));
    next = page.LastEvaluatedKey;
  } while (next && found.length <= limit);
  const items = found.slice(0, limit);
  // More may follow when this page left matches unread, or stopped reading before the partition's end.
  const more = found.length > limit || (next !== undefined && items.length === limit);
  return more ? { items, last: items[items.length - 1]! } : { items };
}

const INTERNAL = new Set(['pk', 'sk', 'type', 'gsiUser', 'gsiUserSk', 'gsiQueue', 'queuedAt']);
export const fromResponseItem = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !INTERNAL.has(k))) as unknown as ResponseRecord;
