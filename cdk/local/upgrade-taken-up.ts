import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { markTakenUpIdeas } from '#functions/adapters/dynamodb/idea-page';
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
