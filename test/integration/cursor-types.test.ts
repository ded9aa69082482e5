import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '#functions/adapters/dynamodb/cursor';
import { keys } from '#functions/adapters/dynamodb/keys';
import { problemSchema } from '#shared/schemas/problem';
import { validIdea } from '../fixtures/ideas';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * A cursor comes back from the client, so it is input like any other: one whose key values have the
 * wrong type (a number where the index keys a string, a string where it keys a number), an empty or
 * out-of-range key, a key of another index or arbitrary JSON must be a 400 problem, never DynamoDB's
 * ValidationException as a 500. The crafted cursors carry the right index name and partition, so they
 * pass the checks a cursor had before and reach the store.
 */

const PROCESS = 'ai-i-gentofte';
const P = `/processes/${PROCESS}`;
let stack: TestStack;
let citizen: Awaited<ReturnType<TestStack['user']>>;
let moderator: Awaited<ReturnType<TestStack['user']>>;
let ideaId: string;

beforeAll(async () => {
  stack = await testStack();
  [citizen, moderator] = await Promise.all([stack.user(), stack.user({ role: 'moderator' })]);
  const r = await stack.api(`${P}/ideas`, { method: 'POST', token: citizen.token, body: validIdea() });
  expect(r.status).toBe(201);
  ideaId = r.json.id;
  await stack.api(`/ideas/${ideaId}/comments`, { method: 'POST', token: citizen.token, body: { body: 'En kommentar til idéen.' } });
});
afterAll(() => stack?.stop());

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function expect400(path: string, token?: string) {
  const r = await stack.api(path, token ? { token } : {});
  expect(r.status, `${path}: ${JSON.stringify(r.json)}`).toBe(400);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(problemSchema.parse(r.json).status).toBe(400);
}

describe('crafted cursors with the right index and partition', () => {
  const list = () => keys.processList(PROCESS);
  const idea = () => keys.idea(ideaId);
  const cases: [string, () => string, string?][] = [
    ['top: a string where the vote count is a number', () => `${P}/ideas?sort=top&cursor=${encodeCursor('listTop', { ...idea(), gsiList: list(), voteCount: 'mange' })}`],
    ['trending: a string score', () => `${P}/ideas?sort=trending&cursor=${encodeCursor('listTrending', { ...idea(), gsiList: list(), trendScore: 'x' })}`],
    ['new: a number where the date is a string', () => `${P}/ideas?sort=new&cursor=${encodeCursor('listNew', { ...idea(), gsiList: list(), createdAt: 5 })}`],
    ['new: an empty key value', () => `${P}/ideas?sort=new&cursor=${encodeCursor('listNew', { pk: '', sk: 'IDEA', gsiList: list(), createdAt: '2026' })}`],
    ['new: a key of another index', () => `${P}/ideas?sort=new&cursor=${encodeCursor('listNew', { ...idea(), gsiList: list(), voteCount: 1 })}`],
    ['new: an object with extra keys', () => `${P}/ideas?sort=new&cursor=${b64({ i: 'listNew', k: { ...idea(), gsiList: list(), createdAt: '2026' }, x: 1 })}`],
    ['new: a key value that is an object', () => `${P}/ideas?sort=new&cursor=${b64({ i: 'listNew', k: { ...idea(), gsiList: list(), createdAt: { S: '2026' } } })}`],
    ['random: an offset that is a string', () => `${P}/ideas?sort=random&seed=abc&cursor=${encodeCursor('random:abc:listNew', { offset: 'ti' })}`],
    ['random: a negative offset', () => `${P}/ideas?sort=random&seed=abc&cursor=${encodeCursor('random:abc:listNew', { offset: -5 })}`],
    ['comments: a number sort key', () => `/ideas/${ideaId}/comments?cursor=${encodeCursor(`comments:${ideaId}`, { pk: idea().pk, sk: 7 })}`],
    ['comments: an empty sort key', () => `/ideas/${ideaId}/comments?cursor=${encodeCursor(`comments:${ideaId}`, { pk: idea().pk, sk: '' })}`],
    ['comments: a sort key outside the comments', () => `/ideas/${ideaId}/comments?cursor=${encodeCursor(`comments:${ideaId}`, { pk: idea().pk, sk: 'ZZZ' })}`],
    ['my ideas: a sort key outside my ideas', () => `/me/ideas?cursor=${encodeCursor('byUser', { ...idea(), gsiUser: keys.userItems(citizen.userId), gsiUserSk: 'VOTE#x' })}`, 'citizen'],
    ['my ideas: a number sort key', () => `/me/ideas?cursor=${encodeCursor('byUser', { ...idea(), gsiUser: keys.userItems(citizen.userId), gsiUserSk: 9 })}`, 'citizen'],
    ['queue: a number date', () => `/moderation/queue?processId=${PROCESS}&kind=pending&cursor=${encodeCursor('queue', { ...idea(), gsiQueue: keys.queue(PROCESS, 'pending'), queuedAt: 1 })}`, 'moderator'],
    ['my votes: a number date', () => `/me/voted-ideas?cursor=${encodeCursor('my-votes:', { createdAt: 1, ideaId: 2 })}`, 'citizen'],
  ];
  it.each(cases)('%s → 400 problem', async (_name, path, who) => {
    await expect400(path(), who === 'citizen' ? citizen.token : who === 'moderator' ? moderator.token : undefined);
  });
});

describe('arbitrary cursors on every list route with a cursor', () => {
  const junk = [
    b64([1, 2]),
    b64('listNew'),
    b64(null),
    b64({ i: 'listNew' }),
    b64({ i: 'listNew', k: [] }),
    b64({ i: 'listNew', k: { pk: 1 } }),
    b64({ i: 7, k: {} }),
    'ikke-base64!',
  ];
  it('answers 400 problems, never 5xx, for anonymous, citizen and moderator', async () => {
    const doc = (await stack.api('/openapi.json')).json as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    const listRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      ops.get?.parameters?.some((p) => p.in === 'query' && p.name === 'cursor') ? [path.replace(/^\/api/, '')] : [],
    );
    expect(listRoutes.length).toBeGreaterThan(8);
    const fill = (path: string) =>
      path.replace('{processId}', PROCESS).replace('{ideaId}', ideaId).replace(/\{[^}]+\}/g, 'findes-ikke');
    for (const path of listRoutes) {
      for (const token of [undefined, citizen.token, moderator.token]) {
        for (const cursor of junk) {
          const r = await stack.api(`${fill(path)}?cursor=${encodeURIComponent(cursor)}&processId=${PROCESS}&kind=pending`, token ? { token } : {});
          expect(r.status, `${path} ${cursor}: ${JSON.stringify(r.json)}`).toBeLessThan(500);
          if (r.status >= 400) expect(r.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
        }
      }
    }
  });
});
