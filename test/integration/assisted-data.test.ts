import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { claimCodeHash } from '#functions/domain/assisted/claim-codes';
import { assistedPersonDataSchema } from '#shared/schemas/assisted';
import { anIdea, assistedProcess, register } from '../helpers/assisted-persons';
import type { User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * An assisted citizen's data and where the assistant's reach ends: another process's citizen is
 * never acted on (404, nothing written), a citizen who claimed their contributions into an account
 * is no longer acted for (409), and GDPR access and erasure (as an account deletion erases a user).
 */

const PID = 'assisteret-data';
const OTHER = 'assisteret-data-andet';
const persons = (pid = PID) => `/processes/${pid}/assisted/persons`;

let stack: TestStack;
let admin: User;
let moderator: User;
let assistant: User;
let citizen: User;
let db: ReturnType<typeof createDocumentClient>;
let ideaId: string;
const TableName = mainTable.localName;
const get = async (key: { pk: string; sk: string }) => (await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item;
const byUser = async (userId: string) =>
  (await db.send(new QueryCommand({ TableName, IndexName: 'byUser', KeyConditionExpression: 'gsiUser = :u', ExpressionAttributeValues: { ':u': keys.userItems(userId) } }))).Items ?? [];
const log = async (targetId: string) => (await stack.api(`/moderation/log?processId=${PID}&targetId=${targetId}&limit=100`, { token: admin.token })).json.items as Record<string, unknown>[];

/** Each act the assistant can take on a person, with a valid body. */
const acts = (base: string) => [
  { method: 'POST', path: `${base}/ideas`, body: { ...anIdea('Må ikke komme ind'), channel: 'paper' } },
  { method: 'PUT', path: `${base}/votes/${ideaId}`, body: { channel: 'paper' } },
  { method: 'DELETE', path: `${base}/votes/${ideaId}`, body: { channel: 'paper' } },
  { method: 'POST', path: `${base}/comments`, body: { ideaId, body: 'Må ikke komme ind.', channel: 'paper' } },
  { method: 'POST', path: `${base}/survey-answers`, body: { answers: { stol: 3 }, channel: 'paper' } },
  { method: 'POST', path: `${base}/receipt`, body: { channel: 'paper' } },
];

beforeAll(async () => {
  stack = await testStack();
  db = createDocumentClient(stack.info.dynamodbEndpoint);
  [admin, moderator, assistant, citizen] = await Promise.all([
    stack.user({ role: 'admin', name: 'Administrator' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ role: 'assistant', name: 'Bibliotekar Birte' }),
    stack.user({ name: 'Borger på nettet' }),
  ]);
  await Promise.all([assistedProcess(stack, PID, admin, moderator), assistedProcess(stack, OTHER, admin, moderator)]);
  const idea = await stack.api(`/processes/${PID}/ideas`, { method: 'POST', token: citizen.token, body: anIdea('En idé fra nettet') });
  ideaId = idea.json.id;
}, 120_000);
afterAll(() => stack?.stop());

describe("another process's citizen", () => {
  it('is 404 on every route through this process, and nothing is written', async () => {
    const stranger = await register(stack, OTHER, assistant, { name: 'Fremmed Borger' });
    const base = `${persons()}/${stranger}`;
    for (const call of [{ method: 'GET', path: base }, { method: 'GET', path: `${base}/export` }, { method: 'DELETE', path: base }, ...acts(base)]) {
      const r = await stack.api(call.path, { method: call.method, token: assistant.token, body: 'body' in call ? call.body : undefined });
      expect(r.status, `${call.method} ${call.path}: ${JSON.stringify(r.json)}`).toBe(404);
    }
    expect(await byUser(`assisted-${stranger}`)).toEqual([expect.objectContaining({ type: 'profile' })]);
    expect((await get(keys.assistedPerson(OTHER, stranger)))!.claimCodeHashes).toEqual([]);
    expect((await stack.api(`/ideas/${ideaId}`)).json).toMatchObject({ voteCount: 0, commentCount: 0 });
    expect((await stack.api(`/moderation/log?processId=${OTHER}&targetId=${stranger}`, { token: admin.token })).json.items).toHaveLength(1);
  });
});

describe('a citizen who claimed their contributions', () => {
  it('is no longer acted for (409 assisted-claimed) nor erased here, but can still be seen', async () => {
    const claimed = await register(stack, PID, assistant, { name: 'Overtaget Borger' });
    await db.send(new UpdateCommand({ TableName, Key: keys.assistedPerson(PID, claimed), UpdateExpression: 'SET claimedBy = :a, claimedAt = :t', ExpressionAttributeValues: { ':a': citizen.userId, ':t': new Date().toISOString() } }));
    const base = `${persons()}/${claimed}`;
    for (const call of [...acts(base), { method: 'DELETE', path: base }]) {
      const r = await stack.api(call.path, { method: call.method, token: assistant.token, body: 'body' in call ? call.body : undefined });
      expect(r.status, `${call.method} ${call.path}`).toBe(409);
      expect(r.json.type).toMatch(/assisted-claimed/);
    }
    expect((await stack.api(base, { token: assistant.token })).json).toMatchObject({ claimed: true });
    expect((await get(keys.assistedPerson(PID, claimed)))!.claimCodeHashes).toEqual([]);
    expect((await stack.api(`/ideas/${ideaId}`)).json).toMatchObject({ voteCount: 0, commentCount: 0 });
  });
});

describe('GDPR: access and erasure', () => {
  let person: string;
  let ownIdea: string;
  let codes: string[];
  beforeAll(async () => {
    person = await register(stack, PID, assistant, { name: 'Grethe Data', email: 'grethe@example.dk', phone: '39 98 77 88' });
    const base = `${persons()}/${person}`;
    const idea = await stack.api(`${base}/ideas`, { method: 'POST', token: assistant.token, body: { ...anIdea('Grethes idé om AI'), channel: 'assisted-in-person' } });
    ownIdea = idea.json.idea.id;
    const vote = await stack.api(`${base}/votes/${ideaId}`, { method: 'PUT', token: assistant.token, body: { channel: 'assisted-in-person' } });
    expect(vote.status).toBe(200);
    const comment = await stack.api(`${base}/comments`, { method: 'POST', token: assistant.token, body: { ideaId, body: 'Grethes kommentar.', channel: 'assisted-in-person' } });
    const answer = await stack.api(`${base}/survey-answers`, { method: 'POST', token: assistant.token, body: { answers: { stol: 2 }, channel: 'assisted-in-person' } });
    expect(answer.status).toBe(201);
    codes = [idea.json.receipt.claimCode, comment.json.receipt.claimCode, answer.json.receipt.claimCode];
    // Someone else's comment replies under Grethe's, so the placeholder must keep the thread.
    await stack.api(`/ideas/${ideaId}/comments`, { method: 'POST', token: citizen.token, body: { body: 'Enig med Grethe.', parentId: comment.json.comment.id } });
  });

  it('the export holds everything stored about the citizen, and the hand-over is audited', async () => {
    const r = await stack.api(`${persons()}/${person}/export`, { token: assistant.token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const data = assistedPersonDataSchema.parse(r.json);
    expect(data.person).toMatchObject({ name: 'Grethe Data', email: 'grethe@example.dk', phone: '39 98 77 88', consent: { assistantName: 'Bibliotekar Birte' } });
    expect(data.ideas).toEqual([expect.objectContaining({ id: ownIdea, title: 'Grethes idé om AI', channel: 'assisted-in-person' })]);
    expect(data.votes).toEqual([expect.objectContaining({ ideaId })]);
    expect(data.comments).toEqual([expect.objectContaining({ ideaId, body: 'Grethes kommentar.', state: 'visible' })]);
    expect(data.surveyAnswered).toBe(true);
    expect(await log(person)).toContainEqual(expect.objectContaining({ action: 'assisted-export', actorName: 'Bibliotekar Birte' }));
  });

  it('erasure: the vote goes with the count kept exact, the comment becomes a placeholder, the idea stays as "Tidligere deltager", the person, profile, marker and codes go', async () => {
    const before = (await stack.api(`/ideas/${ideaId}`)).json;
    expect(before.voteCount).toBe(1);
    const r = await stack.api(`${persons()}/${person}`, { method: 'DELETE', token: assistant.token });
    expect(r.status, JSON.stringify(r.json)).toBe(204);

    expect((await stack.api(`/ideas/${ideaId}`)).json.voteCount).toBe(0);
    expect(await get(keys.vote(ideaId, `assisted-${person}`))).toBeUndefined();
    const thread = (await stack.api(`/ideas/${ideaId}/comments`)).json.items;
    expect(thread[0]).toMatchObject({ state: 'deleted' });
    expect(thread[0].body).toBeUndefined();
    expect(thread[0].replies[0]).toMatchObject({ body: 'Enig med Grethe.' });
    expect((await stack.api(`/ideas/${ownIdea}`)).json).toMatchObject({ title: 'Grethes idé om AI', authorName: 'Tidligere deltager' });
    expect(await byUser(`assisted-${person}`)).toEqual([]);
    expect(await get(keys.profile(`assisted-${person}`))).toBeUndefined();
    expect(await get({ pk: keys.surveyRespondents(PID), sk: keys.surveyRespondent({ userId: `assisted-${person}` }) })).toBeUndefined();
    expect(await get(keys.assistedPerson(PID, person))).toBeUndefined();
    for (const code of codes) expect(await get(keys.claimCode(claimCodeHash(code)!))).toBeUndefined();
    expect((await stack.api(`${persons()}/${person}`, { token: assistant.token })).status).toBe(404);
    expect((await stack.api(`${persons()}?q=grethe`, { token: assistant.token })).json.items).toEqual([]);
    const entries = await log(person);
    expect(entries[0]).toMatchObject({ action: 'assisted-erase', actorId: assistant.userId, targetKind: 'assisted-person' });
    // The log never held the name, so nothing of it stays.
    expect(JSON.stringify(entries)).not.toContain('Grethe');
    // Erasing again: the person is gone (404), nothing else happens.
    expect((await stack.api(`${persons()}/${person}`, { method: 'DELETE', token: assistant.token })).status).toBe(404);
  });
});
