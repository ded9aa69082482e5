import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

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
