import type { DeltagEvent, SignupNeeds } from '#shared/schemas/events';
import type { LiveQuestion, LiveRound } from '#shared/schemas/live-rounds';
import type { LiveRoundState, SignupState, Stance } from '#shared/rules/events';
import type { AuditRecord } from '../ports';

/**
 * What the events module's use cases need from storage (adapters/dynamodb/events*.ts and
 * live-rounds.ts implement it). Three parts with their own ports so each use case takes only what it
 * reads: the events themselves (`EventReads`, shared with other modules: the idea origin, the
 * reminder job, retention), sign-ups with the waiting list (`SignupStore`), and live rounds
 * (`LiveRoundStore`). Every write an organiser makes goes with its audit entry in one transaction.
 */

/**
 * An event as stored: the public fields and counters, and for an `invited` event its invitation
 * link's token in clear (for organisers to share: it is a capability, like the link) and its SHA-256
 * hash, which a sign-up compares in constant time.
 */
export interface EventRecord extends DeltagEvent {
  invitationToken?: string | undefined;
  invitationTokenHash?: string | undefined;
  reminderSentAt?: string | undefined;
  checkedIn: number;
}

export interface EventReads {
  event(processId: string, eventId: string): Promise<EventRecord | undefined>;
  /** Every event of the process (published or not), by start time. */
  events(processId: string): Promise<EventRecord[]>;
}

export interface EventStore extends EventReads {
  /** The event with its audit entry; `exists` when the id is taken in the process. */
  create(event: EventRecord, audit: AuditRecord): Promise<'created' | 'exists'>;
  /**
   * Writes the definition (not the counters) with its audit entry if the stored `updatedAt` is still
   * `expectedUpdatedAt`; `stale` otherwise; `capacity` when the new capacity is below the seats taken
   * at the moment of writing (a condition on the counter, so a sign-up racing the change cannot slip in).
   */
  update(event: EventRecord, expectedUpdatedAt: string, audit: AuditRecord): Promise<'saved' | 'stale' | 'capacity'>;
  /** Marks the reminder sent, once: false when another run already did (the job may overlap itself). */
  markReminderSent(processId: string, eventId: string, at: string): Promise<boolean>;
}

/** A sign-up as stored. `queuedAt` (a ULID) orders the waiting list; it is kept after promotion for the record. */
export interface SignupRecord extends SignupNeeds {
  id: string;
  processId: string;
  eventId: string;
  userId: string;
  /** The name and e-mail at sign-up, for the organisers' list and the mails (erased with the process's data). */
  name: string;
  email?: string | undefined;
  participantType?: string | undefined;
  state: SignupState;
  queuedAt?: string | undefined;
  signedUpAt: string;
  promotedAt?: string | undefined;
  checkedInAt?: string | undefined;
}

export interface SignupStore {
  /** The user's sign-up for the event, if any. */
  signupOf(processId: string, eventId: string, userId: string): Promise<SignupRecord | undefined>;
  /**
   * Takes a seat if one is free (a conditional ADD on the event's counter: exact under concurrency),
   * else places the person at the end of the waiting list; `exists` when they are signed up already.
   */
  signUp(signup: Omit<SignupRecord, 'state' | 'queuedAt'>, capacity: number): Promise<{ outcome: 'seat' | 'waiting' | 'exists'; signup?: SignupRecord }>;
  /**
   * Cancels the sign-up. A seat holder's seat goes to the first on the waiting list in the same
   * transaction (exactly one is promoted; none when the list is empty, and the seat is freed);
   * returns the promoted sign-up so the caller can mail them. `missing` when there was none.
   */
  cancel(processId: string, eventId: string, userId: string, at: string): Promise<{ outcome: 'cancelled' | 'missing'; promoted?: SignupRecord }>;
  /** Moves the waiting list up while seats are free (after a capacity increase); the promoted, in order. */
  fillSeats(processId: string, eventId: string, capacity: number, at: string): Promise<SignupRecord[]>;
  /** The waiting list's position of a waiting sign-up (1: next). */
  positionOf(signup: SignupRecord): Promise<number>;
  /** Seats by sign-up time, then the waiting list in order (each page continues where the last ended); a waiting row carries its position. */
  list(processId: string, eventId: string, query: { state?: SignupState; limit: number; cursor?: string }): Promise<{ items: (SignupRecord & { position?: number })[]; nextCursor?: string }>;
  setCheckedIn(processId: string, eventId: string, signupId: string, at: string | undefined): Promise<SignupRecord | undefined>;
  /** The user's sign-ups in every process (Min side, the data download, account deletion). */
  signupsOfUser(userId: string, query: { limit: number; cursor?: string }): Promise<{ items: SignupRecord[]; nextCursor?: string }>;
  /** Deletes every sign-up of the process's events and resets their counters (the retention job). */
  eraseProcess(processId: string, eventIds: readonly string[]): Promise<number>;
}

/** A live round as stored (`LiveRound` of the contract); the tallies are apart, one item per question. */
export type LiveRoundRecord = LiveRound;

/** One question's tally as stored: ADD counters, read back as numbers. */
export interface LiveTally {
  questionId: string;
  count: number;
  /** single: option id → count; scale: "0".."10" → count; statements: `${statementId}:${stance}` → count. */
  counts: Record<string, number>;
  /** words: normalised word → count. */
  words: Record<string, number>;
}

export interface LiveRoundStore {
  round(processId: string, eventId: string, roundId: string): Promise<LiveRoundRecord | undefined>;
  rounds(processId: string, eventId: string): Promise<LiveRoundRecord[]>;
  /** The round behind a short code. */
  byCode(code: string): Promise<LiveRoundRecord | undefined>;
  create(round: LiveRoundRecord, audit: AuditRecord): Promise<void>;
  /** Writes the round if its stored `updatedAt` is still `expectedUpdatedAt` and its state `expectedState`; `stale` otherwise. */
  save(round: LiveRoundRecord, expected: { updatedAt: string; state: LiveRoundState }, audit: AuditRecord): Promise<'saved' | 'stale'>;
  /** Claims a short code for the round (a conditional put): false when the code is taken, so the caller draws another. */
  claimCode(code: string, round: Pick<LiveRoundRecord, 'processId' | 'eventId' | 'id'>): Promise<boolean>;
  /**
   * Records one phone's answer to one question: the marker (conditional: one per token hash and
   * question) and the tally's counters in one transaction; `duplicate` when this phone answered it.
   */
  answer(roundId: string, questionId: string, tokenHash: string, increments: { counts: Record<string, number>; words: Record<string, number> }): Promise<'recorded' | 'duplicate'>;
  tallies(roundId: string): Promise<LiveTally[]>;
  /** Deletes the answer markers of the rounds (the retention job); the tallies are counts and stay. */
  eraseMarkers(roundIds: readonly string[]): Promise<number>;
}

export type { LiveQuestion, Stance };
