// local demo seed --> (use case: reviewSurveyText) --> SurveyStore with its audit entry
import { reviewSurveyText, type ReviewDeps } from '#functions/domain/survey/review';
import type { StoredText } from '#functions/domain/survey/ports';
import type { Actor } from '#functions/lib/auth';
import { surveyTextReviewSchema } from '#shared/schemas/survey';

/**
 * The demo's moderator reviews the survey's free texts as a moderator would, through the review use
 * case (so each decision is in the audit log under their name): the texts that name a person are
 * hidden with a reason (answers are published without personal data), the last few to come in wait
 * in the review queue, and the rest are approved, so the public results page shows citizens' words.
 */

/** Texts that came in last and are still waiting for the moderator (the review page has something to show). */
export const DEMO_PENDING_TEXTS = 3;

export const DEMO_HIDE_REASON = 'Svaret nævner en navngiven person. Fritekstsvar offentliggøres uden personoplysninger; resten af besvarelsen tæller med i resultaterne.';

/** Free texts in the demo that name someone (invented people): these are the ones a moderator hides. */
export const DEMO_NAMING_TEXTS: Readonly<Record<string, string>> = {
  'bedste-ide': 'Sagsbehandler Lone Kirkegaard i jobcentret tog sig god tid til min søn. Sådan en som hende må AI aldrig erstatte.',
  hensyn: 'Min nabo Poul Erik Vestergaard på Ordrupvej fik et forkert svar fra en chatbot om sin boligstøtte. Det må ikke ske for andre.',
};

export interface PlannedReview {
  textId: string;
  action: 'approve' | 'hide';
  reason?: string;
  at: Date;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * What the moderator decides, and when: each day's texts are gone through the next morning (Danish
 * time, a couple of minutes apart), never later than `now`; the last `DEMO_PENDING_TEXTS` to come in
 * (by day) are left for the review queue. Texts already reviewed are left alone.
 */
export function demoTextReviews(texts: readonly Pick<StoredText, 'id' | 'text' | 'day' | 'state'>[], now: Date): PlannedReview[] {
  const naming = new Set(Object.values(DEMO_NAMING_TEXTS));
  const open = texts.filter((t) => t.state === 'unreviewed').sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
  const waiting = new Set(open.filter((t) => !naming.has(t.text)).slice(-DEMO_PENDING_TEXTS).map((t) => t.id));
  const perDay = new Map<string, number>();
  const reviews: PlannedReview[] = [];
  for (const t of open) {
    if (waiting.has(t.id)) continue;
    const n = perDay.get(t.day) ?? 0;
    perDay.set(t.day, n + 1);
    const morning = Date.parse(`${t.day}T08:00:00.000Z`) + DAY + n * 2 * 60_000;
    const at = new Date(Math.min(morning, now.getTime() - 60_000));
    reviews.push(naming.has(t.text) ? { textId: t.id, action: 'hide', reason: DEMO_HIDE_REASON, at } : { textId: t.id, action: 'approve', at });
  }
  return reviews.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Carries out the reviews through the use case, as `moderator`; returns how many of each. */
export async function reviewDemoTexts(deps: ReviewDeps, moderator: Actor, processId: string, now: Date): Promise<{ approved: number; hidden: number; pending: number }> {
  const texts = await deps.surveys.texts(processId);
  const reviews = demoTextReviews(texts, now);
  for (const r of reviews) {
    // As the API takes it: the schema checks the reason.
    const review = surveyTextReviewSchema.parse(r.reason ? { action: r.action, reason: r.reason } : { action: r.action });
    await reviewSurveyText(deps, moderator, processId, r.textId, review, r.at);
  }
  const hidden = reviews.filter((r) => r.action === 'hide').length;
  return { approved: reviews.length - hidden, hidden, pending: texts.filter((t) => t.state === 'unreviewed').length - reviews.length };
}
