import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { eventStore } from '#functions/adapters/dynamodb/events';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { liveLimits, liveRoundStore } from '#functions/adapters/dynamodb/live-rounds';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import type { EventRecord } from '#functions/domain/events/ports';
import { setLiveRoundState } from '#functions/domain/events/live-admin';
import { answerLive } from '#functions/domain/events/live-phone';
import { createIdea } from '#functions/domain/ideas';
import type { Actor } from '#functions/lib/auth';
import { liveAnswerSchema } from '#shared/schemas/live-rounds';
import { ideaCreateSchema } from '#shared/schemas/idea';
import type { Process } from '#shared/schemas/process';
import { DEMO_LIVE_SEED, dayIdeas, demoLiveAnswers, type DayIdea } from './demo-events-data';
import { seededRandom } from './demo-random';

const MINUTE = 60_000;

/** When each question was on the projector, in minutes after the round opened at 12.45. */
const slots: Record<string, [number, number]> = { 'mest-tid': [1, 6], klar: [7, 12], 'tre-ord': [14, 22], ambitionen: [24, 40] };

/** A phone's token for the round: random in a browser; here one per demo phone, so a rerun would be refused as a second answer. */
export const demoPhoneToken = (phone: number) => `demo-telefon-${String(phone).padStart(3, '0')}-${DEMO_LIVE_SEED}`;

/**
 * The theme day's live round in the hall, through the use cases: Karin S. (moderator) opens the
 * draft the setup made at 12.45, the phones answer question by question as each is on the projector
 * (demo-events-data.ts demoLiveAnswers), she closes it at 13.28; then the hackathon's tables post
 * their ideas, marked with the theme day as their origin.
 */
export async function runDemoLiveRound(
  client: DynamoDBDocumentClient,
  table: string,
  process: Process,
  festival: EventRecord,
  actors: Record<'karin' | DayIdea['author'], Actor>,
  log: (m: string) => void,
): Promise<void> {
  const rounds = liveRoundStore(client, table);
  const events = eventStore(client, table);
  const processes = processStore(client, table);
  const profiles = profileStore(client, table);
  const newId = (at: Date) => ulid(at.getTime());
  const clock = (at: number) => ({ now: () => new Date(at) });
  const round = (await rounds.rounds(process.id, festival.id)).find((r) => r.state === 'draft');
  if (!round) return;

  const opensAt = Date.parse(festival.startsAt) + 225 * MINUTE;
  const admin = (at: number) => ({ rounds, events, processes, profiles, newId, clock: clock(at) });
  const opened = await setLiveRoundState(admin(opensAt), actors.karin, process.id, festival.id, round.id, 'open');

  const answers = demoLiveAnswers(seededRandom(DEMO_LIVE_SEED));
  const limits = liveLimits(client, table);
  const perQuestion = new Map<string, number>();
  const timed = answers.map((a) => {
    const [from, to] = slots[a.questionId]!;
    const n = perQuestion.get(a.questionId) ?? 0;
    perQuestion.set(a.questionId, n + 1);
    // Spread over the question's minutes, most in its first half, in the order of the list.
    return { a, at: opensAt + from * MINUTE + (to - from) * MINUTE * Math.sqrt((n + 0.5) / 80) };
  });
  // Eight phones at a time: the room's pace on two shared cores.
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < timed.length) {
        const { a, at } = timed[next++]!;
        const input = liveAnswerSchema.parse({ token: demoPhoneToken(a.phone), questionId: a.questionId, answer: a.answer });
        await answerLive({ rounds, events, processes, limits, clock: clock(at) }, opened.code!, input, undefined);
      }
    }),
  );
  await setLiveRoundState(admin(opensAt + 43 * MINUTE), actors.karin, process.id, festival.id, round.id, 'closed');

  // Ideas from the hackathon: with `events` for a use case that checks the origin it is given.
  const ideas = ideaStore(client, table);
  for (const idea of dayIdeas) {
    const deps = { processes, ideas, profiles, events, clock: clock(Date.parse(festival.startsAt) + idea.minutes * MINUTE), newId };
    await createIdea(deps, actors[idea.author], process.id, ideaCreateSchema.parse({ ...idea.input, eventId: festival.id }));
  }
  log(`seeded the theme day's live round: ${new Set(answers.map((a) => a.phone)).size} phones, ${answers.length} answers, closed; ${dayIdeas.length} ideas from the day`);
}
