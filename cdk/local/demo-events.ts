import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { signupStore } from '#functions/adapters/dynamodb/event-signups';
import { eventStore } from '#functions/adapters/dynamodb/events';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { allSignups, checkIn } from '#functions/domain/events/signup-lists';
import { cancelSignup, signUp, type SignupDeps } from '#functions/domain/events/signups';
import type { Actor } from '#functions/lib/auth';
import { createLogger } from '#functions/lib/log';
import type { ParticipantType } from '#shared/rules/values';
import { signupCreateSchema } from '#shared/schemas/events';
import type { Process } from '#shared/schemas/process';
import { runDemoLiveRound } from './demo-events-live';
import { MEETING_SIGNUPS, PUBLIC_MEETING, THEME_DAY, THEME_DAY_CANCELLED, THEME_DAY_CHECKED_IN, THEME_DAY_SIGNUPS, signupNeeds, themeDayColleagues } from './demo-events-data';
import { sample, seededRandom } from './demo-random';
import { DEMO_PASSWORD } from './seed-demo';
import { createAccount, type Pool } from './users';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface DemoPersonRef {
  key: string;
  actor: Actor;
  type: ParticipantType;
  email?: string | undefined;
}

/**
 * Fills the demo's events through the use cases, each with a clock at its moment: the employees sign
 * up for the theme day from the day its phase opened until its deadline, filling the seats and
 * leaving a waiting list; three cancel in the last week and the first three on the list get their
 * seats; on the day most are checked in at the door, the live round runs in the hall
 * (demo-events-live.ts) and the hackathon's tables post ideas from the day. Citizens and businesses
 * sign up for the public meeting ahead. `participants`: how many generated people the demo has.
 */
export async function runDemoEvents(
  client: DynamoDBDocumentClient,
  table: string,
  pool: Pool,
  process: Process,
  participants: number,
  now: Date,
  actorOf: (key: string) => Actor,
  log: (m: string) => void,
): Promise<void> {
  const events = eventStore(client, table);
  const signups = signupStore(client, table);
  const profiles = profileStore(client, table);
  const [festival, meeting] = await Promise.all([events.event(process.id, THEME_DAY), events.event(process.id, PUBLIC_MEETING)]);
  if (!festival || festival.seatsTaken > 0 || festival.waitingCount > 0) return;

  const people: DemoPersonRef[] = [];
  for (const key of ['mette', 'jens', 'sara', 'birthe', 'lise', 'thomas', 'hanne', 'peter', ...Array.from({ length: participants }, (_, i) => `p${String(i + 1).padStart(3, '0')}`)]) {
    const actor = actorOf(key);
    const type = (await profiles.get(actor.userId))?.participantType;
    if (type) people.push({ key, actor, type, email: actor.username?.includes('@') ? actor.username : undefined });
  }
  const random = seededRandom(2026_03_16);
  const opened = Date.parse(festival.createdAt);

  // Colleagues for the seats the demo's own employees do not fill.
  const employees = people.filter((p) => p.type === 'employee');
  const named = employees.filter((p) => p.key === 'hanne' || p.key === 'peter');
  const others = employees.filter((p) => !named.includes(p));
  const wanted = themeDayColleagues(Math.max(0, THEME_DAY_SIGNUPS - employees.length), seededRandom(2026_04_09));
  const colleagues: DemoPersonRef[] = [];
  // Eight at a time, as the demo's other accounts are made; kept in their order, so the draw below is the same each time.
  for (let i = 0; i < wanted.length; i += 8) {
    const made = await Promise.all(
      wanted.slice(i, i + 8).map(async (c) => {
        const account = await createAccount(pool, profiles, { email: c.email, displayName: c.displayName, type: 'employee', password: DEMO_PASSWORD }, new Date(opened - DAY));
        return { key: c.key, actor: { userId: account.userId, username: account.username, roles: [] }, type: 'employee' as const, email: c.email };
      }),
    );
    colleagues.push(...made);
  }
  // Hanne and Peter sign up on the first day; the rest in a random order, so the late ones wait.
  const order = [...named, ...sample(random, [...others, ...colleagues], THEME_DAY_SIGNUPS - named.length)];

  const directory = new Map([...people, ...colleagues].map((p) => [p.actor.userId, p]));
  const deps = (at: number): SignupDeps => ({
    events,
    signups,
    processes: processStore(client, table),
    profiles,
    directory: {
      // The demo knows its people's addresses: no round trip to the user pool per sign-up.
      findById: async (userId) => {
        const p = directory.get(userId);
        return p?.email ? { userId, username: p.actor.username ?? p.email, email: p.email, roles: [], confirmed: true, emailVerified: true, mfa: false } : undefined;
      },
      email: async (username) => [...directory.values()].find((p) => p.actor.username === username)?.email,
    },
    // The mails of back then are not in today's outbox (as for the demo's moderation decisions).
    notifier: { send: async () => undefined },
    siteUrl: async () => 'http://127.0.0.1',
    clock: { now: () => new Date(at) },
    newId: (moment) => ulid(moment.getTime()),
    log: createLogger({ seed: 'demo-events' }),
  });

  // 1. Sign-ups from the phase's first morning to the day before the deadline, most in the first weeks.
  const deadline = Date.parse(festival.signupDeadline ?? festival.startsAt);
  const span = deadline - DAY - (opened + 8 * HOUR);
  for (const [i, person] of order.entries()) {
    const at = opened + 8 * HOUR + span * (i / order.length) ** 1.6;
    const needs = i % 5 === 2 ? signupNeeds[(i / 5) % signupNeeds.length | 0] : { diet: [] };
    await signUp(deps(at), { userId: person.actor.userId }, process.id, THEME_DAY, signupCreateSchema.parse(needs));
  }
  // 2. After the deadline three seat holders cancel; the store gives each seat to the next in line.
  const cancelling = order.slice(named.length).filter((_, i) => i % 17 === 5).slice(0, THEME_DAY_CANCELLED);
  for (const [i, person] of cancelling.entries()) await cancelSignup(deps(deadline + (i + 1) * DAY), process.id, THEME_DAY, person.actor.userId);

  // 3. At the door, from 8.30: most seat holders come (Hanne and Peter among them).
  const start = Date.parse(festival.startsAt);
  const seats = (await allSignups(signups, process.id, THEME_DAY)).filter((s) => s.state === 'seat');
  const namedIds = new Set(named.map((p) => p.actor.userId));
  const came = [...seats.filter((s) => namedIds.has(s.userId)), ...sample(random, seats.filter((s) => !namedIds.has(s.userId)), THEME_DAY_CHECKED_IN - namedIds.size)];
  for (const [i, s] of came.entries()) await checkIn(deps(0), process.id, THEME_DAY, s.id, true, new Date(start - 30 * 60_000 + i * 45_000));

  // 4. The live round in the hall and the ideas from the afternoon.
  const cameIds = new Set(came.map((s) => s.userId));
  const poster = [...others, ...colleagues].find((p) => cameIds.has(p.actor.userId))!;
  await runDemoLiveRound(client, table, process, festival, { karin: actorOf('karin'), hanne: actorOf('hanne'), peter: actorOf('peter'), colleague: poster.actor }, log);

  // 5. The public meeting ahead: citizens and businesses over the last week.
  const public_ = people.filter((p) => p.type !== 'employee').slice(0, MEETING_SIGNUPS);
  if (meeting && meeting.seatsTaken === 0) {
    for (const [i, person] of public_.entries()) {
      await signUp(deps(Math.min(now.getTime() - HOUR, now.getTime() - 6 * DAY + i * (6 * DAY / public_.length))), { userId: person.actor.userId }, process.id, PUBLIC_MEETING, signupCreateSchema.parse({}));
    }
  }
  log(`seeded the events: ${order.length} sign-ups for the theme day (${colleagues.length} colleagues' accounts), ${cancelling.length} cancelled, ${came.length} checked in; ${public_.length} for the public meeting`);
}
