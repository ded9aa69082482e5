import { describe, expect, it } from 'vitest';
import { longSentences, PLAIN_INTRO_MAX, PLAIN_SENTENCE_WORDS } from '#shared/rules/assisted';
import { processDefinitionSchema, processUpdateSchema } from '#shared/schemas/process';
import { processDefinition } from '#functions/domain/processes';
import { configChanges } from '#functions/domain/process-admin/changes';
import { cloneProcess } from '#functions/domain/process-admin/clone';
import { createProcess } from '#functions/domain/process-admin/create';
import { updateProcess } from '#functions/domain/process-admin/update';
import { GENTOFTE_FILE, readDefinitionFile } from '../../cdk/setup/definition';
import { fakeWorld } from '../fakes';
import { aDefinition } from '../fixtures/process-definitions';

/**
 * A process's plain-language introduction ("letlæst"): the seeded Gentofte process carries one in plain
 * Danish (and English), and the process administration creates, changes, removes, clones and exports it
 * like its other texts, each change in the audit log.
 */

const NOW = '2027-03-01T10:00:00.000Z';
const intro = { da: 'Kommunen vil bruge AI. Fortæl os, hvad du mener.', en: 'The municipality wants to use AI. Tell us what you think.' };

describe('the Gentofte process’s plain intro', () => {
  const gentofte = readDefinitionFile(GENTOFTE_FILE);

  it('is there in Danish and English, within the limit', () => {
    expect(gentofte.plainIntro?.da.length).toBeGreaterThan(200);
    expect(gentofte.plainIntro?.en?.length).toBeGreaterThan(200);
    expect(gentofte.plainIntro!.da.length).toBeLessThanOrEqual(PLAIN_INTRO_MAX);
  });

  it(`has no sentence over ${PLAIN_SENTENCE_WORDS} words, in either language`, () => {
    expect(longSentences(gentofte.plainIntro!.da)).toEqual([]);
    expect(longSentences(gentofte.plainIntro!.en!)).toEqual([]);
  });

  it('is plainer than the full description: shorter sentences on average', () => {
    const average = (text: string) => {
      const sentences = text.split(/(?<=[.!?:])\s+|\n+/).filter((s) => s.trim());
      return text.split(/\s+/).length / sentences.length;
    };
    expect(average(gentofte.plainIntro!.da)).toBeLessThan(average(gentofte.description.da) * 0.6);
  });

  it('the check itself finds a long sentence', () => {
    const long = Array.from({ length: PLAIN_SENTENCE_WORDS + 1 }, () => 'ord').join(' ') + '.';
    expect(longSentences(`Kort. ${long} Også kort.`)).toEqual([long]);
  });
});

function world() {
  const w = fakeWorld({ now: NOW });
  const admin = w.given.user('admin-1', ['admin'], { displayName: 'Ada Admin' });
  const now = () => w.clock.now();
  const auditOf = (processId: string) => [...w.tables.audit.values()].filter((e) => e.processId === processId).sort((a, b) => a.id.localeCompare(b.id));
  return { ...w, admin, now, auditOf };
}

describe('the process administration carries the plain intro', () => {
  it('creates a process with it, and the definition gives it back', async () => {
    const w = world();
    const definition = processDefinitionSchema.parse(aDefinition('skoler', { plainIntro: intro }, new Date(NOW)));
    const process = await createProcess(w.deps, w.admin, definition, w.now());
    expect(process.plainIntro).toEqual(intro);
    expect((await processDefinition(w.deps.processes, 'skoler')).plainIntro).toEqual(intro);
    expect(w.auditOf('skoler')[0]!.changes).toContainEqual({ field: 'plainIntro', after: intro });
  });

  it('sets, changes and removes it with PATCH (null removes), each change audited with before and after', async () => {
    const w = world();
    const created = await createProcess(w.deps, w.admin, processDefinitionSchema.parse(aDefinition('skoler', {}, new Date(NOW))), w.now());
    expect(created).not.toHaveProperty('plainIntro');

    const set = await updateProcess(w.deps, w.admin, 'skoler', processUpdateSchema.parse({ expectedUpdatedAt: created.updatedAt, plainIntro: intro }), w.now());
    expect(set.plainIntro).toEqual(intro);
    const changed = { da: 'Ny kort tekst.' };
    const next = await updateProcess(w.deps, w.admin, 'skoler', processUpdateSchema.parse({ expectedUpdatedAt: set.updatedAt, plainIntro: changed }), w.now());
    expect(next.plainIntro).toEqual(changed);
    // Absent: left as it is.
    const untouched = await updateProcess(w.deps, w.admin, 'skoler', processUpdateSchema.parse({ expectedUpdatedAt: next.updatedAt, summary: { da: 'Andet resumé.' } }), w.now());
    expect(untouched.plainIntro).toEqual(changed);
    const removed = await updateProcess(w.deps, w.admin, 'skoler', processUpdateSchema.parse({ expectedUpdatedAt: untouched.updatedAt, plainIntro: null }), w.now());
    expect(removed).not.toHaveProperty('plainIntro');
    expect(await w.deps.processes.get('skoler')).not.toHaveProperty('plainIntro');

    const updates = w.auditOf('skoler').filter((e) => e.action === 'process-update').map((e) => e.changes);
    expect(updates).toEqual([
      [{ field: 'plainIntro', after: intro }],
      [{ field: 'plainIntro', before: intro, after: changed }],
      [{ field: 'summary', before: created.summary, after: { da: 'Andet resumé.' } }],
      [{ field: 'plainIntro', before: changed }],
    ]);
    // Removing what is not there changes nothing and logs nothing.
    const again = await updateProcess(w.deps, w.admin, 'skoler', processUpdateSchema.parse({ expectedUpdatedAt: removed.updatedAt, plainIntro: null }), w.now());
    expect(again.updatedAt).toBe(removed.updatedAt);
    expect(w.auditOf('skoler').filter((e) => e.action === 'process-update')).toHaveLength(4);
  });

  it('a clone keeps the source’s plain intro', async () => {
    const w = world();
    const source = await createProcess(w.deps, w.admin, processDefinitionSchema.parse(aDefinition('kilde', { plainIntro: intro }, new Date(NOW))), w.now());
    const clone = await cloneProcess(w.deps, w.admin, 'kilde', { id: 'kilde-2029', title: { da: 'Igen' }, startsAt: source.phases[0]!.startsAt }, w.now());
    expect(clone.plainIntro).toEqual(intro);
  });

  it('configChanges names the plain intro as a field of its own', () => {
    const { id: _id, ...config } = processDefinitionSchema.parse(aDefinition('aa', {}, new Date(NOW)));
    expect(configChanges(config, { ...config, plainIntro: intro })).toEqual([{ field: 'plainIntro', after: intro }]);
  });
});
