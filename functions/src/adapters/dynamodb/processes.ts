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
const fromItem = (item: Record<string, unknown>): Process => processSchema.parse(item);
