import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** BatchGet of up to 100 keys, following UnprocessedKeys until every key is read; optional projection. */
export async function batchGet(
  client: DynamoDBDocumentClient,
  table: string,
  keyList: Record<string, string>[],
  consistent: boolean,
  ...attributes: string[]
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  const projection = attributes.length
    ? {
        ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])),
      }
    : {};
  for (let pending = keyList; pending.length > 0; ) {
    const result = await client.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: consistent, ...projection } } }));
    found.push(...(result.Responses?.[table] ?? []));
    pending = (result.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, string>[];
  }
  return found;
}

/** Items per BatchWriteItem: DynamoDB's limit. */
const WRITE_BATCH = 25;
const MAX_WRITE_ATTEMPTS = 10;

/**
 * Deletes the items with these keys, 25 to a BatchWriteItem, sending what DynamoDB left unprocessed
 * (throttling) again after a growing pause, and gives up after MAX_WRITE_ATTEMPTS. Deleting an item
 * that is gone is no error.
 */
export async function batchDelete(client: DynamoDBDocumentClient, table: string, keyList: Record<string, string>[], sleep = defaultSleep): Promise<void> {
  for (let i = 0; i < keyList.length; i += WRITE_BATCH) {
    let pending = keyList.slice(i, i + WRITE_BATCH).map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === MAX_WRITE_ATTEMPTS) throw new Error(`BatchWriteItem: ${pending.length} deletes still unprocessed after ${attempt} attempts`);
      if (attempt > 0) await sleep(Math.min(2000, 50 * 2 ** attempt));
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  }
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
