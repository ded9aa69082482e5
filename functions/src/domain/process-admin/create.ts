// handler, setup command --> (use case) --> ProcessStore (with its audit entry)
import type { Process, ProcessDefinition } from '#shared/schemas/process';
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
 */
export async function createProcess(
  deps: ProcessAdminDeps,
  actor: ConfigActor,
  definition: ProcessDefinition,
  now: Date,
  options: { reason?: string } = {},
): Promise<Process> {
  const at = now.toISOString();
  const process: Process = { ...structuredClone(definition), createdAt: at, updatedAt: at };
  const { id: _id, ...configuration } = definition;
  const audit = await configAudit(deps, actor, now, process.id, 'process-create', configChanges(undefined, configuration), options.reason);
  if ((await deps.processes.create(process, audit)) === 'exists') throw slugTaken(process.id);
  return process;
}

const slugTaken = (id: string) =>
  new ConflictError('process-exists', `Der findes allerede et forløb med id'et "${id}".`, [
    { path: 'body.id', message: 'Der findes allerede et forløb med dette id. Vælg et andet.' },
  ]);
