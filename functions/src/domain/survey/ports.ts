import type { AssistedChannel } from '#shared/rules/assisted';
import type { AnswerValue, TextReviewState } from '#shared/rules/survey';
import type { Survey, SurveyDefinition } from '#shared/schemas/survey';
import type { AuditRecord } from '../ports';

/**
 * What the survey's use cases need from storage. Answers are anonymous by construction: the store
 * keeps who answered (a marker with nothing else) apart from what was answered (under a random id,
 * with only the day), and nothing joins the two.
 */

/** Who answered: a signed-in user's id, or the hash of an anonymous browser's token. */
export type Respondent = { userId: string } | { tokenHash: string };

/** An answer as stored: a random id, the Copenhagen day, the non-text answers. */
export interface StoredAnswer {
  id: string;
  day: string;
  answers: Record<string, AnswerValue>;
  /** How it came in, when not on the web: an assistant typed it (rules/assisted.ts); counted per channel in the export. */
  channel?: AssistedChannel;
}

/** A free-text answer, stored apart so a moderator can review each one. */
export interface StoredText {
  id: string;
  answerId: string;
  questionId: string;
  text: string;
  day: string;
  state: TextReviewState;
  reason?: string;
}

export interface NewAnswer {
  processId: string;
  respondent: Respondent;
  answer: StoredAnswer;
  texts: StoredText[];
}

export interface SurveyStore {
  get(processId: string): Promise<Survey | undefined>;
  /**
   * Writes the survey with its audit entry, if the stored `updatedAt` is still `expectedUpdatedAt`
   * (absent: only if there is no survey yet) and, for a structural change, only while no answer exists.
   * `stale` when someone changed it meanwhile, `locked` when the first answer came in meanwhile.
   */
  save(survey: Survey, expectedUpdatedAt: string | undefined, structural: boolean, audit: AuditRecord): Promise<'saved' | 'stale' | 'locked'>;
  /** Marks the survey as answered (the structure is then fixed), unless it already is or was changed since `updatedAt`. */
  lock(processId: string, updatedAt: string, at: string): Promise<'locked' | 'stale'>;
  /** Sets or clears `resultsPublishedAt`, with its audit entry. */
  publish(processId: string, at: string | undefined, audit: AuditRecord): Promise<void>;
  /** Writes the marker and the answer (and its texts) in one transaction; `already-answered` when the marker exists. */
  answer(entry: NewAnswer): Promise<'answered' | 'already-answered'>;
  hasAnswered(processId: string, respondent: Respondent): Promise<boolean>;
  /** Counts one anonymous answer of the process in a window; false when the window's limit is reached. */
  takeAnonymousSlot(processId: string, max: number, windowSeconds: number, now: Date): Promise<boolean>;
  answers(processId: string): Promise<StoredAnswer[]>;
  texts(processId: string): Promise<StoredText[]>;
  textPage(processId: string, filter: { questionId?: string; state?: TextReviewState }, limit: number, cursor?: string): Promise<{ items: StoredText[]; nextCursor: string | null }>;
  getText(processId: string, textId: string): Promise<StoredText | undefined>;
  /** Sets a text's review state, with its audit entry. */
  reviewText(processId: string, text: StoredText, audit: AuditRecord): Promise<void>;
}
