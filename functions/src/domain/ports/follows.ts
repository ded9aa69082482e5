import type { MailSettings } from '#shared/schemas/follows';
import type { FollowEventKind, FollowTarget } from '#shared/rules/follow';

/**
 * What following and the digests need from storage (issue 16). Kept apart from domain/ports.ts only for
 * size; import it from there like every other port.
 */

/**
 * Something a follower is told about, recorded where it happened (a moderator's status change,
 * answer or merge; a reply; a recommendation taking an idea up or changing status) and fanned out to
 * the followers by the digest run. Plain text only: the mail is plain text.
 */
export interface FollowEvent {
  processId: string;
  kind: FollowEventKind;
  target: FollowTarget;
  targetId: string;
  /** The idea's or recommendation's title as it reads now. */
  title: string;
  /** status / recommendation-status: the new status (its id; the mail words it from shared/rules). */
  status?: string;
  /** answer: the committee's answer; reply: the reply's first 300 characters; taken-up: the recommendation's title. */
  text?: string;
  /** merged: the idea it went into; taken-up: the recommendation. */
  relatedId?: string;
  relatedTitle?: string;
  /** reply: only the author of the comment replied to is told (not every follower of the idea). */
  toUserId?: string;
  /** Who caused it: never told about their own act. */
  actorId: string;
}

export interface StoredFollowEvent extends FollowEvent {
  /** ULID: time order. */
  id: string;
  at: string;
}

/** The follow events of every process, in time order (adapters/dynamodb/follow-events.ts). */
export interface FollowEventLog {
  /** Best effort after the change it tells about has been stored: a failure is logged, never fails the request. */
  record(event: FollowEvent): Promise<void>;
  /** The events of a process with ids after `afterId` (exclusive) and up to `untilId` (inclusive), oldest first. */
  between(processId: string, afterId: string | undefined, untilId: string): Promise<StoredFollowEvent[]>;
}

/** Who follows a target: explicit follows, and for an idea its author, voters and commenters, minus explicit unfollows. */
export interface Followers {
  of(target: FollowTarget, targetId: string): Promise<string[]>;
}

export interface MailSettingsStore {
  /** Defaults when the user never chose (rules/follow.ts DEFAULT_DIGEST, alerts on). */
  get(userId: string): Promise<MailSettings>;
  set(userId: string, change: Partial<MailSettings>): Promise<MailSettings>;
}

/** The HMAC key of unsubscribe links, made on first use (adapters/dynamodb/signing-key.ts). */
export interface SigningKey {
  get(): Promise<Buffer>;
}
