// handler --> (use case) --> SurveyStore, ProcessStore
import { createHash } from 'node:crypto';
import type { AssistedChannel } from '#shared/rules/assisted';
import { phaseAllows } from '#shared/rules/phases';
import { answerProblems, cleanAnswers, isTextKind, surveyQuestions } from '#shared/rules/survey';
import type { SurveyAnswer } from '#shared/schemas/survey';
import { localDate } from '../../lib/copenhagen-time';
import { ConflictError, NotFoundError, TooManyRequestsError, ValidationError } from '../../lib/errors';
import type { ProcessStore } from '../ports';
import { getProcess } from '../processes';
import type { Respondent, StoredAnswer, StoredText, SurveyStore } from './ports';

export interface AnswerDeps {
  surveys: SurveyStore;
  processes: Pick<ProcessStore, 'get'>;
  /** A random id (crypto.randomUUID): never a ULID or anything else that encodes when. */
  randomId: () => string;
}

/** Anonymous answers to one process per minute: a flood from a script is stopped, a busy evening is not. */
export const ANONYMOUS_PER_MINUTE = 300;

/** The browser token is kept only as a hash, so the marker does not hold what the browser holds. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

const alreadyAnswered = () => new ConflictError('already-answered', 'Du har allerede besvaret spørgeskemaet. Man kan kun svare én gang.');

/**
 * Answer a survey, once. Primary course:
 * 1. The process and its survey exist (404), and a `survey` phase is open (409 otherwise).
 * 2. Anonymously only where the survey allows it (404 otherwise, as if the route were not there),
 *    with a browser token (400), and under the process's limit of anonymous answers (429).
 * 3. The answers fit the survey (400 at `body.answers.<questionId>`).
 * 4. The survey is marked as answered, so its structure is fixed from now on (a change that raced in
 *    makes this a 409: answer again on the survey as it is now).
 * 5. One transaction writes that this person (or browser) answered, and the answer under a random id
 *    with only the day, its free texts apart for review; a second answer is 409 and writes nothing.
 */
export async function answerSurvey(
  deps: AnswerDeps,
  processId: string,
  who: { userId: string; channel?: AssistedChannel | undefined } | { browserToken?: string | undefined },
  input: SurveyAnswer,
  now: Date,
) {
  const process = await getProcess(deps.processes, processId);
  const survey = await deps.surveys.get(processId);
  if (!survey) throw new NotFoundError('Forløbet har intet spørgeskema.');
  if (!phaseAllows(process, now, 'answer')) throw new ConflictError('phase-closed', 'Spørgeskemaet kan ikke besvares nu: forløbet er ikke i en spørgeskemafase.');

  let respondent: Respondent;
  if ('userId' in who) respondent = { userId: who.userId };
  else {
    if (!survey.anonymous) throw new NotFoundError('Spørgeskemaet kan kun besvares, når man er logget ind.');
    if (!who.browserToken) throw new ValidationError([{ path: 'body.browserToken', message: 'Mangler token fra browseren' }]);
    respondent = { tokenHash: tokenHash(who.browserToken) };
  }

  const problems = answerProblems(survey, input.answers);
  if (problems.length) throw new ValidationError(problems.map((p) => ({ path: `body.${p.path}`, message: p.message })));
  // Cheap refusal before anything is counted or locked; the transaction's condition is what decides.
  if (await deps.surveys.hasAnswered(processId, respondent)) throw alreadyAnswered();
  if ('tokenHash' in respondent && !(await deps.surveys.takeAnonymousSlot(processId, ANONYMOUS_PER_MINUTE, 60, now))) throw new TooManyRequestsError(60);

  if (!survey.firstAnswerAt && (await deps.surveys.lock(processId, survey.updatedAt, firstAnswerTime(now))) === 'stale')
    throw new ConflictError('survey-changed', 'Spørgeskemaet er lige blevet ændret. Hent det igen, og svar på det, som det ser ud nu.');

  const day = localDate(now);
  const given = cleanAnswers(input.answers);
  const kinds = new Map(surveyQuestions(survey).map((q) => [q.id, q.kind]));
  const channel = 'channel' in who ? who.channel : undefined;
  const answer: StoredAnswer = { id: deps.randomId(), day, answers: {}, ...(channel ? { channel } : {}) };
  const texts: StoredText[] = [];
  for (const [questionId, value] of Object.entries(given)) {
    if (isTextKind(kinds.get(questionId)!)) texts.push({ id: `${day}_${deps.randomId()}`, answerId: answer.id, questionId, text: String(value), day, state: 'unreviewed' });
    else answer.answers[questionId] = value;
  }
  if ((await deps.surveys.answer({ processId, respondent, answer, texts })) === 'already-answered') throw alreadyAnswered();
  return { answered: true as const, day };
}

/** The hour of the first answer, not its instant: nothing on the survey should point at its first respondent. */
const firstAnswerTime = (now: Date) => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();

/** Whether the signed-in user has answered (from the marker: never what). */
export async function mySurveyStatus(deps: { surveys: Pick<SurveyStore, 'hasAnswered'> }, processId: string, userId: string) {
  return { answered: await deps.surveys.hasAnswered(processId, { userId }) };
}
