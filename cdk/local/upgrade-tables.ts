import { DescribeTableCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#functions/adapters/dynamodb/keys';
import { searchDocStore } from '#functions/adapters/dynamodb/search-docs';
import { indexProjection, type IndexDef, type TableDef } from '#functions/adapters/dynamodb/tables';
import type { SearchChange } from '#functions/domain/ports/search';
import { searchChangeOf } from '#functions/domain/search/documents';
import { waitFor } from './processes';

/**
 * A data folder from an earlier version holds the table without the indexes added since. Each
 * missing index is created, and the items written before it get the attribute it reads, so an old
 * folder keeps working (in AWS, CloudFormation adds the index; no deployment held ideas before it).
 * The backfill scans the table: a one-off over a developer's local data, never a request path.
 */
export async function addMissingIndexes(client: DynamoDBClient, def: TableDef): Promise<string[]> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: def.localName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const missing = def.indexes.filter((i) => !present.has(i.name));
  for (const index of missing) {
    await client.send(
      new UpdateTableCommand({
        TableName: def.localName,
        AttributeDefinitions: [index.partitionKey, index.sortKey].map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.name, KeySchema: keySchema(index), Projection: indexProjection(index) } }],
      }),
    );
    await waitFor(`index ${index.name}`, async () => {
      const { Table: t } = await client.send(new DescribeTableCommand({ TableName: def.localName }));
      const status = t?.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.name)?.IndexStatus;
      if (status !== 'ACTIVE') throw new Error(status);
    });
    await backfills[index.name]?.(DynamoDBDocumentClient.from(client), def.localName);
  }
  return missing.map((i) => i.name);
}

const keySchema = (index: IndexDef) => [
  { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
  { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
];

/** What each index added after the first version needs written onto older items. */
const backfills: Record<string, (client: DynamoDBDocumentClient, table: string) => Promise<void>> = {
  async byProcess(client, table) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: table,
          FilterExpression: '#type = :idea AND attribute_not_exists(gsiProcess)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':idea': 'idea' },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: 'SET gsiProcess = :p',
            ExpressionAttributeValues: { ':p': keys.processIdeas(item.processId as string) },
          }),
        );
      }
      start = page.LastEvaluatedKey;
    } while (start);
  },
};

/**
 * A data folder from before search (issue 18) holds the table without its stream. The stream is turned
 * on, and every idea and comment written before it gets its search document, as the projector would
 * have made it; version zero, so a document the projector has already written is kept. Returns whether
 * the stream was new. In AWS, CloudFormation turns the stream on in place; the items written before it
 * need the same one-off pass (or a touch of each idea and comment, which sends it through the stream).
 */
export async function enableStream(client: DynamoDBClient, def: TableDef): Promise<boolean> {
  if (!def.stream) return false;
  const { Table } = await client.send(new DescribeTableCommand({ TableName: def.localName }));
  if (Table?.StreamSpecification?.StreamEnabled) return false;
  await client.send(new UpdateTableCommand({ TableName: def.localName, StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream } }));
  await backfillSearchDocs(DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }), def.localName);
  return true;
}

const BEFORE_ANY_RECORD = '0'.repeat(40);

async function backfillSearchDocs(client: DynamoDBDocumentClient, table: string): Promise<void> {
  const store = searchDocStore(client, table);
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: '#type IN (:idea, :comment)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':idea': 'idea', ':comment': 'comment' },
        ExclusiveStartKey: start,
      }),
    );
    const changes = (page.Items ?? []).flatMap((item): SearchChange[] => {
      const change = searchChangeOf(undefined, item);
      return change ? [{ ...change, version: BEFORE_ANY_RECORD }] : [];
    });
    await store.apply(changes, new Date());
    start = page.LastEvaluatedKey;
  } while (start);
}
