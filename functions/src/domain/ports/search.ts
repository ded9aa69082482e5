import type { IdeaStatus } from '#shared/schemas/idea';
import type { ParticipantType } from '#shared/schemas/user';

/**
 * Search (issue 18). Every write to an idea or comment item, by any adapter, reaches the table's
 * stream; one projector (handlers/search-projector.ts) turns the item into a search document and
 * stores it with a change-log entry. Each warm function keeps an in-memory index per process, loaded
 * from the documents once and kept fresh from the change log (domain/search/cache.ts). A public
 * answer is always decided on the ideas' own current state, read consistently, never on the index alone.
 */

/** What search knows of an idea: its searchable texts and the state its filters need. */
export interface IdeaSearchDoc {
  kind: 'idea';
  id: string;
  processId: string;
  title: string;
  body: string;
  plainSummary?: string;
  area: string;
  status: IdeaStatus;
  held: boolean;
  authorName: string;
  authorType: ParticipantType;
  eventId?: string;
  createdAt: string;
}

/** What search knows of a comment (the moderators' workspace search only). */
export interface CommentSearchDoc {
  kind: 'comment';
  id: string;
  processId: string;
  ideaId: string;
  body: string;
  /** visible, held, hidden, deleted (rules/audit.ts commentStates). */
  status: string;
  authorName: string;
  authorType?: ParticipantType;
  createdAt: string;
}

export type SearchDoc = IdeaSearchDoc | CommentSearchDoc;
export type SearchKind = 'ideas' | 'comments';

/**
 * One change from the projector: a document stored anew, or one removed (its item was deleted).
 * `version` orders the changes of one item (the stream record's sequence number, zero-padded so it
 * compares as text): the store skips a change older than the one it holds, so a replayed or late
 * record never overwrites a newer document. Absent: stored whatever the store holds.
 */
export type SearchChange = ({ doc: SearchDoc } | { removed: { kind: SearchDoc['kind']; id: string; processId: string } }) & { version?: string };

/** Where the projector keeps the documents, and where a warm index reads them. */
export interface SearchDocStore {
  /** Stores each change: the document (or its removal) and a change-log entry stamped `at`. */
  apply(changes: SearchChange[], at: Date): Promise<void>;
  /** Every document of a process's kind: a cold index's load. `loadedAt` is when the read began. */
  all(processId: string, kind: SearchKind): Promise<{ docs: SearchDoc[]; loadedAt: string }>;
  /**
   * The change log of a process's kind from `since` on (an ISO time; callers pass a little before the
   * last read, as writers' clocks differ), oldest first; `complete: false` when the log no longer
   * reaches back that far (entries expire), so the index loads everything again.
   */
  changesSince(processId: string, kind: SearchKind, since: string): Promise<{ changes: SearchChange[]; readAt: string; complete: boolean }>;
}
