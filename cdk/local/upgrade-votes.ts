import { TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#functions/adapters/dynamodb/keys';
import type { TableDef } from '#functions/adapters/dynamodb/tables';

/** Written once every vote of a data folder lives in its bucket: later starts skip the scan. */
const DONE = { pk: 'CONFIG', sk: 'VOTESSPREAD' };

/**
 * A data folder from before issue 19 holds each vote at IDEA#<ideaId> / VOTE#<userId>; now an idea's
 * votes are spread over buckets (keys.vote, docs/viral-idea.md). Each old vote item moves to its new key
 * in one transaction (Put where none is, Delete of the old), so a run cut short leaves every vote in
 * exactly one place and the next start finishes it; a vote already at its new key (a second run) only
 * loses its old copy. Idempotent; one Scan per data folder, then a marker. AWS holds no deployment with
 * votes yet: there the old layout never existed. The moves pass the table's stream as a removal and an
 * insert of a vote item, which the search projector ignores (its filter takes ideas and comments only).
 */
export async function spreadVotes(client: DynamoDBClient, def: TableDef): Promise<number> {
  const db = DynamoDBDocumentClient.from(client);
  const table = def.localName;
  if ((await db.send(new GetCommand({ TableName: table, Key: DONE, ConsistentRead: true }))).Item) return 0;
  let moved = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: '#type = :vote',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':vote': 'vote' },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) {
      const old = keys.unspreadVote(String(item.ideaId), String(item.userId));
      if (item.pk !== old.pk || item.sk !== old.sk) continue;
      await move(db, table, item, old);
      moved++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  await db.send(new PutCommand({ TableName: table, Item: { ...DONE, at: new Date().toISOString() } }));
  return moved;
}

async function move(db: DynamoDBDocumentClient, table: string, item: Record<string, unknown>, old: { pk: string; sk: string }): Promise<void> {
  const to = keys.vote(String(item.ideaId), String(item.userId));
  const remove = { Delete: { TableName: table, Key: old } };
  try {
    await db.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: table, Item: { ...item, ...to }, ConditionExpression: 'attribute_not_exists(pk)' } }, remove] }));
  } catch (error) {
    const codes = error instanceof TransactionCanceledException ? error.CancellationReasons?.map((r) => r.Code) : undefined;
    if (codes?.[0] !== 'ConditionalCheckFailed') throw error;
    // A vote at its new key already (cast there while the old copy was in place): the old copy goes.
    await db.send(new TransactWriteCommand({ TransactItems: [remove] }));
  }
}
