import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { keys } from '#functions/adapters/dynamodb/keys';
import { liveRoundStore } from '#functions/adapters/dynamodb/live-rounds';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { livePhoneRoundSchema, liveRoundListSchema, liveRoundResultsListSchema, liveRoundResultsSchema, liveRoundSchema, type LiveRound } from '#shared/schemas/live-rounds';
import { liveCalls, liveDefinition as definition, liveEvent, phoneToken as token, resultOf as byId, room } from '../helpers/live-rounds';
import { expectProblem, expectRouteAnswer, PROCESS, withinOneWindow, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The live round in the room through the local gateway: who may run and read rounds (a route ×
 * caller matrix), draft → open → closed, exact results, one answer per phone and question, bad
 * answers refused with nothing counted, the phone's limit, and the public results of closed rounds
 * only. The room's 300 answers in a minute: live-round-room.test.ts (run alone).
 */

const EVENT = 'temadag-live';
const E = `/processes/${PROCESS}/events/${EVENT}`;

let stack: TestStack;
let admin: User, moderator: User, committee: User, citizen: User;
let live: ReturnType<typeof liveCalls>;
let O: string;
const create = (by = moderator) => live.create(by);
const setState = (round: LiveRound, state: 'open' | 'closed', by = moderator) => live.setState(round, state, by);
const open = () => live.open(moderator);
const answer: ReturnType<typeof liveCalls>['answer'] = (code, body) => live.answer(code, body);
const results = (round: LiveRound, by = committee) => live.results(round, by);

beforeAll(async () => {
  stack = await testStack();
  [admin, moderator, committee, citizen] = await Promise.all([stack.user({ role: 'admin' }), stack.user({ role: 'moderator' }), stack.user({ role: 'committee' }), stack.user()]);
  await liveEvent(stack, EVENT, admin);
  live = liveCalls(stack, EVENT);
  O = live.O;
}, 120_000);
afterAll(async () => stack?.stop());

describe('who may run a round', () => {
  it('organiser routes: anonymous 401, citizen and committee 403 (committee reads results), moderator and admin succeed', async () => {
    const round = await create();
    const calls = [
      { method: 'GET', path: O, response: liveRoundListSchema, committee: false },
      { method: 'POST', path: O, body: definition, response: liveRoundSchema, committee: false },
      { method: 'PUT', path: `${O}/${round.id}`, body: () => ({ definition, expectedUpdatedAt: round.updatedAt }), response: liveRoundSchema, committee: false },
      { method: 'GET', path: `${O}/${round.id}/results`, response: liveRoundResultsSchema, committee: true },
      { method: 'POST', path: `${O}/${round.id}/state`, body: { state: 'open' }, response: liveRoundSchema, committee: false },
    ];
    for (const call of calls) {
      const body = typeof call.body === 'function' ? call.body() : call.body;
      for (const [caller, user, status] of [['anonymous', undefined, 401], ['citizen', citizen, 403], ['committee', committee, call.committee ? 200 : 403]] as const) {
        const r = await stack.api(call.path, { method: call.method, token: user?.token, body });
        expectRouteAnswer(r, { caller, method: call.method, path: call.path, response: call.response }, status);
      }
      const r = await stack.api(call.path, { method: call.method, token: (call.method === 'PUT' ? admin : moderator).token, body });
      expectRouteAnswer(r, { caller: 'organiser', method: call.method, path: call.path, response: call.response }, call.method === 'POST' && call.path === O ? 201 : 200);
      if (call.method === 'PUT') round.updatedAt = liveRoundSchema.parse(r.json).updatedAt;
    }
    // The refused calls changed nothing: the round was opened once, by the moderator.
    const log = await stack.api(`/moderation/log?processId=${PROCESS}&targetId=${round.id}`, { token: admin.token });
    expect(log.json.items.map((e: { action: string }) => e.action).sort()).toEqual(['live-round-create', 'live-round-open', 'live-round-save']);
  });

  it('an unknown event or round is 404', async () => {
    expectProblem(await stack.api(`/processes/${PROCESS}/organiser/events/ingen-her/live-rounds`, { method: 'POST', token: moderator.token, body: definition }), 404);
    expectProblem(await stack.api(`${O}/01JZZZZZZZZZZZZZZZZZZZZZZZ/results`, { token: moderator.token }), 404);
  });
});

describe('draft → open → closed', () => {
  it('a draft is changed, opened with a code, then keeps its questions; closed is final', async () => {
    const round = await create();
    expect(round.state).toBe('draft');
    expectProblem(await setState(round, 'closed'), 409, 'round-state');
    const saved = await stack.api(`${O}/${round.id}`, { method: 'PUT', token: moderator.token, body: { definition: { ...definition, title: { da: 'Ny titel' } }, expectedUpdatedAt: round.updatedAt } });
    expect(saved.status).toBe(200);
    expectProblem(await stack.api(`${O}/${round.id}`, { method: 'PUT', token: moderator.token, body: { definition, expectedUpdatedAt: round.updatedAt } }), 409, 'stale');
    const opened = liveRoundSchema.parse((await setState(round, 'open')).json);
    expect(opened.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expectProblem(await setState(round, 'open'), 409, 'round-state');
    expectProblem(await stack.api(`${O}/${round.id}`, { method: 'PUT', token: moderator.token, body: { definition, expectedUpdatedAt: opened.updatedAt } }), 409, 'round-not-draft');
    const phone = livePhoneRoundSchema.parse((await stack.api(`/live/${opened.code!.toLowerCase()}`)).json);
    expect(phone).toMatchObject({ state: 'open', title: { da: 'Ny titel' }, eventTitle: { da: 'AI-festival' } });
    expect(phone.questions.map((q) => q.id)).toEqual(['brug', 'tillid', 'ord', 'ambition']);
    const closed = liveRoundSchema.parse((await setState(round, 'closed')).json);
    expect(closed.closedAt).toBeDefined();
    expectProblem(await setState(round, 'open'), 409, 'round-state');
    expect((await stack.api(`/live/${opened.code}`)).json).toMatchObject({ state: 'closed', questions: [] });
    const refused = await answer(opened.code!, { token: token(), questionId: 'brug', answer: 'skole' });
    expectProblem(refused, 409, 'round-closed');
    expect(refused.json.detail).toBe('Runden er lukket.');
  });

  it('a code that leads nowhere is 404 in Danish; a malformed one 400', async () => {
    const r = await stack.api('/live/AAAAAA');
    expectProblem(r, 404);
    expect(r.json.detail).toBe('Der findes ingen runde med den kode.');
    expectProblem(await answer('AAAAAA', { token: token(), questionId: 'brug', answer: 'skole' }), 404);
    expectProblem(await stack.api('/live/ABC'), 400);
  });
});

describe('answers from the room', () => {
  let round: LiveRound;

  it('counts every answer exactly: choices, the scale, words after normalisation', async () => {
    round = await open();
    const { statuses, sent, expectedWords, options } = await room(answer, round.code!, 12, 12);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const rs = await results(round);
    expect(byId(rs, 'brug')).toEqual({ questionId: 'brug', count: 12, options: options.map((id) => ({ id, count: sent.brug[id] })) });
    expect(byId(rs, 'tillid')).toMatchObject({ count: 12, distribution: sent.tillid });
    expect(byId(rs, 'tillid').mean).toBeCloseTo(sent.tillid.reduce((a, c, v) => a + c * v, 0) / 12, 2);
    expect(byId(rs, 'ord').words).toEqual(expectedWords);
    expect(byId(rs, 'ord').words!.find((w) => w.word === 'ai')).toEqual({ word: 'ai', count: 6 });
  }, 60_000);

  it('one answer per phone and question: a second is 409 and counts nothing', async () => {
    const phone = token();
    expect((await answer(round.code!, { token: phone, questionId: 'ambition', answer: { p1: 'agree', p2: 'disagree' } })).status).toBe(201);
    const again = await answer(round.code!, { token: phone, questionId: 'ambition', answer: { p2: 'neutral' } });
    expectProblem(again, 409, 'already-answered');
    expect(again.json.detail).toBe('Du har allerede svaret på dette spørgsmål.');
    const rs = await results(round);
    expect(byId(rs, 'ambition')).toEqual({ questionId: 'ambition', count: 1, statements: [{ id: 'p1', agree: 1, neutral: 0, disagree: 0 }, { id: 'p2', agree: 0, neutral: 0, disagree: 1 }] });
    expect(byId(rs, 'brug').count).toBe(12);
  });

  it('answers that do not fit their question are 400 and count nothing', async () => {
    const before = await results(round);
    const phone = token();
    for (const [questionId, given, path] of [
      ['brug', 'ukendt', 'body.answer'],
      ['brug', 4, 'body.answer'],
      ['tillid', 'skole', 'body.answer'],
      ['ord', ['en', 'to', 'tre'], 'body.answer'],
      ['ord', ['x'.repeat(31)], 'body.answer'],
      ['ord', ['ai\uDC00'], 'body.answer'],
      ['ambition', { p1: 'agree', p9: 'agree' }, 'body.answer'],
      ['ambition', {}, 'body.answer'],
      ['ukendt', 'skole', 'body.questionId'],
    ] as const) {
      const r = await answer(round.code!, { token: phone, questionId, answer: given });
      expectProblem(r, 400);
      expect(r.json.errors?.[0]?.path, JSON.stringify(r.json)).toMatch(new RegExp(`^${path.replace('.', '\\.')}`));
    }
    expectProblem(await answer(round.code!, { token: 'kort', questionId: 'brug', answer: 'skole' }), 400);
    expect(await results(round)).toEqual(before);
    // The phone's refused answers used none of its answers: it may still answer each question.
    expect((await answer(round.code!, { token: phone, questionId: 'ambition', answer: { p1: 'neutral' } })).status).toBe(201);
  });

  it('HTML in a word is stored and given back as text', async () => {
    expect((await answer(round.code!, { token: token(), questionId: 'ord', answer: ['<script>alert(1)</script>'] })).status).toBe(201);
    expect(byId(await results(round), 'ord').words).toContainEqual({ word: '<script>alert(1)</script>', count: 1 });
  });

  it('keeps only the hash of a phone token', async () => {
    const phone = token('hash');
    expect((await answer(round.code!, { token: phone, questionId: 'brug', answer: 'trafik' })).status).toBe(201);
    const client = createDocumentClient(stack.info.dynamodbEndpoint);
    const page = await client.send(new QueryCommand({ TableName: mainTable.localName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.liveAnswers(round.id) } }));
    const stored = JSON.stringify(page.Items);
    expect(page.Items!.filter((i) => String(i.sk).startsWith('WHO#brug#'))).toHaveLength(13);
    expect(stored).not.toContain(phone);
    expect(stored).not.toContain('phone-');
  });

  it('one phone hammering the API is stopped after 60 tries a minute (429), with nothing counted', async () => {
    // The 61 tries must fall in one minute's window of the phone's counter.
    await withinOneWindow(45);
    const phone = token();
    expect((await answer(round.code!, { token: phone, questionId: 'tillid', answer: 3 })).status).toBe(201);
    for (let i = 0; i < 59; i++) expect((await answer(round.code!, { token: phone, questionId: 'tillid', answer: 3 })).status).toBe(409);
    const r = await answer(round.code!, { token: phone, questionId: 'brug', answer: 'skole' });
    expectProblem(r, 429, 'rate-limited');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(byId(await results(round), 'brug').count).toBe(13);
  }, 120_000);

  it('the public sees closed rounds only, with their results', async () => {
    const listed = async () => liveRoundResultsListSchema.parse((await stack.api(`${E}/live-rounds`)).json).items;
    expect((await listed()).map((r) => r.id)).not.toContain(round.id);
    expect((await setState(round, 'closed')).status).toBe(200);
    const mine = (await listed()).find((r) => r.id === round.id)!;
    expect(mine.state).toBe('closed');
    expect(byId(mine.results, 'brug').count).toBe(13);
    expect(byId(mine.results, 'ambition').statements).toEqual([{ id: 'p1', agree: 1, neutral: 1, disagree: 0 }, { id: 'p2', agree: 0, neutral: 0, disagree: 1 }]);
    expectProblem(await answer(round.code!, { token: token(), questionId: 'brug', answer: 'skole' }), 409, 'round-closed');
    expect(byId(await results(round, admin), 'brug').count).toBe(13);
    expectProblem(await stack.api(`/processes/${PROCESS}/events/ingen-her/live-rounds`), 404);
  });

  it('the retention job erases the answer markers of a round; its tallies, the results, stay', async () => {
    const client = createDocumentClient(stack.info.dynamodbEndpoint);
    const partition = async () =>
      (await client.send(new QueryCommand({ TableName: mainTable.localName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.liveAnswers(round.id) } }))).Items!;
    const before = await results(round);
    const markers = (await partition()).filter((i) => String(i.sk).startsWith('WHO#')).length;
    expect(markers).toBeGreaterThan(40);
    expect(await liveRoundStore(client, mainTable.localName).eraseMarkers([round.id])).toBe(markers);
    expect((await partition()).every((i) => String(i.sk).startsWith('T#'))).toBe(true);
    expect(await results(round)).toEqual(before);
  });

});
