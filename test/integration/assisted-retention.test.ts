import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#functions/adapters/dynamodb/keys';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { claimCodeHash } from '#functions/domain/assisted/claim-codes';
import { FORMER_PARTICIPANT } from '#functions/domain/my-data';
import { runRetention } from '#local/retention';
import { gentofteAt } from '../fakes/records';
import { assistedPeople, type TestPerson } from '../helpers/assisted-acts';
import { PROCESS, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The retention job and assisted participation, through the real adapters against DynamoDB Local:
 * when a process's date passes, its assisted citizens go (name, contact, consent), with their profiles
 * and their receipts' claim codes; what they took part with is erased by the ordinary steps (their
 * votes deleted, their ideas and comments no longer name them), as is what a claimed citizen moved
 * into an account. Another process's citizens are untouched.
 */
const EXPIRING = 'udloebende-assisteret';
const TableName = mainTable.localName;

let stack: TestStack;
let people: ReturnType<typeof assistedPeople>;
let else_: TestPerson;
let frede: TestPerson;
let claimed: TestPerson;
let elsewhere: TestPerson;
let account: User;
const ids = { idea: '', claimedIdea: '', otherIdea: '' };

const get = async (key: { pk: string; sk: string }) => (await people.db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item;
const traces = (p: TestPerson) => [
  keys.assistedPerson(p.record.processId, p.record.id),
  keys.profile(p.record.userId),
  keys.claimCode(claimCodeHash(p.code)!),
];
const stored = async (p: TestPerson) => (await Promise.all(traces(p).map(get))).filter(Boolean);

beforeAll(async () => {
  stack = await testStack();
  people = assistedPeople(stack);
  const seeded = gentofteAt(new Date());
  await processStore(people.db, TableName).put({ ...seeded, id: EXPIRING, title: { da: 'Forløb der udløber', en: 'Expiring process' }, settings: { ...seeded.settings, personalDataUntil: '2099-01-01T00:00:00.000Z' } });

  else_ = await people.person(EXPIRING, 'Else Ældre');
  frede = await people.person(EXPIRING, 'Frede Telefon', 'assisted-phone');
  claimed = await people.person(EXPIRING, 'Gitte Gætter');
  elsewhere = await people.person(PROCESS, 'Hans Andetsteds');
  ids.idea = (await people.idea(else_, { title: 'Oplæsning af breve med AI' })).id;
  ids.claimedIdea = (await people.idea(claimed, { title: 'AI-hjælp til blanketter' })).id;
  ids.otherIdea = (await people.idea(elsewhere, { title: 'AI i det andet forløb' })).id;
  await people.vote(frede, ids.idea);
  await people.vote(else_, ids.idea);
  await people.vote(claimed, ids.idea);
  await people.comment(frede, ids.idea, 'God idé, min nabo har brug for det');
  await people.vote(elsewhere, ids.otherIdea);

  account = await stack.user({ name: 'Gitte på nettet' });
  const r = await stack.api('/me/claims', { method: 'POST', token: account.token, body: { code: claimed.code } });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
}, 120_000);
afterAll(() => stack?.stop());

describe('the retention job and assisted citizens', () => {
  it('keeps them while the date is ahead', async () => {
    expect((await runRetention()).erased).toEqual([]);
    expect(await stored(else_)).toHaveLength(3);
  });

  it('once the date has passed, deletes the citizens, their profiles and claim codes, and erases what they took part with', async () => {
    await people.db.send(
      new UpdateCommand({ TableName, Key: keys.process(EXPIRING), UpdateExpression: 'SET settings.personalDataUntil = :past', ExpressionAttributeValues: { ':past': new Date(Date.now() - 60_000).toISOString() } }),
    );
    const run = await runRetention();
    expect(run.erased).toEqual([expect.objectContaining({ processId: EXPIRING, ideas: 2, comments: 1, votes: 3, assistedPersons: 3 })]);

    for (const p of [else_, frede, claimed]) expect(await stored(p), p.record.name).toEqual([]);
    const partition = await people.db.send(
      new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.assistedPersons(EXPIRING) }, ConsistentRead: true }),
    );
    expect(partition.Items).toEqual([]);
    // Their votes are gone, the count stays; the ideas no longer name their authors, claimed or not.
    const idea = await get(keys.idea(ids.idea));
    expect(idea).toMatchObject({ voteCount: 3, authorName: FORMER_PARTICIPANT });
    expect(idea).not.toHaveProperty('authorId');
    expect(await get(keys.idea(ids.claimedIdea))).toMatchObject({ authorName: FORMER_PARTICIPANT });
    for (const p of [else_, frede]) expect(await get(keys.vote(ids.idea, p.record.userId))).toBeUndefined();
    expect(await get(keys.vote(ids.idea, account.userId))).toBeUndefined();
    expect(await get(keys.voteTally(frede.record.userId, EXPIRING))).toBeUndefined();
    expect(JSON.stringify(await get(keys.idea(ids.idea)))).not.toContain('Else Ældre');

    // A code from a receipt of the erased process finds nothing.
    const late = await stack.api('/me/claims', { method: 'POST', token: (await stack.user()).token, body: { code: else_.code } });
    expect(late.status).toBe(404);

    // The other process's citizen, their idea and vote are as they were.
    expect(await stored(elsewhere)).toHaveLength(3);
    expect(await get(keys.vote(ids.otherIdea, elsewhere.record.userId))).toBeDefined();
    expect(await get(keys.idea(ids.otherIdea))).toMatchObject({ authorId: elsewhere.record.userId, authorName: 'Hans Andetsteds' });
  });
});
