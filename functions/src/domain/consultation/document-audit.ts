import type { AuditAction } from '#shared/rules/audit';
import type { ConfigChange } from '#shared/schemas/process';
import type { AuditRecord, ProfileStore } from '../ports';

/**
 * Who changes a consultation's setup or documents: an admin, named in the log by their profile's
 * display name, or a command such as setup's import, which names itself (`{ userId: 'setup', name: 'Opsætning' }`).
 */
export interface ConsultActor {
  userId: string;
  name?: string | undefined;
}

export interface ConsultAuditDeps {
  profiles: Pick<ProfileStore, 'get'>;
  newId: (now: Date) => string;
}

/** The audit entry of a change to the consultation's setup (target: the process) or to a document (target: the document's id). */
export async function consultAudit(
  deps: ConsultAuditDeps,
  actor: ConsultActor,
  now: Date,
  entry: { processId: string; action: Extract<AuditAction, 'consultation-setup' | 'round-invite' | `document-${string}`>; targetKind: 'process' | 'document'; targetId: string; changes?: ConfigChange[]; reason?: string },
): Promise<AuditRecord> {
  const actorName = actor.name ?? (await deps.profiles.get(actor.userId))?.displayName ?? 'Administrator';
  return {
    id: deps.newId(now),
    at: now.toISOString(),
    actorId: actor.userId,
    actorName,
    processId: entry.processId,
    action: entry.action,
    targetKind: entry.targetKind,
    targetId: entry.targetId,
    ...(entry.changes ? { changes: entry.changes } : {}),
    ...(entry.reason ? { reason: entry.reason } : {}),
  };
}
