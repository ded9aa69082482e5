import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { exportStore } from '#functions/adapters/dynamodb/export';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { exportDocumentSchema, type ExportDocument } from '#shared/schemas/export';
import type { IdeaCreateInput } from '#shared/schemas/idea';
import type { ParticipantType } from '#shared/schemas/user';
import { validIdea } from '../fixtures/ideas';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The committee export against the local stack. One data set is built through the API (ideas, votes,
 * a comment, flags, a merge by a moderator) plus moderation outcomes written directly to DynamoDB in
 * the shape the moderation feature writes them (a second merge, a hidden idea, an official answer,
 * audit entries), so each case is set up exactly.
 */

const PROCESS = 'ai-i-gentofte';
const EXPORT = `/processes/${PROCESS}/export`;

type User = Awaited<ReturnType<TestStack['user']>>;

let stack: TestStack;
let committee: User;
let moderator: User;
const ids = {} as Record<'top' | 'a' | 'b' | 't1' | 'l' | 'z' | 'held' | 'hidden' | 'm1' | 'm2', string>;
const titles = {
  top: 'Ældre får hjælp på øen – åbent for alle',
  a: '=HYPERLINK("http://x")',
  t1: '+cmd /c calc',
  l: 'Idé med "citat"; og semikolon',
};

beforeAll(async () => {
  stack = await testStack();
  const db = createDocumentClient(stack.info.dynamodbEndpoint);
  const TableName = mainTable.localName;
  [committee, moderator] = await Promise.all([stack.user({ role: 'committee' }), stack.user({ role: 'moderator' })]);

  // Six voters: three citizens, two businesses, one employee. Two authors (five ideas an hour each).
  const types: ParticipantType[] = ['citizen', 'citizen', 'business', 'business', 'employee', 'citizen'];
  const voters = await Promise.all(types.map((type) => stack.user({ type })));
  const [author1, author2] = await Promise.all([stack.user({ name: 'Idéforfatter Et' }), stack.user({ type: 'business', name: 'Idéforfatter To' })]);

  const post = async (author: User, overrides: Partial<IdeaCreateInput>) => {
    const r = await stack.api(`/processes/${PROCESS}/ideas`, { method: 'POST', token: author.token, body: validIdea(overrides) });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return r.json.id as string;
  };
  // Created one by one: createdAt breaks ties, so the order of creation matters.
  ids.top = await post(author1, { title: titles.top, area: 'erhverv' });
  ids.a = await post(author1, { title: titles.a });
  ids.b = await post(author1, { title: 'Dublet af idé A' });
  ids.t1 = await post(author1, { title: titles.t1 });
  ids.l = await post(author1, { title: titles.l });
  ids.z = await post(author2, { title: 'Idé uden stemmer', area: 'boern-og-unge' });
  ids.held = await post(author2, { title: 'Idé der bliver anmeldt' });
  ids.hidden = await post(author2, { title: 'Idé der bliver skjult' });
  ids.m1 = await post(author2, { title: 'Idé der får en dublet', area: 'by-miljoe-klima' });
  ids.m2 = await post(author2, { title: 'Dublet der lægges sammen af en moderator', area: 'by-miljoe-klima' });

  const vote = async (ideaId: string, who: number[]) => {
    for (const i of who) {
      const r = await stack.api(`/ideas/${ideaId}/vote`, { method: 'PUT', token: voters[i]!.token });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
    }
  };
  await vote(ids.top, [0, 1, 2, 3, 4]);
  await vote(ids.a, [0, 1]);
  await vote(ids.b, [1, 2]);
  await vote(ids.t1, [3, 4, 5]);
  await vote(ids.l, [5]);
  await vote(ids.held, [0, 1, 2, 3, 4, 5]);
  await vote(ids.hidden, [0, 1, 2, 3, 4, 5]);
  await vote(ids.m1, [0, 3]);
  await vote(ids.m2, [3, 4, 5]);

  const comment = await stack.api(`/ideas/${ids.t1}/comments`, { method: 'POST', token: voters[0]!.token, body: { body: 'God idé, men husk dem uden computer.' } });
  expect(comment.status, JSON.stringify(comment.json)).toBe(201);

  // Three distinct flags hold the idea for moderation: out of every public list.
  for (const i of [0, 1, 2]) {
    const r = await stack.api(`/ideas/${ids.held}/flags`, { method: 'POST', token: voters[i]!.token, body: { reason: 'spam' } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  }

  const update = (ideaId: string, expression: string, values: Record<string, unknown> = {}) =>
    db.send(
      new UpdateCommand({
        TableName,
        Key: { pk: `IDEA#${ideaId}`, sk: 'IDEA' },
        UpdateExpression: expression,
        ExpressionAttributeNames: expression.includes('#s') ? { '#s': 'status' } : undefined,
        ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  // M2 merged into M1 by a moderator, through the API: M1's supporters are v0, v3, v4, v5.
  const merged = await stack.api(`/ideas/${ids.m2}/moderation`, {
    method: 'POST',
    token: moderator.token,
    body: { action: 'merge', reason: 'Samme idé som en tidligere.', targetId: ids.m1 },
  });
  expect(merged.status, JSON.stringify(merged.json)).toBe(200);

  // B merged into A, written as the moderation feature writes it.
  await update(ids.b, 'SET #s = :merged, mergedInto = :a REMOVE gsiList, gsiArea', { ':merged': 'merged', ':a': ids.a });
  await update(ids.a, 'SET mergedFrom = :from', { ':from': [ids.b] });
  await update(ids.hidden, 'SET #s = :hidden REMOVE gsiList, gsiArea', { ':hidden': 'hidden' });
  await update(ids.l, 'SET #s = :selected, officialAnswer = :answer', { ':selected': 'selected', ':answer': 'Udvalget arbejder videre med idéen.' });

  // Audit entries: the process log counts; the per-target copy must not count twice.
  for (const action of ['merge', 'hide', 'hide']) {
    const id = ulid();
    const entry = { id, processId: PROCESS, action, targetKind: 'idea', targetId: ids.b, at: new Date().toISOString() };
    await db.send(new PutCommand({ TableName, Item: { pk: `AUDIT#${PROCESS}`, sk: id, ...entry } }));
    await db.send(new PutCommand({ TableName, Item: { pk: `AUDIT#T#${ids.b}`, sk: id, ...entry } }));
  }
}, 120_000);
afterAll(() => stack?.stop());

/** A raw download: status, headers and the bytes. */
async function download(query: string, token = committee.token) {
  const response = await fetch(`${stack.info.apiUrl}${EXPORT}${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function json(query = '', token = committee.token): Promise<ExportDocument> {
  const r = await stack.api(`${EXPORT}?format=json${query}`, { token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return exportDocumentSchema.parse(r.json);
}

/** RFC 4180 reader for the tests: fields, quoted fields with doubled quotes and line breaks, CRLF records. */
function parseCsv(text: string, sep: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) record.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += ch;
  }
  expect(field, 'the file ends with CRLF').toBe('');
  return records;
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());

describe('access', () => {
  it('is for the committee and moderators only', async () => {
    const [citizen, admin] = await Promise.all([stack.user(), stack.user({ role: 'admin' })]);
    expect((await stack.api(`${EXPORT}?format=json`)).status).toBe(401);
    expect((await stack.api(`${EXPORT}?format=json`, { token: citizen.token })).status).toBe(403);
    expect((await stack.api(`${EXPORT}?format=json`, { token: admin.token })).status).toBe(403);
    expect((await stack.api(`${EXPORT}?format=json`, { token: committee.token })).status).toBe(200);
    expect((await stack.api(`${EXPORT}?format=json`, { token: moderator.token })).status).toBe(200);
    expect((await download('?format=csv', citizen.token)).status).toBe(403);
  });

  it('refuses bad queries with 400 and an unknown process with 404', async () => {
    for (const query of ['format=pdf', 'top=0', 'top=1001', 'top=abc', 'status=hidden', 'sep=%7C', 'area=%C3%86', 'extra=1']) {
      const r = await stack.api(`${EXPORT}?${query}`, { token: committee.token });
      expect(r.status, query).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const r = await stack.api(`/processes/findes-ikke/export?format=json`, { token: committee.token });
    expect(r.status).toBe(404);
  });
});

describe('JSON', () => {
  it('ranks by distinct supporters, then age, and counts merged supporters once', async () => {
    const doc = await json();
    expect(doc.rows.map((r) => r.id)).toEqual([ids.top, ids.m1, ids.a, ids.t1, ids.l, ids.z]);
    expect(doc.rows.map((r) => [r.rank, r.votes])).toEqual([
      [1, 5],
      [2, 4],
      [3, 3],
      [4, 3],
      [5, 1],
      [6, 0],
    ]);
    const [top, m1, a, t1, l] = doc.rows;
    // v0, v1 on A and v1, v2 on B: three people, v1 once.
    expect(a).toMatchObject({ title: titles.a, votes: 3, votesByType: { citizen: 2, business: 1, employee: 0 } });
    // v0, v3 on M1 and v3, v4, v5 on M2 (merged through the moderation API): four people.
    expect(m1).toMatchObject({ votes: 4, votesByType: { citizen: 2, business: 1, employee: 1 }, area: 'By, miljø og klima' });
    expect(top).toMatchObject({
      title: titles.top,
      area: 'Erhverv',
      effects: ['Effektivitet', 'Bedre arbejdsmiljø'],
      beneficiaries: ['employees', 'citizens'],
      status: 'published',
      officialAnswer: '',
      votesByType: { citizen: 2, business: 2, employee: 1 },
      link: `${stack.info.webUrl}/forloeb/${PROCESS}/ideer/${ids.top}`,
    });
    // Every link is absolute, on the stack's web address: the file is read outside the site.
    expect(stack.info.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(doc.rows.map((r) => r.link)).toEqual(doc.rows.map((r) => `${stack.info.webUrl}/forloeb/${PROCESS}/ideer/${r.id}`));
    expect(t1).toMatchObject({ comments: 1, area: 'Ældre, sundhed og omsorg' });
    expect(l).toMatchObject({ status: 'selected', officialAnswer: 'Udvalget arbejder videre med idéen.' });
  });

  it('never shows merged, held or hidden ideas, however many votes they have', async () => {
    const doc = await json('&top=1000');
    const listed = doc.rows.map((r) => r.id);
    for (const id of [ids.b, ids.m2, ids.held, ids.hidden]) expect(listed).not.toContain(id);
    // The store alone already leaves them out: they are not on the sparse list index it reads.
    const store = exportStore(createDocumentClient(stack.info.dynamodbEndpoint), mainTable.localName);
    const read = (await store.publicIdeas(PROCESS)).map((i) => i.id);
    expect(read.sort()).toEqual([ids.top, ids.m1, ids.a, ids.t1, ids.l, ids.z].sort());
  });

  it('carries the rule, the statement on automated processing and no personal data', async () => {
    const r = await stack.api(`${EXPORT}?format=json`, { token: committee.token });
    const doc = exportDocumentSchema.parse(r.json);
    expect(doc.processTitle).toBe('AI i Gentofte Kommune');
    expect(doc.rule).toMatch(/^Top 20 efter antal stemmer blandt idéer med status offentliggjort, under behandling, udvalgt, ikke udvalgt eller gennemført\. Hver person/);
    expect(doc.automatedProcessing).toMatch(/Ingen automatisk behandling/);
    expect(doc.automatedProcessing).toMatch(/mennesker/);
    const text = JSON.stringify(r.json);
    for (const secret of ['Idéforfatter', '@example.dk', 'authorId', 'authorName', 'userId']) expect(text).not.toContain(secret);
  });

  it('sums up the whole process', async () => {
    const { summary } = await json('&top=1');
    expect(summary).toEqual({
      ideas: 6,
      ideasByArea: {
        'Børn og unge': 1,
        'Ældre, sundhed og omsorg': 3,
        'Social og beskæftigelse': 0,
        'Borgerservice og administration': 0,
        'By, miljø og klima': 1,
        'Kultur, idræt og fritid': 0,
        Erhverv: 1,
        'Arbejdsplads og medarbejdere': 0,
      },
      ideasByStatus: { published: 5, under_review: 0, selected: 1, not_selected: 0, implemented: 0 },
      // Voters of public ideas (and of the idea merged into one), and their authors; each person once.
      participants: { citizen: 4, business: 3, employee: 1 },
      votes: 16,
      votesByType: { citizen: 8, business: 5, employee: 3 },
      votesByArea: expect.objectContaining({ Erhverv: 5, 'Ældre, sundhed og omsorg': 7, 'By, miljø og klima': 4, 'Børn og unge': 0 }),
      comments: 1,
      // Two entries written here and the moderator's merge, from the audit log the moderation feature keeps.
      moderation: { merge: 2, hide: 2 },
      pending: 0,
      flagged: 1,
      // Everything here came in on the web (the other channels: export-channels.test.ts).
      channels: {
        ideas: { web: 6, 'assisted-in-person': 0, 'assisted-phone': 0, paper: 0, event: 0 },
        comments: { web: 1, 'assisted-in-person': 0, 'assisted-phone': 0, paper: 0, event: 0 },
        surveyAnswers: { web: 0, 'assisted-in-person': 0, 'assisted-phone': 0, paper: 0, event: 0 },
      },
    });
  });

  it('takes the top N and filters by area and status', async () => {
    expect((await json('&top=2')).rows.map((r) => r.id)).toEqual([ids.top, ids.m1]);
    expect((await json('&area=erhverv')).rows.map((r) => r.id)).toEqual([ids.top]);
    const selected = await json('&status=selected');
    expect(selected.rows.map((r) => [r.rank, r.id])).toEqual([[1, ids.l]]);
    expect(selected.rule).toMatch(/blandt idéer med status udvalgt\./);
    expect((await json('&area=boern-og-unge&status=selected')).rows).toEqual([]);
    expect((await json('&area=boern-og-unge')).rule).toMatch(/inden for området Børn og unge/);
  });
});

describe('CSV', () => {
  it('is UTF-8 with BOM, ";" and CRLF, neutralises formulas and keeps æ, ø, å', async () => {
    const r = await download('?format=csv');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toContain(`filename="deltag-${PROCESS}-top20-${today()}.csv"`);
    expect([...r.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(r.bytes).slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);

    const all = parseCsv(text, ';');
    // The ideas, an empty line, then the channel shares (export-channels.test.ts).
    const blank = all.findIndex((row) => row.length === 1 && row[0] === '');
    expect(all[blank + 1]![0]).toBe('Kanal');
    const [header, ...rows] = all.slice(0, blank);
    expect(header).toEqual([
      'Placering', 'Id', 'Titel', 'Område', 'Forventede effekter', 'Hvem gavner det', 'Status', 'Officielt svar',
      'Stemmer i alt', 'Stemmer fra borgere', 'Stemmer fra erhvervsdrivende', 'Stemmer fra medarbejdere', 'Kommentarer', 'Oprettet', 'Link',
      'AI-forordning', 'DPIA nødvendig', 'Berører digitalt udfordrede', 'Dataetiske bemærkninger',
    ]);
    expect(rows.map((row) => row[1])).toEqual([ids.top, ids.m1, ids.a, ids.t1, ids.l, ids.z]);
    expect(rows[0]).toEqual([
      '1', ids.top, titles.top, 'Erhverv', 'Effektivitet, Bedre arbejdsmiljø', 'Medarbejdere, Borgere', 'Offentliggjort', '',
      '5', '2', '2', '1', '0', today(), `${stack.info.webUrl}/forloeb/${PROCESS}/ideer/${ids.top}`, '', '', '', '',
    ]);
    // Formula-like titles become text with a leading apostrophe; the rest of the text is untouched.
    expect(rows[2]![2]).toBe(`'${titles.a}`);
    expect(rows[3]![2]).toBe(`'${titles.t1}`);
    expect(rows[4]!.slice(2, 8)).toEqual([titles.l, 'Ældre, sundhed og omsorg', 'Effektivitet, Bedre arbejdsmiljø', 'Medarbejdere, Borgere', 'Udvalgt', 'Udvalget arbejder videre med idéen.']);
    // The raw lines: quoted only where needed.
    const lines = text.split('\r\n');
    expect(lines[3]).toContain(`;"'=HYPERLINK(""http://x"")";`);
    expect(lines[4]).toContain(`;'+cmd /c calc;`);
    expect(lines[5]).toContain(`;"Idé med ""citat""; og semikolon";`);
  });

  it('uses "," with sep=,', async () => {
    const r = await download('?format=csv&sep=%2C&top=1');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.bytes);
    expect(text.startsWith('\uFEFFPlacering,Id,Titel,Område,')).toBe(true);
    const rows = parseCsv(text.slice(1), ',');
    // Header and the top idea, an empty line, the channels' header and five channels, an empty line and the recommendations' header (none here).
    expect(rows).toHaveLength(2 + 1 + 6 + 1 + 1);
    expect(rows[2]).toEqual(['']);
    expect(rows[1]!.slice(0, 5)).toEqual(['1', ids.top, titles.top, 'Erhverv', 'Effektivitet, Bedre arbejdsmiljø']);
    expect(text.split('\r\n')[1]).toContain(',"Effektivitet, Bedre arbejdsmiljø","Medarbejdere, Borgere",');
  });
});

describe('XLSX', () => {
  it('has the ideas sheet with a bold, frozen, filtered header, and the rule sheet', async () => {
    const r = await download('?format=xlsx');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers.get('content-disposition')).toContain(`filename="deltag-${PROCESS}-top20-${today()}.xlsx"`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Idéer', 'Regel', 'Overblik', 'Kanaler', 'Anbefalinger']);
    const sheet = wb.getWorksheet('Idéer')!;
    const header = sheet.getRow(1);
    expect((header.values as unknown[]).slice(1, 4)).toEqual(['Placering', 'Id', 'Titel']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(3).width).toBeGreaterThan(20);

    expect(sheet.rowCount).toBe(7);
    const column = (n: number) => Array.from({ length: 6 }, (_, i) => sheet.getRow(i + 2).getCell(n).value);
    expect(column(2)).toEqual([ids.top, ids.m1, ids.a, ids.t1, ids.l, ids.z]);
    expect(column(1)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(column(9)).toEqual([5, 4, 3, 3, 1, 0]);
    // Text cells, never formulas: the title is kept exactly and cannot run.
    const a = sheet.getRow(4).getCell(3);
    expect(a.value).toBe(titles.a);
    expect(a.type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(2).getCell(3).value).toBe(titles.top);
    expect(sheet.getRow(2).getCell(14).value).toEqual(new Date(`${today()}T00:00:00Z`));
    // The link is a real hyperlink to the absolute address, clickable in Excel.
    const link = `${stack.info.webUrl}/forloeb/${PROCESS}/ideer/${ids.top}`;
    expect(sheet.getRow(2).getCell(15).value).toEqual({ text: link, hyperlink: link });

    const rule = wb.getWorksheet('Regel')!;
    const pairs = Object.fromEntries(rule.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])));
    expect(pairs.Regel).toMatch(/^Top 20 efter antal stemmer blandt idéer med status offentliggjort, under behandling, udvalgt, ikke udvalgt eller gennemført/);
    expect(pairs['Automatisk behandling']).toMatch(/Ingen automatisk behandling/);
    const overview = Object.fromEntries(wb.getWorksheet('Overblik')!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])));
    expect(overview).toMatchObject({
      'Offentlige idéer i alt': 6,
      'Stemmer i alt': 16,
      'Tilbageholdt efter anmeldelser (idéer og kommentarer)': 1,
      'Moderationsbeslutninger, Lagt sammen': 2,
      'Moderationsbeslutninger, Skjult': 2,
    });
  });
});
