import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { claimCodeHash } from '#functions/domain/assisted/claim-codes';
import { CONSENT_VERSION } from '#shared/rules/assisted';
import { assistedIdeaResultSchema, assistedPersonSchema, receiptSchema } from '#shared/schemas/assisted';
import { anIdea, assistedProcess, at, register } from '../helpers/assisted-persons';
import { eventRecords, HOUR } from '../helpers/event-records';
import type { User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The assistant's acts through the local gateway: registering a citizen with consent, looking them
 * up, and an idea, votes, a comment and a survey answer for them, each through the ordinary rules,
 * with the channel recorded, an audit entry naming the assistant, and a receipt with a claim code.
 */

const PID = 'assisteret-handlinger';
const OTHER = 'assisteret-andet';
const P = `/processes/${PID}`;
const persons = (pid = PID) => `/processes/${pid}/assisted/persons`;
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

let stack: TestStack;
let admin: User;
let moderator: User;
let assistant: User;
let citizen: User;
let db: ReturnType<typeof createDocumentClient>;
const get = async (key: { pk: string; sk: string }) => (await db.send(new GetCommand({ TableName: mainTable.localName, Key: key, ConsistentRead: true }))).Item;
const log = async (targetId: string, pid = PID) => {
  const r = await stack.api(`/moderation/log?processId=${pid}&targetId=${targetId}&limit=100`, { token: admin.token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json.items as Record<string, unknown>[];
};

beforeAll(async () => {
  stack = await testStack();
  db = createDocumentClient(stack.info.dynamodbEndpoint);
  [admin, moderator, assistant, citizen] = await Promise.all([
    stack.user({ role: 'admin', name: 'Administrator' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ role: 'assistant', name: 'Bente fra Borgerservice' }),
    stack.user({ name: 'Borger på nettet' }),
  ]);
  await Promise.all([assistedProcess(stack, PID, admin, moderator), assistedProcess(stack, OTHER, admin, moderator, { votesPerPerson: 1 })]);
}, 120_000);
afterAll(() => stack?.stop());

describe('registering a citizen', () => {
  it('needs consent: without it (or with false) 400 with a Danish message on the field, and nothing is stored', async () => {
    for (const consent of [undefined, false]) {
      const r = await stack.api(persons(), { method: 'POST', token: assistant.token, body: { name: 'Uden Samtykke', channel: 'assisted-in-person', ...(consent === undefined ? {} : { consent }) } });
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.json.errors).toContainEqual(expect.objectContaining({ path: 'body.consent', message: 'Borgeren skal give samtykke, før noget gemmes' }));
    }
    const stored = await db.send(new QueryCommand({ TableName: mainTable.localName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.assistedPersons(PID) } }));
    expect(stored.Items).toEqual([]);
    expect((await stack.api(`${persons()}?q=samtykke`, { token: assistant.token })).json.items).toEqual([]);
  });

  it('stores the consent with time, wording version, assistant and channel; the citizen gets a profile of their own; the audit names the assistant', async () => {
    const before = Date.now();
    const r = await stack.api(persons(), {
      method: 'POST',
      token: assistant.token,
      body: { name: ' Jens  Hansen ', email: 'Jens.Hansen@Example.dk', phone: '+45 39 98 12 34', channel: 'assisted-phone', consent: true },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const person = assistedPersonSchema.parse(r.json);
    expect(person).toMatchObject({
      processId: PID, name: 'Jens Hansen', email: 'jens.hansen@example.dk', phone: '+45 39 98 12 34', participantType: 'citizen', claimed: false,
      contactHint: 'j***@example.dk', consent: { version: CONSENT_VERSION, assistantName: 'Bente fra Borgerservice', channel: 'assisted-phone' },
      ideas: [], votedIdeaIds: [], comments: 0, surveyAnswered: false,
    });
    expect(Date.parse(person.consent.at)).toBeGreaterThanOrEqual(before - 1000);
    const stored = await get(keys.assistedPerson(PID, person.id));
    expect(stored).toMatchObject({ userId: `assisted-${person.id}`, consent: { assistantId: assistant.userId } });
    expect(await get(keys.profile(`assisted-${person.id}`))).toMatchObject({ displayName: 'Jens Hansen', participantType: 'citizen', gsiUser: `USER#assisted-${person.id}` });
    const entries = await log(person.id);
    expect(entries).toEqual([
      expect.objectContaining({ action: 'assisted-person-create', actorId: assistant.userId, actorName: 'Bente fra Borgerservice', targetKind: 'assisted-person', channel: 'assisted-phone' }),
    ]);
    // The citizen's name is not written into the log (erasure takes it away with the person): the log
    // names the entry after the citizen's profile when it is read.
    const storedLog = await db.send(new QueryCommand({ TableName: mainTable.localName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTargetPartition(person.id) } }));
    expect(storedLog.Items).toHaveLength(1);
    expect(JSON.stringify(storedLog.Items)).not.toContain('Jens');
    expect(entries[0]).toMatchObject({ targetTitle: 'Jens Hansen' });
  });

  it('is refused (409) when no phase open now takes part, and for an assistant without a profile; nothing stored', async () => {
    const closed = 'assisteret-lukket';
    const { aDefinition } = await import('../fixtures/process-definitions');
    const def = aDefinition(closed);
    const made = await stack.api('/processes', {
      method: 'POST', token: admin.token,
      body: { ...def, phases: [{ kind: 'review', title: { da: 'Behandling' }, startsAt: at(-1), endsAt: at(20) }, { kind: 'closed', title: { da: 'Slut' }, startsAt: at(20) }] },
    });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const r = await stack.api(persons(closed), { method: 'POST', token: assistant.token, body: { name: 'For sent', channel: 'paper', consent: true } });
    expect(r.status).toBe(409);
    expect(r.json.detail).toMatch(/tager ikke imod/);
    expect((await stack.api(`${persons(closed)}?q=sent`, { token: assistant.token })).json.items).toEqual([]);

    const nameless = await stack.user({ role: 'assistant' });
    await db.send(new DeleteCommand({ TableName: mainTable.localName, Key: keys.profile(nameless.userId) }));
    const refused = await stack.api(persons(), { method: 'POST', token: nameless.token, body: { name: 'Uden assistentnavn', channel: 'paper', consent: true } });
    expect(refused.status).toBe(409);
    expect(refused.json.type).toMatch(/profile-required/);
    expect((await stack.api(`${persons()}?q=assistentnavn`, { token: assistant.token })).json.items).toEqual([]);
  });
});

describe('the lookup', () => {
  let hanne: string;
  beforeAll(async () => {
    hanne = await register(stack, PID, assistant, { name: 'Hanne Ærø-Hansen', phone: '39 98 55 66' });
    await register(stack, PID, assistant, { name: 'Åse Müller' });
    // The same name in another process: never listed here.
    await register(stack, OTHER, assistant, { name: 'Hanne Ærø-Hansen', phone: '39 98 55 66' });
  });

  it('finds part of a name in any case and without accents, keeping æøå', async () => {
    const q = async (text: string) => (await stack.api(`${persons()}?q=${encodeURIComponent(text)}`, { token: assistant.token })).json.items.map((p: { name: string }) => p.name);
    expect(await q('hansen')).toEqual(['Hanne Ærø-Hansen', 'Jens Hansen']);
    expect(await q('ÆRØ')).toEqual(['Hanne Ærø-Hansen']);
    expect(await q('muller')).toEqual(['Åse Müller']);
    expect(await q('ase m')).toEqual([]);
  });

  it('finds a whole e-mail or phone number (spaces and +45 ignored), never a part of one, with the contact masked', async () => {
    const q = async (text: string) => (await stack.api(`${persons()}?q=${encodeURIComponent(text)}`, { token: assistant.token })).json.items;
    expect(await q('JENS.HANSEN@example.dk')).toEqual([expect.objectContaining({ name: 'Jens Hansen', contactHint: 'j***@example.dk' })]);
    expect(await q('+45 39985566')).toEqual([expect.objectContaining({ id: hanne, contactHint: '•• •• 55 66' })]);
    expect(await q('39 98 55')).toEqual([]);
    expect(await q('@example.dk')).toEqual([]);
    expect(JSON.stringify(await q('hanne'))).not.toContain('39 98');
  });
});

describe('acting for a citizen', () => {
  let jens: string;
  let ideaId: string;
  beforeAll(async () => {
    jens = await register(stack, PID, assistant, { name: 'Karl Jensen', email: 'karl@example.dk' });
  });

  it('an idea: the channel on it and on its public page, the name shown is the citizen\'s, a receipt with a code that is stored only as its hash, an audit entry', async () => {
    const r = await stack.api(`${persons()}/${jens}/ideas`, { method: 'POST', token: assistant.token, body: { ...anIdea('<b>AI</b> i Borgerservice'), channel: 'assisted-in-person' } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const { idea, receipt } = assistedIdeaResultSchema.parse(r.json);
    ideaId = idea.id;
    // Plain text: the characters as typed, never HTML.
    expect(idea).toMatchObject({ title: '<b>AI</b> i Borgerservice', channel: 'assisted-in-person', authorName: 'Karl Jensen', status: 'published' });
    expect((await stack.api(`/ideas/${idea.id}`)).json).toMatchObject({ channel: 'assisted-in-person', authorName: 'Karl Jensen' });
    expect(receipt).toMatchObject({
      personId: jens, name: 'Karl Jensen', processId: PID, processTitle: `Forløb ${PID}`, channel: 'assisted-in-person',
      followUrl: `${stack.info.webUrl}/forloeb/${PID}/ideer/${idea.id}`, claimUrl: `${stack.info.webUrl}/min-side/hent-bidrag`,
      items: [{ kind: 'idea', ideaId: idea.id, title: '<b>AI</b> i Borgerservice', pending: false }],
    });
    expect(receipt.claimCode).toMatch(CODE);
    const hash = claimCodeHash(receipt.claimCode)!;
    expect(await get(keys.claimCode(hash))).toMatchObject({ processId: PID, personId: jens });
    const stored = await get(keys.assistedPerson(PID, jens));
    expect(stored!.claimCodeHashes).toEqual([hash]);
    expect(JSON.stringify(stored)).not.toContain(receipt.claimCode.replaceAll('-', ''));
    expect((await get(keys.idea(idea.id)))!.authorId).toBe(`assisted-${jens}`);
    expect(await log(jens)).toContainEqual(
      expect.objectContaining({ action: 'assisted-idea', actorId: assistant.userId, actorName: 'Bente fra Borgerservice', channel: 'assisted-in-person', targetId: jens }),
    );
  });

  it('an idea may name the event it came up at: its origin is kept, its channel stays the assistant\'s', async () => {
    await eventRecords(stack).event(PID, 'borgermoede', -HOUR);
    const r = await stack.api(`${persons()}/${jens}/ideas`, { method: 'POST', token: assistant.token, body: { ...anIdea('Idé fra borgermødet'), eventId: 'borgermoede', channel: 'paper' } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.idea).toMatchObject({ eventId: 'borgermoede', channel: 'paper' });
    const unknown = await stack.api(`${persons()}/${jens}/ideas`, { method: 'POST', token: assistant.token, body: { ...anIdea('Idé fra intet sted'), eventId: 'findes-ikke', channel: 'paper' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toContainEqual(expect.objectContaining({ path: 'body.eventId' }));
  });

  it('a vote counts once: a second assisted vote changes nothing and writes no second audit entry', async () => {
    const v = (method = 'PUT') => stack.api(`${persons()}/${jens}/votes/${ideaId}`, { method, token: assistant.token, body: { channel: 'assisted-phone' } });
    const first = await v();
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json.vote).toMatchObject({ voteCount: 1, voted: true });
    expect(first.json.receipt).toBeUndefined();
    const second = await v();
    expect(second.json.vote).toMatchObject({ voteCount: 1, voted: true });
    expect((await stack.api(`/ideas/${ideaId}`)).json.voteCount).toBe(1);
    expect((await get(keys.vote(ideaId, `assisted-${jens}`)))).toMatchObject({ participantType: 'citizen' });
    expect((await log(jens)).filter((e) => e.action === 'assisted-vote')).toHaveLength(1);
    const back = await v('DELETE');
    expect(back.json.vote).toMatchObject({ voteCount: 0, voted: false });
    expect((await log(jens)).filter((e) => e.action === 'assisted-unvote')).toHaveLength(1);
    expect((await v()).json.vote).toMatchObject({ voteCount: 1, voted: true });
  });

  it("the process's votes per person hold for an assisted citizen (409 vote-limit, nothing written)", async () => {
    const ole = await register(stack, OTHER, assistant, { name: 'Ole Olsen' });
    const ideas = await Promise.all(
      ['Første idé', 'Anden idé'].map(async (title) => (await stack.api(`/processes/${OTHER}/ideas`, { method: 'POST', token: citizen.token, body: anIdea(title) })).json.id as string),
    );
    const vote = (id: string) => stack.api(`${persons(OTHER)}/${ole}/votes/${id}`, { method: 'PUT', token: assistant.token, body: { channel: 'assisted-in-person' } });
    expect((await vote(ideas[0]!)).json.vote).toMatchObject({ voted: true, votesLeft: 0 });
    const refused = await vote(ideas[1]!);
    expect(refused.status).toBe(409);
    expect(refused.json.type).toMatch(/vote-limit/);
    expect((await stack.api(`/ideas/${ideas[1]}`)).json.voteCount).toBe(0);
    expect((await log(ole, OTHER)).filter((e) => e.action === 'assisted-vote')).toHaveLength(1);
  });

  it("an idea of another process cannot be voted on or commented with this process's citizen (404)", async () => {
    const foreign = (await stack.api(`/processes/${OTHER}/ideas`, { method: 'POST', token: citizen.token, body: anIdea('Fremmed idé') })).json.id as string;
    const vote = await stack.api(`${persons()}/${jens}/votes/${foreign}`, { method: 'PUT', token: assistant.token, body: { channel: 'paper' } });
    expect(vote.status).toBe(404);
    const comment = await stack.api(`${persons()}/${jens}/comments`, { method: 'POST', token: assistant.token, body: { ideaId: foreign, body: 'Hej.', channel: 'paper' } });
    expect(comment.status).toBe(404);
    expect((await stack.api(`/ideas/${foreign}`)).json).toMatchObject({ voteCount: 0, commentCount: 0 });
  });

  it('a comment: the channel on it, a receipt naming the idea', async () => {
    const r = await stack.api(`${persons()}/${jens}/comments`, { method: 'POST', token: assistant.token, body: { ideaId, body: 'Det vil hjælpe mig meget, når jeg ringer.', channel: 'assisted-phone' } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.comment).toMatchObject({ body: 'Det vil hjælpe mig meget, når jeg ringer.', authorName: 'Karl Jensen', channel: 'assisted-phone' });
    expect(receiptSchema.parse(r.json.receipt)).toMatchObject({
      channel: 'assisted-phone', followUrl: `${stack.info.webUrl}/forloeb/${PID}/ideer/${ideaId}`,
      items: [{ kind: 'comment', ideaId, ideaTitle: '<b>AI</b> i Borgerservice', excerpt: 'Det vil hjælpe mig meget, når jeg ringer.' }],
    });
    const list = await stack.api(`/ideas/${ideaId}/comments`);
    expect(list.json.items[0]).toMatchObject({ channel: 'assisted-phone', authorName: 'Karl Jensen' });
  });

  it('the survey, once: the answer carries the channel; a second answer is 409 and writes nothing', async () => {
    const answer = () => stack.api(`${persons()}/${jens}/survey-answers`, { method: 'POST', token: assistant.token, body: { answers: { stol: 5, hvorfor: 'Det sparer tid.' }, channel: 'paper' } });
    const r = await answer();
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ answered: true, receipt: { channel: 'paper', followUrl: `${stack.info.webUrl}/forloeb/${PID}`, items: [{ kind: 'survey', day: r.json.day }] } });
    const marker = await get({ pk: keys.surveyRespondents(PID), sk: keys.surveyRespondent({ userId: `assisted-${jens}` }) });
    expect(await get({ pk: keys.surveyAnswers(PID), sk: marker!.answerId })).toMatchObject({ channel: 'paper', answers: { stol: 5 } });
    const again = await answer();
    expect(again.status).toBe(409);
    expect(again.json.type).toMatch(/already-answered/);
    expect((await log(jens)).filter((e) => e.action === 'assisted-answer')).toHaveLength(1);
  });

  it('a full receipt lists everything the citizen has taken part with, with a new code', async () => {
    const r = await stack.api(`${persons()}/${jens}/receipt`, { method: 'POST', token: assistant.token, body: { channel: 'assisted-in-person' } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const receipt = receiptSchema.parse(r.json.receipt);
    expect(receipt.items.map((i) => i.kind).sort()).toEqual(['comment', 'idea', 'idea', 'survey', 'vote']);
    expect(receipt.items).toContainEqual({ kind: 'vote', ideaId, title: '<b>AI</b> i Borgerservice' });
    expect((await get(keys.assistedPerson(PID, jens)))!.claimCodeHashes).toHaveLength(5);
    const person = assistedPersonSchema.parse((await stack.api(`${persons()}/${jens}`, { token: assistant.token })).json);
    expect(person.ideas).toContainEqual(expect.objectContaining({ id: ideaId, channel: 'assisted-in-person' }));
    expect(person).toMatchObject({ votedIdeaIds: [ideaId], comments: 1, surveyAnswered: true });
  });
});
