import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { keys } from '#functions/adapters/dynamodb/keys';
import { searchDocStore } from '#functions/adapters/dynamodb/search-docs';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { SearchChange, SearchDoc, SearchKind } from '#functions/domain/ports/search';
import { localCredentials } from '#local/dynamodb';
import { startStreamPoller } from '#local/stream-poller';
import { commentMaker, type User } from '../helpers/participation';
import { decideOk, ideaPoster } from '../helpers/moderation';
import { eventually as poll } from '../helpers/eventually';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The search documents through the real local stack: writes through the API reach DynamoDB Local's
 * stream, the stream poller hands them to the projector handler, and the documents and their change
 * log are in the table within seconds, whoever wrote the item (posting, moderation, a vote).
 */
const PROCESS = 'ai-i-gentofte';
let stack: TestStack;
let moderator: User;
let voter: User;
let store: ReturnType<typeof searchDocStore>;
let client: ReturnType<typeof createDocumentClient>;
let post: ReturnType<typeof ideaPoster>;
let comment: ReturnType<typeof commentMaker>;
let startedAt: string;

beforeAll(async () => {
  stack = await testStack();
  client = createDocumentClient(stack.info.dynamodbEndpoint);
  store = searchDocStore(client, mainTable.localName);
  [moderator, voter] = await Promise.all([stack.user({ role: 'moderator', name: 'Mona Moderator' }), stack.user({ name: 'Vælger' })]);
  post = ideaPoster(stack, PROCESS);
  comment = commentMaker(stack);
  startedAt = new Date().toISOString();
}, 90_000);
afterAll(() => stack?.stop());

/** Polls until `check` gives a value, with a deadline rather than a fixed sleep. */
const eventually = <T>(what: string, check: () => Promise<T | undefined>, deadlineMs = 8_000) => poll(what, check, deadlineMs, 100);

const docOf = async (kind: SearchKind, id: string) => (await store.all(PROCESS, kind)).docs.find((d) => d.id === id);
const docWhere = (kind: SearchKind, id: string, test: (d: SearchDoc) => boolean) =>
  eventually(`${kind} ${id} as expected`, async () => {
    const doc = await docOf(kind, id);
    return doc && test(doc) ? doc : undefined;
  });
const storedVersion = async (kind: SearchKind, id: string) =>
  (await client.send(new QueryCommand({ TableName: mainTable.localName, KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': keys.searchDocs(PROCESS, kind), ':sk': id } }))).Items?.[0]?.version as string;

describe('the stream projector on the local stack', () => {
  it('makes a search document of a new idea within seconds, with its text as written', async () => {
    const title = 'Chatbotten <script>alert(1)</script> svarer om affald';
    const { id } = await post({ title });
    const doc = await docWhere('ideas', id, () => true);
    expect(doc).toMatchObject({ kind: 'idea', id, processId: PROCESS, title, status: 'published', held: false, authorName: 'Idéforfatter' });
  });

  it('says hidden once a moderator hides the idea, and a vote after that writes nothing', async () => {
    const { id } = await post({ title: 'Idé der skjules af en moderator' });
    await docWhere('ideas', id, (d) => d.status === 'published');
    await decideOk(stack, moderator.token, id, { action: 'hide', reason: 'Indeholder personoplysninger' });
    await docWhere('ideas', id, (d) => d.status === 'hidden');

    const { id: other } = await post({ title: 'Idé der får en stemme' });
    await docWhere('ideas', other, () => true);
    const before = await storedVersion('ideas', other);
    const vote = await stack.api(`/ideas/${other}/vote`, { method: 'PUT', token: voter.token });
    expect(vote.status).toBe(200);
    // A later write by the same adapter proves the stream moved past the vote before we look.
    await decideOk(stack, moderator.token, id, { action: 'restore', reason: 'Personoplysningerne er fjernet' });
    await docWhere('ideas', id, (d) => d.status === 'published');
    expect(await storedVersion('ideas', other)).toBe(before);
  });

  it('makes a comment document, and its change log gives the changes in order', async () => {
    const { id: ideaId } = await post({ title: 'Idé med en kommentar' });
    const posted = await comment(ideaId, 'En kommentar om <b>chatbotten</b> i borgerservice');
    const doc = await docWhere('comments', posted.id, () => true);
    expect(doc).toMatchObject({ kind: 'comment', id: posted.id, ideaId, processId: PROCESS, status: 'visible', body: 'En kommentar om <b>chatbotten</b> i borgerservice' });

    const ideas = await store.changesSince(PROCESS, 'ideas', startedAt);
    expect(ideas.complete).toBe(true);
    const ids = ideas.changes.map((c) => ('doc' in c ? c.doc.id : c.removed.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.indexOf(ideaId)).toBe(ids.length - 1);
    const comments = await store.changesSince(PROCESS, 'comments', startedAt);
    expect(comments.changes).toEqual([{ doc }]);
  });

  it('removes the document of a deleted item, and tells a reader too far back to load everything', async () => {
    const { id } = await post({ title: 'Idé der slettes helt' });
    await docWhere('ideas', id, () => true);
    const since = new Date().toISOString();
    await client.send(new DeleteCommand({ TableName: mainTable.localName, Key: keys.idea(id) }));
    await eventually('document removed', async () => ((await docOf('ideas', id)) ? undefined : true));
    const { changes } = await store.changesSince(PROCESS, 'ideas', since);
    expect(changes).toContainEqual({ removed: { kind: 'idea', id, processId: PROCESS } });
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
    expect(await store.changesSince(PROCESS, 'ideas', threeDaysAgo)).toMatchObject({ complete: false, changes: [] });
  });
});

describe('the stream poller', () => {
  it('hands over only ideas and comments, and tries a batch again from the record the handler names, as Lambda does', async () => {
    const calls: { id: string; seq: string }[][] = [];
    let failNext = true;
    const poller = await startStreamPoller({
      endpoint: stack.info.dynamodbEndpoint,
      region: stack.info.region,
      credentials: localCredentials,
      table: mainTable.localName,
      log: () => undefined,
      handler: async (event) => {
        const mine = event.Records.map((r) => ({ id: r.dynamodb?.NewImage?.id?.S ?? r.dynamodb?.OldImage?.id?.S ?? '', seq: r.dynamodb!.SequenceNumber! })).filter((r) => r.id.startsWith('01JD000000000000000POLL'));
        if (mine.length === 0) return { batchItemFailures: [] };
        calls.push(mine);
        if (!failNext) return { batchItemFailures: [] };
        failNext = false;
        return { batchItemFailures: [{ itemIdentifier: mine[mine.length - 1]!.seq }] };
      },
    });
    try {
      const ids = ['01JD000000000000000POLL01', '01JD000000000000000POLL02'];
      for (const id of ids) await client.send(new PutCommand({ TableName: mainTable.localName, Item: { ...keys.idea(id), type: 'idea', id, processId: 'poller-test', title: id, status: 'published', area: 'erhverv', createdAt: new Date().toISOString() } }));
      // Not an idea or a comment: filtered out before the handler, as the mapping's filter criteria do.
      await client.send(new PutCommand({ TableName: mainTable.localName, Item: { pk: 'USER#poller', sk: 'PROFILE', id: '01JD000000000000000POLL99' } }));
      await eventually('both ideas handed over, one batch tried again', async () => (calls.length >= 2 && new Set(calls.flat().map((r) => r.id)).size === 2 ? true : undefined));
      const failed = calls[0]!.at(-1)!;
      expect(calls[1]![0]).toEqual(failed);
      expect(calls.flat().map((r) => r.id)).not.toContain('01JD000000000000000POLL99');
      expect(new Set(calls.flat().map((r) => r.id))).toEqual(new Set(ids));
    } finally {
      await poller.stop();
    }
  });

  it('reads the new stream of a DynamoDB Local started again in memory (its tables and stream made anew)', async () => {
    await stack.stack.dynamoDbFaults.stop();
    await stack.stack.dynamoDbFaults.start();
    // The seeded process went with the memory: the idea item is written as the ideas adapter writes it.
    const id = '01JD0000000000000000RESTRT';
    const now = new Date();
    const idea = { id, processId: PROCESS, title: 'Idé efter genstart', excerpt: '', body: 'Skrevet efter at databasen startede igen', area: 'erhverv', effects: ['kvalitet'], beneficiaries: ['borgere'], status: 'published', authorId: 'u', authorName: 'A', authorType: 'citizen', voteCount: 0, commentCount: 0, trendScore: 0, createdAt: now.toISOString(), updatedAt: now.toISOString() };
    await ideaStore(client, mainTable.localName).create(idea as never, { action: 'idea', max: 100, windowSeconds: 60 }, now);
    await docWhere('ideas', id, (d) => d.kind === 'idea' && d.title === 'Idé efter genstart');
  }, 120_000);
});

describe('the search-document store', () => {
  const doc = (title: string): SearchDoc => ({
    kind: 'idea', id: '01JD00000000000000000STORE', processId: 'store-test', title, body: '', area: 'erhverv', status: 'published', held: false, authorName: 'A', authorType: 'citizen', createdAt: '2026-01-01T00:00:00.000Z',
  });
  const change = (title: string, version: string): SearchChange => ({ doc: doc(title), version });

  it('never lets an older version overwrite a newer document, nor bring back a removed one', async () => {
    await store.apply([change('ny', '0000000000000000000000000000000000000200')], new Date());
    await store.apply([change('gammel', '0000000000000000000000000000000000000100')], new Date());
    expect((await store.all('store-test', 'ideas')).docs.map((d) => (d.kind === 'idea' ? d.title : ''))).toEqual(['ny']);

    await store.apply([{ removed: { kind: 'idea', id: doc('').id, processId: 'store-test' }, version: '0000000000000000000000000000000000000300' }], new Date());
    await store.apply([change('for sent', '0000000000000000000000000000000000000250')], new Date());
    expect((await store.all('store-test', 'ideas')).docs).toEqual([]);
  });
});
