import { isPublic } from '#functions/domain/ideas';
import type { AuditRecord, IdeaChange, IdeaRecord, ModerationStore, QueueEntry } from '#functions/domain/ports';
import { ascending, descending, pageOf } from './cursor';
import { syncIdeaQueue } from './idea-queue';
import { copy, type FakeTables } from './tables';
import { fakeCarryVotes } from './vote-carry';

/** What `changeIdea` sets when given, and removes when given null or an empty string. */
const optionalFields = ['previousStatus', 'moderationReason', 'mergedInto', 'officialAnswer', 'answerDeadline'] as const;

/**
 * Moderation as `adapters/dynamodb/moderation.ts` does it: a change applies only if the target is still
 * in the state the moderator saw, and always with its audit entry (written once, never changed);
 * queues are oldest first, the audit log newest first.
 */
export function fakeModerationStore(tables: FakeTables): ModerationStore {
  const auditIsNew = (audit: AuditRecord) => !tables.audit.has(audit.id);
  const putAudit = (audit: AuditRecord) => void tables.audit.set(audit.id, copy(audit));

  return {
    async queue(processId, kind, limit, cursor) {
      const waiting = [...tables.queue]
        .filter(([, slot]) => slot.processId === processId && slot.kind === kind)
        .sort((a, b) => ascending(([, s]: typeof a) => s.queuedAt)(a, b) || ascending(([id]: typeof a) => id)(a, b));
      const page = pageOf(waiting, limit, cursor, `queue:${processId}:${kind}`);
      return {
        items: page.items.map(
          ([id, slot]): QueueEntry =>
            slot.target === 'comment'
              ? { kind: 'comment', comment: copy(tables.comments.get(id)!), queuedAt: slot.queuedAt }
              : { kind: 'idea', idea: copy(tables.ideas.get(id)!), queuedAt: slot.queuedAt },
        ),
        nextCursor: page.nextCursor,
      };
    },

    async queueCounts(processId) {
      const slots = [...tables.queue.values()].filter((s) => s.processId === processId);
      return { pending: slots.filter((s) => s.kind === 'pending').length, flagged: slots.filter((s) => s.kind === 'flagged').length };
    },

    async flagsOn(ideaId, commentId, since) {
      return [...tables.flags.values()]
        .filter((f) => f.ideaId === ideaId && f.commentId === commentId && (!since || f.createdAt >= since))
        .sort(ascending((f) => f.userId))
        .map(copy);
    },

    async changeIdea(expected, change, audit, now, link) {
      const idea = tables.ideas.get(expected.id);
      const joins = link && 'join' in link ? link : undefined;
      const target = joins ? tables.ideas.get(joins.join) : undefined;
      const asRead = !!idea && idea.status === expected.status && !!idea.held === !!expected.held;
      const joinable = (t: IdeaRecord) => (isPublic(t) || (!!joins?.restoring && t.status === 'merged')) && t.processId === expected.processId;
      const targetOk = !joins || (!!target && joinable(target));
      if (!asRead || !targetOk || !auditIsNew(audit)) return false;

      const at = now.toISOString();
      applyChange(idea, change, at);
      syncIdeaQueue(tables, idea, at);
      putAudit(audit);
      if (target) {
        target.mergedFrom = [...(target.mergedFrom ?? []), expected.id];
        target.updatedAt = at;
      }
      const left = link && 'leave' in link ? tables.ideas.get(link.leave) : undefined;
      if (left?.mergedFrom?.includes(expected.id)) {
        left.mergedFrom = left.mergedFrom.filter((id) => id !== expected.id);
        left.updatedAt = at;
      }
      return true;
    },

    carryVotes: fakeCarryVotes(tables),

    async changeComment(expected, state, audit, now) {
      const comment = tables.comments.get(expected.id);
      if (!comment || comment.state !== expected.state || !auditIsNew(audit)) return false;
      const at = now.toISOString();
      comment.state = state;
      comment.updatedAt = at;
      // A restore deals with the flags so far: the next ones count from zero.
      if (state === 'visible') Object.assign(comment, { flagCount: 0, flagsResetAt: at });
      tables.queue.delete(comment.id);
      putAudit(audit);
      return true;
    },

    async setBlocked(userId, blocked, audit) {
      const profile = tables.profiles.get(userId);
      if (!profile || !auditIsNew(audit)) return false;
      if (blocked) profile.blocked = true;
      else delete profile.blocked;
      putAudit(audit);
      return true;
    },

    async appendAudit(audit) {
      if (auditIsNew(audit)) putAudit(audit);
    },

    async log(processId, filter, limit, cursor) {
      // Filters as the adapter's FilterExpression; its read budget (short pages on a selective
      // filter) is the adapter's own concern and tested against DynamoDB Local.
      const entries = [...tables.audit.values()]
        .filter((e) => e.processId === processId)
        .filter((e) => (!filter.targetId || e.targetId === filter.targetId) && (!filter.action || e.action === filter.action) && (!filter.actorId || e.actorId === filter.actorId))
        .sort(descending((e) => e.id));
      const page = pageOf(entries, limit, cursor, `audit:${processId}:${filter.targetId ?? ''}`);
      return { items: page.items.map(copy), nextCursor: page.nextCursor };
    },

    async auditActors(processId) {
      const latest = new Map<string, string>();
      for (const e of [...tables.audit.values()].filter((e) => e.processId === processId).sort(ascending((e) => e.id))) latest.set(e.actorId, e.actorName);
      return [...latest].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
    },

    async auditTargetNames(ideaIds, userIds) {
      const ideaTitles = new Map(ideaIds.flatMap((id) => (tables.ideas.has(id) ? [[id, tables.ideas.get(id)!.title] as const] : [])));
      const userNames = new Map(userIds.flatMap((id) => (tables.profiles.has(id) ? [[id, tables.profiles.get(id)!.displayName] as const] : [])));
      return { ideaTitles, userNames };
    },

    async overdue(processId, today) {
      // Read from the "new" list index: public ideas only, oldest first.
      return [...tables.ideas.values()]
        .filter((i) => i.processId === processId && isPublic(i) && i.answerDeadline !== undefined && i.answerDeadline < today && i.officialAnswer === undefined)
        .sort(ascending((i) => i.createdAt))
        .map(copy);
    },
  };
}

function applyChange(idea: IdeaRecord, change: IdeaChange, at: string): void {
  idea.status = change.status;
  idea.updatedAt = at;
  const fields = idea as unknown as Record<string, unknown>;
  for (const name of optionalFields) {
    const value = change[name];
    if (value === null || value === '') delete fields[name];
    else if (value !== undefined) fields[name] = value;
  }
  if (change.held) idea.held = true;
  else delete idea.held;
  if (change.resetFlags) Object.assign(idea, { flagCount: 0, flagsResetAt: at });
}
