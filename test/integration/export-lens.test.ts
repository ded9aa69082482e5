import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { RecommendationRecord } from '#functions/domain/ports';
import { exportDocumentSchema } from '#shared/schemas/export';
import { ideaDetailSchema } from '#shared/schemas/idea';
import { moderatedIdeaSchema } from '#shared/schemas/moderation';
import { exportIdeaTable, parseCsv } from '../helpers/csv';
import { addPreModeratedProcess, auditAll, decideOk, ideaPoster, PRE } from '../helpers/moderation';
import { expectProblem, PROCESS, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The AI Act and data-ethics lens on an idea (PUT /api/ideas/{ideaId}/ai-lens) and the committee
 * export carrying it with the committee's recommendations, against the local stack. The lens is set
 * through the API; the recommendations are written to DynamoDB in the recommendations store's shape
 * (keys.recommendation), so the export is tested whatever the recommendations' routes do.
 */

const SCRIPT = '<script>alert("x")</script> & <b>fed</b>';
const HIGH_RISK = {
  aiActCategory: 'high-risk',
  highRiskArea: 'essential-services',
  dpiaNeeded: true,
  digitalExclusion: false,
  ethicsNote: `Borgerne skal kunne klage.\n${SCRIPT}`,
} as const;
const HIGH_RISK_CELL = 'Højrisiko efter AI-forordningen (bilag III): Adgang til offentlige ydelser og vigtige tjenester';

let stack: TestStack;
let moderator: User;
let committee: User;
let citizen: User;
const ids = {} as Record<'assessed' | 'second' | 'plain' | 'hidden' | 'pending', string>;

beforeAll(async () => {
  stack = await testStack();
  await addPreModeratedProcess(stack);
  [moderator, committee, citizen] = await Promise.all([
    stack.user({ role: 'moderator', name: 'Moderator Mette' }),
    stack.user({ role: 'committee', name: 'Udvalgsmedlem Ulla' }),
    stack.user({ name: 'Borger Bo' }),
  ]);
  const post = ideaPoster(stack);
  ids.assessed = (await post({ title: 'Chatbot til ansøgning om hjælpemidler' })).id;
  ids.second = (await post({ title: 'AI sorterer post til Borgerservice' })).id;
  ids.plain = (await post({ title: 'Idé uden vurdering' })).id;
  ids.hidden = (await post({ title: 'Idé der bliver skjult' })).id;
  ids.pending = (await ideaPoster(stack, PRE)({ title: 'Idé der venter på moderation' })).id;
  for (const voter of await Promise.all([stack.user(), stack.user()])) {
    expect((await stack.api(`/ideas/${ids.assessed}/vote`, { method: 'PUT', token: voter.token })).status).toBe(200);
  }
  expect((await stack.api(`/ideas/${ids.second}/vote`, { method: 'PUT', token: citizen.token })).status).toBe(200);
  await decideOk(stack, moderator.token, ids.hidden, { action: 'hide', reason: 'Indholdet er krænkende' });
}, 120_000);
afterAll(() => stack?.stop());

const seen = async (ideaId: string) => moderatedIdeaSchema.parse((await stack.api(`/moderation/ideas/${ideaId}`, { token: moderator.token })).json);
const setLens = (ideaId: string, body: unknown, token = moderator.token) => stack.api(`/ideas/${ideaId}/ai-lens`, { method: 'PUT', token, body });

describe('PUT /api/ideas/{ideaId}/ai-lens', () => {
  it('sets the lens on the version the moderator saw, shows it publicly as text and audits it', async () => {
    const before = await seen(ids.assessed);
    expect(before.aiLens).toBeUndefined();
    const r = await setLens(ids.assessed, { lens: HIGH_RISK, expectedUpdatedAt: before.updatedAt });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.aiLens).toEqual(HIGH_RISK);
    expect(Date.parse(r.json.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));

    // Public: the idea page carries the lens; the note's markup is kept as the characters typed.
    const page = await stack.api(`/ideas/${ids.assessed}`);
    const idea = ideaDetailSchema.parse(page.json);
    expect(idea.aiLens).toEqual(HIGH_RISK);
    expect(idea.aiLens?.ethicsNote).toContain(SCRIPT);
    expect(idea.updatedAt).toBe(r.json.updatedAt);
    expect((await seen(ids.assessed)).aiLens).toEqual(HIGH_RISK);

    const log = await auditAll(stack, moderator.token, PROCESS, ids.assessed);
    const entries = log.filter((e) => e.action === 'ai-lens');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: moderator.userId, actorName: 'Moderator Mette', targetKind: 'idea', targetId: ids.assessed });
    expect(entries[0]!.before).toBeUndefined();
    expect(entries[0]!.after).toEqual({
      kind: 'text',
      text: `${HIGH_RISK_CELL}; Konsekvensanalyse (DPIA) nødvendig; Berører ikke borgere, der har svært ved det digitale\nDataetiske bemærkninger: ${HIGH_RISK.ethicsNote}`,
    });
  });

  it('lets the committee assess too; the same lens again writes nothing', async () => {
    const lens = { aiActCategory: 'transparency', digitalExclusion: true };
    const r = await setLens(ids.second, { lens, expectedUpdatedAt: (await seen(ids.second)).updatedAt }, committee.token);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.aiLens).toEqual(lens);

    const again = await setLens(ids.second, { lens: { digitalExclusion: true, aiActCategory: 'transparency' }, expectedUpdatedAt: r.json.updatedAt }, committee.token);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ aiLens: lens, updatedAt: r.json.updatedAt });
    const log = await auditAll(stack, moderator.token, PROCESS, ids.second);
    expect(log.filter((e) => e.action === 'ai-lens').map((e) => e.actorId)).toEqual([committee.userId]);
  });

  it('assesses a pending idea, which stays out of public view', async () => {
    const r = await setLens(ids.pending, { lens: { aiActCategory: 'minimal' }, expectedUpdatedAt: (await seen(ids.pending)).updatedAt });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const idea = await seen(ids.pending);
    expect(idea).toMatchObject({ status: 'pending', aiLens: { aiActCategory: 'minimal' } });
    expect((await stack.api(`/ideas/${ids.pending}`)).status).toBe(404);
    expect((await auditAll(stack, moderator.token, PRE, ids.pending)).map((e) => e.action)).toContain('ai-lens');
  });

  it('refuses a lens that does not hold together with 400 and Danish field messages, changing nothing', async () => {
    const { updatedAt } = await seen(ids.plain);
    const cases: [unknown, string, string?][] = [
      [{ lens: { aiActCategory: 'high-risk' }, expectedUpdatedAt: updatedAt }, 'body.lens.highRiskArea', 'Vælg området i bilag III'],
      [{ lens: { aiActCategory: 'minimal', highRiskArea: 'education' }, expectedUpdatedAt: updatedAt }, 'body.lens.highRiskArea', 'Et område i bilag III hører kun til højrisiko'],
      [{ lens: { aiActCategory: 'dangerous' }, expectedUpdatedAt: updatedAt }, 'body.lens.aiActCategory', 'Ukendt kategori i AI-forordningen'],
      [{ lens: { aiActCategory: 'high-risk', highRiskArea: 'weather' }, expectedUpdatedAt: updatedAt }, 'body.lens.highRiskArea', 'Ukendt område i bilag III'],
      [{ lens: { ethicsNote: 'x'.repeat(2001) }, expectedUpdatedAt: updatedAt }, 'body.lens.ethicsNote', 'Må højst være 2000 tegn'],
      [{ lens: { dpiaNeeded: 'ja' }, expectedUpdatedAt: updatedAt }, 'body.lens.dpiaNeeded'],
      [{ lens: { score: 3 }, expectedUpdatedAt: updatedAt }, 'body.lens'],
      [{ lens: { aiActCategory: 'minimal' } }, 'body.expectedUpdatedAt'],
    ];
    for (const [body, path, message] of cases) {
      const r = await setLens(ids.plain, body);
      expectProblem(r, 400, 'validation');
      expect(r.json.errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ path, ...(message ? { message } : {}) }));
    }
    const after = await seen(ids.plain);
    expect(after.aiLens).toBeUndefined();
    expect(after.updatedAt).toBe(updatedAt);
  });

  it('refuses a lens set on a version someone changed since with 409, and an unknown idea with 404', async () => {
    const { updatedAt } = await seen(ids.plain);
    const stale = new Date(Date.parse(updatedAt) - 60_000).toISOString();
    const r = await setLens(ids.plain, { lens: { aiActCategory: 'prohibited' }, expectedUpdatedAt: stale });
    expectProblem(r, 409, 'idea-changed');
    expect(r.json.detail).toMatch(/ændret i mellemtiden/);
    expect((await seen(ids.plain)).aiLens).toBeUndefined();

    expectProblem(await setLens('01JD0000000000000000000000', { lens: { aiActCategory: 'minimal' }, expectedUpdatedAt: updatedAt }), 404);
    expect((await auditAll(stack, moderator.token, PROCESS, ids.plain)).filter((e) => e.action === 'ai-lens')).toEqual([]);
  });

  it('removes every tag with an empty lens (audited, "none" after)', async () => {
    const lens = { aiActCategory: 'minimal', dpiaNeeded: false };
    const set = await setLens(ids.plain, { lens, expectedUpdatedAt: (await seen(ids.plain)).updatedAt });
    expect(set.status).toBe(200);
    // A flag answered "no" is logged in words too.
    const first = (await auditAll(stack, moderator.token, PROCESS, ids.plain)).find((e) => e.action === 'ai-lens');
    expect(first?.after).toEqual({ kind: 'text', text: 'Lav risiko efter AI-forordningen; Konsekvensanalyse (DPIA) ikke nødvendig' });

    const cleared = await setLens(ids.plain, { lens: {}, expectedUpdatedAt: set.json.updatedAt });
    expect(cleared.status, JSON.stringify(cleared.json)).toBe(200);
    expect(cleared.json.aiLens).toBeUndefined();
    expect((await stack.api(`/ideas/${ids.plain}`)).json.aiLens).toBeUndefined();
    const log = (await auditAll(stack, moderator.token, PROCESS, ids.plain)).filter((e) => e.action === 'ai-lens');
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ before: first!.after });
    expect(log[0]!.after).toBeUndefined();
  });
});

describe('the export carries the lens and the recommendations', () => {
  const EXPORT = `/processes/${PROCESS}/export`;
  const LENS_HEADERS = ['AI-forordning', 'DPIA nødvendig', 'Berører digitalt udfordrede', 'Dataetiske bemærkninger'];
  const RECOMMENDATION_HEADERS = ['Anbefaling', 'Id', 'Status', 'Begrundelse', 'Forventede effekter', 'Bygger på idéerne', ...LENS_HEADERS];
  const recs = {} as Record<'adopted' | 'proposed', RecommendationRecord>;
  let effects: { id: string; name: string }[];

  beforeAll(async () => {
    const process = await stack.api(`/processes/${PROCESS}`);
    effects = process.json.effects.map((e: { id: string; name: { da: string } }) => ({ id: e.id, name: e.name.da }));
    const base = { processId: PROCESS, createdBy: committee.userId, updatedAt: new Date().toISOString() };
    // As the recommendations store writes them (ULID ids: the first is the older).
    recs.adopted = {
      ...base,
      id: '01JD00000000000000000REC01',
      title: 'Hjælp til ansøgninger med AI',
      rationale: 'Borgerne venter for længe på svar.\nEn chatbot kan hjælpe dem i gang.',
      effects: { [effects[0]!.id]: 3, [effects[1]!.id]: 0 },
      // A hidden idea and one that never existed are left out of the export.
      ideaIds: [ids.assessed, ids.second, ids.hidden, '01JD0000000000000000000000'],
      status: 'adopted',
      aiLens: { aiActCategory: 'high-risk', highRiskArea: 'employment', dpiaNeeded: true },
      createdAt: '2026-11-20T10:00:00.000Z',
    };
    recs.proposed = {
      ...base,
      id: '01JD00000000000000000REC02',
      title: '=SUM(A1) er ikke en formel',
      rationale: 'Et forslag uden idéer og uden vurdering.',
      effects: {},
      ideaIds: [],
      status: 'proposed',
      createdAt: '2026-11-21T10:00:00.000Z',
    };
    const db = createDocumentClient(stack.info.dynamodbEndpoint);
    for (const r of [recs.proposed, recs.adopted]) {
      await db.send(new PutCommand({ TableName: mainTable.localName, Item: { ...keys.recommendation(PROCESS, r.id), type: 'recommendation', ...r } }));
    }
  });

  const download = async (format: 'csv' | 'xlsx') => {
    const r = await fetch(`${stack.info.apiUrl}${EXPORT}?format=${format}`, { headers: { authorization: `Bearer ${committee.token}` } });
    expect(r.status).toBe(200);
    return new Uint8Array(await r.arrayBuffer());
  };
  const titleOf = async (id: string) => (await stack.api(`/ideas/${id}`)).json.title as string;

  it('JSON: each row its lens; the recommendations oldest first, effects by name, ideas with the counted votes', async () => {
    const r = await stack.api(`${EXPORT}?format=json`, { token: moderator.token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const doc = exportDocumentSchema.parse(r.json);
    const row = (id: string) => doc.rows.find((x) => x.id === id);
    expect(row(ids.assessed)?.aiLens).toEqual(HIGH_RISK);
    expect(row(ids.second)?.aiLens).toEqual({ aiActCategory: 'transparency', digitalExclusion: true });
    expect(row(ids.plain)).toBeDefined();
    expect(row(ids.plain)!.aiLens).toBeUndefined();
    expect(doc.rows.some((x) => x.id === ids.pending)).toBe(false);

    expect(doc.recommendations).toEqual([
      {
        id: recs.adopted.id,
        title: recs.adopted.title,
        rationale: recs.adopted.rationale,
        status: 'adopted',
        effects: { [effects[0]!.name]: 3, [effects[1]!.name]: 0 },
        ideas: [
          { id: ids.assessed, title: await titleOf(ids.assessed), votes: 2 },
          { id: ids.second, title: await titleOf(ids.second), votes: 1 },
        ],
        aiLens: recs.adopted.aiLens,
      },
      { id: recs.proposed.id, title: recs.proposed.title, rationale: recs.proposed.rationale, status: 'proposed', effects: {}, ideas: [] },
    ]);
  });

  it('CSV: the lens in the idea table’s last four columns, then after the channels a recommendations block', async () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await download('csv'));
    const ideas = exportIdeaTable(text);
    expect(ideas.header.slice(-4)).toEqual(LENS_HEADERS);
    const lensOf = (id: string) => ideas.rows.find((r) => r[1] === id)!.slice(-4);
    // The note's markup is text in a cell like any other characters; its line break is kept inside the quoted field.
    expect(lensOf(ids.assessed)).toEqual([HIGH_RISK_CELL, 'Ja', 'Nej', HIGH_RISK.ethicsNote]);
    expect(lensOf(ids.second)).toEqual(['Krav om åbenhed efter AI-forordningen', '', 'Ja', '']);
    expect(lensOf(ids.plain)).toEqual(['', '', '', '']);

    const rows = parseCsv(text.slice(1), ';');
    const start = rows.findIndex((r) => r[0] === 'Anbefaling');
    expect(rows[start - 1]).toEqual(['']);
    expect(rows.findIndex((r) => r[0] === 'Kanal')).toBeLessThan(start);
    expect(rows.slice(start)).toEqual([
      RECOMMENDATION_HEADERS,
      [
        recs.adopted.title, recs.adopted.id, 'Vedtaget af det politiske udvalg', recs.adopted.rationale, `${effects[0]!.name}: Stor (3 af 3)`,
        `${await titleOf(ids.assessed)} (2 stemmer); ${await titleOf(ids.second)} (1 stemme)`,
        'Højrisiko efter AI-forordningen (bilag III): Beskæftigelse og ansatte', 'Ja', '', '',
      ],
      // A formula-like title is neutralised as in the idea table.
      [`'${recs.proposed.title}`, recs.proposed.id, 'Foreslået af udvalget', recs.proposed.rationale, '', '', '', '', '', ''],
    ]);
  });

  it('XLSX: the lens columns on the ideas sheet and an "Anbefalinger" sheet last', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('xlsx')).buffer as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Idéer', 'Regel', 'Overblik', 'Kanaler', 'Anbefalinger']);
    const values = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Array.isArray).map((row) => row.slice(1));
    const ideasSheet = values('Idéer');
    expect(ideasSheet[0]!.slice(-4)).toEqual(LENS_HEADERS);
    expect(ideasSheet.find((r) => r[1] === ids.assessed)!.slice(-4)).toEqual([HIGH_RISK_CELL, 'Ja', 'Nej', HIGH_RISK.ethicsNote]);

    const sheet = wb.getWorksheet('Anbefalinger')!;
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const recommendations = values('Anbefalinger');
    expect(recommendations[0]).toEqual(RECOMMENDATION_HEADERS);
    expect(recommendations.slice(1).map((r) => [r[0], r[1], r[2], r[6], r[7]])).toEqual([
      [recs.adopted.title, recs.adopted.id, 'Vedtaget af det politiske udvalg', 'Højrisiko efter AI-forordningen (bilag III): Beskæftigelse og ansatte', 'Ja'],
      // A text cell, never a formula: no apostrophe needed.
      [recs.proposed.title, recs.proposed.id, 'Foreslået af udvalget', '', ''],
    ]);
    expect(sheet.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.String);
  });
});
