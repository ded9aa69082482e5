// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { processSchema, type Process } from '#shared/schemas/process';
import type { ProcessStore } from '../../domain/ports';
import { keys } from './keys';
import { queryAll } from './query';

/**
 * Access patterns: list all processes (one Query on the PROCESSES partition — there are few, and
 * they are listed together on the front page); get one process by id.
 */
export function processStore(client: DynamoDBDocumentClient, table: string): ProcessStore {
  return {
    async list() {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.processPartition },
      });
      return items.map(fromItem);
    },

    async get(processId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.process(processId) }));
      return Item ? fromItem(Item) : undefined;
    },

    async put(process) {
      await client.send(new PutCommand({ TableName: table, Item: { ...keys.process(process.id), type: 'process', ...process } }));
    },
  };
}

// Items are parsed on the way out, so a stored item that drifted from the contract fails loudly here.
const fromItem = (item: Record<string, unknown>): Process => processSchema.parse(upgrade(item));

/**
 * A process stored before phases were typed (kind `submission`) and before charters, vote rules and
 * retention dates: read as today's shape, so a local data folder from an earlier version still starts.
 * The retention date defaults to a year after the last phase starts.
 */
function upgrade(item: Record<string, unknown>): Record<string, unknown> {
  const phases = (item.phases as Record<string, unknown>[] | undefined)?.map((p) => (p.kind === 'submission' ? { ...p, kind: 'ideas' } : p));
  const settings = (item.settings ?? {}) as Record<string, unknown>;
  const lastStart = phases?.at(-1)?.startsAt;
  const aYearAfter = typeof lastStart === 'string' ? new Date(Date.parse(lastStart) + 365 * 86_400_000).toISOString() : undefined;
  return {
    ...item,
    phases,
    charter: item.charter ?? { tasks: item.description, members: [], meetings: [], outcome: item.summary },
    settings: { votesPerPerson: null, personalDataUntil: aYearAfter, ...settings },
  };
}
