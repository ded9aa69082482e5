import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { processDefinitionSchema, type Process, type ProcessDefinition } from '#shared/schemas/process';

/**
 * Process definition files (`processes/*.json`): the format setup imports, the export writes and the
 * local stack seeds from. One file is one `processDefinitionSchema` value, written in the schema's
 * key order with two-space indents, so an exported process reads (and diffs) like the file it came from.
 */

/** The Gentofte AI process, from the committee's terms of reference (shared/context/kommissorium-ai-gentofte.txt). */
// From the project root, where npm runs every script and test (not from import.meta.url: in the
// component tests' browser-like environment a module's URL is not a file URL).
export const GENTOFTE_FILE = resolve('processes/ai-i-gentofte.json');

/** A definition file that cannot be used, with the one-line (or one line per zod issue) reason. */
export class DefinitionFileError extends Error {}

/** Reads and validates a definition file; the error names the file and each problem's path. */
export function readDefinitionFile(path: string): ProcessDefinition {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DefinitionFileError(code === 'ENOENT' ? `Filen findes ikke: ${path}` : `Kan ikke læse ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DefinitionFileError(`${path} er ikke gyldig JSON: ${(error as Error).message}`);
  }
  const parsed = processDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(hele filen)'}: ${i.message}`);
    throw new DefinitionFileError(`${path} er ikke en gyldig forløbsdefinition:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

let gentofte: ProcessDefinition | undefined;
/** The Gentofte AI process as its file defines it (read once). */
export const gentofteProcess = (): ProcessDefinition => structuredClone((gentofte ??= readDefinitionFile(GENTOFTE_FILE)));

/**
 * The definition as a file holds it: the fields an admin decides, in the schema's order (a stored
 * process's map comes back from DynamoDB in any order), without what the platform adds (timestamps,
 * archive and erasure marks).
 */
export function toDefinition(process: Process | ProcessDefinition): ProcessDefinition {
  const { id, title, summary, description, plainIntro, charter, phases, areas, effects, settings } = process;
  return processDefinitionSchema.parse({ id, title, summary, description, ...(plainIntro ? { plainIntro } : {}), charter, phases, areas, effects, settings });
}

export const definitionJson = (definition: ProcessDefinition): string => `${JSON.stringify(toDefinition(definition), null, 2)}\n`;

const DAY = 24 * 60 * 60 * 1000;

/**
 * The definition with every date moved by the same amount, so its first phase starts at `firstStart`:
 * phases, meetings and the retention date keep their distances (a constant shift in milliseconds, so
 * shifting back gives the same moments). The local stack uses it to open a process on the day it seeds.
 */
export function shiftDefinition(definition: ProcessDefinition, firstStart: Date): ProcessDefinition {
  const first = definition.phases[0];
  if (!first) throw new Error('a definition has at least one phase');
  const delta = firstStart.getTime() - Date.parse(first.startsAt);
  const move = (iso: string) => new Date(Date.parse(iso) + delta).toISOString();
  return {
    ...definition,
    phases: definition.phases.map((p) => ({ ...p, startsAt: move(p.startsAt), ...(p.endsAt !== undefined ? { endsAt: move(p.endsAt) } : {}) })),
    charter: { ...definition.charter, meetings: definition.charter.meetings.map((m) => ({ ...m, at: move(m.at) })) },
    settings: { ...definition.settings, personalDataUntil: move(definition.settings.personalDataUntil) },
  };
}

/**
 * Where a process seeded on the local stack starts: midnight (UTC) of the day the data is first
 * seeded, so a fresh stack is open for ideas at once, or `startedDaysAgo` days before (the demo shows
 * a process weeks into its first phase).
 */
export const localStart = (seededAt: Date, startedDaysAgo = 0): Date =>
  new Date(Date.UTC(seededAt.getUTCFullYear(), seededAt.getUTCMonth(), seededAt.getUTCDate()) - startedDaysAgo * DAY);

/** The Gentofte process as the local stack seeds it: its dates moved to start on `localStart`. */
export const localGentofte = (seededAt: Date, startedDaysAgo = 0): ProcessDefinition => shiftDefinition(gentofteProcess(), localStart(seededAt, startedDaysAgo));
