// handler --> (use case) --> ProcessStore (with its audit entry)
import { hasActivePhase, openPhases } from '#shared/rules/phases';
import type { Process, ProcessArchive } from '#shared/schemas/process';
import { ConflictError } from '../../lib/errors';
import { getProcess } from '../processes';
import { changedMeanwhile, configAudit, nextUpdatedAt, type ConfigActor, type ProcessAdminDeps } from './record';

/**
 * Archive a process, or bring it back. An archived process is listed apart and takes no
 * participation (`allowedNow`), whatever its dates say. Primary course:
 * 1. The process exists (404). Already in the state asked for: nothing to do, nothing logged.
 * 2. Archiving while a phase lets participants act needs `confirm: true` (409 naming `confirm`):
 *    people may be writing an idea right now.
 * 3. `archivedAt` is set (or removed) if the process is unchanged since it was read, with its audit
 *    entry (`process-archive` / `process-restore`, the change of `archived`), in one transaction.
 */
export async function archiveProcess(deps: ProcessAdminDeps, actor: ConfigActor, processId: string, input: ProcessArchive, now: Date): Promise<Process> {
  const stored = await getProcess(deps.processes, processId);
  const was = stored.archivedAt !== undefined;
  if (was === input.archived) return stored;

  if (input.archived && !input.confirm && hasActivePhase(stored, now)) {
    const open = openPhases(stored, now).filter((p) => p.kind !== 'closed').map((p) => p.title.da);
    throw new ConflictError('open-phases', `Forløbet har åbne faser (${open.join(', ')}): deltagerne kan stadig bidrage. Bekræft, at det skal arkiveres alligevel.`, [
      { path: 'body.confirm', message: 'Bekræft arkiveringen: forløbet har en åben fase.' },
    ]);
  }

  const { archivedAt: _archivedAt, ...rest } = stored;
  const written: Process = { ...rest, ...(input.archived ? { archivedAt: now.toISOString() } : {}), updatedAt: nextUpdatedAt(stored, now) };
  const audit = await configAudit(deps, actor, now, processId, input.archived ? 'process-archive' : 'process-restore', [
    { field: 'archived', before: was, after: input.archived },
  ]);
  if ((await deps.processes.update(written, stored.updatedAt, audit)) === 'stale') throw changedMeanwhile();
  return written;
}
