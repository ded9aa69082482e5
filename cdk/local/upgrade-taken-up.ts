import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TAKEN_UP_MARK } from '#functions/adapters/dynamodb/idea-page';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable, type TableDef } from '#functions/adapters/dynamodb/tables';

/** Written once the ideas of a data folder carry their taken-up mark: later starts skip the scan. */
const DONE = { pk: 'CONFIG', sk: 'TAKENUPMARKED' };

/**
 * Since issue 19 the idea page reads a recommendation's "taken up by" list only for an idea marked
 * `takenUp` (adapters/dynamodb/idea-page.ts); a data folder written before it holds the links without
 * the marks, so `npm start` marks them once, or those pages would lose their list. Idempotent.
 */
export async function markTakenUp(client: DynamoDBClient, def: TableDef): Promise<number> {
  if (def.localName !== mainTable.localName) return 0;
  const db = DynamoDBDocumentClient.from(client);
  if ((await db.send(new GetCommand({ TableName: def.localName, Key: DONE, ConsistentRead: true }))).Item) return 0;
  const marked = await markTakenUpIdeas(db, def.localName);
  await db.send(new PutCommand({ TableName: def.localName, Item: { ...DONE, at: new Date().toISOString() } }));
  return marked;
}

/**
 * Sets the mark on every idea that has TAKENUP items: once, for a store written before the mark
 * existed (its ideas would show no "taken up by" list until their recommendation is saved again).
 * A Scan, so never on a request path; idempotent; an idea gone since is skipped. Returns how many it marked.
 */
export async function markTakenUpIdeas(client: DynamoDBDocumentClient, table: string): Promise<number> {
  const ideaIds = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: table, FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': keys.takenUpPartition('') }, ProjectionExpression: 'pk', ExclusiveStartKey: start }),
    );
    for (const item of page.Items ?? []) ideaIds.add(String(item.pk).slice(keys.takenUpPartition('').length));
    start = page.LastEvaluatedKey;
  } while (start);
  let marked = 0;
  for (const ideaId of ideaIds) {
    try {
      await client.send(
        new UpdateCommand({ TableName: table, Key: keys.idea(ideaId), UpdateExpression: `SET ${TAKEN_UP_MARK} = :t`, ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':t': true } }),
      );
      marked++;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return marked;
}
