// handler --> (use case) --> ProcessStore (with its audit entry)
import { processDefinitionSchema, type Process, type ProcessClone, type ProcessDefinition } from '#shared/schemas/process';
import { ConflictError, ValidationError } from '../../lib/errors';
import { getProcess } from '../processes';
import { createProcess, type CompanionSurvey } from './create';
import { definitionOf, type ConfigActor, type ProcessAdminDeps } from './record';

/**
 * Clone a process for a new committee or the two-year revisit. Primary course:
 * 1. The source exists (404).
 * 2. Its definition is copied with the new id and title; every date (phases, meetings, the
 *    retention date) moves by the same amount, so the first phase starts at `startsAt` and the
 *    timeline keeps its shape. Retired areas and effects stay behind: the new process starts clean.
 *    Ideas, votes and comments never come along.
 * 3. It is created like any process (409 on a taken id), its audit entry naming the source, and
 *    `clonedFrom` set to it; `survey` gives what to create with it in the same transaction (a copy of
 *    the source's survey: clone-survey.ts).
 */
export async function cloneProcess(
  deps: ProcessAdminDeps,
  actor: ConfigActor,
  sourceId: string,
  input: ProcessClone,
  now: Date,
  survey?: (clone: ProcessDefinition) => Promise<CompanionSurvey | undefined>,
): Promise<Process> {
  const source = await getProcess(deps.processes, sourceId);
  const definition = clonedDefinition(source, input);
  return createProcess(deps, actor, definition, now, {
    reason: `Kopieret fra "${source.title.da}" (${source.id})`,
    clonedFrom: source.id,
    ...(survey ? { survey: () => survey(definition) } : {}),
  });
}

/** The source's definition as the clone's: new id and title, dates moved, retired areas and effects left behind. */
function clonedDefinition(source: Process, input: ProcessClone): ProcessDefinition {
  const shifted = shiftedWithin(definitionOf(source), new Date(input.startsAt));
  const definition: ProcessDefinition = {
    ...shifted,
    id: input.id,
    title: input.title,
    areas: shifted.areas.filter((a) => !a.retired),
    effects: shifted.effects.filter((e) => !e.retired),
  };
  if (definition.areas.length === 0 || definition.effects.length === 0) {
    throw new ConflictError('nothing-active', 'Alle kildens områder eller effekter er udgået. Opret forløbet på ny i stedet for at kopiere det.');
  }
  return definition;
}

/**
 * Moved dates must still be dates the contract takes (a start in year 9999 would push the retention
 * date past it): refused as the admin's start date (400), never stored as a process no one can read.
 */
function shiftedWithin(definition: ProcessDefinition, firstStart: Date): ProcessDefinition {
  const outside = new ValidationError([{ path: 'body.startsAt', message: 'Med denne startdato falder forløbets datoer uden for kalenderen. Vælg en tidligere dato.' }]);
  let shifted: ProcessDefinition;
  try {
    shifted = shiftDefinition(definition, firstStart);
  } catch {
    throw outside; // toISOString of a date beyond what Date can hold
  }
  if (!processDefinitionSchema.safeParse(shifted).success) throw outside;
  return shifted;
}

/**
 * The definition with every date moved by the same amount, so its first phase starts at `firstStart`:
 * phase starts and ends, the charter's meetings and the retention date. Pure.
 */
export function shiftDefinition(definition: ProcessDefinition, firstStart: Date): ProcessDefinition {
  const by = firstStart.getTime() - Date.parse(definition.phases[0]!.startsAt);
  const move = (at: string) => new Date(Date.parse(at) + by).toISOString();
  return {
    ...structuredClone(definition),
    phases: definition.phases.map((p) => ({ ...p, startsAt: move(p.startsAt), ...(p.endsAt !== undefined ? { endsAt: move(p.endsAt) } : {}) })),
    charter: { ...definition.charter, meetings: definition.charter.meetings.map((m) => ({ ...m, at: move(m.at) })) },
    settings: { ...definition.settings, personalDataUntil: move(definition.settings.personalDataUntil) },
  };
}
