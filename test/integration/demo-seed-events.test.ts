import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_LIVE_SEED,
  DEMO_THEME_DAY_DAYS,
  MEETING_SIGNUPS,
  PUBLIC_MEETING,
  THEME_DAY,
  THEME_DAY_CANCELLED,
  THEME_DAY_CHECKED_IN,
  THEME_DAY_SIGNUPS,
  dayIdeas,
  demoLiveAnswers,
} from '#local/demo-events-data';
import { seededRandom } from '#local/demo-random';
import { DEMO_PASSWORD } from '#local/seed';
import { startStack } from '#local/stack';
import { signIn } from '#local/users';
import { normaliseWord } from '#shared/rules/events';
import { phaseOpenAt } from '#shared/rules/phases';
import { eventAdminListSchema, eventListSchema, mySignupStatusSchema, signupListSchema } from '#shared/schemas/events';
import { liveRoundResultsListSchema, type LiveQuestionResult } from '#shared/schemas/live-rounds';
import type { IdeaList } from '#shared/schemas/idea';
import { auditLogSchema } from '#shared/schemas/moderation';
import type { Process } from '#shared/schemas/process';
import { TEST_DEMO_PARTICIPANTS, TestStack } from '../helpers/stack';

/**
 * `npm start -- --demo`'s theme day (cdk/local/demo-events*.ts) as the API serves it: held a few
 * days ago with its seats full and a waiting list that moved up when three cancelled, most seat
 * holders checked in, the live round closed with results exactly what the demo's phones sent, and
 * ideas from the day; the public meeting still ahead, open for sign-up.
 */
const PROCESS = 'ai-i-gentofte';
const DAY = 86_400_000;
let stack: TestStack;
let admin: { token: string };

beforeAll(async () => {
  stack = new TestStack(await startStack({ ports: 'auto', seed: 'demo', demoParticipants: TEST_DEMO_PARTICIPANTS, webRoot: 'test/fixtures/web' }));
  admin = await stack.user({ role: 'admin' });
});
afterAll(async () => {
  await stack?.stop();
});

const json = async (path: string, token?: string) => {
  const r = await stack.api(path, token ? { token } : {});
  expect(r.status, `${path}: ${JSON.stringify(r.json)}`).toBe(200);
  return r.json;
};

/** The results the demo's answers must give, counted here from the same list the seed sent. */
function expectedResults(): Map<string, Omit<LiveQuestionResult, 'questionId'>> {
  const answers = demoLiveAnswers(seededRandom(DEMO_LIVE_SEED));
  const of = (id: string) => answers.filter((a) => a.questionId === id).map((a) => a.answer);
  const single = of('mest-tid') as string[];
  const scale = of('klar') as number[];
  const words = new Map<string, number>();
  // A phone's answer counts each word once, however it was typed.
  for (const given of of('tre-ord') as string[][]) for (const w of new Set(given.map(normaliseWord))) words.set(w, (words.get(w) ?? 0) + 1);
  const stances = of('ambitionen') as Record<string, 'agree' | 'neutral' | 'disagree'>[];
  const statementIds = ['afsnit-1', 'afsnit-2', 'afsnit-3', 'afsnit-4', 'afsnit-6', 'afsnit-8'];
  const tally = (id: string, stance: string) => stances.filter((s) => s[id] === stance).length;
  return new Map<string, Omit<LiveQuestionResult, 'questionId'>>([
    ['mest-tid', { count: single.length, options: ['dokumentation', 'sagsbehandling', 'planlaegning', 'kommunikation', 'soegning'].map((id) => ({ id, count: single.filter((a) => a === id).length })) }],
    ['klar', { count: scale.length, distribution: Array.from({ length: 11 }, (_, n) => scale.filter((a) => a === n).length), mean: scale.reduce((s, a) => s + a, 0) / scale.length }],
    ['tre-ord', { count: of('tre-ord').length, words: [...words].map(([word, count]) => ({ word, count })) }],
    ['ambitionen', { count: stances.length, statements: statementIds.map((id) => ({ id, agree: tally(id, 'agree'), neutral: tally(id, 'neutral'), disagree: tally(id, 'disagree') })) }],
  ]);
}

describe('the demo theme day', () => {
  it('was held days ago in the event phase, which is still open for the public meeting ahead', async () => {
    const process = (await json(`/processes/${PROCESS}`)) as Process;
    const now = new Date();
    expect(process.phases.filter((p) => phaseOpenAt(p, now)).map((p) => p.kind).sort()).toEqual(['consultation', 'event', 'ideas']);
    const events = eventListSchema.parse(await json(`/processes/${PROCESS}/events`)).items;
    const festival = events.find((e) => e.id === THEME_DAY)!;
    const started = (now.getTime() - Date.parse(festival.startsAt)) / DAY;
    expect(started).toBeGreaterThan(DEMO_THEME_DAY_DAYS - 1);
    expect(started).toBeLessThan(DEMO_THEME_DAY_DAYS + 1);
    const meeting = events.find((e) => e.id === PUBLIC_MEETING)!;
    expect(Date.parse(meeting.startsAt)).toBeGreaterThan(now.getTime());
    expect(meeting).toMatchObject({ seatsTaken: MEETING_SIGNUPS, waitingCount: 0 });
  });

  it('filled its seats exactly, the waiting list moved up once for each cancellation, and most came', async () => {
    const festival = eventAdminListSchema.parse(await json(`/processes/${PROCESS}/organiser/events`, admin.token)).items.find((e) => e.id === THEME_DAY)!;
    expect(festival).toMatchObject({ capacity: 60, seatsTaken: 60, waitingCount: THEME_DAY_SIGNUPS - THEME_DAY_CANCELLED - 60, checkedIn: THEME_DAY_CHECKED_IN });
    const seats = signupListSchema.parse(await json(`/processes/${PROCESS}/organiser/events/${THEME_DAY}/signups?state=seat&limit=200`, admin.token)).items;
    const waiting = signupListSchema.parse(await json(`/processes/${PROCESS}/organiser/events/${THEME_DAY}/signups?state=waiting&limit=200`, admin.token)).items;
    expect(seats).toHaveLength(60);
    expect(seats.filter((s) => s.promotedAt)).toHaveLength(THEME_DAY_CANCELLED);
    expect(seats.filter((s) => s.checkedInAt)).toHaveLength(THEME_DAY_CHECKED_IN);
    expect(waiting.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set([...seats, ...waiting].map((s) => s.participantType))).toEqual(new Set(['employee']));
    // Those who waited signed up after every seat holder who was not promoted.
    const lastSeat = Math.max(...seats.filter((s) => !s.promotedAt).map((s) => Date.parse(s.signedUpAt)));
    for (const s of [...waiting, ...seats.filter((x) => x.promotedAt)]) expect(Date.parse(s.signedUpAt)).toBeGreaterThan(lastSeat);
    expect(seats.some((s) => s.diet.includes('vegetarian'))).toBe(true);
    expect(seats.some((s) => s.accessibility)).toBe(true);
  });

  it('shows Hanne her seat and her check-in on the day', async () => {
    const token = await signIn(stack.stack.pool, 'hanne.demo@example.dk', DEMO_PASSWORD);
    const mine = mySignupStatusSchema.parse(await json(`/processes/${PROCESS}/events/${THEME_DAY}/signup`, token));
    expect(mine.signup).toMatchObject({ state: 'seat' });
    expect(mine.signup?.checkedInAt).toBeDefined();
    expect(mine.verdict).toBe('closed');
  });

  it('closed its live round with results exactly what the phones sent, opened and closed by the moderator', async () => {
    const rounds = liveRoundResultsListSchema.parse(await json(`/processes/${PROCESS}/events/${THEME_DAY}/live-rounds`)).items;
    expect(rounds).toHaveLength(1);
    const round = rounds[0]!;
    expect(round.state).toBe('closed');
    const expected = expectedResults();
    expect(round.results.map((r) => r.questionId)).toEqual([...expected.keys()]);
    for (const result of round.results) {
      const want = expected.get(result.questionId)!;
      const { mean, words, questionId: _id, ...rest } = result;
      const { mean: wantMean, words: wantWords, ...wantRest } = want;
      expect(rest, result.questionId).toEqual(wantRest);
      // The mean as the results give it, to two decimals.
      if (wantMean !== undefined) expect(mean).toBe(Math.round(wantMean * 100) / 100);
      if (wantWords) expect([...(words ?? [])].sort((a, b) => a.word.localeCompare(b.word))).toEqual([...wantWords].sort((a, b) => a.word.localeCompare(b.word)));
    }
    expect(round.results[0]!.count).toBeGreaterThan(70);
    expect(expected.get('tre-ord')!.words!.find((w) => w.word === 'tid')!.count).toBeGreaterThan(10);
    const log = auditLogSchema.parse(await json(`/moderation/log?processId=${PROCESS}&limit=100&action=live-round-close`, admin.token)).items;
    expect(log.map((e) => e.actorName)).toEqual(['Karin S. (demo)']);
  });

  it('has the hackathon\'s ideas in the list, found by the theme day as their origin', async () => {
    const list = (await json(`/processes/${PROCESS}/ideas?event=${THEME_DAY}&limit=50`)) as IdeaList;
    expect(list.items.map((i) => i.title).sort()).toEqual(dayIdeas.map((i) => i.input.title).sort());
    for (const idea of list.items) expect(idea.eventId).toBe(THEME_DAY);
  });
});
