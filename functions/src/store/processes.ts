// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { processSchema, type Process } from '#shared/schemas/process';
import type { ProcessStore } from '../domain/ports';
import { keys } from './keys';

/**
 * Access patterns: list all processes (one Query on the PROCESSES partition — there are few, and
 * they are listed together on the front page); get one process by id.
 */
export function processStore(client: DynamoDBDocumentClient, table: string): ProcessStore {
  return {
    async list() {
      const items: Process[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.processPartition },
            ExclusiveStartKey: start,
          }),
        );
        items.push(...(page.Items ?? []).map(fromItem));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
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
