import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  definitionJson,
  DefinitionFileError,
  GENTOFTE_FILE,
  gentofteProcess,
  localGentofte,
  localStart,
  readDefinitionFile,
  shiftDefinition,
  toDefinition,
} from '../../cdk/setup/definition';
import { importDefinition } from '../../cdk/setup/import';
import { localDate } from '#functions/lib/copenhagen-time';
import type { ProcessDefinition } from '#shared/schemas/process';
import { fakeWorld, PROCESS_ID } from '../fakes';

/** The process definition files: the Gentofte file, reading one, moving its dates, and the export's round trip. */
const fileText = readFileSync(GENTOFTE_FILE, 'utf8');
const DAY = 24 * 60 * 60 * 1000;

/** Every date of a definition, in a fixed order. */
const datesOf = (d: ProcessDefinition) => [
  ...d.phases.flatMap((p) => [p.startsAt, ...(p.endsAt ? [p.endsAt] : [])]),
  ...d.charter.meetings.map((m) => m.at),
  d.settings.personalDataUntil,
];

describe('processes/ai-i-gentofte.json', () => {
  const gentofte = readDefinitionFile(GENTOFTE_FILE);

  it('is a valid definition of the Gentofte AI process with its real areas and effects', () => {
    expect(gentofte.id).toBe('ai-i-gentofte');
    expect(gentofte.title.da).toBe('AI i Gentofte Kommune');
    expect(gentofte.areas.map((a) => a.name.da)).toEqual([
      'Børn og unge',
      'Ældre, sundhed og omsorg',
      'Social og beskæftigelse',
      'Borgerservice og administration',
      'By, miljø og klima',
      'Kultur, idræt og fritid',
      'Erhverv',
      'Arbejdsplads og medarbejdere',
    ]);
    // The terms of reference name effektivitet, kvalitet and hastighed.
    expect(gentofte.effects.map((e) => e.id)).toEqual(expect.arrayContaining(['effektivitet', 'kvalitet', 'hastighed']));
    expect(gentofte.charter.tasks.da).toMatch(/etiske retningslinjer/);
    expect(gentofte.charter.tasks.da).toMatch(/temadag for medarbejdere/);
  });

  it('publishes the committee as the terms of reference compose it, no invented names or meeting dates', () => {
    // Composition, not people: every "name" is a count of a group (5 from the council, 10 citizens or business people).
    for (const member of gentofte.charter.members) expect(member.name).toMatch(/^\d(-\d)? (medlemmer af Kommunalbestyrelsen|borgere eller erhvervsdrivende)/);
    const counts = gentofte.charter.members.map((m) => m.name.match(/^(\d)(?:-(\d))?/)!).map((m) => [Number(m[1]), Number(m[2] ?? m[1])] as const);
    expect(counts[0]).toEqual([5, 5]);
    const citizens = counts.slice(1);
    expect(citizens.reduce((n, [min]) => n + min, 0)).toBeLessThanOrEqual(10);
    expect(citizens.reduce((n, [, max]) => n + max, 0)).toBeGreaterThanOrEqual(10);
    expect(gentofte.charter.meetings).toEqual([]);
  });

  it('runs within the committee period, 3rd quarter 2025 to 2nd quarter 2026 (Danish time), and keeps personal data a year after', () => {
    expect(gentofte.phases.map((p) => p.kind)).toEqual(['ideas', 'survey', 'voting', 'review', 'consultation', 'event', 'closed']);
    expect(localDate(new Date(gentofte.phases[0]!.startsAt))).toBe('2025-07-01');
    const closed = gentofte.phases.at(-1)!;
    expect(closed.endsAt).toBeUndefined();
    expect(localDate(new Date(closed.startsAt))).toBe('2026-07-01');
    // Every boundary is midnight in Copenhagen, summer or winter time.
    for (const at of datesOf(gentofte)) expect(new Date(at).toLocaleTimeString('da-DK', { timeZone: 'Europe/Copenhagen' })).toBe('00.00.00');
    expect(localDate(new Date(gentofte.settings.personalDataUntil))).toBe('2027-07-01');
  });

  it('has every text in English too', () => {
    const missing: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (!value || typeof value !== 'object') return;
      if ('da' in value && !('en' in value)) missing.push(path);
      for (const [key, v] of Object.entries(value)) walk(v, `${path}.${key}`);
    };
    walk(gentofte, '');
    expect(missing).toEqual([]);
  });

  it('is written as the export writes it (key order, indents, final newline)', () => {
    expect(definitionJson(gentofte)).toBe(fileText);
  });
});

describe('readDefinitionFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deltag-definition-'));
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const failure = (path: string) => {
    try {
      readDefinitionFile(path);
    } catch (error) {
      return error;
    }
    throw new Error(`${path} was read without complaint`);
  };

  it('names a missing file and a file that is not JSON', () => {
    expect(failure(join(dir, 'nope.json'))).toEqual(new DefinitionFileError(`Filen findes ikke: ${join(dir, 'nope.json')}`));
    const notJson = write('broken.json', '{ "id": ');
    expect((failure(notJson) as Error).message).toMatch(new RegExp(`^${notJson} er ikke gyldig JSON: `));
  });

  it('lists each problem with its path, in Danish', () => {
    const bad = JSON.parse(fileText) as Record<string, any>;
    bad.phases[1].kind = 'hackathon';
    delete bad.title.da;
    const path = write('bad.json', JSON.stringify(bad));
    const message = (failure(path) as Error).message.split('\n');
    expect(message[0]).toBe(`${path} er ikke en gyldig forløbsdefinition:`);
    expect(message.slice(1).sort()).toEqual(['  phases.1.kind: Ukendt fasetype', '  title.da: Skal udfyldes']);
  });

  it('names a phase whose dates do not hold (the same checks as the workspace)', () => {
    const reversed = JSON.parse(fileText) as Record<string, any>;
    reversed.phases[2].endsAt = reversed.phases[2].startsAt;
    const message = (failure(write('reversed.json', JSON.stringify(reversed))) as Error).message.split('\n');
    expect(message).toHaveLength(2);
    expect(message[1]).toMatch(/^  phases\.2\.endsAt: \S/);
  });
});

describe('shiftDefinition', () => {
  const withMeeting: ProcessDefinition = {
    ...gentofteProcess(),
    charter: { ...gentofteProcess().charter, meetings: [{ at: '2025-09-15T15:00:00.000Z', title: { da: 'Møde', en: 'Meeting' } }] },
  };

  it('moves every date by the same amount, so the first phase starts at the given moment', () => {
    const start = new Date('2026-12-01T00:00:00.000Z');
    const moved = shiftDefinition(withMeeting, start);
    expect(moved.phases[0]!.startsAt).toBe(start.toISOString());
    const before = datesOf(withMeeting).map(Date.parse);
    const after = datesOf(moved).map(Date.parse);
    expect(after.map((t, i) => t - before[i]!)).toEqual(before.map(() => start.getTime() - before[0]!));
    expect(moved.charter.meetings).toHaveLength(1);
    expect(moved.phases.at(-1)!.endsAt).toBeUndefined();
    // Only dates: the rest is the definition as it was, and the definition itself is untouched.
    expect({ ...moved, phases: [], charter: { ...moved.charter, meetings: [] }, settings: { ...moved.settings, personalDataUntil: '' } }).toEqual({
      ...withMeeting,
      phases: [],
      charter: { ...withMeeting.charter, meetings: [] },
      settings: { ...withMeeting.settings, personalDataUntil: '' },
    });
    expect(withMeeting.phases[0]!.startsAt).toBe('2025-06-30T22:00:00.000Z');
  });

  it('moved back, gives the same dates as before', () => {
    const there = shiftDefinition(withMeeting, new Date('2031-02-03T04:05:06.007Z'));
    expect(shiftDefinition(there, new Date(withMeeting.phases[0]!.startsAt))).toEqual(withMeeting);
  });

  it('on the local stack starts the process at midnight (UTC) of the day of seeding, or days before it', () => {
    const seededAt = new Date('2026-12-01T17:45:00Z');
    expect(localStart(seededAt).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(localStart(seededAt, 42).toISOString()).toBe(new Date(Date.parse('2026-12-01T00:00:00.000Z') - 42 * DAY).toISOString());
    expect(localGentofte(seededAt, 42).phases[0]!.startsAt).toBe(localStart(seededAt, 42).toISOString());
  });
});

describe('import and export', () => {
  const now = new Date('2026-12-01T09:00:00.000Z');
  const emptyWorld = () => {
    const world = fakeWorld();
    world.tables.processes.delete(PROCESS_ID);
    return world;
  };

  it("exports what it imported as the same file (the file's dates: AWS, or --keep-dates)", async () => {
    const { deps, tables } = emptyWorld();
    expect(await importDefinition(deps, readDefinitionFile(GENTOFTE_FILE), now)).toBe('created');
    const stored = tables.processes.get(PROCESS_ID)!;
    expect(stored).toMatchObject({ createdAt: now.toISOString(), updatedAt: now.toISOString() });
    expect(definitionJson(toDefinition(stored))).toBe(fileText);
  });

  it('exports a locally imported process as the file once its dates are moved back', async () => {
    const { deps, tables } = emptyWorld();
    const file = readDefinitionFile(GENTOFTE_FILE);
    await importDefinition(deps, localGentofte(now), now);
    const exported = toDefinition(tables.processes.get(PROCESS_ID)!);
    expect(exported.phases[0]!.startsAt).toBe('2026-12-01T00:00:00.000Z');
    expect(definitionJson(shiftDefinition(exported, new Date(file.phases[0]!.startsAt)))).toBe(fileText);
  });

  it('audits the import as the setup command, and a second import changes nothing', async () => {
    const { deps, tables } = emptyWorld();
    await importDefinition(deps, gentofteProcess(), now);
    const entries = [...tables.audit.values()];
    expect(entries).toEqual([expect.objectContaining({ action: 'process-create', actorId: 'setup', actorName: 'Opsætning', targetKind: 'process', targetId: PROCESS_ID })]);
    expect(entries[0]!.changes?.map((c) => c.field)).toContain('phases');
    const before = structuredClone(tables.processes.get(PROCESS_ID));

    expect(await importDefinition(deps, { ...gentofteProcess(), title: { da: 'Et andet navn' } }, new Date(now.getTime() + DAY))).toBe('exists');
    expect(tables.processes.get(PROCESS_ID)).toEqual(before);
    expect(tables.audit.size).toBe(1);
  });
});
