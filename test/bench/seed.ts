import type { RunningStack } from '#local/stack';
import { gentofteProcess } from '../../cdk/setup/definition';
import { api, createUsers, type BenchUser } from './api';
import { runPool } from './stats';

export const PROCESS_ID = gentofteProcess().id;

/** Each user may post 5 ideas an hour (the seeded process's limit). */
const IDEAS_PER_AUTHOR = 5;
const AUTHORS = 20;
/** Authors plus voters; every one of them votes at most VOTES_PER_USER_MAX times (limit 30 a minute). */
const USERS = 32;
const VOTES_PER_USER_MAX = 28;

const AREAS = gentofteProcess().areas.map((a) => a.id);
const EFFECTS = gentofteProcess().effects.map((e) => e.id);

const idea = (n: number) => ({
  title: `Bench-idé nr. ${n}: AI-hjælp til sagsbehandling`,
  body: `Idé nummer ${n} fra benchmarken. En AI-assistent kunne lave et første udkast, som en medarbejder altid gennemlæser og retter, før noget sendes ud. `.repeat(1 + (n % 4)),
  area: AREAS[n % AREAS.length]!,
  effects: [EFFECTS[n % EFFECTS.length]!, EFFECTS[(n + 2) % EFFECTS.length]!],
  beneficiaries: n % 2 ? ['citizens'] : ['employees', 'municipality'],
  ...(n % 3 ? {} : { concerns: 'Data skal blive i EU, og borgere skal kunne få en menneskelig vurdering.' }),
});

/** How many votes idea i gets: 0..10, spread so the top-20 list has a real order (~500 votes). */
const votesFor = (i: number) => (i * 7) % 11;

export interface Seeded {
  ideaIds: string[];
  /** Extra published ideas, no votes yet: the gateway vote target, the raw-baseline target, and one to warm up on. */
  voteTargets: { gateway: string; raw: string; warmup: string };
  users: number;
  votes: number;
  ms: { users: number; ideas: number; votes: number };
}

/**
 * ~100 ideas posted through the API by 20 authors (5 each), then varied vote counts voted through
 * the API by 32 users (each under the per-minute vote limit).
 */
export async function seed(stack: RunningStack, log: (m: string) => void): Promise<Seeded> {
  const apiUrl = stack.info.apiUrl;
  let t = performance.now();
  const users = await createUsers(stack, USERS, 'seed');
  const msUsers = performance.now() - t;
  log(`seed: ${USERS} users in ${Math.round(msUsers)} ms`);

  t = performance.now();
  const ideaIds: string[] = new Array(AUTHORS * IDEAS_PER_AUTHOR);
  await runPool(users.slice(0, AUTHORS), 8, async (user, a) => {
    for (let k = 0; k < IDEAS_PER_AUTHOR; k++) {
      const n = a * IDEAS_PER_AUTHOR + k;
      ideaIds[n] = await post(apiUrl, user, idea(n));
    }
  });
  const extra = users[AUTHORS]!;
  const voteTargets = {
    gateway: await post(apiUrl, extra, idea(1000)),
    raw: await post(apiUrl, extra, idea(1001)),
    warmup: await post(apiUrl, extra, idea(1002)),
  };
  const msIdeas = performance.now() - t;
  log(`seed: ${ideaIds.length + 3} ideas in ${Math.round(msIdeas)} ms`);

  // Each idea's voters are distinct: the users with the fewest votes so far (keeps each under the limit).
  const perUser = new Map<BenchUser, string[]>(users.map((u) => [u, []]));
  ideaIds.forEach((id, i) => {
    const least = [...perUser].sort((a, b) => a[1].length - b[1].length).slice(0, votesFor(i));
    for (const [, ids] of least) ids.push(id);
  });
  const most = Math.max(...[...perUser.values()].map((v) => v.length));
  if (most > VOTES_PER_USER_MAX) throw new Error(`seed plan gives one user ${most} votes, over the limit`);
  t = performance.now();
  let votes = 0;
  await runPool([...perUser], 16, async ([user, ids]) => {
    for (const id of ids) {
      const r = await api(apiUrl, `/ideas/${id}/vote`, { method: 'PUT', token: user.token });
      if (r.status !== 200) throw new Error(`seed vote: ${r.status} ${JSON.stringify(r.json)}`);
      votes++;
    }
  });
  const msVotes = performance.now() - t;
  log(`seed: ${votes} votes in ${Math.round(msVotes)} ms`);
  return { ideaIds, voteTargets, users: USERS, votes, ms: { users: msUsers, ideas: msIdeas, votes: msVotes } };
}

async function post(apiUrl: string, user: BenchUser, body: unknown): Promise<string> {
  const r = await api(apiUrl, `/processes/${PROCESS_ID}/ideas`, { method: 'POST', token: user.token, body });
  if (r.status !== 201 || r.json?.status !== 'published') throw new Error(`seed idea: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.id as string;
}
