import type { AnswerStatus, Position, RoundKind } from '#shared/rules/consultation';
import type { FlagReason } from '#shared/schemas/flag';
import type { ParticipantType } from '#shared/schemas/user';
import type { AuditRecord, Page, RateLimit } from '../ports';

/**
 * What the responses side of the consultation needs from storage (the documents side is read through
 * `ConsultationReads` in ports.ts). The adapter is adapters/dynamodb/consultation-responses.ts.
 */

export type ResponseState = 'visible' | 'deleted' | 'held' | 'hidden';

/** A response as stored. Deleting it (or erasing its author) removes the author fields and the comment. */
export interface ResponseRecord {
  id: string;
  processId: string;
  documentId: string;
  /** The published version the person responded to. */
  version: number;
  paragraphNo: number;
  roundId: string;
  roundKind: RoundKind;
  position: Position;
  state: ResponseState;
  comment?: string;
  /** Set once the response carried a comment: the public list shows it (as a placeholder once held, hidden or deleted). */
  commented?: boolean;
  authorId?: string;
  authorName?: string;
  authorType?: ParticipantType;
  edited: boolean;
  /** Who answered is in the audit log (a moderator's erased account leaves no id here). */
  answer?: { status: AnswerStatus; text: string; answeredAt: string };
  flagCount?: number;
  flagsResetAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** A paragraph's pre-aggregated counters in one version. */
export interface FigureRecord {
  paragraphNo: number;
  /** roundId → participant type → position → count. */
  tallies: Record<string, Partial<Record<ParticipantType, Partial<Record<Position, number>>>>>;
  comments: number;
  answered: number;
}

export interface ResponseFlagRecord {
  responseId: string;
  processId: string;
  documentId: string;
  userId: string;
  reason: FlagReason;
  text?: string;
  createdAt: string;
  /** From an account too new to count toward the hold (domain/flags.ts applyFlag). */
  newAccount?: boolean;
}

export interface ResponseListFilter {
  paragraph?: number | undefined;
  round?: string | undefined;
  /** Only comments that still need the committee's answer (visible or held, with no answer). */
  unanswered?: boolean | undefined;
  state?: ResponseState | undefined;
}

/** A change the author makes: a new position, a new comment, or `null` to remove the comment. */
export interface ResponseChange {
  position?: Position | undefined;
  comment?: string | null | undefined;
}

export interface ResponseStore {
  get(responseId: string): Promise<ResponseRecord | undefined>;
  /**
   * The response, its one-per-person marker, the paragraph's and the document's counters and the
   * author's rate counter in one transaction: `already-responded` (nothing written) when the person
   * has a response to this paragraph in this round; over the rate limit it throws 429.
   */
  create(response: ResponseRecord, limit: RateLimit, now: Date): Promise<'created' | 'already-responded'>;
  /** Applies the author's change with the counters moved, if the response is still as read; `stale` otherwise. */
  update(expected: ResponseRecord, change: ResponseChange, now: Date): Promise<ResponseRecord | 'stale'>;
  /** The placeholder (no author, no comment), counters taken back, the marker removed; false when it changed meanwhile. */
  remove(expected: ResponseRecord, now: Date): Promise<boolean>;
  /** A moderator's hide or restore with its audit entry, counters kept exact; false when it changed meanwhile. */
  setState(expected: ResponseRecord, state: 'visible' | 'hidden', audit: AuditRecord, now: Date): Promise<boolean>;
  /** The committee's answer with its audit entry; `stale` when the response changed meanwhile. */
  answer(expected: ResponseRecord, answer: NonNullable<ResponseRecord['answer']>, audit: AuditRecord, now: Date): Promise<ResponseRecord | 'stale'>;
  /** The document's responses that carried a comment, in any state, by paragraph then oldest first. */
  list(processId: string, documentId: string, filter: ResponseListFilter, limit: number, cursor?: string): Promise<Page<ResponseRecord>>;
  /** Every response of the document (the export). */
  all(processId: string, documentId: string): Promise<ResponseRecord[]>;
  figures(processId: string, documentId: string, version: number): Promise<FigureRecord[]>;
  /** Comments and answered comments per document (all versions). */
  totals(processId: string, documentIds: string[]): Promise<Map<string, { comments: number; answered: number }>>;
  /** A person's responses, newest first (the byUser index). */
  byUser(userId: string, limit: number, cursor?: string): Promise<Page<ResponseRecord>>;
  /** added; exists (this person flagged it since `resetAt`); gone. Within the person's flag rate limit. */
  addFlag(flag: ResponseFlagRecord, limit: RateLimit, now: Date, resetAt?: string): Promise<'added' | 'exists' | 'gone'>;
  /** Holds the response for moderation once its flags reach `threshold` (once, idempotent). */
  holdIfFlagged(response: ResponseRecord, threshold: number, now: Date): Promise<boolean>;
  /** The reasons of the flags since the last restore (the moderation queue). */
  flagsOn(response: ResponseRecord): Promise<ResponseFlagRecord[]>;
  /** Everything of the person's on the responses side, from the byUser index (GDPR download and erasure). */
  ofUser(userId: string): Promise<{ responses: ResponseRecord[]; flags: ResponseFlagRecord[] }>;
  deleteFlag(flag: ResponseFlagRecord): Promise<void>;
  /**
   * The retention job: unlinks every response of the document from its author (id gone, the name shown
   * becomes `placeholderName`; comment, position and participant type stay) and deletes the
   * one-per-person markers and the flags, which name people; how many responses it unlinked.
   */
  eraseAuthors(processId: string, documentId: string, placeholderName: string): Promise<number>;
}
