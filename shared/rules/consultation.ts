/**
 * Consultation rules (module `consultation`, phase kind `consultation`) as plain code without zod, so
 * the SPA imports them cheaply; `schemas/consultation.ts` builds its enums and limits from these.
 *
 * A process's consultation holds documents (the committee's drafts: the AI ambition, the ethical
 * guidelines) made of headings and numbered paragraphs. A paragraph keeps its number for ever: a
 * paragraph added later gets the next number never used before, so "§ 7" means the same text
 * across versions and a comment on it can be followed into the next version. Publishing a draft
 * makes a new immutable version; older versions stay readable and comparable.
 *
 * People respond per paragraph in a round: an invited round (the employees' follow-group) whose
 * members join by link or are invited by e-mail, then a public round inside the process's
 * `consultation` phase. Each round has its own dates; the server decides who may respond where.
 */
import { phaseAllows, type PhasedProcess, pastRetention, openPhases } from './phases';

export const roundKinds = ['invited', 'public'] as const;
export type RoundKind = (typeof roundKinds)[number];

/** Where a respondent stands on a paragraph. */
export const positions = ['agree', 'neutral', 'disagree'] as const;
export type Position = (typeof positions)[number];

/** What the committee did with a comment (its answer, shown publicly under the comment). */
export const answerStatuses = ['adopted', 'partly', 'not-adopted', 'out-of-scope'] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

/** Document ids the SPA's addresses use for other pages (/arbejdsrum/hoering/opsaetning, /forloeb/…/hoering/runde/…). */
export const reservedDocumentIds = ['opsaetning', 'runde'] as const;

export const blockKinds = ['heading', 'paragraph'] as const;
export type BlockKind = (typeof blockKinds)[number];

export const DOCUMENT_BLOCKS_MAX = 200;
export const HEADING_MAX = 200;
export const PARAGRAPH_MAX = 4000;
export const ANSWER_MAX = 2000;
export const VERSION_NOTE_MAX = 2000;
export const REFERENCES_MAX = 50;
export const ROUNDS_MAX = 6;
export const INVITED_EMAILS_MAX = 500;
/** A paragraph may name up to this many comments that led to its change. */
export const CHANGE_REASONS_MAX = 50;

/** A round as the rules read it. */
export interface RoundSpan {
  id: string;
  kind: RoundKind;
  startsAt: string;
  endsAt: string;
}

/** Open from its start up to, not including, its end. */
export const roundOpenAt = (round: RoundSpan, now: Date): boolean => {
  const t = now.getTime();
  return Date.parse(round.startsAt) <= t && t < Date.parse(round.endsAt);
};

/** Why someone may or may not respond in a round now; `open` is the only yes. */
export type RoundVerdict = 'open' | 'not-open' | 'not-member' | 'process-closed';

/**
 * Whether a person may respond in a round now. Nothing in an archived process, after its retention
 * date or while a `closed` phase is open (as for every module); otherwise the round's own dates
 * decide, and then: an invited round only for its members (whatever phase is open: the
 * follow-group reads the draft before the public consultation begins); the public round only while
 * the process's `consultation` phase is open as well.
 */
export function roundVerdict(process: PhasedProcess, round: RoundSpan, now: Date, isMember: boolean): RoundVerdict {
  if (process.archivedAt !== undefined || pastRetention(process, now) || openPhases(process, now).some((p) => p.kind === 'closed')) {
    return 'process-closed';
  }
  if (!roundOpenAt(round, now)) return 'not-open';
  if (round.kind === 'invited') return isMember ? 'open' : 'not-member';
  return phaseAllows(process, now, 'respond') ? 'open' : 'not-open';
}

/** The next number for a paragraph added to a document: numbers are never reused. */
export const nextParagraphNo = (usedSoFar: readonly number[]): number => (usedSoFar.length ? Math.max(...usedSoFar) + 1 : 1);
