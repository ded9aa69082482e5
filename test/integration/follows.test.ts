import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { followStateSchema, mailSettingsSchema, myFollowListSchema } from '#shared/schemas/follows';
import { followers } from '#functions/adapters/dynamodb/follows';
import { commentMaker, expectProblem, ideaMaker, PROCESS, table, type User } from '../helpers/participation';
import { decideOk } from '../helpers/moderation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Following (issue 16): why one follows an idea (asked, wrote it, voted, commented), an unfollow that
 * beats all of those, what cannot be followed, Min side's list of chosen follows, and mail settings.
 */
let stack: TestStack;
let db: ReturnType<typeof table>;
let newIdea: ReturnType<typeof ideaMaker>;
let comment: ReturnType<typeof commentMaker>;
let moderator: User;

beforeAll(async () => {
  stack = await testStack();
  db = table(stack);
  newIdea = ideaMaker(stack);
  comment = commentMaker(stack);
  moderator = await stack.user({ role: 'moderator', name: 'Moderator' });
}, 90_000);
afterAll(() => stack?.stop());

const state = async (ideaId: string, user: User) => {
  const r = await stack.api(`/ideas/${ideaId}/follow`, { token: user.token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return followStateSchema.parse(r.json);
};
const choose = (ideaId: string, user: User, method: 'PUT' | 'DELETE') => stack.api(`/ideas/${ideaId}/follow`, { method, token: user.token });
const followersOf = (target: 'idea' | 'recommendation', id: string) => followers(db.client, db.TableName).of(target, id);

describe('following an idea', () => {
  it('gives the reason: author, voter, commenter, explicit; and nothing for a bystander', async () => {
    const { id, author } = await newIdea();
    const [voter, bystander, chooser] = await Promise.all([stack.user(), stack.user(), stack.user()]);
    expect((await stack.api(`/ideas/${id}/vote`, { method: 'PUT', token: voter.token })).status).toBe(200);
    const commenter = await stack.user();
    await comment(id, 'En kommentar, der følger med', commenter);
    expect(await state(id, author)).toEqual({ following: true, reason: 'author' });
    expect(await state(id, voter)).toEqual({ following: true, reason: 'voter' });
    expect(await state(id, commenter)).toEqual({ following: true, reason: 'commenter' });
    expect(await state(id, bystander)).toEqual({ following: false });

    const followed = await choose(id, chooser, 'PUT');
    expect(followed.status, JSON.stringify(followed.json)).toBe(200);
    expect(followed.json).toEqual({ following: true, reason: 'explicit' });
    expect(await state(id, chooser)).toEqual({ following: true, reason: 'explicit' });
    // The stored item: on the target's partition, in the user's index entry, with the idea's process and title.
    const { Item } = await db.client.send(new GetCommand({ TableName: db.TableName, Key: { pk: `FOLLOWS#idea#${id}`, sk: `U#${chooser.userId}` } }));
    expect(Item).toMatchObject({ state: 'on', processId: PROCESS, gsiUser: `USER#${chooser.userId}`, gsiUserSk: `FOLLOW#idea#${id}` });
    expect(await followersOf('idea', id)).toEqual([author.userId, voter.userId, commenter.userId, chooser.userId].sort());
  });

  it('an unfollow beats following as author and as voter, outlasts a later vote, and can be undone', async () => {
    const { id, author } = await newIdea();
    const voter = await stack.user();
    expect((await choose(id, author, 'DELETE')).json).toEqual({ following: false });
    expect(await state(id, author)).toEqual({ following: false });
    expect((await choose(id, voter, 'DELETE')).status).toBe(200);
    expect((await stack.api(`/ideas/${id}/vote`, { method: 'PUT', token: voter.token })).status).toBe(200);
    expect(await state(id, voter)).toEqual({ following: false });
    expect(await followersOf('idea', id)).toEqual([]);
    // Following again is an explicit follow; twice is the same (idempotent).
    await choose(id, author, 'PUT');
    expect((await choose(id, author, 'PUT')).json).toEqual({ following: true, reason: 'explicit' });
    expect(await followersOf('idea', id)).toEqual([author.userId]);
  });

  it('a hidden idea cannot be followed or looked up (404, nothing stored); an unknown one neither', async () => {
    const { id } = await newIdea();
    const user = await stack.user();
    await decideOk(stack, moderator.token, id, { action: 'hide', reason: 'Skjult i testen' });
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      expectProblem(await stack.api(`/ideas/${id}/follow`, { method, token: user.token }), 404);
    }
    const { Item } = await db.client.send(new GetCommand({ TableName: db.TableName, Key: { pk: `FOLLOWS#idea#${id}`, sk: `U#${user.userId}` } }));
    expect(Item).toBeUndefined();
    expectProblem(await stack.api(`/ideas/${ulid()}/follow`, { method: 'PUT', token: user.token }), 404);
  });
});

describe('following a recommendation', () => {
  const recommendation = async (processId: string, title: string) => {
    const id = ulid();
    const at = new Date().toISOString();
    await db.client.send(
      new PutCommand({
        TableName: db.TableName,
        Item: { pk: `RECS#${processId}`, sk: `R#${id}`, id, processId, title, rationale: 'Fordi', effects: {}, ideaIds: [], status: 'proposed', createdAt: at, updatedAt: at, createdBy: 'test' },
      }),
    );
    return id;
  };

  it('is explicit only, and 404 for another process’s id', async () => {
    const id = await recommendation(PROCESS, 'Brug AI til journalisering');
    const user = await stack.user();
    const path = `/processes/${PROCESS}/recommendations/${id}/follow`;
    expect((await stack.api(path, { token: user.token })).json).toEqual({ following: false });
    expect((await stack.api(path, { method: 'PUT', token: user.token })).json).toEqual({ following: true, reason: 'explicit' });
    expect((await stack.api(path, { token: user.token })).json).toEqual({ following: true, reason: 'explicit' });
    expect(await followersOf('recommendation', id)).toEqual([user.userId]);
    expect((await stack.api(path, { method: 'DELETE', token: user.token })).json).toEqual({ following: false });
    expect(await followersOf('recommendation', id)).toEqual([]);

    expectProblem(await stack.api(`/processes/et-andet-forloeb/recommendations/${id}/follow`, { method: 'PUT', token: user.token }), 404);
    expectProblem(await stack.api(`/processes/${PROCESS}/recommendations/${ulid()}/follow`, { token: user.token }), 404);
  });
});

describe('Min side: the follows one chose', () => {
  it('lists explicit follows only, newest first, in pages', async () => {
    const user = await stack.user();
    const ideas = [];
    for (let i = 0; i < 3; i++) ideas.push((await newIdea({ title: `Fulgt idé nummer ${i + 1}` })).id);
    for (const id of ideas) {
      expect((await choose(id, user, 'PUT')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 5));
    }
    // An unfollowed idea and one followed only as voter are not listed.
    const { id: unfollowed } = await newIdea();
    await choose(unfollowed, user, 'PUT');
    await choose(unfollowed, user, 'DELETE');
    const { id: voted } = await newIdea();
    await stack.api(`/ideas/${voted}/vote`, { method: 'PUT', token: user.token });

    const first = myFollowListSchema.parse((await stack.api('/me/follows?limit=2', { token: user.token })).json);
    expect(first.items.map((f) => f.targetId)).toEqual([ideas[2], ideas[1]]);
    expect(first.items[0]).toMatchObject({ target: 'idea', processId: PROCESS, title: 'Fulgt idé nummer 3' });
    const second = myFollowListSchema.parse((await stack.api(`/me/follows?limit=2&cursor=${first.nextCursor}`, { token: user.token })).json);
    expect(second.items.map((f) => f.targetId)).toEqual([ideas[0]]);
    expect(second.nextCursor).toBeNull();
    expectProblem(await stack.api('/me/follows?cursor=bm9uc2Vucw', { token: user.token }), 400, 'invalid-cursor');
  });
});

describe('mail settings', () => {
  it('start weekly with alerts on, change one field at a time, and refuse bad input without changing anything', async () => {
    const user = await stack.user();
    const get = async () => mailSettingsSchema.parse((await stack.api('/me/mail-settings', { token: user.token })).json);
    expect(await get()).toEqual({ digest: 'weekly', alerts: true });
    const put = (body: unknown) => stack.api('/me/mail-settings', { method: 'PUT', token: user.token, body });
    expect((await put({ digest: 'daily' })).json).toEqual({ digest: 'daily', alerts: true });
    expect((await put({ alerts: false })).json).toEqual({ digest: 'daily', alerts: false });
    const bad = await put({ digest: 'hourly' });
    expectProblem(bad, 400, 'validation');
    expect(bad.json.errors).toEqual([expect.objectContaining({ path: 'body.digest', message: 'Vælg dagligt, ugentligt eller aldrig' })]);
    expectProblem(await put({ digest: 'never', extra: true }), 400, 'validation');
    expect(await get()).toEqual({ digest: 'daily', alerts: false });
  });
});

describe('my data', () => {
  it('the export holds one’s follow choices (unfollows too) and mail settings; deleting the account deletes them and the digest’s inbox', async () => {
    const user = await stack.user();
    const { id: kept } = await newIdea({ title: 'Idé jeg følger' });
    const { id: dropped } = await newIdea({ title: 'Idé jeg ikke vil følge' });
    await choose(kept, user, 'PUT');
    await choose(dropped, user, 'DELETE');
    await stack.api('/me/mail-settings', { method: 'PUT', token: user.token, body: { digest: 'daily' } });
    // A news item waiting for the user's next digest (written by the digest run).
    await db.client.send(new PutCommand({ TableName: db.TableName, Item: { pk: `INBOX#${user.userId}`, sk: ulid(), kind: 'status' } }));
    await db.client.send(new PutCommand({ TableName: db.TableName, Item: { pk: 'DIGESTDUE', sk: user.userId } }));

    const exported = await stack.api('/me/export', { token: user.token });
    expect(exported.status, JSON.stringify(exported.json)).toBe(200);
    expect(exported.json.follows.mailSettings).toEqual({ digest: 'daily', alerts: true });
    expect(exported.json.follows.choices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ target: 'idea', targetId: kept, title: 'Idé jeg følger', following: true }),
        expect.objectContaining({ target: 'idea', targetId: dropped, following: false }),
      ]),
    );
    expect(exported.json.follows.choices).toHaveLength(2);

    expect((await stack.api('/me', { method: 'DELETE', token: user.token })).status).toBe(204);
    const left = async (pk: string, sk: string) => (await db.client.send(new GetCommand({ TableName: db.TableName, Key: { pk, sk }, ConsistentRead: true }))).Item;
    expect(await left(`FOLLOWS#idea#${kept}`, `U#${user.userId}`)).toBeUndefined();
    expect(await left(`FOLLOWS#idea#${dropped}`, `U#${user.userId}`)).toBeUndefined();
    expect(await left(`USER#${user.userId}`, 'MAILSETTINGS')).toBeUndefined();
    expect(await left('DIGESTDUE', user.userId)).toBeUndefined();
    const inbox = await db.client.send(new QueryCommand({ TableName: db.TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `INBOX#${user.userId}` } }));
    expect(inbox.Items).toEqual([]);
    expect(await followersOf('idea', kept)).not.toContain(user.userId);
  });
});
