import { monotonicFactory } from 'ulid';
import { ideaCreateSchema } from '#shared/schemas/idea';
import { createIdea } from '#functions/domain/ideas';
import type { Clock, IdeaStore, ProcessStore, ProfileStore } from '#functions/domain/ports';
import { demoIdeas, demoUsers } from './demo-data';
import { FIRST_PROCESS_ID, firstProcess } from './seed-process';
import { createUser, type Pool } from './users';

export interface SeedStores {
  processes: ProcessStore;
  ideas: IdeaStore;
  profiles: ProfileStore;
}

/** Seeds the first process when there is none yet. Returns whether it did. */
export async function seedFirstProcess(stores: SeedStores, now = new Date()): Promise<boolean> {
  if ((await stores.processes.list()).length > 0) return false;
  await stores.processes.put(firstProcess(now));
  return true;
}

/** Demo users share one password, printed by `npm start -- --demo`. */
export const DEMO_PASSWORD = 'Demo-adgang-2026';

/**
 * The demo data set: eight demo users (display names end in "(demo)") and 30 example ideas, posted
 * through the same use case as the API, spread over the past days. Runs once per data folder.
 */
export async function seedDemo(stores: SeedStores, pool: Pool, now = new Date()): Promise<number> {
  const existing = await stores.ideas.listPublic({ processId: FIRST_PROCESS_ID, sort: 'new', limit: 50 });
  if (existing.items.some((i) => i.authorName === demoUsers[0]!.displayName)) return 0;

  const userIds = new Map<string, string>();
  for (const user of demoUsers) {
    const id = await createUser(pool, stores.profiles, {
      email: user.email,
      password: DEMO_PASSWORD,
      type: user.participantType,
      displayName: user.displayName,
      organisation: user.organisation,
    }).catch((e: Error) => {
      if (e.name === 'UsernameExistsException') throw new Error(`demo user ${user.email} exists but its ideas do not; use a fresh data folder`);
      throw e;
    });
    userIds.set(user.key, id);
  }

  const process = await stores.processes.get(FIRST_PROCESS_ID);
  const start = Date.parse(process!.phases[0]!.startsAt);
  const ulid = monotonicFactory();
  // Oldest first, an idea every few hours from the process start up to now, so "new" has an order.
  const step = Math.max(60_000, (now.getTime() - start) / demoIdeas.length);
  for (const [i, { author, ...idea }] of demoIdeas.entries()) {
    const clock: Clock = { now: () => new Date(Math.min(now.getTime(), start + (i + 1) * step)) };
    await createIdea(
      { ...stores, clock, newId: (at) => ulid(at.getTime()) },
      { userId: userIds.get(author)!, roles: [] },
      FIRST_PROCESS_ID,
      ideaCreateSchema.parse(idea),
    );
  }
  return demoIdeas.length;
}
