import type { FlagReason } from '#shared/rules/values';
import type { StoredFollowEvent } from '../ports';

/**
 * What the digest and alert pipeline (issue 16) needs from storage and from the queue between its two
 * halves. The planner (digest-plan.ts, staff-alerts.ts) decides who gets a mail; the sender
 * (digest-send.ts) sends each one at most once. Only adapters/dynamodb/digests.ts knows the keys.
 */

/** One mail to send, as the planner puts it on the queue (SQS in AWS, a direct call on the local stack). */
export type MailMessage =
  | { kind: 'digest'; userId: string; period: string }
  | { kind: 'queue-alert'; userId: string; period: string; processId: string; pending: number; flagged: number; oldestAt: string }
  | { kind: 'deadline-reminder'; userId: string; period: string; processId: string; ideas: ReminderIdea[] }
  | { kind: 'held-alert'; userId: string; period: string; processId: string; item: HeldItem };

/** An idea or comment that flags have just held for a moderator, with how many flagged it for what. */
export interface HeldItem {
  kind: 'idea' | 'comment';
  id: string;
  ideaId: string;
  /** The idea's title, or the start of the comment. */
  title: string;
  reasons: Partial<Record<FlagReason, number>>;
  queuedAt: string;
}

export interface ReminderIdea {
  id: string;
  title: string;
  answerDeadline: string;
}

/** The mail record's key part after the user: one mail per user and slot, ever (until its TTL). */
export function mailSlot(message: MailMessage): { kind: string; period: string } {
  if (message.kind === 'digest') return { kind: 'digest', period: message.period };
  // Staff mails are per process: two processes' alerts on one day are two mails.
  return { kind: `${message.kind}#${message.processId}`, period: message.period };
}

export interface DigestStore {
  /** The last follow event of the process fanned out to inboxes (undefined: none yet). */
  cursor(processId: string): Promise<string | undefined>;
  setCursor(processId: string, eventId: string): Promise<void>;
  /** Idempotent: the same event put twice for a user is one inbox item. Also marks the user as due. */
  deliver(userId: string, event: StoredFollowEvent): Promise<void>;
  /** Everyone with a due marker (inbox items not mailed yet). */
  dueUsers(): Promise<string[]>;
  inbox(userId: string): Promise<StoredFollowEvent[]>;
  /** Deletes these inbox items, then the due marker unless newer items arrived meanwhile. */
  clearInbox(userId: string, eventIds: string[]): Promise<void>;
  /** Whether a mail was claimed or sent for this slot. */
  mailed(userId: string, kind: string, period: string): Promise<boolean>;
  /** Claims the slot with a conditional put; false when it exists (sent already, or being sent). */
  claim(userId: string, kind: string, period: string, eventIds: string[], now: Date): Promise<boolean>;
  /** The mail went (or there was no address to send it to: `dropped`). */
  markSent(userId: string, kind: string, period: string, state: 'sent' | 'dropped', now: Date): Promise<void>;
  /** Sending failed: the slot is free again for the retry. */
  unclaim(userId: string, kind: string, period: string): Promise<void>;
  /** Marks an idea's deadline as reminded (conditional put); false when it was already. */
  remind(processId: string, ideaId: string, deadline: string, now: Date): Promise<boolean>;
  /** Ideas of a process with an answer deadline in [from, to] (Danish dates) and no official answer. */
  deadlinesBetween(processId: string, from: string, to: string): Promise<ReminderIdea[]>;
}

/** The queue between planner and sender. */
export interface MailQueue {
  send(messages: MailMessage[]): Promise<void>;
}
