import type { AuditAction } from '#shared/rules/audit';
import type { ConfigChange, Process, ProcessDefinition } from '#shared/schemas/process';
import { ConflictError } from '../../lib/errors';
import type { AuditRecord, IdeaStore, ProcessStore, ProfileStore } from '../ports';

/** What the process administration's use cases need. */
export interface ProcessAdminDeps {
  processes: ProcessStore;
  profiles: Pick<ProfileStore, 'get'>;
  /** Sortable id of an audit entry (a ULID in production). */
  newId: (now: Date) => string;
}

export interface ProcessUpdateDeps extends ProcessAdminDeps {
  ideas: Pick<IdeaStore, 'usedAreasAndEffects'>;
}

/**
 * Who changes a process's configuration: an admin, named in the log by their profile's display name,
 * or a command such as setup, which names itself (`{ userId: 'setup', name: 'Opsætning' }`).
 */
export interface ConfigActor {
  userId: string;
  name?: string;
}

/** The audit entry of a configuration change: the process is its own target, in its own log. */
export async function configAudit(
  deps: Pick<ProcessAdminDeps, 'profiles' | 'newId'>,
  actor: ConfigActor,
  now: Date,
  processId: string,
  action: Extract<AuditAction, `process-${string}`>,
  changes: ConfigChange[],
  reason?: string,
): Promise<AuditRecord> {
  const actorName = actor.name ?? (await deps.profiles.get(actor.userId))?.displayName ?? 'Administrator';
  return {
    id: deps.newId(now),
    processId,
    at: now.toISOString(),
    actorId: actor.userId,
    actorName,
    action,
    targetKind: 'process',
    targetId: processId,
    changes,
    ...(reason ? { reason } : {}),
  };
}

/**
 * The `updatedAt` of a change: now, or a millisecond after the stored one if the clock has not moved
 * past it, so every change gives a new value and an edit based on the old one is always refused.
 */
export const nextUpdatedAt = (stored: Pick<Process, 'updatedAt'>, now: Date): string =>
  new Date(Math.max(now.getTime(), Date.parse(stored.updatedAt) + 1)).toISOString();

/** Whether two ISO timestamps name the same instant (a client may send back `+00:00` for `Z`). */
export const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/** A process's definition: what an admin decides, in the JSON format setup imports. */
export function definitionOf(process: Process): ProcessDefinition {
  const { id, title, summary, description, plainIntro, charter, phases, areas, effects, settings } = process;
  return structuredClone({ id, title, summary, description, ...(plainIntro ? { plainIntro } : {}), charter, phases, areas, effects, settings }) as ProcessDefinition;
}

/** 409: the process changed since it was read (the admin's edit, or a write racing this one); `field` is the form's field to mark. */
export const changedMeanwhile = (field?: string) =>
  new ConflictError(
    'process-changed',
    'Forløbet er blevet ændret, siden du hentede det. Hent det igen, og gentag din ændring.',
    field ? [{ path: field, message: 'Forløbet er ændret af en anden i mellemtiden.' }] : undefined,
  );
