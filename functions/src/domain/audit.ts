// handler --> (use case) --> ModerationStore, ProfileStore
import { assistedUserId } from '#shared/rules/assisted';
import { commentStates, type AuditState, type CommentState } from '#shared/rules/audit';
import { ideaStatuses, type IdeaStatus } from '#shared/rules/values';
import type { AuditEntry, AuditLog, AuditQuery } from '#shared/schemas/moderation';
import type { Actor } from '../lib/auth';
import type { AuditRecord, AuditTargetNames, ModerationStore, ProfileStore } from './ports';

/**
 * The audit log (Danish administrative law: who decided what, when, why, and the state before and
 * after). Each decision's use case writes its entry with `auditEntry`, in the same transaction as the
 * decision; this file reads it back for the log page and an idea's history. States leave the server
 * structured, so each reader words them in its own language (shared/rules/labels.ts).
 */

export interface AuditDeps {
  moderation: Pick<ModerationStore, 'log' | 'auditActors' | 'auditTargetNames'>;
}

/** An audit entry signed with the moderator's display name as well as id (names change; ids stay). */
export async function auditEntry(
  deps: { profiles: Pick<ProfileStore, 'get'>; newId: (now: Date) => string },
  actor: Actor,
  now: Date,
  entry: Omit<AuditRecord, 'id' | 'at' | 'actorId' | 'actorName'>,
): Promise<AuditRecord> {
  const profile = await deps.profiles.get(actor.userId);
  return {
    id: deps.newId(now),
    at: now.toISOString(),
    actorId: actor.userId,
    actorName: profile?.displayName ?? 'moderator',
    ...Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)),
  } as AuditRecord;
}

/**
 * A page of a process's log, newest first. Primary course:
 * 1. Read the page matching the filters (action, moderator, target) and the moderators who have
 *    written to this log (the filter's choices), in parallel.
 * 2. Name the page's targets as they are called now, in one batch read: an idea's title (also for a
 *    comment, whose idea it names), a user's display name. Names are read, not stored on the entry,
 *    so an erased account's name is gone from the log too; entries older than this keep working.
 * 3. Hand out each entry with its states structured (older entries' state strings read into structure).
 */
export async function auditLog(deps: AuditDeps, query: AuditQuery): Promise<AuditLog> {
  const filter = { targetId: query.targetId, action: query.action, actorId: query.actorId };
  const [page, actors] = await Promise.all([deps.moderation.log(query.processId, filter, query.limit, query.cursor), deps.moderation.auditActors(query.processId)]);
  const ideaIds = new Set<string>();
  const userIds = new Set<string>();
  for (const record of page.items) {
    const ideaId = ideaOf(record);
    if (ideaId) ideaIds.add(ideaId);
    if (record.targetKind === 'user') userIds.add(record.targetId);
    if (record.targetKind === 'assisted-person') userIds.add(assistedUserId(record.targetId));
  }
  const names = await deps.moderation.auditTargetNames([...ideaIds], [...userIds]);
  return { items: page.items.map((record) => toAuditEntry(record, names)), nextCursor: page.nextCursor, actors };
}

/** One idea's decisions, newest first (the moderator's view of the idea shows its last hundred). */
export async function ideaHistory(deps: { moderation: Pick<ModerationStore, 'log'> }, processId: string, ideaId: string): Promise<AuditEntry[]> {
  const page = await deps.moderation.log(processId, { targetId: ideaId }, 100);
  return page.items.map((record) => toAuditEntry(record));
}

/** A stored entry as the API hands it out: states structured, the target named when names are given. */
export function toAuditEntry(record: AuditRecord, names?: AuditTargetNames): AuditEntry {
  const { before, after, ideaId: _ideaId, ...rest } = record;
  const ideaId = ideaOf(record);
  const title =
    record.targetKind === 'user'
      ? names?.userNames.get(record.targetId)
      : record.targetKind === 'assisted-person'
        ? names?.userNames.get(assistedUserId(record.targetId))
        : ideaId
          ? names?.ideaTitles.get(ideaId)
          : undefined;
  const states = { before: readState(before, record), after: readState(after, record) };
  return {
    ...rest,
    ...(ideaId ? { ideaId } : {}),
    ...(title !== undefined ? { targetTitle: title } : {}),
    ...Object.fromEntries(Object.entries(states).filter(([, v]) => v !== undefined)),
  };
}

/**
 * The idea an entry concerns: the target itself, or the idea logged with a comment or with an
 * assistant's act for a citizen (whose entry is named after the citizen: who was assisted, and on what).
 */
const ideaOf = (record: AuditRecord): string | undefined =>
  record.targetKind === 'idea' ? record.targetId : record.targetKind === 'comment' || record.targetKind === 'assisted-person' ? record.ideaId : undefined;

/**
 * A state as stored. Entries from before states were structured hold strings: an idea's status with
 * " (afventer moderator)" when flags held it, a comment's state, "active"/"blocked" for an account,
 * and a role change's roles as "a, b" or "ingen". Anything else is shown as written.
 */
export function readState(value: AuditState | string | undefined, record: Pick<AuditRecord, 'action' | 'targetKind'>): AuditState | undefined {
  if (value === undefined || typeof value !== 'string') return value;
  if (record.action === 'roles') return { kind: 'roles', roles: value === 'ingen' || value === '' ? [] : value.split(', ') };
  if (record.targetKind === 'idea') {
    const [, status = '', held] = /^([a-z_]+)( \(afventer moderator\))?$/.exec(value) ?? [];
    if ((ideaStatuses as readonly string[]).includes(status)) return { kind: 'idea', status: status as IdeaStatus, held: !!held };
  }
  if (record.targetKind === 'comment' && (commentStates as readonly string[]).includes(value)) return { kind: 'comment', state: value as CommentState };
  if (record.targetKind === 'user' && (value === 'active' || value === 'blocked')) return { kind: 'account', blocked: value === 'blocked' };
  return { kind: 'text', text: value };
}
