import { afterAll, beforeAll, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ideaVotes } from '#functions/adapters/dynamodb/idea-votes';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { createTables, localCredentials, startDynamoDb } from '#local/dynamodb';
import { freePort, type Child } from '#local/processes';

/**
 * A data folder from before issue 19 holds an idea's votes in the idea's own partition. Starting the
 * stack on it (createTables) moves each to its bucket (keys.vote), once: a second start changes nothing.
 */
let dynamo: { child: Child; endpoint: string };
let doc: DynamoDBDocumentClient;
const TableName = mainTable.localName;

beforeAll(async () => {
  dynamo = await startDynamoDb({ port: await freePort() });
  doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials: localCredentials }));
  await createTables(dynamo.endpoint);
}, 60_000);
afterAll(() => dynamo?.child.stop());

const get = async (key: { pk: string; sk: string }) => (await doc.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item;

it('moves old-layout votes to their buckets with every attribute, once, and leaves none behind', async () => {
  // Prepare: three votes where the earlier version wrote them, one of them also at its new key already.
  const ideaId = '01JD0000000000000000000009';
  const vote = (userId: string) => ({ type: 'vote', ideaId, userId, processId: 'p', participantType: 'citizen', weight: 1.5, createdAt: '2026-01-01T00:00:00.000Z', gsiUser: keys.userItems(userId), gsiUserSk: keys.userVote(ideaId) });
  const users = ['anna', 'bent', 'carl'];
  for (const u of users) await doc.send(new PutCommand({ TableName, Item: { ...keys.unspreadVote(ideaId, u), ...vote(u) } }));
  await doc.send(new PutCommand({ TableName, Item: { ...keys.vote(ideaId, 'carl'), ...vote('carl') } }));
  expect(await ideaVotes(doc, TableName, ideaId, { ConsistentRead: true })).toHaveLength(1);

  // Act: the stack starts on the folder, twice.
  await createTables(dynamo.endpoint);
  await createTables(dynamo.endpoint);

  // Assess: each vote once, at its new key, as it was; nothing at the old keys.
  for (const u of users) {
    expect(await get(keys.vote(ideaId, u))).toEqual({ ...keys.vote(ideaId, u), ...vote(u) });
    expect(await get(keys.unspreadVote(ideaId, u))).toBeUndefined();
  }
  expect((await ideaVotes(doc, TableName, ideaId, { ConsistentRead: true })).map((v) => v.userId).sort()).toEqual(users);

  // A second start skips the scan: an old-layout vote written now stays where it is.
  await doc.send(new PutCommand({ TableName, Item: { ...keys.unspreadVote(ideaId, 'dora'), ...vote('dora') } }));
  await createTables(dynamo.endpoint);
  expect(await get(keys.unspreadVote(ideaId, 'dora'))).toBeDefined();
});
