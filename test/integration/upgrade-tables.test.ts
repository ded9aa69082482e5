import { afterAll, beforeAll, expect, it } from 'vitest';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#functions/adapters/dynamodb/keys';
import { retentionStore } from '#functions/adapters/dynamodb/retention';
import { searchDocStore } from '#functions/adapters/dynamodb/search-docs';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { createTables, localCredentials, startDynamoDb } from '#local/dynamodb';
import { freePort, type Child } from '#local/processes';

/**
 * A data folder from before the byProcess index: its table has no such index and its ideas no
 * gsiProcess. Starting the stack on it (createTables) adds every missing index and backfills the
 * ideas, so the retention job finds them. Its table has no stream either: the stream is turned on and
 * the ideas written before it get their search documents (issue 18).
 */
let dynamo: { child: Child; endpoint: string };
let client: DynamoDBClient;

beforeAll(async () => {
  dynamo = await startDynamoDb({ port: await freePort() });
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials: localCredentials });
}, 60_000);
afterAll(() => dynamo?.child.stop());

it('adds the indexes an older table lacks and gives its ideas the attribute the new index reads', async () => {
  // Prepare: the table as an earlier version created it (keys only, one of today's indexes), with an idea.
  const queue = mainTable.indexes.find((i) => i.name === 'queue')!;
  await client.send(
    new CreateTableCommand({
      TableName: mainTable.localName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [mainTable.partitionKey, mainTable.sortKey, queue.partitionKey, queue.sortKey].map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
      KeySchema: [
        { AttributeName: mainTable.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: mainTable.sortKey.name, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: queue.name,
          KeySchema: [
            { AttributeName: queue.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: queue.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  const doc = DynamoDBDocumentClient.from(client);
  const ideaId = '01JD0000000000000000000001';
  await doc.send(new PutCommand({ TableName: mainTable.localName, Item: { ...keys.idea(ideaId), type: 'idea', id: ideaId, processId: 'gammelt-forloeb', title: 'Gammel idé', body: 'Skrevet før søgningen', status: 'published', area: 'erhverv', effects: ['kvalitet'], createdAt: '2026-01-01T00:00:00.000Z' } }));

  // Act: the stack starts on it.
  await createTables(dynamo.endpoint);

  // Assess: every index of today's definition, and the old idea found through the new one.
  const { Table } = await client.send(new DescribeTableCommand({ TableName: mainTable.localName }));
  expect((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort()).toEqual(mainTable.indexes.map((i) => i.name).sort());
  expect(await retentionStore(doc, mainTable.localName).ideaIds('gammelt-forloeb')).toEqual([ideaId]);
  expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  const search = searchDocStore(doc, mainTable.localName);
  expect((await search.all('gammelt-forloeb', 'ideas')).docs).toMatchObject([{ id: ideaId, title: 'Gammel idé', status: 'published' }]);

  // A second start changes nothing.
  await createTables(dynamo.endpoint);
  expect(await retentionStore(doc, mainTable.localName).ideaIds('gammelt-forloeb')).toEqual([ideaId]);
  expect((await search.all('gammelt-forloeb', 'ideas')).docs).toHaveLength(1);
}, 60_000);
