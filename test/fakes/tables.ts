import type { Process } from '#shared/schemas/process';
import type { Survey } from '#shared/schemas/survey';
import type { AuditRecord, CommentRecord, FlagRecord, IdeaRecord, StoredProfile, VoteRecord } from '#functions/domain/ports';

/**
 * The state behind every in-memory fake: one Map per kind of item, standing in for the one DynamoDB
 * table. The fakes of the port families share it, as the adapters share the table, so a vote written
 * through the vote port is seen by the user-data port, and a moderation change by the idea port.
 */
export interface FakeTables {
  processes: Map<string, Process>;
  ideas: Map<string, IdeaRecord>;
  profiles: Map<string, StoredProfile>;
  /** Keyed by voteKey(ideaId, userId): one vote per user and idea. */
  votes: Map<string, VoteRecord>;
  comments: Map<string, CommentRecord>;
  /** Keyed by flagKey(ideaId, commentId, userId): one flag per user and target. */
  flags: Map<string, FlagRecord>;
  /** Keyed by audit id; an entry is written once and never changed (but by the retention job: retention.ts). */
  audit: Map<string, AuditRecord>;
  /** Ideas and comments waiting for a moderator (the adapter's gsiQueue/queuedAt), by target id. */
  queue: Map<string, QueueSlot>;
  /** Fixed-window rate counters, keyed by user, action and window start. */
  rateCounters: Map<string, number>;
  /** The vote rule's tallies: standing votes, keyed by tallyKey(userId, processId). */
  voteTallies: Map<string, number>;
  /** Survey definitions by process id (written here by a clone, in the process's own write). */
  surveys: Map<string, Survey>;
}

export interface QueueSlot {
  kind: 'pending' | 'flagged';
  target: 'idea' | 'comment';
  processId: string;
  queuedAt: string;
}

export function emptyTables(): FakeTables {
  return {
    processes: new Map(),
    ideas: new Map(),
    profiles: new Map(),
    votes: new Map(),
    comments: new Map(),
    flags: new Map(),
    audit: new Map(),
    queue: new Map(),
    rateCounters: new Map(),
    voteTallies: new Map(),
    surveys: new Map(),
  };
}

export const voteKey = (ideaId: string, userId: string) => `${ideaId}/${userId}`;
export const tallyKey = (userId: string, processId: string) => `${userId}/${processId}`;
export const flagKey = (ideaId: string, commentId: string | undefined, userId: string) => `${ideaId}/${commentId ?? 'IDEA'}/${userId}`;

/**
 * Every read hands out a copy and every write stores one, as a database does: a use case that changes
 * an object it read has not changed what is stored.
 */
export const copy = <T>(value: T): T => structuredClone(value);
export const copyOrUndefined = <T>(value: T | undefined): T | undefined => (value === undefined ? undefined : structuredClone(value));
