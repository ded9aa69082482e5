import type { Channel } from '#shared/rules/assisted';
import type { AuditState } from '#shared/rules/audit';
import type { ConfigChange } from '#shared/schemas/process';

/**
 * The audit log's records as the moderation store reads and writes them (the store itself is
 * ModerationStore in domain/ports.ts). Kept apart from domain/ports.ts only for size; import it from
 * there like every other port.
 */

export interface AuditRecord {
  id: string;
  processId: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  targetKind: 'idea' | 'comment' | 'user' | 'process' | 'survey' | 'document' | 'response' | 'event' | 'live-round' | 'assisted-person' | 'recommendation' | 'annex';
  targetId: string;
  /** On an assisted action (`assisted-*`): the channel the assistant acted through. */
  channel?: Channel;
  /** A comment's idea, so the log can name and link it (entries from before it was recorded lack it). */
  ideaId?: string;
  reason?: string;
  /** A process's configuration change (`process-*` actions): each changed field before and after. */
  changes?: ConfigChange[];
  /** Structured since the audit log names states in the reader's language; older entries hold a string. */
  before?: AuditState | string;
  after?: AuditState | string;
}

/** Which entries of a log to read: all, or those matching every filter given. */
export interface AuditFilter {
  targetId?: string;
  action?: string;
  actorId?: string;
}

/** What the log's targets are called now, for a page of entries. */
export interface AuditTargetNames {
  ideaTitles: Map<string, string>;
  userNames: Map<string, string>;
}
