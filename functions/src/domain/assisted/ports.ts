import type { AssistedChannel } from '#shared/rules/assisted';
import type { ParticipantType } from '#shared/schemas/user';
import type { AuditRecord, StoredProfile } from '../ports';

/**
 * What assisted participation needs from storage (adapters/dynamodb/assisted*.ts). Two parts: the
 * citizens an assistant registers and acts for (`AssistedStore`), and the claim that moves one of
 * them into an account (`ClaimStore`). The acts themselves (idea, vote, comment, survey answer) go
 * through the ordinary use cases under the citizen's identity, so their stores are the ordinary ones.
 */

/** A citizen registered in a process by an assistant, with their consent. */
export interface AssistedPersonRecord {
  id: string;
  processId: string;
  /** The citizen's stable identity: `assisted-<id>` (rules/assisted.ts), the key of their votes, ideas and profile. */
  userId: string;
  name: string;
  email?: string;
  phone?: string;
  participantType: ParticipantType;
  consent: { at: string; version: string; assistantId: string; assistantName: string; channel: AssistedChannel };
  /** SHA-256 (base64url) of every claim code printed for them: any of them claims. */
  claimCodeHashes: string[];
  createdAt: string;
  createdBy: string;
  /** Set once claimed: the account that took it over. Contact details are then removed (the account holds its own). */
  claimedBy?: string;
  claimedAt?: string;
}

export interface AssistedStore {
  /** The person, their profile (name and type shown with their ideas) and the first audit entry, in one transaction. */
  create(person: AssistedPersonRecord, profile: StoredProfile, audit: AuditRecord): Promise<void>;
  get(processId: string, personId: string): Promise<AssistedPersonRecord | undefined>;
  /** Every citizen of the process (the lookup filters them; a process has hundreds, not millions). */
  list(processId: string): Promise<AssistedPersonRecord[]>;
  /** A new receipt's code: its hash added to the person and its pointer written, with the act's audit entry, in one transaction. */
  addClaimCode(person: AssistedPersonRecord, codeHash: string, audit: AuditRecord): Promise<void>;
  /** Which person a code (by its hash) belongs to. */
  byClaimCode(codeHash: string): Promise<{ processId: string; personId: string } | undefined>;
  /** Writes an audit entry on its own (an act whose own store wrote no audit: a vote, a comment, an answer, an export). */
  audit(entry: AuditRecord): Promise<void>;
}

// ---- the claim (domain/assisted/claim.ts, adapters/dynamodb/assisted-claim.ts) ----

/** A vote of the assisted identity as the claim moves it (the ordinary vote record). */
export type ClaimVote = import('../ports').VoteRecord;

/** An idea or comment written under the assisted identity: enough to rewrite its author. */
export interface ClaimItemKey {
  pk: string;
  sk: string;
}

/** The assisted identity's survey marker: which answer (and free texts) the assistant typed. */
export interface ClaimSurveyMarker {
  answerId?: string;
  textIds?: string[];
}

/**
 * What the claim needs from storage. Each move is its own transaction with conditions, so a crash
 * between two leaves every item either moved or not, and a second call with the same code finishes.
 */
export interface ClaimStore {
  /** Counts one claim attempt against the account's limit (a code is a secret: guesses are limited); throws TooManyRequestsError. */
  attempt(userId: string, limit: import('../ports').RateLimit, now: Date): Promise<void>;
  byCode(codeHash: string): Promise<{ processId: string; personId: string } | undefined>;
  /** Read consistently: a claim in progress by another request shows. */
  person(processId: string, personId: string): Promise<AssistedPersonRecord | undefined>;
  /** Takes the person for the account (no one else's claim from now on); `taken` when another account has it. */
  reserve(processId: string, personId: string, accountId: string): Promise<'reserved' | 'taken'>;
  /** What the identity wrote and voted, from the byUser index. */
  ideasOf(userId: string): Promise<ClaimItemKey[]>;
  commentsOf(userId: string): Promise<ClaimItemKey[]>;
  votesOf(userId: string): Promise<ClaimVote[]>;
  /** Rewrites the author (and the byUser index key); false when it is not the assisted identity's any more. */
  moveAuthor(item: ClaimItemKey, from: string, to: { userId: string; username?: string | undefined }): Promise<boolean>;
  /** Does the account vote for the idea itself (read consistently)? */
  hasVote(ideaId: string, userId: string): Promise<boolean>;
  /**
   * The assisted vote becomes the account's, with its time, weight and participant type; the idea's
   * count stays. `voted`: the account voted for it meanwhile; `limit`: the account has the process's
   * votes per person standing already; `gone`: the assisted vote is no longer there. Only `moved` wrote anything.
   */
  moveVote(vote: ClaimVote, to: string, maxVotes: number | null): Promise<'moved' | 'voted' | 'limit' | 'gone'>;
  /** Deletes the assisted vote and takes it off the idea's count; false when it was gone already. */
  dropVote(vote: ClaimVote): Promise<boolean>;
  surveyMarker(processId: string, userId: string): Promise<ClaimSurveyMarker | undefined>;
  /** The account's marker replaces the assisted one (without the answer's id); `answered`: the account has a marker of its own. */
  moveSurveyMarker(processId: string, from: string, to: string): Promise<'moved' | 'answered' | 'gone'>;
  /** Deletes the assisted marker, the answer it names and that answer's free texts; false when the marker was gone. */
  dropSurveyAnswer(processId: string, from: string, marker: ClaimSurveyMarker): Promise<boolean>;
  /**
   * Ends the claim: the person gets `claimedAt` and loses the contact details, the identity's profile
   * and vote tally go, and the audit entry is written, in one transaction; false when it was finished already.
   */
  finish(person: AssistedPersonRecord, accountId: string, audit: AuditRecord): Promise<boolean>;
}
