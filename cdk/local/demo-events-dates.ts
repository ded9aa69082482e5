import { localDate } from '#functions/lib/copenhagen-time';
import type { ProcessDefinition } from '#shared/schemas/process';
import { GENTOFTE_FILE, gentofteProcess } from '../setup/definition';
import { eventsFileOf, readEventsFile } from '../setup/events-file';
import { DEMO_THEME_DAY_DAYS, THEME_DAY } from './demo-events-data';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The demo's clock for the theme day. In the Gentofte file the theme day comes in the spring, long
 * after the ideas; the demo shows the process weeks into its ideas, so that it has a theme day that
 * is over (sign-ups, a waiting list, check-ins and a closed live round) and the public meeting still
 * ahead, its `event` phase is moved whole days so that the theme day was DEMO_THEME_DAY_DAYS ago,
 * keeping its length; the events follow the phase (setup/events-file.ts eventsFor). Only the demo
 * does this: `npm start` and `npm run setup` keep the file's order of phases.
 */
export function withDemoEventPhase(definition: ProcessDefinition, now: Date): ProcessDefinition {
  const file = gentofteProcess();
  const filePhase = file.phases.find((p) => p.kind === 'event');
  const festival = readEventsFile(eventsFileOf(GENTOFTE_FILE), file)?.events.find((e) => e.id === THEME_DAY);
  const phase = definition.phases.find((p) => p.kind === 'event');
  if (!filePhase || !festival || !phase) return definition;
  // Days between two Danish dates (midnight UTC of each, so summer time cannot make it fractional).
  const days = (Date.parse(localDate(new Date(now.getTime() - DEMO_THEME_DAY_DAYS * DAY))) - Date.parse(localDate(new Date(festival.startsAt)))) / DAY;
  const move = (iso: string) => new Date(Date.parse(iso) + days * DAY).toISOString();
  const moved = { ...phase, startsAt: move(filePhase.startsAt), ...(filePhase.endsAt ? { endsAt: move(filePhase.endsAt) } : {}) };
  // Phases are listed by start date (rules/phases.ts); a stable sort keeps the rest as they were.
  const phases = definition.phases.map((p) => (p === phase ? moved : p)).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return { ...definition, phases };
}
