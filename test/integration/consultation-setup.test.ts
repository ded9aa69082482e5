import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { consultationSetupSchema, documentListSchema, draftSchema } from '#shared/schemas/consultation';
import { auditLogSchema } from '#shared/schemas/moderation';
import type { Process } from '#shared/schemas/process';
import { consultationFileSchema } from '../../cdk/setup/consultation-file';
import { seedConsultation } from '../../cdk/setup/consultation-seed';
import { main } from '../../cdk/setup/main';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The Gentofte consultation as the local stack seeds it and `npm run setup` imports it: the rounds
 * and the compass through the setup's use case, each draft created, saved and published as version 1,
 * all audited as 'Opsætning'; the rounds moved with the process; a second run leaves it all alone.
 */
const PROCESS = 'ai-i-gentofte';
let stack: TestStack;
let admin: { token: string };

beforeAll(async () => {
  stack = await testStack();
  admin = await stack.user({ role: 'admin' });
}, 90_000);
afterAll(() => stack?.stop());

const get = async (path: string) => {
  const r = await stack.api(path, { token: admin.token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json;
};
const logOf = async (processId: string) => auditLogSchema.parse(await get(`/moderation/log?processId=${processId}&limit=100`)).items;

describe('the seeded consultation', () => {
  it('has the follow-group round and the public round inside the process\'s consultation phase, and the compass', async () => {
    const process = (await stack.api(`/processes/${PROCESS}`)).json as Process;
    const setup = consultationSetupSchema.parse(await get(`/processes/${PROCESS}/consultation`));
    expect(setup.references?.name.da).toBe('Gentofte Kommunes dataetiske kompas');
    expect(setup.references?.items).toHaveLength(7);
    const [invited, publicRound] = setup.rounds;
    expect(invited).toMatchObject({ id: 'foelgegruppen', kind: 'invited' });
    // Invited rounds get a join link's token; the public round none.
    expect(invited!.inviteToken?.length).toBeGreaterThanOrEqual(16);
    expect(publicRound).toMatchObject({ id: 'offentlig-hoering', kind: 'public' });
    expect(publicRound!.inviteToken).toBeUndefined();
    const phase = process.phases.find((p) => p.kind === 'consultation')!;
    expect([publicRound!.startsAt, publicRound!.endsAt]).toEqual([phase.startsAt, phase.endsAt]);
    // Seeded today, the process opens today; its consultation (and so its rounds) months later.
    expect(Date.parse(invited!.startsAt)).toBeGreaterThan(Date.now() + 100 * 86_400_000);
  });

  it('published both drafts as version 1, their paragraphs as the file has them', async () => {
    const documents = documentListSchema.parse(await get(`/processes/${PROCESS}/consultation/documents`)).items;
    expect(documents.map((d) => [d.id, d.currentVersion])).toEqual([
      ['etiske-retningslinjer', 1],
      ['ambition', 1],
    ]);
    const draft = draftSchema.parse(await get(`/processes/${PROCESS}/documents/etiske-retningslinjer/draft`));
    expect(draft.basedOnVersion).toBe(1);
    expect(draft.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(15);
    expect(draft.title.da).toBe('Etiske retningslinjer for brug af AI i Gentofte Kommune');
  });

  it('is audited as the setup\'s import, and a second run changes nothing', async () => {
    const before = await logOf(PROCESS);
    const imported = before.filter((e) => e.action.startsWith('document-') || e.action === 'consultation-setup');
    expect(imported.map((e) => e.action).sort()).toEqual(
      ['consultation-setup', 'document-create', 'document-create', 'document-draft', 'document-draft', 'document-publish', 'document-publish'].sort(),
    );
    for (const e of imported) expect(e).toMatchObject({ actorId: 'setup', actorName: 'Opsætning' });
    const lines: string[] = [];
    await seedConsultation(createDocumentClient(stack.info.dynamodbEndpoint), mainTable.localName, PROCESS, new Date(), false, (m) => lines.push(m));
    expect(lines).toEqual([]);
    expect(await logOf(PROCESS)).toEqual(before);
  });
});

describe('npm run setup -- --stage local', () => {
  it('imports the consultation beside a process file, audited as setup, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltag-consultation-'));
    const stackFile = join(dir, 'stack.json');
    writeFileSync(stackFile, JSON.stringify(stack.info));
    // The Gentofte files under another process id.
    const file = join(dir, 'med-hoering.json');
    const definition = JSON.parse(readFileSync('processes/ai-i-gentofte.json', 'utf8'));
    writeFileSync(file, JSON.stringify({ ...definition, id: 'med-hoering' }));
    cpSync('processes/ai-i-gentofte.consultation.json', join(dir, 'med-hoering.consultation.json'));
    const run = async () => {
      const err: string[] = [];
      const code = await main(['--stage', 'local', '--stack-file', stackFile, '--admin-email', 'hoering.admin@example.dk', '--admin-password', 'Admin-adgang-2026', '--process', file], { out: () => undefined, err: (t) => err.push(t) });
      return { code, err: err.join('\n') };
    };
    const first = await run();
    expect(first.code, first.err).toBe(0);
    expect(first.err).toContain('Høringens runder og referenceliste er oprettet.');
    expect(first.err).toContain('Udkastene er offentliggjort som version 1: etiske-retningslinjer, ambition.');
    const documents = documentListSchema.parse(await get('/processes/med-hoering/consultation/documents')).items;
    expect(documents.map((d) => d.currentVersion)).toEqual([1, 1]);
    const log = await logOf('med-hoering');
    expect(log.filter((e) => e.actorId === 'setup')).toHaveLength(8);

    const second = await run();
    expect(second.code, second.err).toBe(0);
    expect(second.err).toContain('Forløbet har allerede en høring');
    expect(second.err).toContain('Intet ændret');
    expect(await logOf('med-hoering')).toEqual(log);
  });

  it('refuses a consultation file with a mistake before anything is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltag-consultation-'));
    const stackFile = join(dir, 'stack.json');
    writeFileSync(stackFile, JSON.stringify(stack.info));
    const definition = JSON.parse(readFileSync('processes/ai-i-gentofte.json', 'utf8'));
    writeFileSync(join(dir, 'daarlig-hoering.json'), JSON.stringify({ ...definition, id: 'daarlig-hoering' }));
    const consultation = consultationFileSchema.parse(JSON.parse(readFileSync('processes/ai-i-gentofte.consultation.json', 'utf8')));
    consultation.rounds[1]!.endsAt = '2026-09-01T22:00:00.000Z';
    writeFileSync(join(dir, 'daarlig-hoering.consultation.json'), JSON.stringify(consultation));
    const err: string[] = [];
    const code = await main(['--stage', 'local', '--stack-file', stackFile, '--admin-email', 'hoering.admin@example.dk', '--process', join(dir, 'daarlig-hoering.json')], { out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/daarlig-hoering\.consultation\.json er ikke en gyldig høring:\n {2}rounds\.1: den offentlige runde skal ligge inden for forløbets høringsfase/);
    expect((await stack.api('/processes/daarlig-hoering')).status).toBe(404);
  });
});
