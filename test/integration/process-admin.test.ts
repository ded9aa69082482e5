import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogSchema } from '#shared/schemas/moderation';
import { processChangeListSchema, processDefinitionSchema, processListSchema, processSchema, type ProcessDefinition } from '#shared/schemas/process';
import { problemSchema } from '#shared/schemas/problem';
import { validIdea } from '../fixtures/ideas';
import { aDefinition } from '../fixtures/process-definitions';
import type { User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Process administration through the local gateway, against DynamoDB Local and cognito-local: what an
 * admin creates, changes, clones and archives, what the public sees of it, and every bad input of the
 * issue's quality bar refused with a Danish field message and nothing changed.
 */

let stack: TestStack;
let admin: User;
let citizen: User;

beforeAll(async () => {
  stack = await testStack();
  [admin, citizen] = (await Promise.all([stack.user({ role: 'admin', name: 'Ada Admin' }), stack.user({ name: 'Borger' })])) as [User, User];
}, 90_000);
afterAll(() => stack?.stop());

const create = (body: unknown) => stack.api('/processes', { method: 'POST', token: admin.token, body });
const patch = (id: string, body: unknown) => stack.api(`/processes/${id}`, { method: 'PATCH', token: admin.token, body });
const read = async (id: string) => {
  const r = await stack.api(`/processes/${id}`);
  return r.status === 200 ? processSchema.parse(r.json) : r.status;
};
const logOf = async (id: string) => auditLogSchema.parse((await stack.api(`/moderation/log?processId=${id}`, { token: admin.token })).json);

/** Creates a process whose ideas phase is open now; returns it as stored. */
async function created(id: string, overrides: Partial<ProcessDefinition> = {}) {
  const r = await create(aDefinition(id, overrides));
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return processSchema.parse(r.json);
}

/** A 4xx problem body whose errors name `path` with a Danish message matching `message`. */
function expectFieldProblem(r: { status: number; headers: Headers; json: unknown }, status: number, path: string, message: RegExp) {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(r.json);
  expect(problem.errors, JSON.stringify(problem)).toContainEqual({ path, message: expect.stringMatching(message) });
  return problem;
}

describe('create, read, list', () => {
  it('creates a process that GET, the list and the definition show as sent', async () => {
    const definition = aDefinition('skoler-og-ai');
    const r = await create(definition);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const process = processSchema.parse(r.json);
    expect(process).toMatchObject({ id: 'skoler-og-ai', title: definition.title, phases: definition.phases });

    expect(await read('skoler-og-ai')).toEqual(process);
    const list = processListSchema.parse((await stack.api('/processes')).json);
    expect(list.items.map((p) => p.id)).toEqual(expect.arrayContaining(['ai-i-gentofte', 'skoler-og-ai']));

    const exported = await stack.api('/processes/skoler-og-ai/definition', { token: admin.token });
    expect(exported.status).toBe(200);
    expect(processDefinitionSchema.parse(exported.json)).toEqual(processDefinitionSchema.parse(definition));
  });

  it('stores markup in titles as the plain text it is', async () => {
    const title = { da: '<script>alert("x")</script> & <b>fed</b>' };
    const process = await created('markup-titel', { title });
    expect(process.title).toEqual(title);
    expect(await read('markup-titel')).toMatchObject({ title });
  });
});

describe('changes: audited for admins, public for everyone', () => {
  it('logs each changed field with before and after, and lists the public ones without names', async () => {
    const process = await created('aendringer');
    const settings = { ...process.settings, flagThreshold: 5 };
    const r = await patch('aendringer', { expectedUpdatedAt: process.updatedAt, summary: { da: 'Ny opsummering.' }, settings });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const updated = processSchema.parse(r.json);
    expect(updated.settings.flagThreshold).toBe(5);
    expect(await read('aendringer')).toEqual(updated);

    const log = await logOf('aendringer');
    expect(log.items.map((e) => e.action)).toEqual(['process-update', 'process-create']);
    expect(log.items[0]).toMatchObject({ actorId: admin.userId, actorName: 'Ada Admin', targetKind: 'process', targetId: 'aendringer' });
    expect(log.items[0]!.changes).toEqual([
      { field: 'summary', before: process.summary, after: { da: 'Ny opsummering.' } },
      { field: 'settings.flagThreshold', before: 3, after: 5 },
    ]);

    const changes = await stack.api('/processes/aendringer/changes');
    expect(changes.status).toBe(200);
    const items = processChangeListSchema.parse(changes.json).items;
    expect(items.map((c) => c.action)).toEqual(['process-update', 'process-create']);
    expect(items[0]).toEqual({ at: updated.updatedAt, action: 'process-update', changes: [{ field: 'settings.flagThreshold', before: 3, after: 5 }] });
    expect(JSON.stringify(changes.json)).not.toMatch(/Ada Admin|Ny opsummering/);
    expect((await stack.api('/processes/findes-ikke/changes')).status).toBe(404);
  });
});

describe('bad input: a 4xx with a Danish field message, and nothing changed', () => {
  const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  it.each([
    ['overlapping phases of one kind', [{ kind: 'ideas', title: { da: 'A' }, startsAt: at(0), endsAt: at(20) }, { kind: 'ideas', title: { da: 'B' }, startsAt: at(10), endsAt: at(30) }], 'body.phases.1.startsAt', /Overlapper/],
    ['reversed phase dates', [{ kind: 'ideas', title: { da: 'A' }, startsAt: at(10), endsAt: at(0) }], 'body.phases.0.endsAt', /Slutdatoen skal ligge efter startdatoen/],
    ['an unknown phase kind', [{ kind: 'submission', title: { da: 'A' }, startsAt: at(0), endsAt: at(10) }], 'body.phases.0.kind', /Ukendt fasetype/],
  ])('refuses %s when creating and when changing', async (_what, phases, path, message) => {
    expectFieldProblem(await create({ ...aDefinition('ugyldige-faser'), phases }), 400, path, message);
    expect(await read('ugyldige-faser')).toBe(404);

    const process = await created(`faser-${path.replace(/[^a-z0-9]/gi, '').toLowerCase()}`);
    expectFieldProblem(await patch(process.id, { expectedUpdatedAt: process.updatedAt, phases }), 400, path, message);
    expect(await read(process.id)).toEqual(process);
  });

  it('refuses a slug that exists (409 on id), overwriting nothing', async () => {
    const first = await created('optaget');
    expectFieldProblem(await create({ ...aDefinition('optaget'), title: { da: 'Et andet forløb' } }), 409, 'body.id', /findes allerede/);
    expect(await read('optaget')).toEqual(first);
    expect((await logOf('optaget')).items).toHaveLength(1);
  });

  it('refuses deleting an area or effect in use, and lets it be retired', async () => {
    const process = await created('omraade-i-brug');
    const idea = await stack.api('/processes/omraade-i-brug/ideas', { method: 'POST', token: citizen.token, body: validIdea({ area: 'trafik', effects: ['hastighed'] }) });
    expect(idea.status, JSON.stringify(idea.json)).toBe(201);

    const without = { expectedUpdatedAt: process.updatedAt, areas: process.areas.filter((a) => a.id !== 'trafik') };
    expectFieldProblem(await patch('omraade-i-brug', without), 409, 'body.areas', /^Området 'Trafik' bruges af idéer og kan ikke slettes — markér det som udgået i stedet/);
    const noEffect = { expectedUpdatedAt: process.updatedAt, effects: process.effects.filter((e) => e.id !== 'hastighed') };
    expectFieldProblem(await patch('omraade-i-brug', noEffect), 409, 'body.effects', /'Hastighed' bruges af idéer/);
    expect(await read('omraade-i-brug')).toEqual(process);

    const retired = process.areas.map((a) => (a.id === 'trafik' ? { ...a, retired: true } : a));
    const r = await patch('omraade-i-brug', { expectedUpdatedAt: process.updatedAt, areas: retired });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(processSchema.parse(r.json).areas).toContainEqual({ id: 'trafik', name: { da: 'Trafik' }, retired: true });
  });

  it('refuses an area that is retired for a new idea', async () => {
    const areas = [{ id: 'skole', name: { da: 'Skole' } }, { id: 'trafik', name: { da: 'Trafik' }, retired: true }];
    await created('udgaaet-omraade', { areas });
    const r = await stack.api('/processes/udgaaet-omraade/ideas', { method: 'POST', token: citizen.token, body: validIdea({ area: 'trafik', effects: ['hastighed'] }) });
    expectFieldProblem(r, 400, 'body.area', /udgået/);
    expect((await stack.api('/processes/udgaaet-omraade/ideas')).json.items).toEqual([]);
  });

  it('refuses archiving with an open phase unless confirmed', async () => {
    const process = await created('aaben-fase');
    const problem = expectFieldProblem(await stack.api('/processes/aaben-fase/archive', { method: 'POST', token: admin.token, body: { archived: true } }), 409, 'body.confirm', /Bekræft/);
    expect(problem.type).toBe('/problems/open-phases');
    expect(await read('aaben-fase')).toEqual(process);
  });

  it('refuses a change based on an older version (someone changed it meanwhile)', async () => {
    const process = await created('samtidig');
    const first = await patch('samtidig', { expectedUpdatedAt: process.updatedAt, summary: { da: 'Første admin.' } });
    expect(first.status).toBe(200);
    expectFieldProblem(await patch('samtidig', { expectedUpdatedAt: process.updatedAt, summary: { da: 'Anden admin.' } }), 409, 'body.expectedUpdatedAt', /ændret/);
    expect(await read('samtidig')).toEqual(processSchema.parse(first.json));
  });

  it('refuses a body over 64 kB (413) and a changed id (400)', async () => {
    const process = await created('stor-tekst');
    const huge = await patch('stor-tekst', { expectedUpdatedAt: process.updatedAt, description: { da: 'æ'.repeat(40_000) } });
    expect(huge.status).toBe(413);
    expectFieldProblem(await patch('stor-tekst', { expectedUpdatedAt: process.updatedAt, id: 'nyt-id' }), 400, 'body', /.+/);
    expect(await read('stor-tekst')).toEqual(process);
    expect((await patch('findes-ikke', { expectedUpdatedAt: process.updatedAt, summary: { da: 'x' } })).status).toBe(404);
  });
});

describe('clone and archive', () => {
  it('clones with every date moved and the source named in the log', async () => {
    const source = await created('kilde');
    const startsAt = new Date(Date.parse(source.phases[0]!.startsAt) + 730 * 86_400_000).toISOString();
    const r = await stack.api('/processes/kilde/clone', { method: 'POST', token: admin.token, body: { id: 'kilde-2029', title: { da: 'Kilde igen' }, startsAt } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const clone = processSchema.parse(r.json);
    expect(clone.phases[0]!.startsAt).toBe(startsAt);
    expect(Date.parse(clone.settings.personalDataUntil) - Date.parse(source.settings.personalDataUntil)).toBe(730 * 86_400_000);
    expect(await read('kilde-2029')).toEqual(clone);
    expect((await logOf('kilde-2029')).items[0]).toMatchObject({ action: 'process-create', reason: 'Kopieret fra "Forløb kilde" (kilde)' });

    const taken = await stack.api('/processes/kilde/clone', { method: 'POST', token: admin.token, body: { id: 'kilde', title: { da: 'X' }, startsAt } });
    expectFieldProblem(taken, 409, 'body.id', /findes allerede/);
    expect((await stack.api('/processes/findes-ikke/clone', { method: 'POST', token: admin.token, body: { id: 'ny-kopi', title: { da: 'X' }, startsAt } })).status).toBe(404);
    // A start that would push the retention date past year 9999 is the admin's mistake, not a process no one can read.
    const far = await stack.api('/processes/kilde/clone', { method: 'POST', token: admin.token, body: { id: 'kilde-langt-ude', title: { da: 'X' }, startsAt: '9999-06-01T00:00:00.000Z' } });
    expectFieldProblem(far, 400, 'body.startsAt', /uden for kalenderen/);
    expect(await read('kilde-langt-ude')).toBe(404);
    expect((await stack.api('/processes')).status).toBe(200);
  });

  it('archives with confirmation; an archived process takes no ideas; the change is public', async () => {
    // Nothing reads this process before it is archived: participation caches a process for 30 s.
    await created('arkiveres');
    const r = await stack.api('/processes/arkiveres/archive', { method: 'POST', token: admin.token, body: { archived: true, confirm: true } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(processSchema.parse(r.json).archivedAt).toEqual(expect.any(String));

    const idea = await stack.api('/processes/arkiveres/ideas', { method: 'POST', token: citizen.token, body: validIdea({ area: 'skole', effects: ['kvalitet'] }) });
    expect(idea.status, JSON.stringify(idea.json)).toBe(409);
    expect(idea.json.type).toBe('/problems/process-archived');

    const changes = processChangeListSchema.parse((await stack.api('/processes/arkiveres/changes')).json).items;
    expect(changes[0]).toMatchObject({ action: 'process-archive', changes: [{ field: 'archived', before: false, after: true }] });

    const restored = await stack.api('/processes/arkiveres/archive', { method: 'POST', token: admin.token, body: { archived: false } });
    expect(restored.status).toBe(200);
    expect(processSchema.parse(restored.json).archivedAt).toBeUndefined();
    expect(await read('arkiveres')).toMatchObject({ id: 'arkiveres' });
    expect((await read('arkiveres') as { archivedAt?: string }).archivedAt).toBeUndefined();
  });
});
