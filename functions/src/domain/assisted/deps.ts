import type { CommentDeps } from '../comments';
import type { IdeaDeps } from '../ideas';
import type { MyDataDeps } from '../my-data';
import type { AuditRecord, CommentStore, IdeaStore, ProcessStore, ProfileStore, UserDataStore, VoteStore } from '../ports';
import type { SurveyStore } from '../survey/ports';
import type { AssistedPersonRecord, AssistedStore } from './ports';

/**
 * What the assistant's use cases run on. The acts go through the ordinary use cases, so their stores
 * are the ordinary ones; `persons` is the assisted store (ports.ts) plus the two things only the
 * assistant's side needs (a survey answer's day for the receipt; the erasure of the person record).
 */
export interface AssistedPersonStore extends AssistedStore {
  /** The day of the survey answer an assistant typed for this identity (from its marker), if any. */
  surveyAnswerDay(processId: string, userId: string): Promise<string | undefined>;
  /**
   * Deletes the pointers of every claim code printed for them, then the person record with the
   * erasure's audit entry in one transaction (so a failure half-way leaves the person to erase again).
   */
  remove(person: AssistedPersonRecord, audit: AuditRecord): Promise<void>;
}

export interface AssistedDeps {
  persons: AssistedPersonStore;
  /** Read as stored (not cached): a registration or an act must not slip in after an admin closed the phase. */
  processes: ProcessStore;
  ideas: IdeaStore;
  votes: VoteStore;
  comments: CommentStore;
  profiles: ProfileStore;
  userData: UserDataStore;
  surveys: SurveyStore;
  /** The process's events: an assisted idea may name the event it came up at (its channel stays the assistant's). */
  events: NonNullable<IdeaDeps['events']>;
  clock: MyDataDeps['clock'];
  /** Sortable ids (ULID): people, ideas, comments, audit entries. */
  newId: (now: Date) => string;
  /** Random ids that encode no time: survey answers. */
  randomId: () => string;
  /** Where a reply typed for the citizen is recorded for the replied-to author's digest (as on the web). */
  followEvents?: CommentDeps['followEvents'];
  /** A new claim code (claim-codes.ts newClaimCode); a test may fix it. */
  newClaimCode: () => string;
  /** The site's absolute address: a receipt is read on paper, away from the site. */
  siteUrl: () => Promise<string>;
}
