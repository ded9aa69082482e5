import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { liveRoundStore } from '#functions/adapters/dynamodb/live-rounds';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { eventAdminListSchema, eventListSchema } from '#shared/schemas/events';
import { auditLogSchema } from '#shared/schemas/moderation';
import type { Process } from '#shared/schemas/process';
import { signupVerdict } from '#shared/rules/events';
import { eventsFileSchema } from '../../cdk/setup/events-file';
import { seedEvents } from '../../cdk/setup/events-seed';
import { main } from '../../cdk/setup/main';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The Gentofte events as the local stack seeds them and `npm run setup` imports them: each event
 * through the workspace's use case, the theme day's live round as a draft, all audited as
 * 'Opsætning'; the events moved with the process's event phase at the same time of day in Denmark;
 * a second run leaves it all alone.
 */
const PROCESS = 'ai-i-gentofte';
const file = eventsFileSchema.parse(JSON.parse(readFileSync('processes/ai-i-gentofte.events.json', 'utf8')));
let stack: TestStack;
let admin: { token: string };

beforeAll(async () => {
  stack = await testStack();
  admin = await stack.user({ role: 'admin' });
}, 90_000);
afterAll(() => stack?.stop());

const get = async (path: string, token = admin.token) => {
  const r = await stack.api(path, { token });
  expect(r.status, `${path}: ${JSON.stringify(r.json)}`).toBe(200);
  return r.json;
};
const logOf = async (processId: string) => auditLogSchema.parse(await get(`/moderation/log?processId=${processId}&limit=100`)).items;
// The rounds as stored: what the organisers' list of rounds reads (the store's own query).
const roundsOf = (processId: string, eventId: string) => liveRoundStore(createDocumentClient(stack.info.dynamodbEndpoint), mainTable.localName).rounds(processId, eventId);
const copenhagenTime = (iso: string) => new Date(iso).toLocaleTimeString('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' });

describe('the seeded events', () => {
  it('are published on the process with their seats free, inside its event phase, at the file\'s time of day', async () => {
    const process = (await stack.api(`/processes/${PROCESS}`)).json as Process;
    const events = eventListSchema.parse(await get(`/processes/${PROCESS}/events`)).items;
    expect(events.map((e) => e.id)).toEqual(file.events.map((e) => e.id));
    const festival = events.find((e) => e.id === 'ai-festival')!;
    expect(festival).toMatchObject({ title: { da: 'AI-festival for medarbejdere' }, capacity: 60, audience: 'employees', seatsTaken: 0, waitingCount: 0, place: { room: 'Byrådssalen' } });
    expect(copenhagenTime(festival.startsAt)).toBe('09.00');
    // Seeded today, the process opens today; its event phase (and so the theme day) months later, and sign-up opens with the phase.
    const phase = process.phases.find((p) => p.kind === 'event')!;
    expect(Date.parse(phase.startsAt)).toBeGreaterThan(Date.now() + 100 * 86_400_000);
    for (const event of events) {
      expect(signupVerdict(process, event, new Date(), { participantType: 'employee', hasValidInvitation: false })).toBe('not-open');
      expect(signupVerdict(process, event, new Date(Date.parse(phase.startsAt) + 3600_000), { participantType: 'employee', hasValidInvitation: false })).toBe('open');
    }
  });

  it('has the theme day\'s live round as a draft with its four questions, for an organiser to open in the room', async () => {
    const rounds = await roundsOf(PROCESS, 'ai-festival');
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ state: 'draft', title: file.liveRounds[0]!.definition.title });
    expect(rounds[0]!.code).toBeUndefined();
    expect(rounds[0]!.questions.map((q) => q.kind)).toEqual(['single', 'scale', 'words', 'statements']);
  });

  it('is audited as the setup\'s import, and a second run changes nothing', async () => {
    const before = await logOf(PROCESS);
    const imported = before.filter((e) => e.action === 'event-create' || e.action.startsWith('live-round-'));
    expect(imported.map((e) => e.action).sort()).toEqual(['event-create', 'event-create', 'live-round-create']);
    for (const e of imported) expect(e).toMatchObject({ actorId: 'setup', actorName: 'Opsætning' });
    const lines: string[] = [];
    await seedEvents(createDocumentClient(stack.info.dynamodbEndpoint), mainTable.localName, PROCESS, new Date(), false, (m) => lines.push(m));
    expect(lines).toEqual([]);
    expect(await logOf(PROCESS)).toEqual(before);
  });
});

describe('npm run setup -- --stage local', () => {
  it('imports the events beside a process file into another process, audited as setup, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltag-events-'));
    const stackFile = join(dir, 'stack.json');
    writeFileSync(stackFile, JSON.stringify(stack.info));
    // The Gentofte files under another process id (no survey or consultation beside them).
    const processFile = join(dir, 'med-temadag.json');
    writeFileSync(processFile, JSON.stringify({ ...JSON.parse(readFileSync('processes/ai-i-gentofte.json', 'utf8')), id: 'med-temadag' }));
    writeFileSync(join(dir, 'med-temadag.events.json'), readFileSync('processes/ai-i-gentofte.events.json', 'utf8'));
    const run = async () => {
      const err: string[] = [];
      const code = await main(['--stage', 'local', '--stack-file', stackFile, '--admin-email', 'temadag.admin@example.dk', '--admin-password', 'Admin-adgang-2026', '--process', processFile], { out: () => undefined, err: (t) => err.push(t) });
      return { code, err: err.join('\n') };
    };
    const first = await run();
    expect(first.code, first.err).toBe(0);
    expect(first.err).toContain('Arrangementerne er oprettet: ai-festival, borgermoede-ai.');
    expect(first.err).toContain('Én live-runde er oprettet som kladde.');
    const events = eventAdminListSchema.parse(await get('/processes/med-temadag/organiser/events')).items;
    expect(events.map((e) => [e.id, e.capacity])).toEqual([
      ['ai-festival', 60],
      ['borgermoede-ai', 120],
    ]);
    const log = await logOf('med-temadag');
    expect(log.filter((e) => e.actorId === 'setup').map((e) => e.action).sort()).toEqual(['event-create', 'event-create', 'live-round-create', 'process-create']);

    const second = await run();
    expect(second.code, second.err).toBe(0);
    expect(second.err).toContain('Forløbet har allerede arrangementerne');
    expect(second.err).toContain('Intet ændret');
    expect(await logOf('med-temadag')).toEqual(log);
    expect(await roundsOf('med-temadag', 'ai-festival')).toHaveLength(1);
  });

  it('refuses an events file with a mistake before anything is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltag-events-'));
    const stackFile = join(dir, 'stack.json');
    writeFileSync(stackFile, JSON.stringify(stack.info));
    writeFileSync(join(dir, 'daarlig-temadag.json'), JSON.stringify({ ...JSON.parse(readFileSync('processes/ai-i-gentofte.json', 'utf8')), id: 'daarlig-temadag' }));
    const broken = structuredClone(file);
    broken.liveRounds[0]!.event = 'temadag';
    writeFileSync(join(dir, 'daarlig-temadag.events.json'), JSON.stringify(broken));
    const err: string[] = [];
    const code = await main(['--stage', 'local', '--stack-file', stackFile, '--admin-email', 'temadag.admin@example.dk', '--process', join(dir, 'daarlig-temadag.json')], { out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/daarlig-temadag\.events\.json er ikke en gyldig liste af arrangementer:\n {2}liveRounds\.0\.event: "temadag" er ikke et arrangement i filen/);
    expect((await stack.api('/processes/daarlig-temadag')).status).toBe(404);
  });
});
