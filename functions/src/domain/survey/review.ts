// handler --> (use case) --> SurveyStore (with its audit entry)
import { surveyQuestions } from '#shared/rules/survey';
import type { Survey, SurveyResults, SurveyText } from '#shared/schemas/survey';
import type { Actor } from '../../lib/auth';
import { NotFoundError, ValidationError } from '../../lib/errors';
import { auditEntry } from '../audit';
import type { ProfileStore } from '../ports';
import { getSurvey } from './definition';
import type { StoredText, SurveyStore } from './ports';
import { surveyResults } from './results';

export interface ReviewDeps {
  surveys: SurveyStore;
  profiles: Pick<ProfileStore, 'get'>;
  newId: (now: Date) => string;
}

/** `?by=` must name a background question with options (400 otherwise). */
function breakdownBy(survey: Survey, by: string | undefined): string | undefined {
  if (by === undefined) return undefined;
  const q = surveyQuestions(survey).find((x) => x.id === by);
  if (!q?.demographic || !q.options) throw new ValidationError([{ path: 'query.by', message: 'Resultaterne kan kun opdeles efter et baggrundsspørgsmål med svarmuligheder' }]);
  return by;
}

/** The published results (404 until an admin has published them): approved free texts only. */
export async function publicResults(deps: { surveys: SurveyStore }, processId: string, by: string | undefined): Promise<SurveyResults> {
  const survey = await getSurvey(deps, processId);
  if (!survey.resultsPublishedAt) throw new NotFoundError('Resultaterne er ikke offentliggjort endnu.');
  const split = breakdownBy(survey, by);
  const [answers, texts] = await Promise.all([deps.surveys.answers(processId), deps.surveys.texts(processId)]);
  return surveyResults(survey, answers, texts, { audience: 'public', by: split });
}

/** The results as the workspace sees them, at any time: every free text with its review state. */
export async function internalResults(deps: { surveys: SurveyStore }, processId: string, by: string | undefined): Promise<SurveyResults> {
  const survey = await getSurvey(deps, processId);
  const split = breakdownBy(survey, by);
  const [answers, texts] = await Promise.all([deps.surveys.answers(processId), deps.surveys.texts(processId)]);
  return surveyResults(survey, answers, texts, { audience: 'internal', by: split });
}

const shown = (t: StoredText): SurveyText => ({ id: t.id, questionId: t.questionId, text: t.text, state: t.state, ...(t.reason ? { reason: t.reason } : {}) });

/** A page of free texts to review, oldest day first, by question and state. */
export async function surveyTexts(
  deps: { surveys: SurveyStore },
  processId: string,
  query: { questionId?: string | undefined; state?: StoredText['state'] | undefined; limit: number; cursor?: string | undefined },
) {
  await getSurvey(deps, processId);
  const filter = Object.fromEntries(Object.entries({ questionId: query.questionId, state: query.state }).filter(([, v]) => v !== undefined));
  const page = await deps.surveys.textPage(processId, filter, query.limit, query.cursor);
  return { items: page.items.map(shown), nextCursor: page.nextCursor };
}

/**
 * A moderator approves a free text (it may be published) or hides it (it names someone, say) with a
 * reason; audited with the state before and after. A text of another process is 404.
 */
export async function reviewSurveyText(
  deps: ReviewDeps,
  actor: Actor,
  processId: string,
  textId: string,
  review: { action: 'approve' | 'hide'; reason?: string | undefined },
  now: Date,
): Promise<SurveyText> {
  const text = await deps.surveys.getText(processId, textId);
  if (!text) throw new NotFoundError('Svaret findes ikke i dette forløbs spørgeskema.');
  const state = review.action === 'approve' ? 'approved' : 'hidden';
  const reason = review.reason?.trim() || undefined;
  const next: StoredText = { ...text, state, ...(reason ? { reason } : {}) };
  if (!reason) delete next.reason;
  const audit = await auditEntry(deps, actor, now, {
    processId,
    action: review.action === 'approve' ? 'survey-text-approve' : 'survey-text-hide',
    targetKind: 'survey',
    targetId: textId,
    reason,
    before: text.state,
    after: state,
  });
  await deps.surveys.reviewText(processId, next, audit);
  return shown(next);
}
