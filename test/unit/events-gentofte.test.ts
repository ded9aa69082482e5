import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consultationFileOf, consultationFileSchema } from '../../cdk/setup/consultation-file';
import { GENTOFTE_FILE, gentofteProcess, localGentofte } from '../../cdk/setup/definition';
import { eventsFileOf, eventsFileProblems, eventsFileSchema, eventsFor, laterDays, readEventsFile } from '../../cdk/setup/events-file';
import { signupVerdict } from '#shared/rules/events';
import { phaseProblems, retentionProblem } from '#shared/rules/phases';
import { eventCreateSchema } from '#shared/schemas/events';
import { liveRoundDefinitionSchema } from '#shared/schemas/live-rounds';

/** The Gentofte theme day and public meeting the process ships with (processes/ai-i-gentofte.events.json). */
const path = eventsFileOf(GENTOFTE_FILE);
const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
const file = eventsFileSchema.parse(raw);
const process = gentofteProcess();
const copenhagen = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Copenhagen' }).slice(0, 16);
const festival = file.events.find((e) => e.id === 'ai-festival')!;

describe('processes/ai-i-gentofte.events.json', () => {
  it('is, part by part, what the workspace would send: events and live-round definitions, kept as the schemas keep them', () => {
    expect(path).toMatch(/processes\/ai-i-gentofte\.events\.json$/);
    expect(eventsFileSchema.parse(raw)).toEqual(raw);
    for (const event of file.events) expect(eventCreateSchema.parse(event)).toEqual(event);
    for (const round of file.liveRounds) expect(liveRoundDefinitionSchema.parse(round.definition)).toEqual(round.definition);
    expect(eventsFileProblems(file, process)).toEqual([]);
    expect(readEventsFile(path, process)).toEqual(file);
  });

  it('holds the theme day of the terms of reference: employees only, in the council chamber of Gentofte Rådhus, with seats, a deadline and access', () => {
    expect(festival).toMatchObject({
      type: 'theme-day',
      audience: 'employees',
      place: { address: 'Gentofte Rådhus, Bernstorffsvej 161, 2920 Charlottenlund', room: 'Byrådssalen' },
      published: true,
    });
    expect(festival.title).toEqual({ da: 'AI-festival for medarbejdere', en: 'AI festival for employees' });
    expect(festival.capacity).toBeGreaterThanOrEqual(40);
    expect(festival.accessFeatures).toEqual(expect.arrayContaining(['step-free', 'hearing-loop', 'interpreter-on-request']));
    expect(festival.accessNote?.da).toMatch(/teleslynge/);
    // Why the day is held (the terms' fourth task), and who is invited.
    expect(festival.description.da).toMatch(/ambition/);
    expect(festival.description.da).toMatch(/undersøgelsen/);
    expect(festival.description.da).toMatch(/Kommunalbestyrelsens medlemmer er inviteret/);
    // A working day in Danish time, a week's notice for the caterer.
    expect(copenhagen(festival.startsAt)).toBe('2026-04-16 09:00');
    expect(copenhagen(festival.endsAt)).toBe('2026-04-16 15:30');
    expect(copenhagen(festival.signupDeadline!)).toBe('2026-04-09 12:00');
  });

  it('can be signed up for inside the process\'s event phase, spring 2026, before the retention date', () => {
    const phase = process.phases.find((p) => p.kind === 'event')!;
    expect([copenhagen(phase.startsAt), copenhagen(phase.endsAt!)]).toEqual(['2026-03-16 00:00', '2026-04-24 00:00']);
    expect(phaseProblems(process.phases)).toEqual([]);
    expect(retentionProblem(process.phases, process.settings.personalDataUntil)).toBeUndefined();
    const day = (iso: string) => new Date(Date.parse(iso) - 24 * 3600_000);
    for (const event of file.events) {
      const employee = { participantType: 'employee', hasValidInvitation: false };
      expect(signupVerdict(process, event, day(event.signupDeadline ?? event.startsAt), employee), event.id).toBe('open');
      expect(signupVerdict(process, event, new Date(event.startsAt), employee), event.id).toBe('closed');
    }
    expect(signupVerdict(process, festival, day(festival.signupDeadline!), { participantType: 'citizen', hasValidInvitation: false })).toBe('not-employee');
    expect(file.events.find((e) => e.type === 'information-meeting')?.audience).toBe('everyone');
  });

  it('has a live round with a question of each kind, its statements the draft ambition\'s paragraphs word for word', () => {
    expect(file.liveRounds.map((r) => r.event)).toEqual(['ai-festival']);
    const questions = file.liveRounds[0]!.definition.questions;
    expect(questions.map((q) => q.kind)).toEqual(['single', 'scale', 'words', 'statements']);
    const consultation = consultationFileSchema.parse(JSON.parse(readFileSync(consultationFileOf(GENTOFTE_FILE), 'utf8')));
    const ambition = consultation.documents.find((d) => d.id === 'ambition')!.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : []));
    const statements = questions.find((q) => q.kind === 'statements')!;
    expect(statements.kind === 'statements' && statements.statements.length).toBeGreaterThanOrEqual(4);
    if (statements.kind !== 'statements') return;
    for (const s of statements.statements) {
      const no = Number(s.id.replace('afsnit-', ''));
      expect(s.text, s.id).toEqual(ambition.find((p) => p.no === no)!.text);
    }
  });

  it('has every text in English too', () => {
    const missing: string[] = [];
    const walk = (value: unknown, at: string) => {
      if (!value || typeof value !== 'object') return;
      if ('da' in value && !('en' in value)) missing.push(at);
      for (const [key, v] of Object.entries(value)) walk(v, `${at}.${key}`);
    };
    walk(file, '');
    expect(missing).toEqual([]);
  });

  it('refuses a round for an event not in the file, a twice-used id, and an event nobody can sign up for', () => {
    const broken = structuredClone(file);
    broken.liveRounds[0]!.event = 'findes-ikke';
    broken.events.push({ ...festival });
    broken.events[1] = { ...broken.events[1]!, startsAt: '2025-03-01T08:00:00.000Z', endsAt: '2025-03-01T10:00:00.000Z' };
    delete broken.events[1]!.signupDeadline;
    expect(eventsFileProblems(broken, process)).toEqual([
      'events: arrangementet "ai-festival" står der to gange',
      'events.1: ingen fase af typen "event" begynder, før tilmeldingen lukker, så ingen kan tilmelde sig',
      'liveRounds.0.event: "findes-ikke" er ikke et arrangement i filen',
    ]);
  });
});

describe('eventsFor: the events where the process has its event phase', () => {
  it('moves by the phase\'s days and keeps the time of day in Denmark, across summer time', () => {
    // Seeded on a winter day, the process's first phase opens that day and its event phase months later.
    const seeded = localGentofte(new Date('2026-12-01T12:00:00Z'));
    const moved = eventsFor(file, process, seeded);
    const festivalMoved = moved.find((e) => e.id === 'ai-festival')!;
    expect(copenhagen(festivalMoved.startsAt).slice(11)).toBe('09:00');
    expect(copenhagen(festivalMoved.signupDeadline!).slice(11)).toBe('12:00');
    const phase = seeded.phases.find((p) => p.kind === 'event')!;
    for (const event of moved) expect(signupVerdict(seeded, event, new Date(Date.parse(phase.startsAt) + 3600_000), { participantType: 'employee', hasValidInvitation: false }), event.id).toBe('open');
    expect(laterDays('2026-03-28T08:00:00.000Z', 1)).toBe('2026-03-29T07:00:00.000Z');
    // 8.00 winter time on 25 October, 8.00 summer time the day before.
    expect(laterDays('2026-10-25T07:00:00.000Z', -1)).toBe('2026-10-24T06:00:00.000Z');
    expect(eventsFor(file, process, process)).toEqual(file.events);
  });
});
