import type { QuestionResult, SurveyQuestion } from '#shared/schemas/survey';
import type { Localized } from '#shared/schemas/text';

/** A question's result as bars: options by their labels, scale points by their value (the ends named). */
export function barsOf(question: SurveyQuestion | undefined, result: QuestionResult, localized: (text: Localized) => string) {
  if (result.options) {
    const labels = new Map(question && 'options' in question ? question.options.map((o) => [o.id, localized(o.label)]) : []);
    return result.options.map((o) => ({ label: labels.get(o.id) ?? o.id, count: o.count, share: o.share }));
  }
  if (result.distribution) {
    const ends = question && 'lowLabel' in question ? { low: localized(question.lowLabel), high: localized(question.highLabel) } : undefined;
    const last = result.distribution.length - 1;
    return result.distribution.map((p, i) => ({
      label: ends && i === 0 ? `${p.value} – ${ends.low}` : ends && i === last ? `${p.value} – ${ends.high}` : String(p.value),
      count: p.count,
    }));
  }
  return [];
}

/** A mean as the reader's language writes decimals (one decimal). */
export const formatMean = (mean: number, locale: string) => mean.toLocaleString(locale === 'en' ? 'en-GB' : 'da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
