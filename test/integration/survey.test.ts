import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { runRetention } from '#local/retention';
import { tokenHash } from '#functions/domain/survey/answer';
import { surveyExportSchema, surveyResultsSchema, surveySchema, surveyTextListSchema } from '#shared/schemas/survey';
import { parseCsv } from '../helpers/csv';
import { aDefinition } from '../fixtures/process-definitions';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The survey through the local gateway: the builder's save and its lock, answering signed in and
 * anonymously (once each), the anonymity of what is stored, 200 simultaneous answers, results with
 * small groups suppressed, and the review of free texts. Every refused request changes nothing.
 */

const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
type User = Awaited<ReturnType<TestStack['user']>>;

let stack: TestStack;
let admin: User;
let moderator: User;
let citizen: User;

const definition = (overrides: Record<string, unknown> = {}) => ({
  title: { da: 'Holdninger til AI' },
  intro: { da: 'Fortæl os, hvad du mener.' },
  anonymous: true,
  sections: [
    {
      id: 'tillid',
      title: { da: 'Tillid' },
      questions: [
        { id: 'stol', kind: 'likert', text: { da: 'Jeg stoler på AI' }, required: true, lowLabel: { da: 'Uenig' }, highLabel: { da: 'Enig' } },
        { id: 'brug', kind: 'multiple', text: { da: 'Hvor?' }, maxChoices: 2, options: [{ id: 'skole', label: { da: 'Skole' } }, { id: 'pleje', label: { da: 'Pleje' } }, { id: 'trafik', label: { da: 'Trafik' } }] },
        { id: 'hvorfor', kind: 'long-text', text: { da: 'Hvorfor?' }, maxLength: 500 },
        { id: 'alder', kind: 'single', text: { da: 'Alder' }, demographic: 'age-band', options: [{ id: 'u30', label: { da: 'Under 30' } }, { id: 'o30', label: { da: '30 og derover' } }] },
      ],
    },
  ],
  ...overrides,
});

const newProcess = async (id: string, phases = [{ kind: 'survey', title: { da: 'Spørgeskema' }, startsAt: at(-1), endsAt: at(29) }, { kind: 'closed', title: { da: 'Slut' }, startsAt: at(90) }]) => {
  const r = await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition(id, { phases: phases as never }) });
  expect(r.status).toBe(201);
};
const save = (id: string, body: unknown, token = moderator.token) => stack.api(`/processes/${id}/survey`, { method: 'PUT', token, body });
const newSurvey = async (id: string, overrides: Record<string, unknown> = {}) => {
  await newProcess(id);
  const r = await save(id, definition(overrides));
  expect(r.status).toBe(200);
  return surveySchema.parse(r.json);
};
const answer = (id: string, answers: Record<string, unknown>, token = citizen.token) => stack.api(`/processes/${id}/survey/answers`, { method: 'POST', token, body: { answers } });
const anonymous = (id: string, answers: Record<string, unknown>, browserToken?: string) =>
  stack.api(`/processes/${id}/survey/anonymous-answers`, { method: 'POST', body: { answers, ...(browserToken ? { browserToken } : {}) } });
const internal = async (id: string, by = '') =>
  surveyResultsSchema.parse((await stack.api(`/moderation/surveys/${id}/results${by ? `?by=${by}` : ''}`, { token: moderator.token })).json);
const token = () => crypto.randomUUID().replaceAll('-', '');
const scanAll = async () => {
  const client = createDocumentClient(stack.info.dynamodbEndpoint);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: mainTable.localName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

beforeAll(async () => {
  stack = await testStack();
  [admin, moderator, citizen] = await Promise.all([stack.user({ role: 'admin' }), stack.user({ role: 'moderator' }), stack.user()]);
}, 120_000);
afterAll(() => stack?.stop());

describe('the builder', () => {
  it('creates, reads and changes a survey, audited; a stale edit and a duplicate id are refused with nothing changed', async () => {
    await newProcess('byg');
    expect((await stack.api('/processes/byg/survey')).status).toBe(404);
    const created = surveySchema.parse((await save('byg', definition())).json);
    expect((await stack.api('/processes/byg/survey')).json).toEqual(created);
    // Creating again without the version is a stale edit.
    expect((await save('byg', definition())).status).toBe(409);

    const dup = definition();
    dup.sections[0]!.questions[1]!.id = 'stol';
    const refused = await save('byg', { ...dup, expectedUpdatedAt: created.updatedAt });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual([{ path: 'body.sections.0.questions.1.id', message: expect.stringContaining("'stol'") }]);

    const changed = await save('byg', { ...definition({ title: { da: 'Ny titel' } }), expectedUpdatedAt: created.updatedAt });
    expect(changed.status).toBe(200);
    const stale = await save('byg', { ...definition({ title: { da: 'Tabt ændring' } }), expectedUpdatedAt: created.updatedAt });
    expect(stale.status).toBe(409);
    expect(stale.json.type).toBe('/problems/survey-changed');
    expect((await stack.api('/processes/byg/survey')).json.title).toEqual({ da: 'Ny titel' });

    const log = (await stack.api('/moderation/log?processId=byg', { token: admin.token })).json;
    expect(log.items.filter((e: { action: string }) => e.action === 'survey-save')).toHaveLength(2);
    // A citizen may not save.
    expect((await save('byg', definition(), citizen.token)).status).toBe(403);
  });
});

describe('answering', () => {
  it('signed in: once, in the survey phase; the structure is then fixed but texts may change', async () => {
    const survey = await newSurvey('svar');
    expect((await stack.api('/processes/svar/survey/me', { token: citizen.token })).json).toEqual({ answered: false });

    const bad = await answer('svar', { stol: 9, brug: ['skole', 'pleje', 'trafik'], ukendt: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.answers.brug', 'body.answers.stol', 'body.answers.ukendt']);
    expect(bad.json.errors.find((e: { path: string }) => e.path === 'body.answers.stol').message).toBe('Vælg et tal fra 1 til 5');
    expect((await internal('svar')).answerCount).toBe(0);

    const ok = await answer('svar', { stol: 4, brug: ['skole'], hvorfor: 'Det sparer tid', alder: 'o30' });
    expect(ok.status).toBe(201);
    expect(ok.json).toEqual({ answered: true, day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await stack.api('/processes/svar/survey/me', { token: citizen.token })).json).toEqual({ answered: true });
    const again = await answer('svar', { stol: 1 });
    expect(again.status).toBe(409);
    expect(again.json.type).toBe('/problems/already-answered');
    expect((await internal('svar')).answerCount).toBe(1);

    const locked = surveySchema.parse((await stack.api('/processes/svar/survey')).json);
    expect(locked.firstAnswerAt).toBeDefined();
    const structural = definition();
    structural.sections[0]!.questions[0]!.required = false;
    const refused = await save('svar', { ...structural, expectedUpdatedAt: locked.updatedAt });
    expect(refused.status).toBe(409);
    expect(refused.json.type).toBe('/problems/survey-locked');
    const texts = definition();
    texts.sections[0]!.questions[0]!.text = { da: 'Jeg har tillid til AI' };
    // The first answer fixes the structure without making the builder's open copy stale.
    expect(locked.updatedAt).toBe(survey.updatedAt);
    expect((await save('svar', { ...texts, expectedUpdatedAt: locked.updatedAt })).status).toBe(200);
  });

  it('outside a survey phase is 409; anonymously only where allowed, once per browser', async () => {
    await newProcess('senere', [{ kind: 'ideas', title: { da: 'Idéer' }, startsAt: at(-1), endsAt: at(10) }, { kind: 'survey', title: { da: 'Spørgeskema' }, startsAt: at(10), endsAt: at(20) }] as never);
    expect((await save('senere', definition())).status).toBe(200);
    const closed = await answer('senere', { stol: 3 });
    expect(closed.status).toBe(409);
    expect(closed.json.type).toBe('/problems/phase-closed');

    await newSurvey('anon');
    const browser = token();
    expect((await anonymous('anon', { stol: 2 })).status).toBe(400);
    expect((await anonymous('anon', { stol: 2 }, browser)).status).toBe(201);
    expect((await anonymous('anon', { stol: 5 }, browser)).status).toBe(409);
    expect((await internal('anon')).answerCount).toBe(1);

    await newSurvey('kun-logget-ind', { anonymous: false });
    expect((await anonymous('kun-logget-ind', { stol: 2 }, token())).status).toBe(404);
    expect((await internal('kun-logget-ind')).answerCount).toBe(0);
  });

  it('THE ANONYMITY PROOF: no stored item holds both who answered and anything of what or which answer', async () => {
    await newSurvey('bevis');
    const person = await stack.user();
    const browser = token();
    const secret = `Min hemmelige grund ${token()}`;
    expect((await answer('bevis', { stol: 3, brug: ['trafik'], hvorfor: secret }, person.token)).status).toBe(201);
    expect((await anonymous('bevis', { stol: 1, hvorfor: `${secret} anonym` }, browser)).status).toBe(201);

    const items = await scanAll();
    const answers = items.filter((i) => i.type === 'surveyAnswer' && String(i.pk).startsWith('SURVEY#bevis#'));
    const texts = items.filter((i) => i.type === 'surveyText' && String(i.pk).startsWith('SURVEY#bevis#'));
    expect(answers).toHaveLength(2);
    expect(texts).toHaveLength(2);
    const answerIds = answers.map((a) => String(a.sk));
    const identities = [person.userId, browser, tokenHash(browser)];
    for (const item of items) {
      const json = JSON.stringify(item);
      const who = identities.filter((id) => json.includes(id));
      if (who.length === 0) continue;
      // An item that names the person or browser holds no answer id, no answer, no text and no time.
      for (const id of answerIds) expect(json).not.toContain(id);
      expect(json).not.toContain(secret);
      // (A signed-in person's marker is also in the byUser index, so deleting the account deletes it.)
      if (item.type === 'surveyMarker') expect(Object.keys(item).sort()).toEqual(json.includes(person.userId) ? ['gsiUser', 'gsiUserSk', 'pk', 'sk', 'type'] : ['pk', 'sk', 'type']);
    }
    // And the answers and texts name nobody, and sort by nothing but a random id.
    for (const item of [...answers, ...texts]) for (const id of identities) expect(JSON.stringify(item)).not.toContain(id);
    for (const a of answers) expect(String(a.sk)).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(answers[0]!).sort()).toEqual(['answers', 'day', 'pk', 'sk', 'type']);
  });

  it('200 people answering at once are counted exactly', async () => {
    await newSurvey('mange');
    const signedIn = await Promise.all(Array.from({ length: 5 }, () => stack.user()));
    const results = await Promise.all([
      ...Array.from({ length: 195 }, (_, i) => anonymous('mange', { stol: (i % 5) + 1, alder: i % 2 ? 'u30' : 'o30' }, token())),
      ...signedIn.map((u) => answer('mange', { stol: 3 }, u.token)),
    ]);
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const r = await internal('mange');
    expect(r.answerCount).toBe(200);
    expect(r.questions.find((q) => q.questionId === 'stol')!.distribution!.reduce((s, d) => s + d.count, 0)).toBe(200);
  }, 120_000);
});

describe('results and free texts', () => {
  it('are public only once published; a breakdown suppresses small groups; only approved texts are public', async () => {
    await newSurvey('res');
    for (let i = 0; i < 6; i++) expect((await anonymous('res', { stol: 4, alder: 'o30', hvorfor: `Grund ${i}` }, token())).status).toBe(201);
    for (let i = 0; i < 2; i++) expect((await anonymous('res', { stol: 1, alder: 'u30' }, token())).status).toBe(201);
    expect((await stack.api('/processes/res/survey/results')).status).toBe(404);
    expect((await stack.api('/processes/res/survey/publish', { method: 'POST', token: moderator.token, body: { published: true } })).status).toBe(403);
    expect((await stack.api('/processes/res/survey/publish', { method: 'POST', token: admin.token, body: { published: true } })).status).toBe(200);

    const split = surveyResultsSchema.parse((await stack.api('/processes/res/survey/results?by=alder')).json);
    expect(split.answerCount).toBe(8);
    const groups = Object.fromEntries(split.breakdown!.groups.map((g) => [g.value, g]));
    expect(groups.o30).toMatchObject({ count: 6, suppressed: false });
    expect(groups.u30).toEqual({ value: 'u30', count: 0, suppressed: true });
    expect((await stack.api('/processes/res/survey/results?by=stol')).status).toBe(400);

    const page = surveyTextListSchema.parse((await stack.api('/moderation/surveys/res/texts?limit=4', { token: moderator.token })).json);
    expect(page.items).toHaveLength(4);
    expect(page.nextCursor).not.toBeNull();
    const [first, second] = page.items;
    const review = (id: string, body: unknown, processId = 'res') => stack.api(`/moderation/surveys/${processId}/texts/${id}`, { method: 'POST', token: moderator.token, body });
    expect((await review(first!.id, { action: 'approve' })).json).toMatchObject({ id: first!.id, state: 'approved' });
    expect((await review(second!.id, { action: 'hide' })).status).toBe(400);
    expect((await review(second!.id, { action: 'hide', reason: 'Nævner en navngiven medarbejder' })).json).toMatchObject({ state: 'hidden' });
    expect((await review(first!.id, { action: 'hide', reason: 'Forkert proces' }, 'svar')).status).toBe(404);

    const hvorfor = surveyResultsSchema.parse((await stack.api('/processes/res/survey/results')).json).questions.find((q) => q.questionId === 'hvorfor')!;
    expect(hvorfor.texts).toEqual([{ id: first!.id, text: first!.text }]);
    const hidden = surveyTextListSchema.parse((await stack.api('/moderation/surveys/res/texts?state=hidden', { token: moderator.token })).json);
    expect(hidden.items.map((t) => [t.id, t.reason])).toEqual([[second!.id, 'Nævner en navngiven medarbejder']]);
    const log = (await stack.api('/moderation/log?processId=res', { token: admin.token })).json.items.map((e: { action: string }) => e.action);
    expect(log).toEqual(expect.arrayContaining(['survey-publish', 'survey-text-approve', 'survey-text-hide']));
  });
});

describe('export', () => {
  const download = async (id: string, query: string, token = moderator.token) => {
    const r = await fetch(`${stack.info.apiUrl}/processes/${id}/survey/export${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, headers: r.headers, bytes: new Uint8Array(await r.arrayBuffer()) };
  };

  it('writes one row per answer with approved texts only, as CSV for Danish Excel, XLSX with an overview, and JSON', async () => {
    await newSurvey('eksport');
    const formula = '=HYPERLINK("http://x")';
    for (const hvorfor of [formula, 'Skjules']) expect((await anonymous('eksport', { stol: 5, brug: ['skole', 'pleje'], hvorfor }, token())).status).toBe(201);
    expect((await anonymous('eksport', { stol: 2, alder: 'u30' }, token())).status).toBe(201);
    const texts = surveyTextListSchema.parse((await stack.api('/moderation/surveys/eksport/texts', { token: moderator.token })).json).items;
    const review = (text: string, body: unknown) =>
      stack.api(`/moderation/surveys/eksport/texts/${texts.find((t) => t.text === text)!.id}`, { method: 'POST', token: moderator.token, body });
    expect((await review(formula, { action: 'approve' })).status).toBe(200);

    const csv = await download('eksport', '?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/filename="deltag-eksport-spoergeskema-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(['Svar-id', 'Dag', 'Jeg stoler på AI', 'Hvor?', 'Hvorfor?', 'Alder']);
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).map((r) => r[4]).sort()).toEqual(['', '', `'${formula}`]);
    expect(text).not.toContain('Skjules');
    expect(rows.slice(1).map((r) => r[3]).sort()).toEqual(['', 'Skole, Pleje', 'Skole, Pleje']);

    const xlsx = await download('eksport', '?format=xlsx', admin.token);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Svar', 'Overblik']);
    expect(wb.getWorksheet('Svar')!.rowCount).toBe(4);
    expect(wb.getWorksheet('Overblik')!.getRow(2).values).toEqual([undefined, 'Antal besvarelser', 3]);

    const json = surveyExportSchema.parse((await stack.api('/processes/eksport/survey/export?format=json', { token: moderator.token })).json);
    expect(json.rows).toHaveLength(3);
    expect(json.summary.answerCount).toBe(3);
    expect(JSON.stringify(json)).not.toContain('Skjules');

    expect((await download('eksport', '?format=pdf')).status).toBe(400);
    expect((await download('eksport', '?format=csv', citizen.token)).status).toBe(403);
  });
});

describe('retention', () => {
  it('deletes who answered once the retention date has passed, and keeps the answers', async () => {
    await newSurvey('glemmes');
    const person = await stack.user();
    const browser = token();
    expect((await answer('glemmes', { stol: 2 }, person.token)).status).toBe(201);
    expect((await anonymous('glemmes', { stol: 4 }, browser)).status).toBe(201);
    const markers = async () => (await scanAll()).filter((i) => i.pk === 'SURVEY#glemmes#WHO');
    expect(await markers()).toHaveLength(2);

    const client = createDocumentClient(stack.info.dynamodbEndpoint);
    const past = new Date(Date.now() - 60_000).toISOString();
    await client.send(new UpdateCommand({ TableName: mainTable.localName, Key: keys.process('glemmes'), UpdateExpression: 'SET settings.personalDataUntil = :past', ExpressionAttributeValues: { ':past': past } }));
    const run = await runRetention();
    expect(run.erased.find((r) => r.processId === 'glemmes')).toMatchObject({ surveyMarkers: 2 });
    expect(await markers()).toEqual([]);
    expect((await internal('glemmes')).answerCount).toBe(2);
  });
});

describe('bad input', () => {
  it('is a 4xx problem with Danish field messages, and changes nothing', async () => {
    const survey = await newSurvey('fejl');
    const before = await scanAll();
    const cases: [Promise<{ status: number; json: any }>, number][] = [
      [stack.api('/processes/fejl/survey', { method: 'PUT', token: moderator.token, rawBody: '{"title":', headers: { 'content-type': 'application/json' } }), 400],
      [save('fejl', { ...definition(), ekstra: true, expectedUpdatedAt: survey.updatedAt }), 400],
      [save('fejl', { ...definition({ sections: [] }), expectedUpdatedAt: survey.updatedAt }), 400],
      [save('findes-ikke', definition()), 404],
      [answer('fejl', { stol: 'fem' }), 400],
      [answer('fejl', {}), 400],
      [answer('findes-ikke', { stol: 3 }), 404],
      [anonymous('fejl', { stol: 3 }, 'kort'), 400],
      [stack.api('/processes/fejl/survey/anonymous-answers', { method: 'POST', body: { answers: { stol: 3 }, browserToken: token() }, headers: { 'content-type': 'text/plain' } }), 415],
      [stack.api('/moderation/surveys/fejl/results?by=findes-ikke', { token: moderator.token }), 400],
      [stack.api('/moderation/surveys/fejl/texts?cursor=noget-vrøvl', { token: moderator.token }), 400],
      [stack.api('/moderation/surveys/fejl/texts/findes-ikke', { method: 'POST', token: moderator.token, body: { action: 'approve' } }), 404],
      [stack.api('/moderation/surveys/fejl/texts/findes-ikke', { method: 'POST', token: moderator.token, body: { action: 'slet' } }), 400],
      [stack.api('/processes/fejl/survey/export?format=csv&sep=tab', { token: moderator.token }), 400],
      [stack.api('/processes/fejl/survey/publish', { method: 'POST', token: admin.token, body: { published: 'ja' } }), 400],
    ];
    for (const [call, status] of cases) {
      const r = await call;
      expect(r.status, JSON.stringify(r.json)).toBe(status);
      expect(r.json).toMatchObject({ status, title: expect.any(String) });
    }
    const missing = (await answer('fejl', {})).json;
    expect(missing.errors).toEqual([{ path: 'body.answers.stol', message: 'Besvar dette spørgsmål' }]);
    expect(await scanAll()).toEqual(before);
  });
});

describe('account deletion', () => {
  it('deletes the markers of the surveys the person answered; the answers name nobody and stay', async () => {
    await newSurvey('slettes');
    const person = await stack.user();
    expect((await answer('slettes', { stol: 5 }, person.token)).status).toBe(201);
    const markersOf = async () => (await scanAll()).filter((i) => i.type === 'surveyMarker' && JSON.stringify(i).includes(person.userId));
    expect(await markersOf()).toHaveLength(1);
    expect((await stack.api('/me', { method: 'DELETE', token: person.token })).status).toBe(204);
    expect(await markersOf()).toEqual([]);
    expect((await internal('slettes')).answerCount).toBe(1);
  });
});
