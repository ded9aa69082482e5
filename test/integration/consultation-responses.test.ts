import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentExportSchema, documentViewSchema, myResponseListSchema, responseListSchema, responseSchema } from '#shared/schemas/consultation';
import { keys } from '#functions/adapters/dynamodb/keys';
import { myDataExportSchema } from '#shared/schemas/me';
import { DOCUMENT, joinFollowGroup, respond, respondableProcess } from '../helpers/consultation-responses';
import { table, usersInBatches, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';
import { runRetention } from '#local/retention';

/**
 * Responses to a consultation's paragraphs through the local gateway against DynamoDB Local: one per
 * person, paragraph and round; the edit window; counters exact under concurrency; flags, moderation
 * and the committee's answers; Min side's list; the export.
 */

const PROCESS = 'hoering';
const D = `/processes/${PROCESS}/documents/${DOCUMENT}`;
let stack: TestStack;
let admin: User;
let moderator: User;
let committee: User;
let citizen: User;
let member: User;
let joinToken: string;

const view = async () => documentViewSchema.parse((await stack.api(D)).json);
const figuresOf = async (paragraphNo: number, roundId: string) => (await view()).figures.find((f) => f.paragraphNo === paragraphNo)!.byRound.find((r) => r.roundId === roundId)!;

beforeAll(async () => {
  stack = await testStack();
  [admin, moderator, committee, citizen, member] = await Promise.all([
    stack.user({ role: 'admin', name: 'Sekretariatet' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ role: 'committee', name: 'Udvalgsmedlem' }),
    stack.user({ name: 'Birgitte Borger', type: 'citizen' }),
    stack.user({ name: 'Mads Medarbejder', type: 'employee' }),
  ]);
  ({ joinToken } = await respondableProcess(stack, admin, PROCESS));
  await joinFollowGroup(stack, PROCESS, member, joinToken);
}, 120_000);
afterAll(() => stack?.stop());

describe('responding', () => {
  it('lists the published document with its rounds, and shows it with zero figures per paragraph and round', async () => {
    const list = await stack.api(`/processes/${PROCESS}/documents`);
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([expect.objectContaining({ id: DOCUMENT, currentVersion: 1, comments: 0, answered: 0 })]);
    expect(list.json.rounds.map((r: { id: string }) => r.id)).toEqual(['foelgegruppe', 'offentlig', 'senere', 'forbi', 'foelgegruppe-2']);
    expect(JSON.stringify(list.json)).not.toMatch(/inviteToken/);

    const doc = await view();
    expect(doc.figures.map((f) => f.paragraphNo)).toEqual([1, 2, 3]);
    expect(doc.figures[0]!.byRound[0]).toEqual({ roundId: 'foelgegruppe', total: { agree: 0, neutral: 0, disagree: 0 }, byType: {} });
  });

  it('takes one response per person, paragraph and round, counted in its round and the author\'s type', async () => {
    const first = await respond(stack, PROCESS, citizen, { paragraphNo: 1, position: 'disagree', comment: 'Hvem har ansvaret, hvis det går galt?' });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(responseSchema.parse(first.json)).toMatchObject({ version: 1, paragraphNo: 1, roundKind: 'public', state: 'visible', authorName: 'Birgitte Borger', authorType: 'citizen' });

    const second = await respond(stack, PROCESS, citizen, { paragraphNo: 1, position: 'agree' });
    expect(second.status).toBe(409);
    expect(second.json.type).toBe('/problems/already-responded');
    expect(second.json.detail).toMatch(/allerede svaret/);

    expect(await figuresOf(1, 'offentlig')).toEqual({ roundId: 'offentlig', total: { agree: 0, neutral: 0, disagree: 1 }, byType: { citizen: { agree: 0, neutral: 0, disagree: 1 } } });
    expect((await view()).comments).toBe(1);
    const comments = responseListSchema.parse((await stack.api(`${D}/responses?paragraph=1`)).json);
    expect(comments.items.map((c) => c.comment)).toEqual(['Hvem har ansvaret, hvis det går galt?']);
  });

  it('keeps the follow-group\'s round to its members (403 not-member), and counts a member\'s input in that round', async () => {
    const outsider = await respond(stack, PROCESS, citizen, { paragraphNo: 2, position: 'agree', roundId: 'foelgegruppe' });
    expect(outsider.status).toBe(403);
    expect(outsider.json.type).toBe('/problems/not-member');

    const inside = await respond(stack, PROCESS, member, { paragraphNo: 2, position: 'agree', comment: 'Godt, at det står klart.', roundId: 'foelgegruppe' });
    expect(inside.status, JSON.stringify(inside.json)).toBe(201);
    expect(inside.json.roundKind).toBe('invited');
    expect(await figuresOf(2, 'foelgegruppe')).toMatchObject({ total: { agree: 1, neutral: 0, disagree: 0 }, byType: { employee: { agree: 1, neutral: 0, disagree: 0 } } });
    expect((await figuresOf(2, 'offentlig')).total).toEqual({ agree: 0, neutral: 0, disagree: 0 });
  });

  it.each([
    ['a round that has not opened', { roundId: 'senere', paragraphNo: 1 }, 409, 'round-closed'],
    ['a round that has closed', { roundId: 'forbi', paragraphNo: 1 }, 409, 'round-closed'],
    ['a round the setup does not have', { roundId: 'ukendt', paragraphNo: 1 }, 409, 'unknown-round'],
    ['a paragraph the version does not have', { roundId: 'offentlig', paragraphNo: 9 }, 409, 'unknown-paragraph'],
  ])('refuses %s, storing nothing', async (_case, body, status, slug) => {
    const someone = await stack.user();
    const before = await view();

    const r = await respond(stack, PROCESS, someone, { position: 'agree', ...body });

    expect(r.status, JSON.stringify(r.json)).toBe(status);
    expect(r.json.type).toBe(`/problems/${slug}`);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await view()).toEqual(before);
  });

  it('refuses bad input with Danish field messages (400)', async () => {
    const r = await respond(stack, PROCESS, citizen, { paragraphNo: 0, position: 'maybe' });
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.paragraphNo', 'body.position']));
  });
});

describe('changing and deleting', () => {
  it('moves the counters with a changed position, edits the comment within the window and shows it as edited', async () => {
    const someone = await stack.user({ type: 'business' });
    const created = (await respond(stack, PROCESS, someone, { paragraphNo: 3, position: 'agree', comment: 'Fint' })).json;

    const changed = await stack.api(`/consultation-responses/${created.id}`, { method: 'PATCH', token: someone.token, body: { position: 'neutral', comment: 'Fint, men hvordan?' } });

    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect(changed.json).toMatchObject({ position: 'neutral', comment: 'Fint, men hvordan?', edited: true });
    expect((await figuresOf(3, 'offentlig')).byType.business).toEqual({ agree: 0, neutral: 1, disagree: 0 });
  });

  it('refuses another person\'s edit (403) and a comment edit after the window (409), changing nothing', async () => {
    const someone = await stack.user();
    const created = (await respond(stack, PROCESS, someone, { paragraphNo: 3, position: 'disagree', comment: 'Uklart' })).json;
    expect((await stack.api(`/consultation-responses/${created.id}`, { method: 'PATCH', token: citizen.token, body: { position: 'agree' } })).status).toBe(403);

    const db = table(stack);
    await db.client.send(
      new UpdateCommand({
        TableName: db.TableName,
        Key: keys.consultResponse({ processId: PROCESS, documentId: DOCUMENT, paragraphNo: 3, id: created.id }),
        UpdateExpression: 'SET createdAt = :old',
        ExpressionAttributeValues: { ':old': new Date(Date.now() - 16 * 60_000).toISOString() },
      }),
    );
    const late = await stack.api(`/consultation-responses/${created.id}`, { method: 'PATCH', token: someone.token, body: { comment: 'Rettet for sent' } });
    expect(late.status).toBe(409);
    expect(late.json.type).toBe('/problems/edit-window-closed');

    // The position may still change while the round is open.
    const moved = await stack.api(`/consultation-responses/${created.id}`, { method: 'PATCH', token: someone.token, body: { position: 'agree' } });
    expect(moved.status).toBe(200);
    expect(moved.json.comment).toBe('Uklart');
  });

  it('deletes to a placeholder, takes the counts back and lets the person respond again', async () => {
    const someone = await stack.user({ type: 'business' });
    const before = await figuresOf(2, 'offentlig');
    const comments = (await view()).comments;
    const created = (await respond(stack, PROCESS, someone, { paragraphNo: 2, position: 'disagree', comment: 'Slettes' })).json;
    expect((await view()).comments).toBe(comments + 1);

    expect((await stack.api(`/consultation-responses/${created.id}`, { method: 'DELETE', token: someone.token })).status).toBe(204);

    expect(await figuresOf(2, 'offentlig')).toEqual(before);
    expect((await view()).comments).toBe(comments);
    const listed = responseListSchema.parse((await stack.api(`${D}/responses?paragraph=2&round=offentlig`)).json).items.find((r) => r.id === created.id)!;
    expect(listed).toMatchObject({ state: 'deleted' });
    expect(listed.comment).toBeUndefined();
    expect(listed.authorName).toBeUndefined();
    expect((await respond(stack, PROCESS, someone, { paragraphNo: 2, position: 'agree' })).status).toBe(201);
  });
});

describe('concurrency', () => {
  /** The stored responses to paragraph 1 in the public round that count (not deleted), by type and position. */
  async function stored() {
    const db = table(stack);
    const items: Record<string, any>[] = [];
    let start: Record<string, any> | undefined;
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.TableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': keys.consultResponses(PROCESS, DOCUMENT), ':p': keys.consultResponsePrefix(1) },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const counted = items.filter((i) => i.roundId === 'offentlig' && i.state !== 'deleted');
    const count = (type: string, position: string) => counted.filter((i) => i.authorType === type && i.position === position).length;
    return { count, comments: items.filter((i) => i.comment !== undefined && i.state !== 'deleted').length };
  }

  it('counts 50 people responding to one paragraph at once exactly: the counters equal the stored responses', async () => {
    const people = await usersInBatches(stack, 50, (i) => ({ type: i % 2 ? 'citizen' : 'employee', name: `Deltager ${i}` }));

    const answers = await Promise.all(people.map((p, i) => respond(stack, PROCESS, p, { paragraphNo: 1, position: i % 5 === 0 ? 'disagree' : 'agree', comment: `Kommentar ${i}` })));

    // On this shared machine a request may pass the function's time limit (503) while its transaction
    // still lands; what must hold is that the counters agree with the responses stored, whatever landed.
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 201 && s !== 503), JSON.stringify(answers.find((a) => a.status !== 201)?.json)).toEqual([]);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    // Read until two readings of the records agree around the figures (requests past their time limit may still be landing).
    const snapshot = async () => {
      const records = await stored();
      const paragraph = (await view()).figures.find((f) => f.paragraphNo === 1)!;
      const round = paragraph.byRound.find((r) => r.roundId === 'offentlig')!;
      const pairs = (['citizen', 'employee'] as const).flatMap((type) =>
        (['agree', 'neutral', 'disagree'] as const).map((position) => ({ key: `${type} ${position}`, counter: round.byType[type]?.[position] ?? 0, stored: records.count(type, position) })),
      );
      const again = await stored();
      const settled = pairs.every((p) => p.stored === again.count(...(p.key.split(' ') as [string, string])));
      return { settled, pairs, comments: { counter: paragraph.comments, stored: records.comments } };
    };
    let last = await snapshot();
    for (let i = 0; i < 30 && !(last.settled && last.pairs.every((p) => p.counter === p.stored) && last.comments.counter === last.comments.stored); i++) {
      await new Promise((r) => setTimeout(r, 1000));
      last = await snapshot();
    }
    for (const p of last.pairs) expect(p.counter, p.key).toBe(p.stored);
    expect(last.comments.counter).toBe(last.comments.stored);
    const records = await stored();
    if (statuses.every((s) => s === 201)) expect(records.count('employee', 'agree') + records.count('employee', 'disagree')).toBeGreaterThanOrEqual(25);
  }, 180_000);
});

describe('flags, moderation and answers', () => {
  it('holds a comment flagged by three people, lists it for moderators as held, and a moderator restores it (audited)', async () => {
    const author = await stack.user();
    const created = (await respond(stack, PROCESS, author, { paragraphNo: 3, position: 'disagree', comment: 'Et provokerende indlæg' })).json;
    expect((await stack.api(`/consultation-responses/${created.id}/flags`, { method: 'POST', token: author.token, body: { reason: 'spam' } })).json.type).toBe('/problems/own-content');
    const flaggers = await Promise.all([stack.user(), stack.user(), stack.user()]);

    const flag = (token: string) => stack.api(`/consultation-responses/${created.id}/flags`, { method: 'POST', token, body: { reason: 'offensive' } });
    const receipts = [(await flag(flaggers[0]!.token)).json];
    const again = await flag(flaggers[0]!.token);
    for (const f of flaggers.slice(1)) receipts.push((await flag(f.token)).json);

    expect(again.status).toBe(409);
    expect(again.json.type).toBe('/problems/already-flagged');
    expect(receipts).toEqual([{ received: true, held: false }, { received: true, held: false }, { received: true, held: true }]);
    // Held, it is out of public view: nobody can flag it now.
    expect((await flag((await stack.user()).token)).status).toBe(404);
    const publicView = responseListSchema.parse((await stack.api(`${D}/responses?paragraph=3`)).json).items.find((r) => r.id === created.id)!;
    expect(publicView.state).toBe('held');
    expect(publicView.comment).toBeUndefined();
    const held = await stack.api(`/processes/${PROCESS}/consultation/documents/${DOCUMENT}/responses?state=held`, { token: moderator.token });
    expect(held.status).toBe(200);
    expect(held.json.items.map((r: { id: string; comment: string }) => [r.id, r.comment])).toEqual([[created.id, 'Et provokerende indlæg']]);
    const queueCount = async () => (await stack.api(`/moderation/queue?processId=${PROCESS}&kind=flagged`, { token: moderator.token })).json.counts.responses;
    // The moderation queue points to it: one consultation comment held.
    expect(await queueCount()).toBe(1);

    const restored = await stack.api(`/consultation-responses/${created.id}/moderation`, { method: 'POST', token: moderator.token, body: { action: 'restore', reason: 'Skarpt, men sagligt.' } });

    expect(restored.status, JSON.stringify(restored.json)).toBe(200);
    expect(restored.json.state).toBe('visible');
    expect(await queueCount()).toBe(0);
    const log = await stack.api(`/moderation/log?processId=${PROCESS}&targetId=${created.id}`, { token: moderator.token });
    expect(log.json.items[0]).toMatchObject({ action: 'response-restore', targetKind: 'response', before: { kind: 'comment', state: 'held' }, after: { kind: 'comment', state: 'visible' }, reason: 'Skarpt, men sagligt.' });
  });

  it('a moderator hides a comment with a reason: it leaves "X of Y", keeps its position, and shows no text', async () => {
    const author = await stack.user();
    const created = (await respond(stack, PROCESS, author, { paragraphNo: 2, position: 'agree', comment: 'Skjules' })).json;
    const before = (await view()).figures.find((f) => f.paragraphNo === 2)!;

    expect((await stack.api(`/consultation-responses/${created.id}/moderation`, { method: 'POST', token: moderator.token, body: { action: 'hide' } })).status).toBe(400);
    const hidden = await stack.api(`/consultation-responses/${created.id}/moderation`, { method: 'POST', token: moderator.token, body: { action: 'hide', reason: 'Personoplysninger om en borger.' } });

    expect(hidden.status).toBe(200);
    const after = (await view()).figures.find((f) => f.paragraphNo === 2)!;
    expect(after.comments).toBe(before.comments - 1);
    expect(after.byRound).toEqual(before.byRound);
    const listed = responseListSchema.parse((await stack.api(`${D}/responses?paragraph=2`)).json).items.find((r) => r.id === created.id)!;
    expect(listed).toMatchObject({ state: 'hidden' });
    expect(listed.comment).toBeUndefined();
  });

  it('the committee answers a comment (shown publicly, counted, audited) and may change it; a position alone cannot be answered', async () => {
    const author = await stack.user({ name: 'Karen Kommentar' });
    const withComment = (await respond(stack, PROCESS, author, { paragraphNo: 3, position: 'agree', comment: 'Skriv også, hvem man kan klage til.' })).json;
    const positionOnly = (await respond(stack, PROCESS, author, { paragraphNo: 2, position: 'agree' })).json;
    const answeredBefore = (await view()).answered;

    const refused = await stack.api(`/consultation-responses/${positionOnly.id}/answer`, { method: 'PUT', token: admin.token, body: { status: 'adopted', text: 'Tak' } });
    expect(refused.status).toBe(409);
    expect(refused.json.type).toBe('/problems/no-comment');
    expect((await stack.api(`/consultation-responses/${withComment.id}/answer`, { method: 'PUT', token: committee.token, body: { status: 'adopted', text: 'Tak' } })).status).toBe(403);

    const answered = await stack.api(`/consultation-responses/${withComment.id}/answer`, { method: 'PUT', token: admin.token, body: { status: 'partly', text: 'Vi tilføjer klageadgangen i næste version.' } });
    const changed = await stack.api(`/consultation-responses/${withComment.id}/answer`, { method: 'PUT', token: moderator.token, body: { status: 'adopted', text: 'Klageadgangen står nu i § 3.' } });

    expect(answered.status, JSON.stringify(answered.json)).toBe(200);
    expect(changed.json.answer).toMatchObject({ status: 'adopted', text: 'Klageadgangen står nu i § 3.' });
    const shown = responseListSchema.parse((await stack.api(`${D}/responses?paragraph=3`)).json).items.find((r) => r.id === withComment.id)!;
    expect(shown.answer).toMatchObject({ status: 'adopted', text: 'Klageadgangen står nu i § 3.' });
    expect((await view()).answered).toBe(answeredBefore + 1);
    const unanswered = await stack.api(`/processes/${PROCESS}/consultation/documents/${DOCUMENT}/responses?unanswered=true&paragraph=3&limit=100`, { token: committee.token });
    expect(unanswered.json.items.map((r: { id: string }) => r.id)).not.toContain(withComment.id);
    const log = await stack.api(`/moderation/log?processId=${PROCESS}&targetId=${withComment.id}`, { token: moderator.token });
    expect(log.json.items.map((e: { action: string }) => e.action)).toEqual(['response-answer', 'response-answer']);
    // An answered comment keeps its text: the answer stands under what was answered.
    const edit = await stack.api(`/consultation-responses/${withComment.id}`, { method: 'PATCH', token: author.token, body: { comment: 'Noget andet' } });
    expect(edit.status).toBe(409);

    const mine = myResponseListSchema.parse((await stack.api('/me/consultation-responses', { token: author.token })).json);
    expect(mine.items.map((r) => r.id)).toEqual([positionOnly.id, withComment.id]);
    expect(mine.items[1]).toMatchObject({ processTitle: `Forløb ${PROCESS}`, documentTitle: 'Etiske retningslinjer', answer: { status: 'adopted' } });
  });

  it('pages the public comments with a cursor, each once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = responseListSchema.parse((await stack.api(`${D}/responses?limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(7);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await stack.api(`${D}/responses?cursor=bad`)).status).toBe(400);
    // A document that does not exist is 404 in both lists, and in the document page.
    expect((await stack.api(`/processes/${PROCESS}/documents/findes-ikke/responses`)).status).toBe(404);
    expect((await stack.api(`/processes/${PROCESS}/consultation/documents/findes-ikke/responses`, { token: moderator.token })).status).toBe(404);
    expect((await stack.api(`/processes/${PROCESS}/documents/findes-ikke`)).status).toBe(404);
    expect((await stack.api(`${D}?version=2`)).status).toBe(404);
  });
});

describe('export', () => {
  it('gives the committee the document as JSON (schema-valid) and as XLSX with a sheet per version and the comments with answers', async () => {
    const E = `/processes/${PROCESS}/consultation/documents/${DOCUMENT}/export`;

    const json = await stack.api(`${E}?format=json`, { token: committee.token });
    expect(json.status).toBe(200);
    const doc = documentExportSchema.parse(json.json);
    expect(doc.figures.map((f) => f.paragraphNo)).toEqual([1, 2, 3]);
    expect(doc.responses.find((r) => r.answer?.text === 'Klageadgangen står nu i § 3.')).toBeDefined();

    const file = await fetch(`${stack.info.apiUrl}${E}?format=xlsx`, { headers: { authorization: `Bearer ${committee.token}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['Version 1', 'Kommentarer og svar', 'Om udtrækket']);
    const version = book.getWorksheet('Version 1')!;
    expect(version.getRow(2).getCell(1).value).toBe(1);
    expect(version.getRow(2).getCell(2).value).toBe('Et menneske træffer altid afgørelsen.');
    const comments = book.getWorksheet('Kommentarer og svar')!;
    const answeredRow = comments.getSheetValues().find((row) => Array.isArray(row) && row.includes('Klageadgangen står nu i § 3.'));
    expect(answeredRow).toBeDefined();
    expect((await stack.api(`${E}?format=json`, { token: citizen.token })).status).toBe(403);
  });
});

describe('GDPR', () => {
  it('lists a person\'s responses, flags and closed rounds in their download, and deleting the account leaves nothing of them in the table', async () => {
    const person = await stack.user({ name: 'Glemmes Hansen' });
    await joinFollowGroup(stack, PROCESS, person, joinToken);
    const mine = (await respond(stack, PROCESS, person, { paragraphNo: 2, position: 'disagree', comment: 'Glem mig' })).json;
    const other = (await respond(stack, PROCESS, citizen, { paragraphNo: 2, position: 'agree', comment: 'En andens kommentar' })).json;
    expect((await stack.api(`/consultation-responses/${other.id}/flags`, { method: 'POST', token: person.token, body: { reason: 'spam' } })).status).toBe(201);
    const before = await figuresOf(2, 'offentlig');

    const exported = myDataExportSchema.parse((await stack.api('/me/export', { token: person.token })).json);
    expect(exported.consultation?.responses.map((r) => [r.id, r.comment])).toEqual([[mine.id, 'Glem mig']]);
    expect(exported.consultation?.flags.map((f) => f.responseId)).toEqual([other.id]);
    expect(exported.consultation?.rounds.map((r) => [r.processId, r.roundId])).toEqual([[PROCESS, 'foelgegruppe']]);

    expect((await stack.api('/me', { method: 'DELETE', token: person.token })).status).toBe(204);

    const items = await scanAll();
    expect(items.filter((i) => JSON.stringify(i).includes(person.userId) && !String(i.pk).startsWith('RATE#'))).toEqual([]);
    expect(items.filter((i) => JSON.stringify(i).includes('Glem mig') || JSON.stringify(i).includes('Glemmes Hansen'))).toEqual([]);
    expect((await figuresOf(2, 'offentlig')).total.disagree).toBe(before.total.disagree - 1);
  });
});

describe('blocking', () => {
  it('a moderator\'s block that hides the person\'s content hides their comments on paragraphs too', async () => {
    const person = await stack.user({ name: 'Blokeres' });
    const created = (await respond(stack, PROCESS, person, { paragraphNo: 3, position: 'disagree', comment: 'Grimt sprog' })).json;

    const blocked = await stack.api(`/moderation/users/${person.userId}`, { method: 'POST', token: moderator.token, body: { action: 'block', reason: 'Gentagne krænkelser.', hideContent: true } });

    expect(blocked.status, JSON.stringify(blocked.json)).toBe(200);
    expect(blocked.json.hidden).toBe(1);
    const listed = responseListSchema.parse((await stack.api(`${D}/responses?paragraph=3&limit=100`)).json).items.find((r) => r.id === created.id)!;
    expect(listed.state).toBe('hidden');
    expect((await respond(stack, PROCESS, person, { paragraphNo: 2, position: 'agree' })).status).toBe(403);
  });
});

describe('retention', () => {
  it('at the process\'s retention date unlinks every response from its author and deletes who responded and who flagged; comments, answers and figures stay', async () => {
    const person = await stack.user({ name: 'Frist Jensen' });
    const kept = (await respond(stack, PROCESS, person, { paragraphNo: 3, position: 'neutral', comment: 'Står tilbage' })).json;
    expect((await stack.api(`/consultation-responses/${kept.id}/flags`, { method: 'POST', token: citizen.token, body: { reason: 'spam' } })).status).toBe(201);
    const figures = (await view()).figures;
    const db = table(stack);
    await db.client.send(
      new UpdateCommand({ TableName: db.TableName, Key: keys.process(PROCESS), UpdateExpression: 'SET settings.personalDataUntil = :past', ExpressionAttributeValues: { ':past': new Date(Date.now() - 60_000).toISOString() } }),
    );

    const run = await runRetention();

    expect(run.erased).toEqual([expect.objectContaining({ processId: PROCESS, responses: expect.any(Number) })]);
    const partition = (await scanAll()).filter((i) => String(i.pk).startsWith(keys.consultResponses(PROCESS, DOCUMENT)));
    for (const u of [person, citizen, member]) expect(partition.filter((i) => JSON.stringify(i).includes(u.userId))).toEqual([]);
    expect(partition.filter((i) => i.type === 'consultRespondent' || i.type === 'consultFlag')).toEqual([]);
    const listed = responseListSchema.parse((await stack.api(`${D}/responses?paragraph=3&limit=100`)).json).items.find((r) => r.id === kept.id)!;
    expect(listed).toMatchObject({ comment: 'Står tilbage', authorName: 'Tidligere deltager', authorType: 'citizen' });
    expect((await view()).figures).toEqual(figures);
    expect((await runRetention()).erased).toEqual([]);
  });
});

async function scanAll() {
  const db = table(stack);
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(new ScanCommand({ TableName: db.TableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
