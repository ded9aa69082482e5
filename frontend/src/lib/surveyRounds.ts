import { roundQuestions } from '#shared/rules/survey';
import type { Localized } from '#shared/schemas/text';
import type { QuestionResult, Survey, SurveyQuestion, SurveyResults } from '#shared/schemas/survey';
import { ApiError } from '../api/client';
import { fetchProcess } from '../api/processes';
import { fetchSurvey } from '../api/survey';

/**
 * Two rounds of a survey side by side (a process cloned for the revisit, `clonedFrom`): the earlier
 * round's figures beside this round's for the questions both asked the same way
 * (shared/rules/survey.ts roundQuestions). Shares, not only counts, because the rounds' sizes differ.
 */

export interface RoundData {
  survey: Survey;
  results: SurveyResults;
}
/** The earlier round: its process's id and title besides its survey and results. */
export interface PreviousRound extends RoundData {
  processId: string;
  title: Localized;
}

export interface Figure {
  count: number;
  /** Of those who answered the question; null when no one did. */
  share: number | null;
}
export interface ComparisonRow {
  label: string;
  previous: Figure;
  current: Figure;
}
export interface QuestionComparison {
  question: SurveyQuestion;
  rows: ComparisonRow[];
  answered: { previous: number; current: number };
  /** Likert and scale: the means (null without answers). */
  means?: { previous: number | null; current: number | null };
}

const notFound = (e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e));

/**
 * The earlier round as the reader may see it, or null when there is nothing to show: no such process
 * or survey, or results the reader may not read (`readResults` answers 404 for unpublished public ones).
 */
export async function loadPreviousRound(
  processId: string,
  readResults: (processId: string, signal?: AbortSignal) => Promise<SurveyResults>,
  signal?: AbortSignal,
): Promise<PreviousRound | null> {
  const [process, survey, results] = await Promise.all([
    fetchProcess(processId, signal).catch(notFound),
    fetchSurvey(processId, signal).catch(notFound),
    readResults(processId, signal).catch(notFound),
  ]);
  return process && survey && results ? { processId, title: process.title, survey, results } : null;
}

const figure = (count: number, answered: number): Figure => ({ count, share: answered > 0 ? count / answered : null });

function rowsOf(question: SurveyQuestion, before: QuestionResult, now: QuestionResult, localized: (t: Localized) => string): ComparisonRow[] {
  if ('options' in question) {
    const count = (r: QuestionResult, id: string) => r.options?.find((o) => o.id === id)?.count ?? 0;
    return question.options.map((o) => ({ label: localized(o.label), previous: figure(count(before, o.id), before.answered), current: figure(count(now, o.id), now.answered) }));
  }
  const points = [...new Set([...(before.distribution ?? []), ...(now.distribution ?? [])].map((p) => p.value))].sort((a, b) => a - b);
  const count = (r: QuestionResult, value: number) => r.distribution?.find((p) => p.value === value)?.count ?? 0;
  const ends = 'lowLabel' in question ? { low: localized(question.lowLabel), high: localized(question.highLabel) } : undefined;
  return points.map((value, i) => ({
    label: ends && i === 0 ? `${value} – ${ends.low}` : ends && i === points.length - 1 ? `${value} – ${ends.high}` : String(value),
    previous: figure(count(before, value), before.answered),
    current: figure(count(now, value), now.answered),
  }));
}

/** The comparable questions with both rounds' figures, and this round's questions that have no counterpart. Pure. */
export function compareRounds(previous: RoundData, current: RoundData, localized: (t: Localized) => string) {
  const { shared, onlyThisRound } = roundQuestions(previous.survey, current.survey);
  const questions = new Map(current.survey.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const resultOf = (r: SurveyResults, id: string) => r.questions.find((q) => q.questionId === id);
  const compared: QuestionComparison[] = [];
  for (const id of shared) {
    const question = questions.get(id)!;
    const before = resultOf(previous.results, id);
    const now = resultOf(current.results, id);
    // Free texts have no figures to set side by side.
    if (!before || !now || question.kind === 'short-text' || question.kind === 'long-text') continue;
    const scaled = question.kind === 'likert' || question.kind === 'scale';
    compared.push({
      question,
      rows: rowsOf(question, before, now, localized),
      answered: { previous: before.answered, current: now.answered },
      ...(scaled ? { means: { previous: before.mean ?? null, current: now.mean ?? null } } : {}),
    });
  }
  return { compared, onlyThisRound: onlyThisRound.map((id) => questions.get(id)!) };
}
