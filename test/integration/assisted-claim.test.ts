import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { claimStore } from '#functions/adapters/dynamodb/assisted-claim';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { claimResultSchema } from '#shared/schemas/assisted';
import { surveyResultsSchema } from '#shared/schemas/survey';
import { aDefinition } from '../fixtures/process-definitions';
import { validIdea } from '../fixtures/ideas';
import { myDataExportSchema, myIdeaListSchema } from '#shared/schemas/me';
import { assistedPeople } from '../helpers/assisted-acts';
import { ideaMaker, PROCESS, table, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The claim (POST /api/me/claims) through the local gateway against DynamoDB Local: a citizen who
 * took part through an assistant takes it over into a new account with the receipt's code. One person
 * one vote holds across the move: whichever voted first, the idea counts them once.
 */
const TableName = mainTable.localName;

let stack: TestStack;
let people: ReturnType<typeof assistedPeople>;
let newIdea: ReturnType<typeof ideaMaker>;
let db: ReturnType<typeof table>;

const claim = (user: User, code: string) => stack.api('/me/claims', { method: 'POST', token: user.token, body: { code } });
const voteCount = async (ideaId: string) => (await stack.api(`/ideas/${ideaId}`)).json.voteCount as number;
const get = async (key: { pk: string; sk: string }) => (await db.client.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item;

beforeAll(async () => {
  stack = await testStack();
  people = assistedPeople(stack);
  newIdea = ideaMaker(stack);
  db = table(stack);
}, 120_000);
afterAll(() => stack?.stop());

describe('one person, one vote across a claim', () => {
  it('a vote cast assisted and then again by the account after claiming counts once', async () => {
    const { id } = await newIdea();
    const citizen = await people.person(PROCESS, 'Else Assisteret');
    expect((await people.vote(citizen, id)).voteCount).toBe(1);
    const account = await stack.user({ name: 'Else på nettet' });

    const r = await claim(account, citizen.code.toLowerCase());
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(claimResultSchema.parse(r.json)).toMatchObject({ processId: PROCESS, votes: 1, votesDropped: 0 });

    const again = await stack.api(`/ideas/${id}/vote`, { method: 'PUT', token: account.token });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ voted: true, voteCount: 1 });
    expect(await voteCount(id)).toBe(1);
    const votes = await db.votes(id);
    expect(votes.map((v) => v.userId)).toEqual([account.userId]);
    // The moved vote keeps its time and weight, and counts on the account's tally, not the citizen's.
    expect((await get(keys.voteTally(account.userId, PROCESS)))?.n).toBe(1);
    expect(await get(keys.voteTally(citizen.record.userId, PROCESS))).toBeUndefined();
  });

  it('the other order: the account voted first, then claims an assisted vote for the same idea', async () => {
    const { id } = await newIdea();
    const { id: other } = await newIdea();
    const account = await stack.user({ name: 'Frede Først' });
    expect((await stack.api(`/ideas/${id}/vote`, { method: 'PUT', token: account.token })).status).toBe(200);
    const citizen = await people.person(PROCESS, 'Frede ved skranken', 'assisted-phone');
    expect((await people.vote(citizen, id)).voteCount).toBe(2);
    await people.vote(citizen, other);

    const r = await claim(account, citizen.code);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(claimResultSchema.parse(r.json)).toMatchObject({ votes: 1, votesDropped: 1 });
    expect(await voteCount(id)).toBe(1);
    expect((await db.votes(id)).map((v) => v.userId)).toEqual([account.userId]);
    expect(await voteCount(other)).toBe(1);
    expect((await db.votes(other)).map((v) => v.userId)).toEqual([account.userId]);
    expect((await get(keys.voteTally(account.userId, PROCESS)))?.n).toBe(2);
  });
});

describe("through the assistant's routes", () => {
  it('a citizen registered, voting and commenting at the desk claims it all with the printed code; voting again counts once', async () => {
    const assistant = await stack.user({ role: 'assistant', name: 'Birthe Borgerservice' });
    const { id } = await newIdea();
    const persons = `/processes/${PROCESS}/assisted/persons`;
    const registered = await stack.api(persons, { method: 'POST', token: assistant.token, body: { name: 'Ove Skranke', channel: 'assisted-in-person', consent: true } });
    expect(registered.status, JSON.stringify(registered.json)).toBe(201);
    const person = `${persons}/${registered.json.id}`;
    const voted = await stack.api(`${person}/votes/${id}`, { method: 'PUT', token: assistant.token, body: { channel: 'assisted-in-person' } });
    expect(voted.status, JSON.stringify(voted.json)).toBe(200);
    const commented = await stack.api(`${person}/comments`, { method: 'POST', token: assistant.token, body: { ideaId: id, body: 'Sagt ved skranken', channel: 'assisted-in-person' } });
    expect(commented.status, JSON.stringify(commented.json)).toBe(201);
    const receipt = await stack.api(`${person}/receipt`, { method: 'POST', token: assistant.token, body: { channel: 'assisted-in-person' } });
    expect(receipt.status, JSON.stringify(receipt.json)).toBe(201);
    expect(await voteCount(id)).toBe(1);

    const account = await stack.user({ name: 'Ove på nettet' });
    const r = await claim(account, receipt.json.receipt.claimCode);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ votes: 1, votesDropped: 0, comments: 1 });
    expect((await stack.api(`/ideas/${id}/vote`, { method: 'PUT', token: account.token })).json).toMatchObject({ voted: true, voteCount: 1 });
    expect((await db.votes(id)).map((v) => v.userId)).toEqual([account.userId]);
    // The citizen now takes part themself: the assistant can act for them no more.
    const after = await stack.api(`${person}/votes/${id}`, { method: 'DELETE', token: assistant.token, body: { channel: 'assisted-in-person' } });
    expect(after.status).toBe(409);
    expect((await stack.api(`${person}`, { token: assistant.token })).json).toMatchObject({ claimed: true });
    expect(await voteCount(id)).toBe(1);
  });
});

describe('what moves, and what the account sees', () => {
  it('moves ideas and comments (name and channel kept) to Min side and the GDPR download; the citizen is marked claimed and audited', async () => {
    const citizen = await people.person(PROCESS, 'Gerda Papir', 'paper');
    const idea = await people.idea(citizen, { title: 'Læs breve højt for mig med AI' });
    const { id: target } = await newIdea();
    const comment = await people.comment(citizen, target, 'Det vil hjælpe mange ældre');
    await people.vote(citizen, target);
    const account = await stack.user({ name: 'Gerda G.' });

    const r = await claim(account, citizen.code);
    expect(claimResultSchema.parse(r.json)).toEqual({
      processId: PROCESS, processTitle: expect.any(String), ideas: 1, comments: 1, votes: 1, votesDropped: 0, surveyAnswers: 0, surveyAnswersDropped: 0,
    });

    const mine = myIdeaListSchema.parse((await stack.api('/me/ideas', { token: account.token })).json);
    expect(mine.items.map((i) => [i.id, i.authorName, i.channel])).toEqual([[idea.id, 'Gerda Papir', 'paper']]);
    const data = myDataExportSchema.parse((await stack.api('/me/export', { token: account.token })).json);
    expect(data.ideas.map((i) => i.id)).toEqual([idea.id]);
    expect(data.comments.map((c) => [c.id, c.body])).toEqual([[comment.id, 'Det vil hjælpe mange ældre']]);
    expect(data.votes.map((v) => v.ideaId)).toEqual([target]);
    // The account may now edit its comment as its author.
    expect((await stack.api(`/comments/${comment.id}`, { method: 'PATCH', token: account.token, body: { body: 'Det vil hjælpe mange ældre og andre' } })).status).toBe(200);

    const person = await get(keys.assistedPerson(PROCESS, citizen.record.id));
    expect(person).toMatchObject({ claimedBy: account.userId, claimedAt: expect.any(String) });
    expect(person).not.toHaveProperty('email');
    expect(person).not.toHaveProperty('phone');
    expect(await get(keys.profile(citizen.record.userId))).toBeUndefined();
    const left = await db.client.send(
      new QueryCommand({ TableName, IndexName: 'byUser', KeyConditionExpression: 'gsiUser = :u', ExpressionAttributeValues: { ':u': keys.userItems(citizen.record.userId) } }),
    );
    expect(left.Items).toEqual([]);

    const moderator = await stack.user({ role: 'moderator' });
    const log = await stack.api(`/moderation/log?processId=${PROCESS}&targetId=${citizen.record.id}`, { token: moderator.token });
    expect(log.status).toBe(200);
    expect(log.json.items).toEqual([expect.objectContaining({ action: 'assisted-claim', actorId: account.userId, targetKind: 'assisted-person', targetId: citizen.record.id })]);
  });

  it('finishes a claim cut short when the same account calls again with the same code', async () => {
    const citizen = await people.person(PROCESS, 'Hans Halvvejs');
    const first = await people.idea(citizen, { title: 'AI-tolk ved borgerservice' });
    const second = await people.idea(citizen, { title: 'AI-hjælp til digitale blanketter' });
    const account = await stack.user({ name: 'Hans H.' });
    // What a crash right after the first idea's move leaves: the person reserved, one idea moved.
    const claims = claimStore(people.db, TableName);
    expect(await claims.reserve(PROCESS, citizen.record.id, account.userId)).toBe('reserved');
    expect(await claims.moveAuthor(keys.idea(first.id), citizen.record.userId, { userId: account.userId })).toBe(true);
    // Another account cannot take it meanwhile.
    expect((await claim(await stack.user(), citizen.code)).status).toBe(409);

    const r = await claim(account, citizen.code);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ ideas: 1 });
    const mine = myIdeaListSchema.parse((await stack.api('/me/ideas', { token: account.token })).json);
    expect(mine.items.map((i) => i.id).sort()).toEqual([first.id, second.id].sort());
  });
});

describe('codes', () => {
  it('a wrong or malformed code is 404 and changes nothing; a second claim 409; another account cannot claim a claimed person', async () => {
    const citizen = await people.person(PROCESS, 'Ida Ingen');
    const account = await stack.user();
    for (const code of ['AAAA-BBBB-CCCC', 'ikke-en-kode!', '0000-0000-000U']) {
      const r = await claim(account, code);
      expect(r.status, code).toBe(404);
      expect(r.json.detail).toMatch(/^Koden findes ikke/);
    }
    expect(await get(keys.assistedPerson(PROCESS, citizen.record.id))).not.toHaveProperty('claimedBy');

    expect((await claim(account, citizen.code)).status).toBe(200);
    const twice = await claim(account, citizen.code);
    expect(twice.status).toBe(409);
    expect(twice.json.detail).toMatch(/allerede hentet/);
    const other = await claim(await stack.user(), citizen.code);
    expect(other.status).toBe(409);
    expect(other.json.detail).toMatch(/anden konto/);
    expect(await get(keys.assistedPerson(PROCESS, citizen.record.id))).toMatchObject({ claimedBy: account.userId });
  });

  it('needs sign-in and a body with a code, and stops guessing after ten tries an hour', async () => {
    const account = await stack.user();
    expect((await stack.api('/me/claims', { method: 'POST', body: { code: 'AAAA-BBBB-CCCC' } })).status).toBe(401);
    const bad = await stack.api('/me/claims', { method: 'POST', token: account.token, body: { kode: 'x' } });
    expect(bad.status).toBe(400);
    for (let i = 0; i < 10; i++) expect((await claim(account, `AAAA-BBBB-CC${String(i).padStart(2, '0')}`)).status).toBe(404);
    const limited = await claim(account, 'AAAA-BBBB-CCCC');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right code is refused too while the limit holds: the limit counts tries, not failures.
    const citizen = await people.person(PROCESS, 'Jens Gætter');
    expect((await claim(account, citizen.code)).status).toBe(429);
  });
});



describe('the survey answer and the vote rule', () => {
  const SURVEY = 'hjaelp-til-alle';
  const DAY = 24 * 60 * 60 * 1000;
  const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  let moderator: User;
  const answerCount = async () => surveyResultsSchema.parse((await stack.api(`/moderation/surveys/${SURVEY}/results`, { token: moderator.token })).json).answerCount;
  const answerAsAccount = (user: User, why: string) =>
    stack.api(`/processes/${SURVEY}/survey/answers`, { method: 'POST', token: user.token, body: { answers: { stol: 2, hvorfor: why } } });
  const texts = async () =>
    (await db.client.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.surveyTexts(SURVEY) }, ConsistentRead: true }))).Items!.map((t) => t.text);

  beforeAll(async () => {
    const admin = await stack.user({ role: 'admin' });
    moderator = await stack.user({ role: 'moderator' });
    const definition = aDefinition(SURVEY);
    const phases = [
      { kind: 'ideas', title: { da: 'Idéer' }, startsAt: at(-1), endsAt: at(29) },
      { kind: 'survey', title: { da: 'Spørgeskema' }, startsAt: at(-1), endsAt: at(29) },
      { kind: 'closed', title: { da: 'Afsluttet' }, startsAt: at(90) },
    ];
    const created = await stack.api('/processes', { method: 'POST', token: admin.token, body: { ...definition, phases, settings: { ...definition.settings, votesPerPerson: 1 } } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const survey = {
      title: { da: 'Holdninger til AI' },
      intro: { da: 'Fortæl os, hvad du mener.' },
      anonymous: false,
      sections: [
        {
          id: 'tillid',
          title: { da: 'Tillid' },
          questions: [
            { id: 'stol', kind: 'likert', text: { da: 'Jeg stoler på AI' }, required: true, lowLabel: { da: 'Uenig' }, highLabel: { da: 'Enig' } },
            { id: 'hvorfor', kind: 'long-text', text: { da: 'Hvorfor?' }, maxLength: 500 },
          ],
        },
      ],
    };
    const put = await stack.api(`/processes/${SURVEY}/survey`, { method: 'PUT', token: moderator.token, body: survey });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
  });

  it('answered assisted and by the account: the claim leaves exactly one answer, the account’s own', async () => {
    const before = await answerCount();
    const citizen = await people.person(SURVEY, 'Kirsten Skema');
    await people.answer(citizen, { stol: 4, hvorfor: 'Sagt ved skranken' });
    const account = await stack.user({ name: 'Kirsten K.' });
    expect((await answerAsAccount(account, 'Skrevet hjemme')).status).toBe(201);
    expect(await answerCount()).toBe(before + 2);

    const r = await claim(account, citizen.code);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ surveyAnswers: 0, surveyAnswersDropped: 1 });
    expect(await answerCount()).toBe(before + 1);
    expect(await texts()).toContain('Skrevet hjemme');
    expect(await texts()).not.toContain('Sagt ved skranken');
  });

  it('answered assisted only: the answer stays, the account counts as having answered, unlinked from it', async () => {
    const before = await answerCount();
    const citizen = await people.person(SURVEY, 'Lis Lytter', 'assisted-phone');
    await people.answer(citizen, { stol: 5, hvorfor: 'Sagt i telefonen' });
    const account = await stack.user({ name: 'Lis L.' });

    const r = await claim(account, citizen.code);
    expect(r.json).toMatchObject({ surveyAnswers: 1, surveyAnswersDropped: 0 });
    expect(await answerCount()).toBe(before + 1);
    const again = await answerAsAccount(account, 'En gang til');
    expect(again.status).toBe(409);
    expect(await answerCount()).toBe(before + 1);
    const marker = await get({ pk: keys.surveyRespondents(SURVEY), sk: keys.surveyRespondent({ userId: account.userId }) });
    expect(marker).toBeDefined();
    expect(marker).not.toHaveProperty('answerId');
    expect(await get({ pk: keys.surveyRespondents(SURVEY), sk: keys.surveyRespondent({ userId: citizen.record.userId }) })).toBeUndefined();
    const data = myDataExportSchema.parse((await stack.api('/me/export', { token: account.token })).json);
    expect(data.surveys.answered.map((s) => s.processId)).toEqual([SURVEY]);
  });

  it('past the vote rule (one vote per person here), an assisted vote is dropped, not counted', async () => {
    const poster = await stack.user();
    const post = async (title: string) => {
      const r = await stack.api(`/processes/${SURVEY}/ideas`, { method: 'POST', token: poster.token, body: validIdea({ title, area: 'skole', effects: ['kvalitet'] }) });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      return r.json.id as string;
    };
    const mine = await post('Min egen favorit');
    const theirs = await post('Borgerens favorit');
    const account = await stack.user({ name: 'Mads Maks' });
    expect((await stack.api(`/ideas/${mine}/vote`, { method: 'PUT', token: account.token })).status).toBe(200);
    const citizen = await people.person(SURVEY, 'Mads ved skranken');
    expect((await people.vote(citizen, theirs)).voteCount).toBe(1);

    const r = await claim(account, citizen.code);
    expect(r.json).toMatchObject({ votes: 0, votesDropped: 1 });
    expect(await voteCount(theirs)).toBe(0);
    expect(await db.votes(theirs)).toEqual([]);
    expect((await get(keys.voteTally(account.userId, SURVEY)))?.n).toBe(1);
  });
});
