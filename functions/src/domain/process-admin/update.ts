// handler --> (use case) --> ProcessStore (with its audit entry), IdeaStore (areas in use)
import type { Area, Process, ProcessUpdate } from '#shared/schemas/process';
import { ConflictError, ValidationError } from '../../lib/errors';
import { retentionProblem } from '#shared/rules/phases';
import { getProcess } from '../processes';
import { configChanges } from './changes';
import { changedMeanwhile, configAudit, definitionOf, nextUpdatedAt, sameInstant, type ConfigActor, type ProcessUpdateDeps } from './record';

/**
 * Change a process: the fields given replace the stored ones. Primary course:
 * 1. The process exists (404) and is the version the admin edited: its `updatedAt` is
 *    `expectedUpdatedAt` (else 409: someone changed it meanwhile, and their change must not be lost).
 * 2. No area or effect that ideas of the process use is removed (409 naming `areas` or `effects`):
 *    the ideas would point at nothing. Such an area can be retired instead.
 * 3. The changes are the fields that really differ (settings key by key; `plainIntro: null` removes
 *    the plain intro); none: nothing is written.
 * 4. The process is written if still unchanged since it was read, in one transaction with its audit
 *    entry holding each change's value before and after (else 409 as in 1).
 */
export async function updateProcess(deps: ProcessUpdateDeps, actor: ConfigActor, processId: string, input: ProcessUpdate, now: Date): Promise<Process> {
  const stored = await getProcess(deps.processes, processId);
  if (!sameInstant(stored.updatedAt, input.expectedUpdatedAt)) throw changedMeanwhile('body.expectedUpdatedAt');

  const { expectedUpdatedAt: _expected, plainIntro, ...given } = input;
  const next: Process = { ...stored, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  // The plain intro is optional: null in the PATCH takes it away (absent leaves it as it is).
  if (plainIntro === null) delete next.plainIntro;
  else if (plainIntro !== undefined) next.plainIntro = plainIntro;
  const retention = retentionProblem(next.phases, next.settings.personalDataUntil);
  if (retention) throw new ValidationError([{ path: 'body.settings.personalDataUntil', message: retention }]);
  await refuseRemovingUsed(deps, stored, next);

  const { id: _id, ...before } = definitionOf(stored);
  const { id: _id2, ...after } = definitionOf(next);
  const changes = configChanges(before, after);
  if (changes.length === 0) return stored;

  const written = { ...next, updatedAt: nextUpdatedAt(stored, now) };
  const audit = await configAudit(deps, actor, now, processId, 'process-update', changes);
  if ((await deps.processes.update(written, stored.updatedAt, audit)) === 'stale') throw changedMeanwhile('body.expectedUpdatedAt');
  return written;
}

/** 409 naming each area and effect in use that the change would remove. */
async function refuseRemovingUsed(deps: ProcessUpdateDeps, stored: Process, next: Process): Promise<void> {
  const removed = (was: Area[], is: Area[]) => was.filter((a) => !is.some((b) => b.id === a.id));
  const removedAreas = removed(stored.areas, next.areas);
  const removedEffects = removed(stored.effects, next.effects);
  if (removedAreas.length === 0 && removedEffects.length === 0) return;

  const used = await deps.ideas.usedAreasAndEffects(stored.id);
  const errors = [
    ...removedAreas
      .filter((a) => used.areas.includes(a.id))
      .map((a) => ({ path: 'body.areas', message: `Området '${a.name.da}' bruges af idéer og kan ikke slettes — markér det som udgået i stedet.` })),
    ...removedEffects
      .filter((e) => used.effects.includes(e.id))
      .map((e) => ({ path: 'body.effects', message: `Effekten '${e.name.da}' bruges af idéer og kan ikke slettes — markér den som udgået i stedet.` })),
  ];
  if (errors.length) throw new ConflictError('in-use', 'Idéer bruger noget af det, ændringen ville slette. Markér det som udgået i stedet.', errors);
}
