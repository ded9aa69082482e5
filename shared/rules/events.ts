/**
 * Event rules (module `events`, phase kind `event`) as plain code without zod, so the SPA imports
 * them cheaply; `schemas/events.ts` builds its enums and limits from these.
 *
 * A process's events are the committee's meetings with people: the theme day for employees (an AI
 * festival, a workshop, a hackathon), the public part of a committee meeting, an information
 * meeting. Signed-in people sign up while the process's `event` phase is open and before the
 * event's own sign-up deadline; when the seats are taken they join a waiting list that moves up by
 * itself when someone cancels. In the room an organiser opens a live round: people answer on their
 * phones by a short code without signing in, and the room's answers become the process's data.
 */
import { pastRetention, phaseAllows, openPhases, type PhasedProcess } from './phases';

export const eventTypes = ['theme-day', 'workshop', 'hackathon', 'committee-meeting', 'information-meeting'] as const;
export type EventType = (typeof eventTypes)[number];

/** Who may sign up: anyone signed in, employees only (profile type), or those with the invitation link. */
export const eventAudiences = ['everyone', 'employees', 'invited'] as const;
export type EventAudience = (typeof eventAudiences)[number];

/** Accessibility offered at the place, shown on the event page (the note says more in words). */
export const accessFeatures = ['step-free', 'hearing-loop', 'interpreter-on-request', 'quiet-room'] as const;
export type AccessFeature = (typeof accessFeatures)[number];

/** Diet a participant can state at sign-up (organisers see it; erased with the process's data). */
export const dietNeeds = ['vegetarian', 'vegan', 'gluten-free', 'lactose-free', 'halal', 'other'] as const;
export type DietNeed = (typeof dietNeeds)[number];

/** A sign-up holds a seat or waits for one (position by the time it joined the list). */
export const signupStates = ['seat', 'waiting'] as const;
export type SignupState = (typeof signupStates)[number];

/** Event ids the SPA's addresses use for other pages (/forloeb/<id>/arrangementer/live …). */
export const reservedEventIds = ['live', 'ny', 'opsaetning'] as const;

export const EVENT_TITLE_MAX = 200;
export const EVENT_DESCRIPTION_MAX = 8000;
export const EVENT_PLACE_MAX = 300;
export const ACCESS_NOTE_MAX = 1000;
export const CAPACITY_MAX = 5000;
export const SIGNUP_NOTE_MAX = 1000;
export const ACCESS_NEED_MAX = 500;
export const EVENTS_PER_PROCESS_MAX = 100;

/** An event as the sign-up rules read it. */
export interface RuleEvent {
  startsAt: string;
  endsAt: string;
  /** Sign-up closes at this time; absent: at the start. */
  signupDeadline?: string | undefined;
  audience: EventAudience;
  cancelledAt?: string | undefined;
  published: boolean;
}

/** Why someone may or may not sign up now; `open` is the only yes. */
export type SignupVerdict = 'open' | 'not-open' | 'closed' | 'cancelled' | 'not-employee' | 'needs-invitation' | 'process-closed';

export const signupClosesAt = (event: Pick<RuleEvent, 'startsAt' | 'signupDeadline'>): string => event.signupDeadline ?? event.startsAt;

/**
 * Whether a person may sign up for an event now. Nothing in an archived process, after its retention
 * date or while a `closed` phase is open; nothing for an unpublished or cancelled event; nothing after
 * the sign-up deadline; before it, only while a phase that allows `signup` (an `event` phase) is open.
 * Then the audience: employees only by profile type; an invited event only with its link's token.
 */
export function signupVerdict(
  process: PhasedProcess,
  event: RuleEvent,
  now: Date,
  who: { participantType?: string | undefined; hasValidInvitation: boolean },
): SignupVerdict {
  if (process.archivedAt !== undefined || pastRetention(process, now) || openPhases(process, now).some((p) => p.kind === 'closed')) {
    return 'process-closed';
  }
  if (event.cancelledAt !== undefined) return 'cancelled';
  if (!event.published) return 'not-open';
  if (now.getTime() >= Date.parse(signupClosesAt(event))) return 'closed';
  if (!phaseAllows(process, now, 'signup')) return 'not-open';
  if (event.audience === 'employees' && who.participantType !== 'employee') return 'not-employee';
  if (event.audience === 'invited' && !who.hasValidInvitation) return 'needs-invitation';
  return 'open';
}

/** Cancelling stays possible until the event starts (a seat freed then still helps the waiting list). */
export const mayCancel = (event: Pick<RuleEvent, 'startsAt'>, now: Date): boolean => now.getTime() < Date.parse(event.startsAt);

/** Ideas may name an event as their origin from the moment it starts (not a future event). */
export const mayBeOrigin = (event: Pick<RuleEvent, 'startsAt' | 'published' | 'cancelledAt'>, now: Date): boolean =>
  event.published && event.cancelledAt === undefined && Date.parse(event.startsAt) <= now.getTime();

/** The reminder goes out once, in the day before the start (the scheduled job runs every hour). */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;
export const reminderDue = (event: Pick<RuleEvent, 'startsAt' | 'cancelledAt'> & { reminderSentAt?: string | undefined }, now: Date): boolean => {
  const start = Date.parse(event.startsAt);
  return event.cancelledAt === undefined && event.reminderSentAt === undefined && now.getTime() < start && start - now.getTime() <= REMINDER_LEAD_MS;
};

// ---- the live round in the room ----

/**
 * Question kinds of a live round: a single choice and a 0–10 scale (the survey's own kinds), a word
 * cloud of a few short words, and agree/neutral/disagree on statements (a draft's paragraphs, say).
 */
export const liveQuestionKinds = ['single', 'scale', 'words', 'statements'] as const;
export type LiveQuestionKind = (typeof liveQuestionKinds)[number];

export const liveRoundStates = ['draft', 'open', 'closed'] as const;
export type LiveRoundState = (typeof liveRoundStates)[number];

/** agree / neutral / disagree, as in the consultation. */
export const stances = ['agree', 'neutral', 'disagree'] as const;
export type Stance = (typeof stances)[number];

export const LIVE_QUESTIONS_MAX = 20;
export const LIVE_OPTIONS_MAX = 10;
export const STATEMENTS_MAX = 15;
export const STATEMENT_MAX = 500;
export const WORDS_PER_ANSWER = 3;
export const WORD_MAX = 30;
/** The cloud shows the most frequent words; the export keeps them all. */
export const CLOUD_WORDS_SHOWN = 50;
export const LIVE_SCALE_MIN = 0;
export const LIVE_SCALE_MAX = 10;

/**
 * Short codes people type on their phones: six characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), upper case; typed lower case or with spaces they still match.
 */
export const SHORT_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const SHORT_CODE_LENGTH = 6;
export const normaliseShortCode = (typed: string): string => typed.replace(/[\s-]/g, '').toUpperCase();
export const isShortCode = (code: string): boolean =>
  code.length === SHORT_CODE_LENGTH && [...code].every((c) => SHORT_CODE_ALPHABET.includes(c));

/**
 * A word for the cloud as it is counted: trimmed, lower case (Danish letters kept), inner spaces
 * folded; empty when nothing is left. "AI", " ai " and "Ai" count as one word.
 */
export const normaliseWord = (word: string): string => word.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
