import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { monotonicFactory } from 'ulid';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { commentStore } from '#functions/adapters/dynamodb/comments';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { surveyStore } from '#functions/adapters/dynamodb/surveys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { createComment } from '#functions/domain/comments';
import { createIdea } from '#functions/domain/ideas';
import type { Actor } from '#functions/lib/auth';
import { assistedUserId, type AssistedChannel } from '#shared/rules/assisted';
import { commentCreateSchema } from '#shared/schemas/comment';
import { exportDocumentSchema } from '#shared/schemas/export';
import { ideaCreateSchema } from '#shared/schemas/idea';
import { validIdea } from '../fixtures/ideas';
import { parseCsv } from '../helpers/csv';
import { decideOk } from '../helpers/moderation';
import { type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The committee export's channel shares against the local stack: ideas, comments and survey answers
 * that came in on the web (through the API) and through an assistant (the use cases called with an
 * assisted actor, as the assisted routes call them, on the same DynamoDB Local), counted per channel in
 * the JSON, the CSV's channel block and the XLSX's "Kanaler" sheet. Only public ideas and visible
 * comments count.
 */

const PROCESS = 'ai-i-gentofte';
const EXPORT = `/processes/${PROCESS}/export`;
const ulid = monotonicFactory();

let stack: TestStack;
let committee: User;
let moderator: User;

/** The use cases on the stack's own table, as a function would build them. */
function domain() {
  const client = createDocumentClient(stack.info.dynamodbEndpoint);
  const table = mainTable.localName;
  return {
    processes: processStore(client, table),
    ideas: ideaStore(client, table),
    profiles: profileStore(client, table),
    comments: commentStore(client, table),
    surveys: surveyStore(client, table),
    clock: { now: () => new Date() },
    newId: (now: Date) => ulid(now.getTime()),
  };
}

/** An assistant acting for a citizen through `channel`: the citizen's own identity, with a profile as the assisted routes make it. */
async function assisted(channel: AssistedChannel, personId = ulid()): Promise<Actor> {
  const at = new Date().toISOString();
  const userId = assistedUserId(personId);
  await domain().profiles.put({ userId, displayName: `Borger ${personId.slice(-4)}`, participantType: 'citizen', createdAt: at, updatedAt: at });
  return { userId, roles: [], assisted: { assistantId: 'assistant-1', assistantName: 'Bodil Borgerservice', channel } };
}

const assistedIdea = async (channel: AssistedChannel, title: string) =>
  (await createIdea(domain(), await assisted(channel), PROCESS, ideaCreateSchema.parse(validIdea({ title })))).id;

async function answer(channel?: AssistedChannel) {
  const entry = { id: ulid(), day: new Date().toISOString().slice(0, 10), answers: {}, ...(channel ? { channel } : {}) };
  expect(await domain().surveys.answer({ processId: PROCESS, respondent: { userId: channel ? assistedUserId(ulid()) : `web-${ulid()}` }, answer: entry, texts: [] })).toBe('answered');
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await testStack();
  [committee, moderator] = await Promise.all([stack.user({ role: 'committee' }), stack.user({ role: 'moderator' })]);
  const author = await stack.user({ name: 'Webforfatter' });
  const post = async (title: string) => {
    const r = await stack.api(`/processes/${PROCESS}/ideas`, { method: 'POST', token: author.token, body: validIdea({ title }) });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return r.json.id as string;
  };
  // Ideas: 3 on the web (one of them hidden later), 2 at the desk, 1 by phone, 1 on paper (hidden later).
  ids.web1 = await post('Webidé et');
  ids.web2 = await post('Webidé to');
  ids.webHidden = await post('Webidé der skjules');
  ids.desk1 = await assistedIdea('assisted-in-person', 'Idé fra skranken');
  ids.desk2 = await assistedIdea('assisted-in-person', 'Endnu en idé fra skranken');
  ids.phone = await assistedIdea('assisted-phone', 'Idé i telefonen');
  ids.paperHidden = await assistedIdea('paper', 'Papiridé der skjules');
  await decideOk(stack, moderator.token, ids.webHidden, { action: 'hide', reason: 'Skjult i testen' });
  await decideOk(stack, moderator.token, ids.paperHidden, { action: 'hide', reason: 'Skjult i testen' });

  // Comments: 2 on the web (one deleted by its author), 1 by phone, 1 on paper as a reply; 1 on a hidden idea (not counted).
  const commenter = await stack.user({ name: 'Kommentator' });
  const say = async (ideaId: string, body: string, parentId?: string) => {
    const r = await stack.api(`/ideas/${ideaId}/comments`, { method: 'POST', token: commenter.token, body: { body, ...(parentId ? { parentId } : {}) } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return r.json.id as string;
  };
  const first = await say(ids.web1, 'Godt forslag.');
  const deleted = await say(ids.desk1, 'Jeg trækker den tilbage.');
  expect((await stack.api(`/comments/${deleted}`, { method: 'DELETE', token: commenter.token })).status).toBe(204);
  await say(ids.desk2, 'Enig.');
  await createComment(domain(), await assisted('assisted-phone'), ids.web2, commentCreateSchema.parse({ body: 'Sagt i telefonen.' }));
  await createComment(domain(), await assisted('paper'), ids.web1, commentCreateSchema.parse({ body: 'Fra papirskemaet.', parentId: first }));
  await createComment(domain(), await assisted('paper'), ids.desk1, commentCreateSchema.parse({ body: 'Også fra papir.' }));

  // Survey answers, as the survey store writes them: 2 on the web, 1 at the desk, 2 on paper.
  for (const channel of [undefined, undefined, 'assisted-in-person', 'paper', 'paper'] as const) await answer(channel);
}, 120_000);
afterAll(() => stack?.stop());

const zero = { web: 0, 'assisted-in-person': 0, 'assisted-phone': 0, paper: 0, event: 0 };
const expected = {
  ideas: { ...zero, web: 2, 'assisted-in-person': 2, 'assisted-phone': 1 },
  comments: { ...zero, web: 2, 'assisted-phone': 1, paper: 2 },
  surveyAnswers: { ...zero, web: 2, 'assisted-in-person': 1, paper: 2 },
};

async function download(format: 'csv' | 'xlsx') {
  const r = await fetch(`${stack.info.apiUrl}${EXPORT}?format=${format}`, { headers: { authorization: `Bearer ${committee.token}` } });
  expect(r.status).toBe(200);
  return new Uint8Array(await r.arrayBuffer());
}

describe('channel shares in the export', () => {
  it('JSON: public ideas, visible comments and survey answers counted per channel (absent: web)', async () => {
    const r = await stack.api(`${EXPORT}?format=json`, { token: committee.token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const doc = exportDocumentSchema.parse(r.json);
    expect(doc.summary.channels).toEqual(expected);
    // The shares' totals are the summary's own figures.
    expect(Object.values(doc.summary.channels.ideas).reduce((a, b) => a + b)).toBe(doc.summary.ideas);
    expect(Object.values(doc.summary.channels.comments).reduce((a, b) => a + b)).toBe(doc.summary.comments);
    // The public idea shows where it came from.
    expect((await stack.api(`/ideas/${ids.phone}`)).json.channel).toBe('assisted-phone');
  });

  it('CSV: after the ideas and an empty line, a block with each channel’s counts and shares in Danish', async () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await download('csv')).slice(1);
    const rows = parseCsv(text, ';');
    const start = rows.findIndex((row) => row[0] === 'Kanal');
    expect(rows[start - 1]).toEqual(['']);
    // The block ends at the next empty line (the recommendations' block follows).
    expect(rows.slice(start, start + 7)).toEqual([
      ['Kanal', 'Idéer', 'Andel af idéer', 'Kommentarer', 'Andel af kommentarer', 'Svar på spørgeskemaet', 'Andel af svar'],
      ['På nettet', '2', '40 %', '2', '40 %', '2', '40 %'],
      ['Borgerservice, fremmøde', '2', '40 %', '0', '0 %', '1', '20 %'],
      ['Borgerservice, telefon', '1', '20 %', '1', '20 %', '0', '0 %'],
      ['Papirskema', '0', '0 %', '2', '40 %', '2', '40 %'],
      ['Arrangement', '0', '0 %', '0', '0 %', '0', '0 %'],
      [''],
    ]);
  });

  it('XLSX: a "Kanaler" sheet with the same figures, counts as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('xlsx')).buffer as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Idéer', 'Regel', 'Overblik', 'Kanaler', 'Anbefalinger']);
    const sheet = wb.getWorksheet('Kanaler')!;
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Array.isArray).map((row) => row.slice(1));
    expect(rows).toEqual([
      ['Kanal', 'Idéer', 'Andel af idéer', 'Kommentarer', 'Andel af kommentarer', 'Svar på spørgeskemaet', 'Andel af svar'],
      ['På nettet', 2, '40 %', 2, '40 %', 2, '40 %'],
      ['Borgerservice, fremmøde', 2, '40 %', 0, '0 %', 1, '20 %'],
      ['Borgerservice, telefon', 1, '20 %', 1, '20 %', 0, '0 %'],
      ['Papirskema', 0, '0 %', 2, '40 %', 2, '40 %'],
      ['Arrangement', 0, '0 %', 0, '0 %', 0, '0 %'],
    ]);
  });
});
