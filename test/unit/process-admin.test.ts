import { describe, expect, it } from 'vitest';
import { processDefinitionSchema, type Process, type ProcessDefinition } from '#shared/schemas/process';
import { createIdea } from '#functions/domain/ideas';
import { processChanges, processDefinition } from '#functions/domain/processes';
import { archiveProcess } from '#functions/domain/process-admin/archive';
import { configChanges, publicChanges } from '#functions/domain/process-admin/changes';
import { cloneProcess, shiftDefinition } from '#functions/domain/process-admin/clone';
import { createProcess } from '#functions/domain/process-admin/create';
import { updateProcess } from '#functions/domain/process-admin/update';
import { ideaCreateSchema } from '#shared/schemas/idea';
import { fakeWorld } from '../fakes';
import { aDefinition } from '../fixtures/process-definitions';

const NOW = '2027-03-01T10:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;

/** A world with an admin (profile "Ada Admin") and a process `skoler` whose ideas phase is open. */
function world() {
  const w = fakeWorld({ now: NOW });
  const admin = w.given.user('admin-1', ['admin'], { displayName: 'Ada Admin' });
  const definition = processDefinitionSchema.parse(aDefinition('skoler', {}, new Date(NOW)));
  const now = () => w.clock.now();
  const auditOf = (processId: string) => [...w.tables.audit.values()].filter((e) => e.processId === processId).sort((a, b) => a.id.localeCompare(b.id));
  return { ...w, admin, definition, now, auditOf };
}

const parsed = (d: unknown): ProcessDefinition => processDefinitionSchema.parse(d);

describe('configChanges', () => {
  const before = parsed(aDefinition('aa', {}, new Date(NOW)));
  const { id: _id, ...config } = before;

  it('lists nothing when nothing changed, whatever the order of keys', () => {
    const reordered = { ...config, settings: Object.fromEntries(Object.entries(config.settings).reverse()) as typeof config.settings };
    expect(configChanges(config, reordered)).toEqual([]);
  });

  it('lists each changed field with before and after, settings key by key', () => {
    const after = { ...config, title: { da: 'Ny titel' }, settings: { ...config.settings, flagThreshold: 5 } };
    expect(configChanges(config, after)).toEqual([
      { field: 'title', before: config.title, after: { da: 'Ny titel' } },
      { field: 'settings.flagThreshold', before: 3, after: 5 },
    ]);
  });

  it('on a creation lists every field with its value only', () => {
    const changes = configChanges(undefined, config);
    expect(changes.map((c) => c.field)).toEqual([
      'title', 'summary', 'description', 'charter', 'phases', 'areas', 'effects',
      'settings.moderation', 'settings.flagThreshold', 'settings.limits', 'settings.votesPerPerson', 'settings.personalDataUntil',
    ]);
    expect(changes.every((c) => !('before' in c) && 'after' in c)).toBe(true);
  });
});

describe('createProcess', () => {
  it('stores the definition and logs every field, signed with the admin\'s name', async () => {
    const w = world();
    const process = await createProcess(w.deps, w.admin, w.definition, w.now());
    expect(process).toMatchObject({ id: 'skoler', createdAt: NOW, updatedAt: NOW });
    expect(process.archivedAt).toBeUndefined();
    expect(w.tables.processes.get('skoler')).toEqual(process);
    const [entry, ...more] = w.auditOf('skoler');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'process-create', targetKind: 'process', targetId: 'skoler', actorId: 'admin-1', actorName: 'Ada Admin' });
    expect(entry!.changes).toContainEqual({ field: 'phases', after: w.definition.phases });
  });

  it('names a command by the name it gives (setup has no profile)', async () => {
    const w = world();
    await createProcess(w.deps, { userId: 'setup', name: 'Opsætning' }, w.definition, w.now());
    expect(w.auditOf('skoler')[0]).toMatchObject({ actorId: 'setup', actorName: 'Opsætning' });
  });

  it('refuses an id that is taken with 409 on body.id, overwriting nothing', async () => {
    const w = world();
    const first = await createProcess(w.deps, w.admin, w.definition, w.now());
    w.clock.advance(1000);
    const again = { ...w.definition, title: { da: 'Et andet forløb' } };
    await expect(createProcess(w.deps, w.admin, again, w.now())).rejects.toMatchObject({
      status: 409,
      errors: [{ path: 'body.id', message: expect.stringMatching(/findes allerede/) }],
    });
    expect(w.tables.processes.get('skoler')).toEqual(first);
    expect(w.auditOf('skoler')).toHaveLength(1);
  });
});

describe('updateProcess', () => {
  async function created() {
    const w = world();
    const process = await createProcess(w.deps, w.admin, w.definition, w.now());
    w.clock.advance(60_000);
    return { ...w, process };
  }

  it('replaces the fields given and logs only what really changed, with before and after', async () => {
    const w = await created();
    const settings = { ...w.process.settings, flagThreshold: 7 };
    const updated = await updateProcess(w.deps, w.admin, 'skoler', { expectedUpdatedAt: w.process.updatedAt, title: w.process.title, settings }, w.now());
    expect(updated.settings.flagThreshold).toBe(7);
    expect(updated.updatedAt).toBe(w.now().toISOString());
    expect(updated.createdAt).toBe(NOW);
    expect(w.tables.processes.get('skoler')).toEqual(updated);
    const entry = w.auditOf('skoler').at(-1)!;
    expect(entry).toMatchObject({ action: 'process-update', actorName: 'Ada Admin' });
    expect(entry.changes).toEqual([{ field: 'settings.flagThreshold', before: 3, after: 7 }]);
  });

  it('refuses a retention date before the last phase people take part in has ended (400), changing nothing', async () => {
    const w = await created();
    const lastEnd = Math.max(...w.process.phases.filter((p) => p.kind === 'ideas' || p.kind === 'voting').map((p) => Date.parse(p.endsAt!)));
    const settings = { ...w.process.settings, personalDataUntil: new Date(lastEnd - DAY).toISOString() };
    await expect(updateProcess(w.deps, w.admin, 'skoler', { expectedUpdatedAt: w.process.updatedAt, settings }, w.now())).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.settings.personalDataUntil', message: expect.stringContaining('Opbevaringsfristen') }],
    });
    expect(w.tables.processes.get('skoler')).toEqual(w.process);
    expect(processDefinitionSchema.safeParse({ ...w.definition, settings }).success).toBe(false);
  });

  it('writes nothing when nothing changed', async () => {
    const w = await created();
    const same = await updateProcess(w.deps, w.admin, 'skoler', { expectedUpdatedAt: w.process.updatedAt, areas: w.process.areas }, w.now());
    expect(same).toEqual(w.process);
    expect(w.auditOf('skoler')).toHaveLength(1);
  });

  it('refuses an edit of an older version (409), keeping the other admin\'s change', async () => {
    const w = await created();
    const first = await updateProcess(w.deps, w.admin, 'skoler', { expectedUpdatedAt: w.process.updatedAt, summary: { da: 'Første rettelse.' } }, w.now());
    await expect(
      updateProcess(w.deps, w.admin, 'skoler', { expectedUpdatedAt: w.process.updatedAt, summary: { da: 'Anden rettelse.' } }, w.now()),
    ).rejects.toMatchObject({ status: 409, slug: 'process-changed', errors: [{ path: 'body.expectedUpdatedAt' }] });
    expect(w.tables.processes.get('skoler')).toEqual(first);
    expect(first.updatedAt > w.process.updatedAt).toBe(true);
  });

  it('refuses when the store finds the process changed between read and write', async () => {
    const w = await created();
    const racing = { ...w.deps, processes: { ...w.deps.processes, update: async () => 'stale' as const } };
    await expect(updateProcess(racing, w.admin, 'skoler', { expectedUpdatedAt: w.process.updatedAt, summary: { da: 'Rettet.' } }, w.now())).rejects.toMatchObject({ status: 409 });
    expect(w.tables.processes.get('skoler')).toEqual(w.process);
  });

  it('accepts the same instant written with another offset', async () => {
    const w = await created();
    const expectedUpdatedAt = w.process.updatedAt.replace('Z', '+00:00');
    await expect(updateProcess(w.deps, w.admin, 'skoler', { expectedUpdatedAt, summary: { da: 'Rettet.' } }, w.now())).resolves.toMatchObject({ summary: { da: 'Rettet.' } });
  });

  it('will not delete an area or effect an idea uses, in any status, but lets it be retired', async () => {
    const w = await created();
    w.given.idea({ processId: 'skoler', area: 'trafik', effects: ['hastighed'], status: 'hidden' });
    const without = { expectedUpdatedAt: w.process.updatedAt, areas: w.process.areas.filter((a) => a.id !== 'trafik'), effects: w.process.effects.filter((e) => e.id !== 'hastighed') };
    const refused = updateProcess(w.deps, w.admin, 'skoler', without, w.now());
    await expect(refused).rejects.toMatchObject({
      status: 409,
      errors: [
        { path: 'body.areas', message: "Området 'Trafik' bruges af idéer og kan ikke slettes — markér det som udgået i stedet." },
        { path: 'body.effects', message: expect.stringContaining("'Hastighed'") },
      ],
    });
    expect(w.tables.processes.get('skoler')).toEqual(w.process);

    const retired = w.process.areas.map((a) => (a.id === 'trafik' ? { ...a, retired: true } : a));
    const updated = await updateProcess(w.deps, w.admin, 'skoler', { expectedUpdatedAt: w.process.updatedAt, areas: retired }, w.now());
    expect(updated.areas.find((a) => a.id === 'trafik')?.retired).toBe(true);
  });

  it('deletes an area no idea uses', async () => {
    const w = await created();
    w.given.idea({ processId: 'ai-i-gentofte', area: 'trafik', effects: ['hastighed'] }); // another process's idea
    const areas = w.process.areas.filter((a) => a.id !== 'trafik');
    const updated = await updateProcess(w.deps, w.admin, 'skoler', { expectedUpdatedAt: w.process.updatedAt, areas }, w.now());
    expect(updated.areas.map((a) => a.id)).toEqual(['skole']);
    expect(w.auditOf('skoler').at(-1)!.changes).toEqual([{ field: 'areas', before: w.process.areas, after: areas }]);
  });

  it('is 404 for a process that does not exist', async () => {
    const w = world();
    await expect(updateProcess(w.deps, w.admin, 'findes-ikke', { expectedUpdatedAt: NOW }, w.now())).rejects.toMatchObject({ status: 404 });
  });
});

describe('cloneProcess', () => {
  it('moves every date by the same amount, drops retired areas and names the source', async () => {
    const w = world();
    const retiredArea = { ...w.definition, areas: [...w.definition.areas, { id: 'gammel', name: { da: 'Gammel' }, retired: true }] };
    const source = await createProcess(w.deps, w.admin, retiredArea, w.now());
    const startsAt = new Date(Date.parse(source.phases[0]!.startsAt) + 730 * DAY);
    const clone = await cloneProcess(w.deps, w.admin, 'skoler', { id: 'skoler-2029', title: { da: 'Skoler igen' }, startsAt: startsAt.toISOString() }, w.now());

    const moved = (at: string) => new Date(Date.parse(at) + 730 * DAY).toISOString();
    expect(clone.id).toBe('skoler-2029');
    expect(clone.title).toEqual({ da: 'Skoler igen' });
    expect(clone.phases.map((p) => [p.startsAt, p.endsAt])).toEqual(source.phases.map((p) => [moved(p.startsAt), p.endsAt && moved(p.endsAt)]));
    expect(clone.charter.meetings[0]!.at).toBe(moved(source.charter.meetings[0]!.at));
    expect(clone.settings.personalDataUntil).toBe(moved(source.settings.personalDataUntil));
    expect(clone.areas.map((a) => a.id)).toEqual(['skole', 'trafik']);
    expect(clone.description).toEqual(source.description);
    // The clone passes every check a definition must (phases in order, no overlaps).
    expect(processDefinitionSchema.safeParse(await processDefinition(w.deps.processes, 'skoler-2029')).success).toBe(true);
    expect(w.auditOf('skoler-2029')[0]).toMatchObject({ action: 'process-create', reason: 'Kopieret fra "Forløb skoler" (skoler)' });
    expect(w.tables.processes.get('skoler')).toEqual(source);
  });

  it('is 404 without a source and 409 on a taken id', async () => {
    const w = world();
    const input = { id: 'skoler', title: { da: 'Kopi' }, startsAt: NOW };
    await expect(cloneProcess(w.deps, w.admin, 'findes-ikke', input, w.now())).rejects.toMatchObject({ status: 404 });
    await createProcess(w.deps, w.admin, w.definition, w.now());
    await expect(cloneProcess(w.deps, w.admin, 'skoler', input, w.now())).rejects.toMatchObject({ status: 409, errors: [{ path: 'body.id' }] });
    expect(w.auditOf('skoler')).toHaveLength(1);
  });

  it('refuses a start that would move a date out of the calendar (400 on startsAt), creating nothing', async () => {
    const w = world();
    await createProcess(w.deps, w.admin, w.definition, w.now());
    const input = { id: 'langt-ude', title: { da: 'Langt ude' }, startsAt: '9999-06-01T00:00:00.000Z' };
    await expect(cloneProcess(w.deps, w.admin, 'skoler', input, w.now())).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.startsAt' }] });
    expect(w.tables.processes.has('langt-ude')).toBe(false);
  });

  it('shiftDefinition keeps a last phase without an end open', () => {
    const d = parsed(aDefinition('xx', {}, new Date(NOW)));
    const shifted = shiftDefinition(d, new Date('2030-01-01T00:00:00.000Z'));
    expect(shifted.phases[0]!.startsAt).toBe('2030-01-01T00:00:00.000Z');
    expect(shifted.phases.at(-1)!.endsAt).toBeUndefined();
    expect(d.phases[0]!.startsAt).not.toBe(shifted.phases[0]!.startsAt); // the input is left as it was
  });
});

describe('archiveProcess', () => {
  async function created() {
    const w = world();
    const process = await createProcess(w.deps, w.admin, w.definition, w.now());
    w.clock.advance(60_000);
    return { ...w, process };
  }

  it('asks for confirmation while a phase is open, changing nothing', async () => {
    const w = await created();
    await expect(archiveProcess(w.deps, w.admin, 'skoler', { archived: true }, w.now())).rejects.toMatchObject({
      status: 409,
      slug: 'open-phases',
      errors: [{ path: 'body.confirm', message: expect.stringMatching(/Bekræft/) }],
    });
    expect(w.tables.processes.get('skoler')).toEqual(w.process);
    expect(w.auditOf('skoler')).toHaveLength(1);
  });

  it('archives with confirmation, and then takes no ideas; restoring opens it again', async () => {
    const w = await created();
    const archived = await archiveProcess(w.deps, w.admin, 'skoler', { archived: true, confirm: true }, w.now());
    expect(archived.archivedAt).toBe(w.now().toISOString());
    expect(w.auditOf('skoler').at(-1)).toMatchObject({ action: 'process-archive', changes: [{ field: 'archived', before: false, after: true }] });

    const citizen = w.given.user('citizen-1');
    const idea = ideaCreateSchema.parse({ title: 'Lektiehjælp med AI', body: 'En AI-makker kunne hjælpe elever med lektierne om eftermiddagen.', area: 'skole', effects: ['kvalitet'], beneficiaries: ['citizens'] });
    await expect(createIdea(w.deps, citizen, 'skoler', idea)).rejects.toMatchObject({ status: 409, slug: 'process-archived' });

    const again = await archiveProcess(w.deps, w.admin, 'skoler', { archived: true }, w.now());
    expect(again).toEqual(archived);
    expect(w.auditOf('skoler')).toHaveLength(2);

    const restored = await archiveProcess(w.deps, w.admin, 'skoler', { archived: false }, w.now());
    expect(restored.archivedAt).toBeUndefined();
    expect(w.tables.processes.get('skoler')?.archivedAt).toBeUndefined();
    expect(w.auditOf('skoler').at(-1)).toMatchObject({ action: 'process-restore', changes: [{ field: 'archived', before: true, after: false }] });
    await expect(createIdea(w.deps, citizen, 'skoler', idea)).resolves.toMatchObject({ processId: 'skoler' });
  });

  it('archives a process whose phases are over without asking', async () => {
    const w = await created();
    w.clock.advance(100 * DAY);
    await expect(archiveProcess(w.deps, w.admin, 'skoler', { archived: true }, w.now())).resolves.toMatchObject({ archivedAt: w.now().toISOString() });
  });
});

describe('processChanges and processDefinition', () => {
  it('lists the public changes newest first, without names or texts', async () => {
    const w = world();
    const created = await createProcess(w.deps, w.admin, w.definition, w.now());
    w.clock.advance(60_000);
    const textOnly = await updateProcess(w.deps, w.admin, 'skoler', { expectedUpdatedAt: created.updatedAt, summary: { da: 'Ny tekst.' } }, w.now());
    w.clock.advance(60_000);
    await updateProcess(w.deps, w.admin, 'skoler', { expectedUpdatedAt: textOnly.updatedAt, summary: { da: 'Igen.' }, settings: { ...created.settings, moderation: 'pre' } }, w.now());

    const changes = await processChanges(w.deps, 'skoler');
    expect(changes.map((c) => c.action)).toEqual(['process-update', 'process-create']);
    expect(changes[0]).toEqual({ at: w.now().toISOString(), action: 'process-update', changes: [{ field: 'settings.moderation', before: 'post', after: 'pre' }] });
    expect(changes[1]!.changes.map((c) => c.field)).not.toContain('title');
    expect(JSON.stringify(changes)).not.toMatch(/Ada Admin|admin-1/);
    await expect(processChanges(w.deps, 'findes-ikke')).rejects.toMatchObject({ status: 404 });
  });

  it('keeps an erasure of personal data in the public list', () => {
    const entry = { id: '01J', processId: 'p', at: NOW, actorId: 'retention', actorName: 'Opbevaringsfrist', targetKind: 'process' as const, targetId: 'p' };
    expect(publicChanges([{ ...entry, action: 'process-erase' }, { ...entry, action: 'hide' }])).toEqual([{ at: NOW, action: 'process-erase', changes: [] }]);
  });

  it('hands out the definition as the JSON setup imports', async () => {
    const w = world();
    const process: Process = await createProcess(w.deps, w.admin, w.definition, w.now());
    await archiveProcess(w.deps, w.admin, 'skoler', { archived: true, confirm: true }, w.now());
    const definition = await processDefinition(w.deps.processes, 'skoler');
    expect(processDefinitionSchema.parse(definition)).toEqual(w.definition);
    expect(Object.keys(definition)).not.toContain('archivedAt');
    expect(process.createdAt).toBe(NOW);
  });
});

describe('createIdea and retired areas', () => {
  it('refuses a retired area or effect for a new idea, naming the field', async () => {
    const w = world();
    const areas = w.definition.areas.map((a) => (a.id === 'trafik' ? { ...a, retired: true } : a));
    const effects = w.definition.effects.map((e) => (e.id === 'hastighed' ? { ...e, retired: true } : e));
    await createProcess(w.deps, w.admin, { ...w.definition, areas, effects }, w.now());
    const citizen = w.given.user('citizen-1');
    const idea = ideaCreateSchema.parse({ title: 'Smartere trafiklys', body: 'Trafiklysene kunne tilpasse sig cyklisterne om morgenen.', area: 'trafik', effects: ['kvalitet', 'hastighed'], beneficiaries: ['citizens'] });
    await expect(createIdea(w.deps, citizen, 'skoler', idea)).rejects.toMatchObject({
      status: 400,
      errors: [
        { path: 'body.area', message: expect.stringMatching(/udgået/) },
        { path: 'body.effects.1', message: expect.stringMatching(/udgået/) },
      ],
    });
    expect([...w.tables.ideas.values()].filter((i) => i.processId === 'skoler')).toEqual([]);
  });
});
