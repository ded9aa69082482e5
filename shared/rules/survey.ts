/**
 * The attitude survey's rules, zod-free so the answer page and the builder import them cheaply.
 * A process has at most one survey, answered in its `survey` phase. Answers are anonymous by
 * construction: the store keeps a "has answered" marker for the person and the answer under a random
 * id, with nothing that joins them (see `functions/src/domain/survey/`).
 */

export const questionKinds = ['single', 'multiple', 'likert', 'scale', 'short-text', 'long-text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Optional background questions a breakdown can use; each is optional to answer and explained. */
export const demographicKinds = ['age-band', 'district', 'participant-type'] as const;
export type DemographicKind = (typeof demographicKinds)[number];

export const LIKERT_POINTS = [1, 2, 3, 4, 5] as const;
export const SCALE_MIN = 0;
export const SCALE_MAX = 10;
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 2000;
export const SURVEY_SECTIONS_MAX = 12;
export const SURVEY_QUESTIONS_MAX = 60;
export const OPTIONS_MAX = 20;

/**
 * A breakdown by a background question hides every group with fewer answers than this, so a small
 * group cannot point at a person (stated on the results page).
 */
export const SMALL_GROUP = 5;

/** Free-text answers are published only after a moderator has reviewed them. */
export const textReviewStates = ['unreviewed', 'approved', 'hidden'] as const;
export type TextReviewState = (typeof textReviewStates)[number];

/** Whether a free-text kind. */
export const isTextKind = (kind: QuestionKind) => kind === 'short-text' || kind === 'long-text';

/** A group too small to show in a breakdown. */
export const suppressed = (count: number) => count > 0 && count < SMALL_GROUP;
