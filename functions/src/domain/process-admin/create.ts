// handler, setup command --> (use case) --> ProcessStore (with its audit entry)
import type { Process, ProcessDefinition } from '#shared/schemas/process';
import type { Survey } from '#shared/schemas/survey';
import type { AuditRecord } from '../ports';
import { ConflictError } from '../../lib/errors';
import { configChanges } from './changes';
import { configAudit, type ConfigActor, type ProcessAdminDeps } from './record';

/**
 * Create a process from a definition (already parsed by `processDefinitionSchema`: the API's body,
 * a `processes/*.json` file). Primary course:
 * 1. The process is the definition, created and updated now, not archived.
 * 2. It is stored only if no process has its id (the slug is never reused or overwritten), in one
 *    transaction with its audit entry: every field with its value (`after`), and `reason` when given
 *    (a clone names its source).
 * 3. An id that is taken: 409 naming the field `id`, nothing written.
 * A clone names its source (`clonedFrom`) and may bring a survey, written in the same transaction.
 */
export async function createProcess(
  deps: ProcessAdminDeps,
  actor: ConfigActor,
  definition: ProcessDefinition,
  now: Date,
  options: { reason?: string; clonedFrom?: string; survey?: () => Promise<CompanionSurvey | undefined> } = {},
): Promise<Process> {
  const at = now.toISOString();
  const process: Process = { ...structuredClone(definition), ...(options.clonedFrom ? { clonedFrom: options.clonedFrom } : {}), createdAt: at, updatedAt: at };
  const { id: _id, ...configuration } = definition;
  const audit = await configAudit(deps, actor, now, process.id, 'process-create', configChanges(undefined, configuration), options.reason);
  // Built after the process's entry, so the log (ordered by entry id) shows the process created first.
  const survey = await options.survey?.();
  if ((await deps.processes.create(process, audit, survey)) === 'exists') throw slugTaken(process.id);
  return process;
}

const slugTaken = (id: string) =>
  new ConflictError('process-exists', `Der findes allerede et forløb med id'et "${id}".`, [
    { path: 'body.id', message: 'Der findes allerede et forløb med dette id. Vælg et andet.' },
  ]);

/** A survey created with the process (a clone's copy), with its own audit entry. */
export interface CompanionSurvey {
  survey: Survey;
  audit: AuditRecord;
}
