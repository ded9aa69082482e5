import type { AuditAction } from '#shared/rules/audit';
import type { ConfigChange } from '#shared/schemas/process';
import type { AuditRecord, ProfileStore } from '../ports';
import type { EventRecord } from './ports';

/** Who changes an event: an admin, named in the log by their profile's name, or a command that names itself (the seed). */
export interface EventActor {
  userId: string;
  name?: string | undefined;
}

export interface EventAuditDeps {
  profiles: Pick<ProfileStore, 'get'>;
  newId: (now: Date) => string;
}

/** The audit entry of a change to an event (target: the event's id). */
export async function eventAudit(
  deps: EventAuditDeps,
  actor: EventActor,
  now: Date,
  entry: { processId: string; action: Extract<AuditAction, `event-${string}`>; eventId: string; changes?: ConfigChange[] },
): Promise<AuditRecord> {
  const actorName = actor.name ?? (await deps.profiles.get(actor.userId))?.displayName ?? 'Administrator';
  return {
    id: deps.newId(now),
    at: now.toISOString(),
    actorId: actor.userId,
    actorName,
    processId: entry.processId,
    action: entry.action,
    targetKind: 'event',
    targetId: entry.eventId,
    ...(entry.changes?.length ? { changes: entry.changes } : {}),
  };
}

/** Fields an audit entry compares; the invitation token stays out of the log (it is a capability, and the log is read by many). */
const auditedFields = [
  'type', 'title', 'description', 'place', 'onlineUrl', 'startsAt', 'endsAt', 'audience', 'capacity',
  'signupDeadline', 'accessFeatures', 'accessNote', 'published', 'cancelledAt',
] as const satisfies readonly (keyof EventRecord)[];

/** What changed between two versions of an event, field by field (before/after as stored). */
export function eventChanges(before: EventRecord | undefined, after: EventRecord): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const field of auditedFields) {
    const a = before?.[field];
    const b = after[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes.push({ field, ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }) });
  }
  return changes;
}
