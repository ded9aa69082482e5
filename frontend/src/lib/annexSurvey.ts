import type { Localized } from '#shared/schemas/text';
import type { SurveyDefinition, SurveyResults } from '#shared/schemas/survey';

/**
 * The survey's key results for the committee's annex: one line per attitude question, read from the
 * workspace's results and the survey's own texts. Background questions and free texts stay out: the
 * annex puts the citizens' attitude beside their ideas, and free texts are reviewed on their own page.
 */
export type KeyResult =
  | { id: string; question: Localized; answered: number; kind: 'likert'; agreeShare: number; mean: number | null }
  | { id: string; question: Localized; answered: number; kind: 'scale'; mean: number | null }
  | { id: string; question: Localized; answered: number; kind: 'options'; top: { label: Localized; share: number }[] };

/** Likert points that count as agreeing (4 "enig" and 5 "helt enig"). */
const AGREE_FROM = 4;

export function keyResults(survey: Pick<SurveyDefinition, 'sections'>, results: Pick<SurveyResults, 'questions'>, topOptions = 3): KeyResult[] {
  const byId = new Map(results.questions.map((r) => [r.questionId, r]));
  const out: KeyResult[] = [];
  for (const q of survey.sections.flatMap((s) => s.questions)) {
    const r = byId.get(q.id);
    if (!r || q.demographic) continue;
    const base = { id: q.id, question: q.text, answered: r.answered };
    if (q.kind === 'likert') {
      const agreeing = (r.distribution ?? []).filter((p) => p.value >= AGREE_FROM).reduce((sum, p) => sum + p.count, 0);
      out.push({ ...base, kind: 'likert', agreeShare: r.answered ? agreeing / r.answered : 0, mean: r.mean ?? null });
    } else if (q.kind === 'scale') {
      out.push({ ...base, kind: 'scale', mean: r.mean ?? null });
    } else if (q.kind === 'single' || q.kind === 'multiple') {
      const counted = new Map((r.options ?? []).map((o) => [o.id, o]));
      // The survey's own order first, and a stable sort: ties stay in that order on every print.
      const top = q.options
        .flatMap((o, order) => {
          const c = counted.get(o.id);
          return c && c.count > 0 ? [{ label: o.label, share: c.share, count: c.count, order }] : [];
        })
        .sort((a, b) => b.count - a.count || a.order - b.order)
        .slice(0, topOptions)
        .map(({ label, share }) => ({ label, share }));
      out.push({ ...base, kind: 'options', top });
    }
  }
  return out;
}
