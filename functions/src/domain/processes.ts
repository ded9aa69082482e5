// handler --> (use case) --> ProcessStore, ModerationStore (the audit log)
import type { Process, ProcessChange, ProcessDefinition } from '#shared/schemas/process';
import { NotFoundError } from '../lib/errors';
import type { AuditRecord, ModerationStore, ProcessStore } from './ports';
import { publicChanges } from './process-admin/changes';
import { definitionOf } from './process-admin/record';

// Creating and changing a process: process-admin/ (create, update, clone, archive; the audit's diff in changes.ts).

export async function listProcesses(processes: ProcessStore): Promise<Process[]> {
  return processes.list();
}

export async function getProcess(processes: Pick<ProcessStore, 'get'>, processId: string): Promise<Process> {
  const process = await processes.get(processId);
  if (!process) throw new NotFoundError('Forløbet findes ikke.');
  return process;
}

/** A process's definition, in the JSON format setup imports (`processes/*.json`). */
export async function processDefinition(processes: Pick<ProcessStore, 'get'>, processId: string): Promise<ProcessDefinition> {
  return definitionOf(await getProcess(processes, processId));
}

/** Configuration changes one request reads at most: years of a committee's work, far more than any will have. */
const MAX_CHANGES = 1000;

/**
 * The public "changes to this process" list, newest first. Primary course:
 * 1. The process exists (404).
 * 2. Its configuration entries are read from the audit log: the process is their target, so they
 *    are the process's own entries (one partition, no idea decisions among them).
 * 3. Each keeps only its public fields (phases, areas, effects, the rules), without who made it.
 */
export async function processChanges(deps: { processes: Pick<ProcessStore, 'get'>; moderation: Pick<ModerationStore, 'log'> }, processId: string): Promise<ProcessChange[]> {
  await getProcess(deps.processes, processId);
  const entries: AuditRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.moderation.log(processId, { targetId: processId }, 100, cursor);
    entries.push(...page.items.filter((e) => e.targetKind === 'process'));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && entries.length < MAX_CHANGES);
  return publicChanges(entries);
}

/** When the process began: the start of its first phase (t0 for trending weights). */
export const processStart = (process: Process) => new Date(process.phases[0]!.startsAt);
