import { describe, expect, it } from 'vitest';
import { processDefinitionSchema, type Process } from '#shared/schemas/process';
import { formPaths, resolvePath } from '../../frontend/src/composables/workspace/processFormPaths';
import { fromCopenhagenInput, instantOf, toCopenhagenInput } from '../../frontend/src/lib/copenhagenInput';
import { chosenProcess, defaultProcess, keptProcess } from '../../frontend/src/lib/processChoice';
import { changedFields, fromDraft, newNamed, toDraft } from '../../frontend/src/lib/processDraft';
import { slugify, uniqueSlug } from '../../frontend/src/lib/slug';

/** The workspace's process form without a browser: Danish wall time, slugs, the draft and back, the process choice. */

const process = (id: string, overrides: Partial<Process> = {}): Process => ({
  id,
  title: { da: `Forløb ${id}`, en: `Process ${id}` },
  summary: { da: 'Kort' },
  description: { da: 'Langt' },
  charter: {
    tasks: { da: 'Opgaver' },
    members: [{ name: 'Anna Andersen', role: { da: 'Formand', en: 'Chair' } }],
    meetings: [{ at: '2027-03-01T08:00:00.000Z', title: { da: 'Første møde' } }],
    outcome: { da: 'Udvalget læser alt.' },
  },
  phases: [
    { kind: 'ideas', title: { da: 'Idéer' }, startsAt: '2027-01-01T08:00:30.000Z', endsAt: '2027-03-01T08:00:00.000Z' },
    { kind: 'closed', title: { da: 'Afsluttet' }, startsAt: '2027-03-01T08:00:00.000Z' },
  ],
  areas: [
    { id: 'boern-og-unge', name: { da: 'Børn og unge', en: 'Children and young people' } },
    { id: 'erhverv', name: { da: 'Erhverv' }, retired: true },
  ],
  effects: [{ id: 'kvalitet', name: { da: 'Kvalitet' } }],
  settings: {
    moderation: 'post',
    flagThreshold: 3,
    limits: { votesPerMinute: 30, commentsPerMinute: 10, ideasPerHour: 5, flagsPerHour: 20 },
    votesPerPerson: null,
    personalDataUntil: '2029-01-01T12:34:00.000Z',
  },
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...overrides,
});

describe('date and time fields in Danish time', () => {
  it.each([
    ['2027-01-15T09:00', '2027-01-15T08:00:00.000Z'], // winter time, UTC+1
    ['2027-07-15T09:00', '2027-07-15T07:00:00.000Z'], // summer time, UTC+2
    ['2027-03-28T01:59', '2027-03-28T00:59:00.000Z'], // the minute before clocks go forward
    ['2027-03-28T03:00', '2027-03-28T01:00:00.000Z'], // the first minute after
    ['2027-03-28T02:30', '2027-03-28T01:30:00.000Z'], // a time that does not exist: read an hour later
    ['2027-10-31T02:30', '2027-10-31T00:30:00.000Z'], // happens twice: the first (summer time)
    ['2027-01-15', '2027-01-14T23:00:00.000Z'], // a day: from its first minute
  ])('%s is %s', (input, iso) => {
    expect(fromCopenhagenInput(input)).toBe(iso);
  });

  it('refuses what is no date, and writes an instant back as the field shows it', () => {
    expect(fromCopenhagenInput('2027-02-30T10:00')).toBeUndefined();
    expect(fromCopenhagenInput('i morgen')).toBeUndefined();
    expect(fromCopenhagenInput('2027-01-15T24:00')).toBeUndefined();
    expect(toCopenhagenInput('2027-07-15T07:00:00.000Z')).toBe('2027-07-15T09:00');
    expect(toCopenhagenInput('2027-01-14T23:30:00.000Z', true)).toBe('2027-01-15');
    expect(toCopenhagenInput(undefined)).toBe('');
  });

  it('keeps the instant a field was loaded with while it shows the same, and the text when it is no date', () => {
    expect(instantOf('2027-01-01T09:00', '2027-01-01T08:00:30.000Z')).toBe('2027-01-01T08:00:30.000Z');
    expect(instantOf('2027-01-01T10:00', '2027-01-01T08:00:30.000Z')).toBe('2027-01-01T09:00:00.000Z');
    expect(instantOf('', undefined)).toBe('');
  });
});

describe('slugs', () => {
  it('spells Danish letters out and cuts between words', () => {
    expect(slugify('Børn og unge')).toBe('boern-og-unge');
    expect(slugify('  Ældre, sundhed & omsorg! ')).toBe('aeldre-sundhed-omsorg');
    expect(slugify('Café på Åen')).toBe('cafe-paa-aaen');
    expect(slugify('AI i Gentofte Kommune – anden runde', 20)).toBe('ai-i-gentofte');
    expect(uniqueSlug('erhverv', new Set(['erhverv', 'erhverv-2']))).toBe('erhverv-3');
  });
});

describe('the draft and back', () => {
  it('gives back the stored definition, valid, with the instants it was loaded with', () => {
    const p = process('ai-i-gentofte');
    const definition = fromDraft(toDraft(p));
    const parsed = processDefinitionSchema.safeParse(definition);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const { createdAt, updatedAt, archivedAt, personalDataErasedAt, ...stored } = p;
    expect(parsed.data).toEqual(stored);
  });

  it('names the fields that changed, and gives a new area its id from its Danish name', () => {
    const before = toDraft(process('x'));
    const after = toDraft(process('x'));
    expect(changedFields(before, after)).toEqual([]);
    after.phases[0]!.endsAt = '2027-03-02T09:00';
    after.settings.flagThreshold = '5';
    const area = newNamed();
    area.name.da = 'Børn og unge';
    after.areas.push(area);
    expect(changedFields(before, after)).toEqual(['phases', 'areas', 'settings']);
    expect((fromDraft(after).areas as { id: string }[]).map((a) => a.id)).toEqual(['boern-og-unge', 'erhverv', 'boern-og-unge-2']);
  });

  it('leaves a removed area out, and sends a number only when it is a whole one', () => {
    const draft = toDraft(process('x'));
    draft.areas[1]!.removed = true;
    draft.settings.votes = 'limited';
    draft.settings.votesPerPerson = '3,5';
    const definition = fromDraft(draft);
    expect((definition.areas as unknown[]).length).toBe(1);
    expect((definition.settings as { votesPerPerson: unknown }).votesPerPerson).toBe('3,5');
  });
});

describe('where an error shows', () => {
  const known = formPaths(toDraft(process('x')), 'edit');
  it.each([
    ['body.phases.1.startsAt', 'phases.1.startsAt'],
    ['body.title', 'title.da'],
    ['areas', 'areas'],
    ['body.areas.7', 'areas'],
    ['areas.0.id', 'areas.0.name.da'],
    ['settings.limits.ideasPerHour', 'settings.limits.ideasPerHour'],
    ['charter.members.0.role', 'charter.members.0.role.da'],
  ])('%s at %s', (path, field) => {
    expect(resolvePath(path, known)).toBe(field);
  });
  it('has no field for the id when editing, nor for the settings as a whole', () => {
    expect(resolvePath('body.id', known)).toBeUndefined();
    expect(resolvePath('settings', known)).toBeUndefined();
    expect(resolvePath('id', formPaths(toDraft(process('x')), 'create'))).toBe('id');
  });
});

describe('the process the workspace shows', () => {
  const old = process('gammel', { createdAt: '2024-01-01T00:00:00.000Z', archivedAt: '2025-01-01T00:00:00.000Z' });
  const first = process('foerste', { createdAt: '2026-01-01T00:00:00.000Z' });
  const second = process('anden', { createdAt: '2026-06-01T00:00:00.000Z' });
  it('is the one in the address, else the one not archived, else the newest active, else the newest', () => {
    expect(chosenProcess({ forloeb: 'gammel' }, [old, first])?.id).toBe('gammel');
    expect(chosenProcess({ forloeb: 'findes-ikke' }, [old, first])?.id).toBe('foerste');
    expect(defaultProcess([first, old])?.id).toBe('foerste');
    expect(defaultProcess([first, second, old])?.id).toBe('anden');
    expect(defaultProcess([old])?.id).toBe('gammel');
    expect(defaultProcess([])).toBeUndefined();
    expect(keptProcess({ forloeb: 'anden', top: '20' })).toEqual({ forloeb: 'anden' });
  });
});
