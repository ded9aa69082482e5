import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import { EVENTS_PER_PROCESS_MAX, signupClosesAt } from '#shared/rules/events';
import { eventCreateSchema, type EventCreate } from '#shared/schemas/events';
import { liveRoundDefinitionSchema } from '#shared/schemas/live-rounds';
import type { ProcessDefinition } from '#shared/schemas/process';
import { slugSchema } from '#shared/schemas/text';
import { DefinitionFileError } from './definition';

/**
 * A process's events ship beside its definition file, as its survey and consultation do:
 * `processes/<id>.json` has its events and their live rounds in `processes/<id>.events.json`. Each
 * part is what the workspace would send (an event's creation; a live round's definition, created as
 * a draft for the event it names), so the import goes through the same use cases and rules.
 */
export const eventsFileOf = (processFile: string) => processFile.replace(/\.json$/, '.events.json');

export const eventsFileSchema = z
  .object({
    events: z.array(eventCreateSchema).min(1).max(EVENTS_PER_PROCESS_MAX),
    /** Each round's event by id, and the round's questions (it starts as a draft: an organiser opens it in the room). */
    liveRounds: z.array(z.object({ event: slugSchema, definition: liveRoundDefinitionSchema }).strict()).max(20).default([]),
  })
  .strict();
export type EventsFile = z.infer<typeof eventsFileSchema>;

/**
 * What the schema cannot see, checked against the process the file belongs to (each a path and a
 * Danish message): unique event ids; each live round for an event in the file; sign-up possible,
 * so an `event` phase begins before the event's sign-up closes (rules/events.ts signupVerdict);
 * and the event over before the retention date, which erases its sign-ups.
 */
export function eventsFileProblems(file: EventsFile, process: Pick<ProcessDefinition, 'phases' | 'settings'>): string[] {
  const problems: string[] = [];
  const ids = file.events.map((e) => e.id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) problems.push(`events: arrangementet "${id}" står der to gange`);
  const phases = process.phases.filter((p) => p.kind === 'event');
  file.events.forEach((event, i) => {
    if (!phases.some((p) => Date.parse(p.startsAt) < Date.parse(signupClosesAt(event)))) {
      problems.push(`events.${i}: ingen fase af typen "event" begynder, før tilmeldingen lukker, så ingen kan tilmelde sig`);
    }
    if (Date.parse(event.endsAt) > Date.parse(process.settings.personalDataUntil)) problems.push(`events.${i}: arrangementet slutter efter forløbets opbevaringsfrist`);
  });
  file.liveRounds.forEach((round, i) => {
    if (!ids.includes(round.event)) problems.push(`liveRounds.${i}.event: "${round.event}" er ikke et arrangement i filen`);
  });
  return problems;
}

/** Reads and validates an events file against its process; undefined when the process has none. The error names each problem's path. */
export function readEventsFile(path: string, process: Pick<ProcessDefinition, 'phases' | 'settings'>): EventsFile | undefined {
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DefinitionFileError(`${path} er ikke gyldig JSON: ${(error as Error).message}`);
  }
  const parsed = eventsFileSchema.safeParse(json);
  const problems = parsed.success
    ? eventsFileProblems(parsed.data, process)
    : parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(hele filen)'}: ${i.message}`);
  if (problems.length > 0) throw new DefinitionFileError(`${path} er ikke en gyldig liste af arrangementer:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return parsed.data;
}

const DAY = 24 * 60 * 60 * 1000;

/** Minutes Copenhagen is ahead of UTC at a moment (60 in winter, 120 in summer). */
function copenhagenOffset(at: number): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
      .formatToParts(at)
      .map((x) => [x.type, Number(x.value)]),
  );
  return (Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(at / 60_000) * 60_000) / 60_000;
}

/** The moment `days` calendar days later at the same time of day in Copenhagen (across a summer-time change too). */
export function laterDays(iso: string, days: number): string {
  const at = Date.parse(iso);
  const moved = at + days * DAY;
  return new Date(moved + (copenhagenOffset(at) - copenhagenOffset(moved)) * 60_000).toISOString();
}

/**
 * The file's events where the process has its event phase: moved by as many days as the process's
 * `event` phase was moved from the file's (the local stack opens a process on the day it seeds,
 * setup/definition.ts shiftDefinition; the demo holds its theme day a week ago), so sign-up stays
 * inside the phase. Whole days, at the same time of day in Denmark: a theme day at 9.00 stays at 9.00
 * whether it lands in summer or winter time. Without that phase, by as much as the first phase moved.
 */
export function eventsFor(file: EventsFile, fileProcess: Pick<ProcessDefinition, 'phases'>, process: Pick<ProcessDefinition, 'phases'>): EventCreate[] {
  const both = [fileProcess, process].every((p) => p.phases.some((x) => x.kind === 'event'));
  const anchor = (p: Pick<ProcessDefinition, 'phases'>) => Date.parse((both ? p.phases.find((x) => x.kind === 'event')! : p.phases[0]!).startsAt);
  const days = Math.round((anchor(process) - anchor(fileProcess)) / DAY);
  return file.events.map((e) => ({
    ...e,
    startsAt: laterDays(e.startsAt, days),
    endsAt: laterDays(e.endsAt, days),
    ...(e.signupDeadline ? { signupDeadline: laterDays(e.signupDeadline, days) } : {}),
  }));
}
