import type { RetentionStore } from '#functions/domain/ports';
import { copy, flagKey, tallyKey, voteKey, type FakeTables } from './tables';

/**
 * The retention job's store as `adapters/dynamodb/retention.ts` does it: every idea of a process in any
 * status, an idea's contents, deletes that leave the counters alone, and the mark with its audit entry
 * written together or not at all. The only writer that changes an audit entry after it was written.
 */
export function fakeRetentionStore(tables: FakeTables): RetentionStore {
  return {
    ideaIds: async (processId) => [...tables.ideas.values()].filter((i) => i.processId === processId).map((i) => i.id),

    async contents(ideaId) {
      const idea = tables.ideas.get(ideaId);
      return {
        ...(idea ? { idea: copy(idea) } : {}),
        comments: [...tables.comments.values()].filter((c) => c.ideaId === ideaId).map(copy),
        votes: [...tables.votes.values()].filter((v) => v.ideaId === ideaId).map(copy),
        flags: [...tables.flags.values()].filter((f) => f.ideaId === ideaId).map(copy),
      };
    },

    async deleteRecords({ votes, flags }) {
      for (const v of votes) tables.votes.delete(voteKey(v.ideaId, v.userId));
      for (const f of flags) tables.flags.delete(flagKey(f.ideaId, f.commentId, f.userId));
    },

    // The fake tables hold no surveys (the survey's store is tested against DynamoDB Local only).
    deleteSurveyMarkers: async () => 0,

    async deleteTallies(processId) {
      // Process ids are slugs (no "/"): the key's last part is the process.
      const keys = [...tables.voteTallies.keys()].filter((k) => k.endsWith(tallyKey('', processId)));
      for (const k of keys) tables.voteTallies.delete(k);
      return keys.length;
    },

    async anonymizeComment(comment, placeholderName) {
      const stored = tables.comments.get(comment.id);
      // The adapter's UpdateItem has the condition that the comment exists.
      if (!stored) throw new Error(`ConditionalCheckFailed: no comment ${comment.id}`);
      stored.authorName = placeholderName;
      delete (stored as Partial<typeof stored>).authorId;
    },

    auditSubjects: async (processId, erasedId) =>
      [...tables.audit.values()].filter((a) => a.processId === processId && a.targetKind === 'user' && a.targetId !== erasedId).map(copy),

    async forgetAuditSubject(entry, erasedId) {
      const stored = tables.audit.get(entry.id);
      if (!stored) throw new Error(`audit entry ${entry.id} is gone`);
      stored.targetId = erasedId;
    },

    async markErased(processId, audit) {
      const process = tables.processes.get(processId);
      if (!process || process.personalDataErasedAt !== undefined || tables.audit.has(audit.id)) return false;
      process.personalDataErasedAt = audit.at;
      process.updatedAt = audit.at;
      tables.audit.set(audit.id, copy(audit));
      return true;
    },
  };
}
