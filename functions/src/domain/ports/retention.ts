import type { AuditRecord } from './audit';
import type { CommentRecord, FlagRecord, IdeaRecord, VoteRecord } from '../ports';

/**
 * What the retention job (domain/retention.ts) needs from storage. Kept apart from domain/ports.ts
 * only for size; import it from there like every other port.
 */

/** One idea and everything stored under it: its comments and replies, votes and flags. */
export interface IdeaContents {
  idea?: IdeaRecord;
  comments: CommentRecord[];
  votes: VoteRecord[];
  flags: FlagRecord[];
}

export interface RetentionStore {
  /** The ids of every idea of a process, whatever its status (hidden, rejected and merged ones too). */
  ideaIds(processId: string): Promise<string[]>;
  /** An idea with its comments, votes and flags, read consistently. */
  contents(ideaId: string): Promise<IdeaContents>;
  /**
   * Deletes vote and flag records, leaving the counts on ideas and comments as they are: the counts
   * are the process's result, the records only say who. Records already gone are no error.
   */
  deleteRecords(records: { votes: VoteRecord[]; flags: FlagRecord[] }): Promise<void>;
  /** Deletes who answered the process's survey (the markers; the answers name nobody and stay); how many there were. */
  deleteSurveyMarkers(processId: string): Promise<number>;
  /** Deletes the vote-rule tallies of the process (how many votes each person has standing); how many there were. */
  deleteTallies(processId: string): Promise<number>;
  /** Unlinks a comment from its author and shows `placeholderName` instead; text and stance stay. */
  anonymizeComment(comment: CommentRecord, placeholderName: string): Promise<void>;
  /** The process's audit entries about a participant (block, unblock) whose target is not `erasedId` yet. */
  auditSubjects(processId: string, erasedId: string): Promise<AuditRecord[]>;
  /** Replaces the participant's id in the entry with `erasedId` and deletes the copy filed under their id. */
  forgetAuditSubject(entry: AuditRecord, erasedId: string): Promise<void>;
  /**
   * Sets the process's `personalDataErasedAt` (and `updatedAt`) with the job's audit entry, in one
   * transaction; false when another run got there first (nothing written).
   */
  markErased(processId: string, audit: AuditRecord): Promise<boolean>;
}

/**
 * The assisted citizens of a process (issue 15): who they are (name, contact, consent), their profile
 * under the assisted identity and the pointers of their receipts' claim codes. Their votes, flags and
 * authorship carry the identity like anyone's and go by the steps above.
 */
export interface AssistedRetentionStore {
  /** Deletes every assisted citizen of the process with their profile and claim-code pointers; how many citizens there were. */
  deleteAssistedPersons(processId: string): Promise<number>;
}
