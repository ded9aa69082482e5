import type { IdeaDetail, IdeaSort, IdeaStatus, PublicStatus } from '#shared/schemas/idea';
import type { Process } from '#shared/schemas/process';
import type { Survey } from '#shared/schemas/survey';
import type { ParticipantType } from '#shared/schemas/user';
import type { Stance } from '#shared/schemas/comment';
import type { FlagReason } from '#shared/schemas/flag';
import type { Channel } from '#shared/rules/assisted';
import type { AuditActor } from '#shared/rules/audit';
import type { AuditFilter, AuditRecord, AuditTargetNames } from './ports/audit';
import type { VoteRecord } from './ports/votes';

/**
 * What the use cases need from storage, as interfaces. The adapters in `adapters/` (dynamodb, cognito, ses) implement
 * them; use cases never import the adapters, so they can be tested with any implementation. The larger ports of
 * one feature live in `ports/<feature>.ts` and are re-exported here, so every port is imported from this file.
 */

export type { ExportIdea, ExportStore, Voter } from './ports/export';
export type { AuditFilter, AuditRecord, AuditTargetNames } from './ports/audit';
export type { VotedIdea, VoteRecord, VoteStore } from './ports/votes';
export type { CommentSearchDoc, IdeaSearchDoc, SearchChange, SearchDoc, SearchDocStore, SearchKind } from './ports/search';
export type { AssistedRetentionStore, IdeaContents, RetentionStore } from './ports/retention';
export type { DecisionReader, ErasureStore } from './ports/erasure';
export type { DirectoryAccount, UserDirectory } from './ports/directory';
export { mailAddress } from './ports/directory';

/** An idea as stored: the public detail plus what only the server may see. */
export interface IdeaRecord extends IdeaDetail {
  authorId: string;
  /** Sum of time-decayed activity weights (see domain/trending.ts). */
  trendScore: number;
  /** Distinct flags received since the last restore. */
  flagCount?: number;
  /** When a moderator last restored it after flags: older flags are dealt with. */
  flagsResetAt?: string;
  /** Set when the flags reached the process's threshold: out of public view until a moderator decides. */
  held?: boolean;
  /** The status to return to when a hidden idea is restored. */
  previousStatus?: IdeaStatus;
  /** A moderator's reason for the last decision (reject, hide, merge): told to the author. */
  moderationReason?: string;
  /** The author's Cognito user name, to find their email for notifications (never shown). */
  authorUsername?: string;
  /** On a merged idea: when every vote on it had been carried to the merge target (see domain/merge-votes.ts). */
  votesCarriedAt?: string;
  /** The similar ideas the author was shown while writing and posted anyway (ids as sent; issue 18). */
  similarShown?: string[];
}

/** A per-user limit on one kind of write, e.g. 30 votes a minute. */
export interface RateLimit {
  action: 'vote' | 'comment' | 'idea' | 'flag' | 'live-answer' | 'claim' | 'unsubscribe';
  max: number;
  windowSeconds: number;
}

/** What a list shows of an idea: the record without its long texts. */
export type IdeaSummary = Omit<IdeaRecord, 'body' | 'concerns'>;

export interface IdeaPageQuery {
  processId: string;
  sort: IdeaSort;
  area?: string;
  status?: PublicStatus;
  /** Only ideas whose origin is this event. */
  event?: string;
  /** Only ideas posted within one of these spans (`from` inclusive, `to` exclusive; ISO times): the phase filter. */
  createdWithin?: { from: string; to?: string }[];
  limit: number;
  cursor?: string;
  /** For sort=random: the visitor's seed. */
  seed?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ProcessStore {
  list(): Promise<Process[]>;
  get(processId: string): Promise<Process | undefined>;
  /** Creates or replaces a process (the local seed; an admin's creation goes through `create`). */
  put(process: Process): Promise<void>;
  /**
   * Stores a new process with its audit entry, in one transaction; `exists` (nothing written) when the id is taken.
   * A clone's copied survey and its audit entry go in the same transaction, so no process is left without it.
   */
  create(process: Process, audit: AuditRecord, survey?: { survey: Survey; audit: AuditRecord }): Promise<'created' | 'exists'>;
  /**
   * Writes what an admin decides (the definition's fields and `archivedAt`, set or removed) and
   * `updatedAt`, with its audit entry, in one transaction, if the stored `updatedAt` is still
   * `expectedUpdatedAt`; `stale` (nothing written) when someone changed the process meanwhile.
   * Fields no admin sets (createdAt, personalDataErasedAt) are left as stored.
   */
  update(process: Process, expectedUpdatedAt: string, audit: AuditRecord): Promise<'updated' | 'stale'>;
}

export interface IdeaStore {
  /** Fails with a ConflictError if the id exists, TooManyRequestsError over the author's limit. */
  create(idea: IdeaRecord, limit: RateLimit, now: Date): Promise<void>;
  get(ideaId: string): Promise<IdeaRecord | undefined>;
  listPublic(query: IdeaPageQuery): Promise<Page<IdeaSummary>>;
  /** The current state of these ideas, read consistently, with `held` (unknown ids left out): a search page's truth. */
  current(ideaIds: string[]): Promise<IdeaSummary[]>;
  /** An author's own ideas, any status, newest first. */
  listByAuthor(userId: string, limit: number, cursor?: string): Promise<Page<IdeaSummary>>;
  /** The areas and effects that ideas of the process use, in any status (such an area can only be retired). */
  usedAreasAndEffects(processId: string): Promise<{ areas: string[]; effects: string[] }>;
}

export interface StoredProfile {
  userId: string;
  displayName: string;
  participantType: ParticipantType;
  organisation?: string;
  /** Blocked by a moderator: may read, not write. */
  blocked?: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ProfileStore {
  get(userId: string): Promise<StoredProfile | undefined>;
  put(profile: StoredProfile): Promise<void>;
  /**
   * Sets the user's own fields (name, type, organisation), creating the profile if needed, without
   * touching what others decide (a moderator's block): no read-modify-write race can undo a block.
   */
  update(userId: string, fields: Pick<StoredProfile, 'displayName' | 'participantType' | 'organisation'>, now: Date): Promise<StoredProfile>;
}

export interface CommentRecord {
  id: string;
  ideaId: string;
  processId: string;
  parentId?: string;
  state: 'visible' | 'deleted' | 'held' | 'hidden';
  body?: string;
  stance?: Stance;
  authorId: string;
  authorName: string;
  authorType: ParticipantType;
  /** How it came in, when not on the web (rules/assisted.ts); absent: web. */
  channel?: Channel;
  edited: boolean;
  flagCount?: number;
  flagsResetAt?: string;
  /** Trending weight the comment added to its idea. */
  weight: number;
  createdAt: string;
  updatedAt: string;
}

export interface CommentThreadRecord extends CommentRecord {
  replies: CommentRecord[];
}

export interface CommentStore {
  get(commentId: string): Promise<CommentRecord | undefined>;
  /** created; closed (the idea stopped taking comments); no-parent (the parent is gone or a reply). */
  create(comment: CommentRecord, limit: RateLimit, now: Date): Promise<'created' | 'closed' | 'no-parent'>;
  /** Edits only if still the author's, visible and inside the window (`editableAfter`). */
  update(comment: CommentRecord, change: { body: string; stance?: Stance | null }, editableAfter: string, now: Date): Promise<CommentRecord | 'refused'>;
  /** Marks deleted and decrements the idea's count; `false` when it was already deleted. */
  remove(comment: CommentRecord, now: Date): Promise<boolean>;
  listThreads(ideaId: string, limit: number, cursor?: string): Promise<Page<CommentThreadRecord>>;
  idsBy(userId: string, ideaId: string): Promise<string[]>;
}

export interface FlagRecord {
  ideaId: string;
  commentId?: string;
  processId: string;
  userId: string;
  reason: FlagReason;
  text?: string;
  createdAt: string;
  /** From an account younger than FLAG_MIN_ACCOUNT_AGE_HOURS: recorded, not counted toward a hold. */
  newAccount?: boolean;
}

export interface FlagStore {
  /**
   * added; exists (this user flagged it since `resetAt`); gone (the target no longer exists). A flag
   * from before the target's last restore was dealt with, so the same user may flag it again.
   */
  add(flag: FlagRecord, limit: RateLimit, now: Date, resetAt?: string): Promise<'added' | 'exists' | 'gone'>;
  /** Holds the target for moderation if its flags reached `threshold` (idempotent). */
  holdIfFlagged(target: { ideaId: string; commentId?: string; processId: string }, threshold: number, now: Date): Promise<boolean>;
}

export interface QueueEntry {
  kind: 'idea' | 'comment';
  idea?: IdeaRecord;
  comment?: CommentRecord;
  queuedAt: string;
}

/** What a moderation decision changes on an idea (undefined: unchanged; null: removed). */
export interface IdeaChange {
  status: IdeaStatus;
  held: boolean;
  previousStatus?: IdeaStatus | null;
  moderationReason?: string | null;
  mergedInto?: string | null;
  officialAnswer?: string | null;
  answerDeadline?: string | null;
  /** Clear the flag count (a restore after flags: the next flags start from zero). */
  resetFlags?: boolean;
}

/**
 * What a decision does to the merge target's list of merged ideas (`mergedFrom`), in the decision's
 * transaction: a merge joins a public target's list; a restore of a hidden or rejected merged idea
 * joins it again (the target public or itself merged); hiding or rejecting a merged idea leaves it.
 */
export type MergeLink = { join: string; restoring?: boolean } | { leave: string };

export interface ModerationStore {
  queue(processId: string, kind: 'pending' | 'flagged', limit: number, cursor?: string): Promise<Page<QueueEntry>>;
  /** With `responses`: the consultation comments held after flags (moderated on their own pages). */
  queueCounts(processId: string): Promise<{ pending: number; flagged: number; responses?: number }>;
  /** The flags on a target made after `since` (its last restore). */
  flagsOn(ideaId: string, commentId: string | undefined, since?: string): Promise<FlagRecord[]>;
  /**
   * Applies a change to an idea if it is still as read (`expected`), with its audit entry, in one
   * transaction; with `link`, also joins or leaves the merge target's list of merged ideas.
   * Returns false when the idea changed meanwhile or the target can no longer take the link.
   */
  changeIdea(expected: IdeaRecord, change: IdeaChange, audit: AuditRecord, now: Date, link?: MergeLink): Promise<boolean>;
  /**
   * After a merge: moves every vote on the merged idea to the target, in batches, each voter once (see
   * domain/merge-votes.ts); marks the merged idea `votesCarriedAt` when all are moved. Safe to repeat.
   * done; unfinished (stopped at `deadline`, call again); target-closed (the target was merged meanwhile).
   */
  carryVotes(source: IdeaRecord, targetId: string, now: Date, deadline: number): Promise<'done' | 'unfinished' | 'target-closed'>;
  changeComment(expected: CommentRecord, state: 'visible' | 'hidden', audit: AuditRecord, now: Date): Promise<boolean>;
  setBlocked(userId: string, blocked: boolean, audit: AuditRecord): Promise<boolean>;
  appendAudit(audit: AuditRecord): Promise<void>;
  /**
   * A process's log, newest first, filtered. A filtered page reads a bounded stretch of the log: it may
   * hold fewer than `limit` entries (even none) with a `nextCursor` to read on from.
   */
  log(processId: string, filter: AuditFilter, limit: number, cursor?: string): Promise<Page<AuditRecord>>;
  /** Everyone who has written to the process's log, with the name of their latest entry. */
  auditActors(processId: string): Promise<AuditActor[]>;
  /** The current titles of these ideas and names of these users (BatchGet; missing ones are left out). */
  auditTargetNames(ideaIds: string[], userIds: string[]): Promise<AuditTargetNames>;
  /** Public ideas whose answer deadline is before `today` and that have no official answer. */
  overdue(processId: string, today: string): Promise<IdeaRecord[]>;
}

export interface Notifier {
  /** Best effort: an email to the author about a decision on their idea. */
  send(message: { to: string; subject: string; text: string; headers?: Record<string, string> }): Promise<void>;
}

/** Everything stored about one user, by kind (the byUser index). */
export interface UserItems {
  profile?: StoredProfile;
  ideas: IdeaRecord[];
  comments: CommentRecord[];
  votes: VoteRecord[];
  flags: FlagRecord[];
  /** The processes whose survey the user answered signed in (their markers); the answers name nobody. */
  surveysAnswered: string[];
  /** The consultation rounds the user joined (the follow-group's closed rounds). */
  roundMemberships: { processId: string; roundId: string; joinedAt: string }[];
}

export interface UserDataStore {
  itemsOf(userId: string): Promise<UserItems>;
  /** Takes the name off an idea and unlinks it from the user (id and sign-in name); the idea and its votes stay. */
  anonymizeIdea(ideaId: string, placeholderName: string): Promise<void>;
  /** Deletes a vote whatever the idea's state, keeping the idea's counters exact. */
  eraseVote(vote: VoteRecord): Promise<void>;
  deleteFlag(flag: FlagRecord): Promise<void>;
  /** Deletes the profile, the user's vote-rule tallies and the markers of the surveys they answered. */
  deleteProfile(userId: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type { FollowEvent, FollowEventLog, Followers, MailSettingsStore, SigningKey, StoredFollowEvent } from './ports/follows';
export type { AnnexVersionRecord, ProgressRecord, RecommendationReader, RecommendationRecord } from './ports/recommendations';
