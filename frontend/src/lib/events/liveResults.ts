import { LIVE_SCALE_MAX, LIVE_SCALE_MIN } from '#shared/rules/events';
import type { LiveQuestion, LiveQuestionResult } from '#shared/schemas/live-rounds';
import type { Localized } from '#shared/schemas/text';

/** One bar of a result: a label and its count (the chart and its table show the same rows). */
export interface ResultBar {
  label: string;
  count: number;
  share?: number;
}

const share = (count: number, total: number) => (total > 0 ? count / total : 0);

/** A single choice's options in the question's order, with their counts and shares of those who answered. */
export function optionBars(question: Extract<LiveQuestion, { kind: 'single' }>, result: LiveQuestionResult, localized: (text: Localized) => string): ResultBar[] {
  return question.options.map((o) => {
    const count = result.options?.find((r) => r.id === o.id)?.count ?? 0;
    return { label: localized(o.label), count, share: share(count, result.count) };
  });
}

/** A scale's eleven steps, 0 to 10, each with how many chose it. */
export function scaleBars(result: LiveQuestionResult): ResultBar[] {
  return Array.from({ length: LIVE_SCALE_MAX - LIVE_SCALE_MIN + 1 }, (_, i) => {
    const count = result.distribution?.[i] ?? 0;
    return { label: String(LIVE_SCALE_MIN + i), count, share: share(count, result.count) };
  });
}

/** The mean with one decimal in the reader's way of writing it (6,4 / 6.4); absent without answers. */
export const meanText = (mean: number | undefined, locale: 'da' | 'en'): string | undefined =>
  mean === undefined ? undefined : (Math.round(mean * 10) / 10).toFixed(1).replace('.', locale === 'da' ? ',' : '.');
