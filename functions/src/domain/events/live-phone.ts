// handler --> (use case) --> LiveRoundStore, EventReads, ProcessStore, LiveLimits
import { normaliseShortCode } from '#shared/rules/events';
import type { LiveAnswer, LivePhoneRound } from '#shared/schemas/live-rounds';
import { ConflictError, NotFoundError, TooManyRequestsError, ValidationError } from '../../lib/errors';
import type { Clock, ProcessStore } from '../ports';
import { getProcess } from '../processes';
import { tokenHash } from '../survey/answer';
import { liveIncrements } from './live-increments';
import { eventOf, processClosed } from './live-event';
import { LIVE_ANSWERS_PER_ADDRESS, LIVE_ANSWERS_PER_PHONE, type LiveLimits } from './live-limits';
import type { EventReads, LiveRoundRecord, LiveRoundStore } from './ports';

/**
 * The phones' side of the live round: people in the room type the short code (or scan the QR code)
 * and answer without signing in. A phone is known only by a random token its browser keeps for the
 * round, stored as its SHA-256 hash: one answer per phone per question, and nothing that leads
 * back to a person.
 */
export interface LivePhoneDeps {
  rounds: Pick<LiveRoundStore, 'byCode' | 'answer'>;
  events: EventReads;
  processes: Pick<ProcessStore, 'get'>;
  limits: LiveLimits;
  clock: Clock;
}

const noSuchCode = () => new NotFoundError('Der findes ingen runde med den kode.');
const roundClosed = () => new ConflictError('round-closed', 'Runden er lukket.');

/** The round behind a code as people may see it: never a draft (an organiser's work in progress), as if it did not exist. */
async function visibleRound(rounds: Pick<LiveRoundStore, 'byCode'>, typed: string): Promise<LiveRoundRecord> {
  const code = normaliseShortCode(typed);
  const round = await rounds.byCode(code);
  if (!round || round.state === 'draft' || round.code !== code) throw noSuchCode();
  return round;
}

/**
 * What a phone sees by the code. Primary course:
 * 1. The code leads to an open or closed round (404 otherwise, a draft too).
 * 2. Its title, the event's title and, while open, its questions; a closed round says so and shows
 *    no questions (its results are on the event page).
 */
export async function getLiveRound(deps: Pick<LivePhoneDeps, 'rounds' | 'events'>, typed: string): Promise<LivePhoneRound> {
  const round = await visibleRound(deps.rounds, typed);
  const event = await eventOf(deps.events, round.processId, round.eventId);
  return { code: round.code!, state: round.state, title: round.title, eventTitle: event.title, questions: round.state === 'open' ? round.questions : [] };
}

/**
 * One phone's answer to one question. Primary course:
 * 1. The code leads to an open round (404 unknown or draft; 409 closed) of a process that still
 *    takes answers (409 when archived or past its retention date).
 * 2. The question is the round's and the answer fits it (400 at body.questionId / body.answer).
 * 3. The phone's and the address's limits (429): taken after the checks, so a bad request from a
 *    phone does not use up its minute, and before the write, so a flood writes nothing.
 * 4. The marker (one per token hash and question) and the counters in one transaction: a second
 *    answer is 409 and counts nothing.
 */
export async function answerLive(deps: LivePhoneDeps, typed: string, input: LiveAnswer, sourceIp: string | undefined): Promise<{ questionId: string; answeredAt: string }> {
  const now = deps.clock.now();
  const round = await visibleRound(deps.rounds, typed);
  if (round.state !== 'open') throw roundClosed();
  if (processClosed(await getProcess(deps.processes, round.processId), now)) throw roundClosed();

  const question = round.questions.find((q) => q.id === input.questionId);
  if (!question) throw new ValidationError([{ path: 'body.questionId', message: 'Spørgsmålet findes ikke i runden' }]);
  const check = liveIncrements(question, input.answer);
  if (!check.ok) throw new ValidationError([{ path: 'body.answer', message: check.message }]);

  const hash = tokenHash(input.token);
  // Both counters at once: a room's answers wait on one round trip for them, not two.
  const within = await Promise.all([sourceIp ? deps.limits.take(`LIVEIP#${sourceIp}`, LIVE_ANSWERS_PER_ADDRESS, now) : true, deps.limits.take(`LIVE#${hash}`, LIVE_ANSWERS_PER_PHONE, now)]);
  if (within.includes(false)) throw new TooManyRequestsError(retryAfter(now));

  if ((await deps.rounds.answer(round.id, question.id, hash, check.increments)) === 'duplicate')
    throw new ConflictError('already-answered', 'Du har allerede svaret på dette spørgsmål.');
  return { questionId: question.id, answeredAt: now.toISOString() };
}

/** Seconds to the next minute's window (both limits count per minute). */
const retryAfter = (now: Date) => Math.max(1, 60 - Math.floor((now.getTime() % 60_000) / 1000));
