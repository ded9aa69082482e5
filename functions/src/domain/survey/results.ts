// (pure) the results of a survey from its answers: no storage, no clock
import { LIKERT_POINTS, SCALE_MAX, SCALE_MIN, isTextKind, suppressed, surveyQuestions, type RuleQuestion } from '#shared/rules/survey';
import type { QuestionResult, SurveyResults } from '#shared/schemas/survey';
import type { StoredAnswer, StoredText } from './ports';

export interface ResultOptions {
  /** Public results show approved texts only, without their state; the workspace sees every text and its state. */
  audience: 'public' | 'internal';
  /** A background question to break the results down by. */
  by?: string | undefined;
}

const points = (q: RuleQuestion): readonly number[] =>
  q.kind === 'likert' ? LIKERT_POINTS : Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i);

/** One question's figures over a set of answers (and, for a text question, its texts). */
function questionResult(q: RuleQuestion, answers: readonly StoredAnswer[], texts: readonly StoredText[], audience: ResultOptions['audience']): QuestionResult {
  const base = { questionId: q.id, kind: q.kind };
  if (isTextKind(q.kind)) {
    const mine = texts.filter((t) => t.questionId === q.id);
    const shown = audience === 'public' ? mine.filter((t) => t.state === 'approved') : mine;
    return {
      ...base,
      answered: mine.length,
      texts: shown.map((t) => (audience === 'public' ? { id: t.id, text: t.text } : { id: t.id, text: t.text, state: t.state })),
    };
  }
  const values = answers.map((a) => a.answers[q.id]).filter((v) => v !== undefined);
  if (q.kind === 'single' || q.kind === 'multiple') {
    const chosen = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
    const options = (q.options ?? []).map((o) => {
      const count = chosen.filter((c) => c === o.id).length;
      // Share of those who answered the question (a multiple-choice question's shares may add up to more than 1).
      return { id: o.id, count, share: values.length ? count / values.length : 0 };
    });
    return { ...base, answered: values.length, options };
  }
  const numbers = values.filter((v): v is number => typeof v === 'number');
  return {
    ...base,
    answered: numbers.length,
    distribution: points(q).map((value) => ({ value, count: numbers.filter((n) => n === value).length })),
    mean: numbers.length ? numbers.reduce((s, n) => s + n, 0) / numbers.length : null,
  };
}

/**
 * The results: per question counts and shares, distributions and means, texts; with `by`, one group
 * per value of that background question (each option, then "not answered"), where a group of fewer
 * than SMALL_GROUP answers shows no figures, not even its count, so it cannot point at a person.
 * Free texts are left out of groups: a text and a small group together could identify its writer.
 */
export function surveyResults(
  survey: { processId: string; sections: { id: string; questions: readonly RuleQuestion[] }[] },
  answers: readonly StoredAnswer[],
  texts: readonly StoredText[],
  options: ResultOptions,
): SurveyResults {
  const questions = surveyQuestions(survey);
  const days = answers.map((a) => a.day).sort();
  const result: SurveyResults = {
    processId: survey.processId,
    answerCount: answers.length,
    period: days.length ? { from: days[0]!, to: days[days.length - 1]! } : null,
    questions: questions.map((q) => questionResult(q, answers, texts, options.audience)),
  };
  if (options.by === undefined) return result;
  const by = questions.find((q) => q.id === options.by)!;
  const values = [...(by.options ?? []).map((o) => o.id), ''];
  const figures = questions.filter((q) => !isTextKind(q.kind) && q.id !== by.id);
  const groups = values.map((value) => {
    const members = answers.filter((a) => (value === '' ? a.answers[by.id] === undefined : a.answers[by.id] === value));
    if (suppressed(members.length)) return { value, count: 0, suppressed: true };
    return { value, count: members.length, suppressed: false, questions: figures.map((q) => questionResult(q, members, [], options.audience)) };
  });
  return { ...result, breakdown: { by: by.id, groups } };
}
