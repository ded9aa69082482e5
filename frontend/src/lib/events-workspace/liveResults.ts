import { CLOUD_WORDS_SHOWN, LIVE_SCALE_MAX, LIVE_SCALE_MIN } from '#shared/rules/events';
import type { LiveQuestion, LiveQuestionResult } from '#shared/schemas/live-rounds';

/**
 * One question's results as the presenter view and the annex draw them: bars with their numbers
 * (single choice, the scale's 0–10), the words most frequent first with a size step 1–5 for the
 * cloud, and per statement its agree/neutral/disagree counts with each part's share of the width.
 * Pure, so it is tested apart from the page; `localized` puts a text in the reader's language.
 */
export interface Bar {
  label: string;
  value: number;
  /** Of the longest bar, 0–100. */
  width: number;
}
export interface StatementRow {
  id: string;
  label: string;
  agree: number;
  neutral: number;
  disagree: number;
  total: number;
  /** Shares of the row's width, 0–100, summing to 100 when there are answers. */
  widths: { agree: number; neutral: number; disagree: number };
}
export type QuestionView =
  | { kind: 'single'; count: number; bars: Bar[] }
  | { kind: 'scale'; count: number; bars: Bar[]; mean?: number }
  | { kind: 'words'; count: number; words: { word: string; count: number; step: number }[] }
  | { kind: 'statements'; count: number; rows: StatementRow[] };

const barsOf = (items: { label: string; value: number }[]): Bar[] => {
  const max = Math.max(0, ...items.map((i) => i.value));
  return items.map((i) => ({ ...i, width: max > 0 ? Math.round((i.value / max) * 1000) / 10 : 0 }));
};
const share = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);

export function questionView(q: LiveQuestion, r: LiveQuestionResult | undefined, localized: (t: { da: string; en?: string }) => string): QuestionView {
  const count = r?.count ?? 0;
  switch (q.kind) {
    case 'single': {
      const counts = new Map((r?.options ?? []).map((o) => [o.id, o.count]));
      return { kind: 'single', count, bars: barsOf(q.options.map((o) => ({ label: localized(o.label), value: counts.get(o.id) ?? 0 }))) };
    }
    case 'scale': {
      const dist = r?.distribution ?? [];
      const items = [];
      for (let v = LIVE_SCALE_MIN; v <= LIVE_SCALE_MAX; v++) items.push({ label: String(v), value: dist[v] ?? 0 });
      return { kind: 'scale', count, bars: barsOf(items), ...(r?.mean !== undefined ? { mean: r.mean } : {}) };
    }
    case 'words': {
      const words = [...(r?.words ?? [])].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'da')).slice(0, CLOUD_WORDS_SHOWN);
      const max = Math.max(1, ...words.map((w) => w.count));
      return { kind: 'words', count, words: words.map((w) => ({ ...w, step: 1 + Math.round(((w.count - 1) / Math.max(1, max - 1)) * 4) })) };
    }
    case 'statements': {
      const byId = new Map((r?.statements ?? []).map((s) => [s.id, s]));
      return {
        kind: 'statements',
        count,
        rows: q.statements.map((s) => {
          const got = byId.get(s.id) ?? { agree: 0, neutral: 0, disagree: 0 };
          const total = got.agree + got.neutral + got.disagree;
          return {
            id: s.id,
            label: localized(s.text),
            agree: got.agree,
            neutral: got.neutral,
            disagree: got.disagree,
            total,
            widths: { agree: share(got.agree, total), neutral: share(got.neutral, total), disagree: share(got.disagree, total) },
          };
        }),
      };
    }
  }
}
