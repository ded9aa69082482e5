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

/** A question as the rules read it (the zod schema in schemas/survey.ts gives the full shape). */
export interface RuleQuestion {
  id: string;
  kind: QuestionKind;
  required?: boolean;
  demographic?: DemographicKind | undefined;
  options?: readonly { id: string }[];
  maxChoices?: number;
  maxLength?: number;
}
export interface RuleSurvey {
  sections: readonly { id: string; questions: readonly RuleQuestion[] }[];
}
export type AnswerValue = string | string[] | number;

/** Every question of a survey, in order. */
export const surveyQuestions = (survey: RuleSurvey): RuleQuestion[] => survey.sections.flatMap((s) => [...s.questions]);

/** A problem with a survey definition or an answer: where (a field path below `body`) and what, in Danish. */
export interface SurveyProblem {
  path: string;
  message: string;
}

/**
 * Ids must be unique across the whole survey (sections, questions, and each question's options), since
 * answers, results and the export address questions and options by id alone.
 */
export function definitionProblems(survey: RuleSurvey): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  const seen = new Set<string>();
  const once = (id: string, path: string) => {
    if (seen.has(id)) problems.push({ path, message: `Id'et '${id}' er brugt mere end én gang i spørgeskemaet` });
    seen.add(id);
  };
  survey.sections.forEach((section, s) => {
    once(section.id, `sections.${s}.id`);
    section.questions.forEach((q, i) => {
      const at = `sections.${s}.questions.${i}`;
      once(q.id, `${at}.id`);
      const ids = new Set<string>();
      q.options?.forEach((o, k) => {
        if (ids.has(o.id)) problems.push({ path: `${at}.options.${k}.id`, message: `Svarmuligheden '${o.id}' findes to gange` });
        ids.add(o.id);
      });
      if (q.maxChoices !== undefined && q.options && q.maxChoices > q.options.length)
        problems.push({ path: `${at}.maxChoices`, message: 'Der kan ikke vælges flere, end der er svarmuligheder' });
      if (q.demographic && q.required) problems.push({ path: `${at}.required`, message: 'Baggrundsspørgsmål er altid frivillige' });
    });
  });
  return problems;
}

/** What of a question is structure (fixed once answers exist): everything but its texts. */
const structureOf = (survey: RuleSurvey) =>
  JSON.stringify(
    survey.sections.map((s) => ({
      id: s.id,
      questions: s.questions.map((q) => [q.id, q.kind, q.options?.map((o) => o.id) ?? null, q.maxChoices ?? null, q.maxLength ?? null, q.required ?? false, q.demographic ?? null]),
    })),
  );

/**
 * Whether two definitions differ in structure (ids, kinds, options, limits, required, background
 * kind): after the first answer that would make answers given before mean something else.
 */
export const structureChanged = (before: RuleSurvey, after: RuleSurvey): boolean => structureOf(before) !== structureOf(after);

const isEmpty = (v: AnswerValue | undefined) => v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Checks one answer value against its question; undefined when fine. */
function valueProblem(q: RuleQuestion, value: AnswerValue): string | undefined {
  const offered = (id: string) => q.options?.some((o) => o.id === id) ?? false;
  switch (q.kind) {
    case 'single':
      return typeof value === 'string' && offered(value) ? undefined : 'Vælg en af de viste svarmuligheder';
    case 'multiple':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && offered(v))) return 'Vælg blandt de viste svarmuligheder';
      if (new Set(value).size !== value.length) return 'Den samme svarmulighed er valgt to gange';
      return value.length > (q.maxChoices ?? Infinity) ? `Vælg højst ${q.maxChoices}` : undefined;
    case 'likert':
      return Number.isInteger(value) && (LIKERT_POINTS as readonly number[]).includes(value as number) ? undefined : 'Vælg et tal fra 1 til 5';
    case 'scale':
      return Number.isInteger(value) && (value as number) >= SCALE_MIN && (value as number) <= SCALE_MAX ? undefined : `Vælg et tal fra ${SCALE_MIN} til ${SCALE_MAX}`;
    default:
      if (typeof value !== 'string') return 'Skriv dit svar som tekst';
      return value.length > (q.maxLength ?? LONG_TEXT_MAX) ? `Svaret må højst være ${q.maxLength} tegn` : undefined;
  }
}

/**
 * The problems of an answer to a survey, one per question, at `answers.<questionId>`: a question the
 * survey does not have, an option it does not offer, too many choices, a number out of range, a text
 * too long, a required question left out. An empty value counts as not answered.
 */
export function answerProblems(survey: RuleSurvey, answers: Readonly<Record<string, AnswerValue>>): SurveyProblem[] {
  const questions = new Map(surveyQuestions(survey).map((q) => [q.id, q]));
  const problems: SurveyProblem[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const q = questions.get(id);
    if (!q) problems.push({ path: `answers.${id}`, message: 'Spørgeskemaet har ikke dette spørgsmål' });
    else if (!isEmpty(value)) {
      const message = valueProblem(q, value);
      if (message) problems.push({ path: `answers.${id}`, message });
    }
  }
  for (const q of questions.values())
    if (q.required && !q.demographic && isEmpty(answers[q.id])) problems.push({ path: `answers.${q.id}`, message: 'Besvar dette spørgsmål' });
  return problems;
}

/** The answers worth storing: known questions with a value (empty values dropped, texts trimmed). */
export function cleanAnswers(answers: Readonly<Record<string, AnswerValue>>): Record<string, AnswerValue> {
  return Object.fromEntries(
    Object.entries(answers)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
      .filter(([, v]) => !isEmpty(v)),
  );
}

/** Which questions of two rounds of a survey can be compared, in the order of the later round. */
export interface RoundQuestions {
  /** Asked the same way in both rounds: the same id and kind, and a choice question with the same options. */
  shared: string[];
  /** Not asked in the earlier round, or asked differently (another kind, other options): only this round's figures mean anything. */
  onlyThisRound: string[];
}

const sameOptions = (a: RuleQuestion, b: RuleQuestion) => {
  const ids = new Set(a.options?.map((o) => o.id) ?? []);
  const other = b.options?.map((o) => o.id) ?? [];
  return ids.size === other.length && other.every((id) => ids.has(id));
};

/**
 * The questions a re-run (a cloned process's survey) shares with the earlier round. A question is
 * shared when the earlier round has one with the same id and kind and, for single and multiple
 * choice, the same option ids (in any order): their counts and shares then count the same thing. A
 * Likert or scale question has fixed points, so the same kind is enough. Texts may differ (a corrected
 * wording) — the ids say which question it is. Pure.
 */
export function roundQuestions(previous: RuleSurvey, current: RuleSurvey): RoundQuestions {
  const before = new Map(surveyQuestions(previous).map((q) => [q.id, q]));
  const result: RoundQuestions = { shared: [], onlyThisRound: [] };
  for (const q of surveyQuestions(current)) {
    const p = before.get(q.id);
    const choice = q.kind === 'single' || q.kind === 'multiple';
    const same = p !== undefined && p.kind === q.kind && (!choice || sameOptions(p, q));
    (same ? result.shared : result.onlyThisRound).push(q.id);
  }
  return result;
}
