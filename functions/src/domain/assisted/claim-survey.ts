// domain/assisted/claim --> (use case step) --> ClaimStore
import type { ClaimStore } from './ports';

/**
 * The survey answer an assistant typed for the citizen: one answer per person. When the account has
 * not answered, its marker takes the assisted one's place (without the answer's id: from now on, as
 * for anyone signed in, nothing links the person to the answer). When the account has answered itself,
 * the assisted answer, its free texts and marker are deleted, so the results count the person once.
 */
export async function claimSurvey(claims: ClaimStore, processId: string, from: string, to: string): Promise<{ surveyAnswers: number; surveyAnswersDropped: number }> {
  const marker = await claims.surveyMarker(processId, from);
  if (!marker) return { surveyAnswers: 0, surveyAnswersDropped: 0 };
  const outcome = await claims.moveSurveyMarker(processId, from, to);
  if (outcome === 'moved') return { surveyAnswers: 1, surveyAnswersDropped: 0 };
  if (outcome === 'answered' && (await claims.dropSurveyAnswer(processId, from, marker))) return { surveyAnswers: 0, surveyAnswersDropped: 1 };
  return { surveyAnswers: 0, surveyAnswersDropped: 0 };
}
