import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { commentStore } from '#functions/adapters/dynamodb/comments';
import { flagStore } from '#functions/adapters/dynamodb/flags';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { moderationStore } from '#functions/adapters/dynamodb/moderation';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { userDataStore } from '#functions/adapters/dynamodb/user-data';
import { voteStore } from '#functions/adapters/dynamodb/votes';
import { createComment } from '#functions/domain/comments';
import { flagComment, flagIdea } from '#functions/domain/flags';
import { createIdea } from '#functions/domain/ideas';
import { moderateComment, moderateIdea } from '#functions/domain/moderation';
import type { Clock, ProcessStore, UserDirectory } from '#functions/domain/ports';
import { vote } from '#functions/domain/votes';
import type { Actor } from '#functions/lib/auth';
import { createLogger } from '#functions/lib/log';
import { commentCreateSchema } from '#shared/schemas/comment';
import { flagCreateSchema } from '#shared/schemas/flag';
import { ideaCreateSchema } from '#shared/schemas/idea';
import { commentModerationSchema, ideaModerationSchema } from '#shared/schemas/moderation';
import type { DemoPlan } from './demo-data';
import { createAccount, type Pool } from './users';

/** Demo users share one password, printed by `npm start -- --demo`. */
export const DEMO_PASSWORD = 'Demo-adgang-2026';

/**
 * Carries out a demo plan (demo-data.ts) on the local stack, through the same code as the API: the
 * accounts in cognito-local with their profiles, then every idea, vote, comment, flag and decision
 * through its use case, each with a clock set to the moment the plan gives it. So the records have
 * the real layout, the counters equal the records (one vote item per voter, with the voter's type),
 * trending scores follow the published formula, and the phase rules and schemas hold for every step.
 *
 * Independent steps run a few at a time; the order between kinds is what the data needs: ideas
 * before their votes and comments, comments before replies and flags, and the decisions last, in
 * time order (a decision changes what the steps before it could still do). Returns each person's
 * actor by their key.
 */
export async function runDemoPlan(client: DynamoDBDocumentClient, table: string, pool: Pool, processId: string, plan: DemoPlan, log: (m: string) => void): Promise<(key: string) => Actor> {
  const profiles = profileStore(client, table);
  const ideas = ideaStore(client, table);
  const comments = commentStore(client, table);
  const processes = cachedProcesses(processStore(client, table));
  const at = (moment: Date): Clock => ({ now: () => moment });
  // Ids are ULIDs of the planned moment, so lists and the audit log sort as if it happened then.
  const newId = (moment: Date) => ulid(moment.getTime());

  // Accounts (cognito-local) and the records (DynamoDB Local) are made side by side: each step waits
  // only for what it needs (its author's account, its idea, the comment it answers), and every step
  // comes after what it needs in time order, so the pools below never wait on work not yet started.
  const failed = (error: unknown) => {
    for (const ready of [accounts, ideaIds, commentIds]) ready.fail(error);
    throw error;
  };
  const accounts = new Ready<Actor>();
  const ideaIds = new Ready<string>();
  const commentIds = new Ready<string>();

  const people = [...plan.people].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
  const accountsMade = inParallel(people, 8, async (person) => {
    const account = await createAccount(pool, profiles, { ...person, type: person.participantType, password: DEMO_PASSWORD }, person.joinedAt).catch((e: Error) => {
      if (e.name === 'UsernameExistsException') throw new Error(`demo account ${person.email} exists but the demo ideas do not: start on an empty data folder`);
      throw e;
    });
    accounts.set(person.key, { userId: account.userId, username: account.username, roles: person.role ? [person.role] : [] });
  }).then(() => log(`demo: ${people.length} accounts`), failed);

  const votes = voteStore(client, table);
  const steps: { at: Date; run: () => Promise<unknown> }[] = [
    ...plan.ideas.map((i) => ({
      at: i.at,
      run: async () => {
        const created = await createIdea({ processes, ideas, profiles, clock: at(i.at), newId }, await accounts.get(i.author), processId, ideaCreateSchema.parse(i.input));
        ideaIds.set(i.key, created.id);
      },
    })),
    ...plan.votes.map((v) => ({ at: v.at, run: async () => vote({ votes, processes, clock: at(v.at) }, await accounts.get(v.voter), await ideaIds.get(v.idea)) })),
    ...plan.comments.map((c) => ({
      at: c.at,
      run: async () => {
        const [author, idea, parentId] = await Promise.all([accounts.get(c.author), ideaIds.get(c.idea), c.parent ? commentIds.get(c.parent) : undefined]);
        const input = commentCreateSchema.parse({ body: c.body, stance: c.stance, parentId });
        commentIds.set(c.key, (await createComment({ comments, ideas, processes, profiles, clock: at(c.at), newId }, author, idea, input)).id);
      },
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  await Promise.all([accountsMade, inParallel(steps, 12, (step) => step.run()).catch(failed)]);
  log(`demo: ${plan.ideas.length} ideas, ${plan.votes.length} votes, ${plan.comments.length} comments and replies`);
  const actor = (key: string) => accounts.value(key);
  const ideaId = (key: string) => ideaIds.value(key);

  const flags = flagStore(client, table);
  for (const f of [...plan.flags].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const deps = { flags, profiles, ideas, comments, processes, clock: at(f.at) };
    const input = flagCreateSchema.parse({ reason: f.reason, text: f.text });
    if (f.comment) await flagComment(deps, actor(f.by), commentIds.value(f.comment), input);
    else await flagIdea(deps, actor(f.by), ideaId(f.idea), input);
  }
  log(`demo: ${plan.flags.length} flags`);

  const moderation = { moderation: moderationStore(client, table), ideas, comments, profiles, userData: userDataStore(client, table), directory: noMail, notifier: noMail, siteUrl: async () => 'http://127.0.0.1', newId, log: createLogger({ seed: 'demo' }) };
  for (const d of plan.decisions) {
    const deps = { ...moderation, clock: at(d.at) };
    if ('comment' in d) await moderateComment(deps, actor(d.by), commentIds.value(d.comment), commentModerationSchema.parse(d.command));
    else if ('mergeInto' in d) await moderateIdea(deps, actor(d.by), ideaId(d.idea), ideaModerationSchema.parse({ action: 'merge', reason: d.reason, targetId: ideaId(d.mergeInto) }));
    else await moderateIdea(deps, actor(d.by), ideaId(d.idea), ideaModerationSchema.parse(d.command));
  }
  log(`demo: ${plan.decisions.length} moderation decisions`);
  // The demo's people, for the steps after the plan (the survey's review).
  return actor;
}

/**
 * The decisions the seed replays were told to their authors back then: no mail about them lands in
 * today's outbox, so the outbox holds only what happens on the running stack. (Mails work for demo
 * authors all the same: they are real accounts with an address, found through the real directory.)
 */
const noMail: UserDirectory & { send(): Promise<void> } = {
  email: async () => undefined,
  send: async () => undefined,
  deleteUser: unused,
  findByEmail: unused,
  findById: unused,
  membersOf: unused,
  setGroups: unused,
  signOutEverywhere: unused,
};
async function unused(): Promise<never> {
  throw new Error('the demo seed does not use the user directory for this');
}

/** Every vote, comment and flag reads the process (phase rules, limits): read it once. */
function cachedProcesses(store: ProcessStore): ProcessStore {
  const seen = new Map<string, ReturnType<ProcessStore['get']>>();
  return { ...store, get: (id) => seen.get(id) ?? seen.set(id, store.get(id)).get(id)! };
}

/** Values that arrive while others wait for them: what a step needs from the steps before it. */
class Ready<T> {
  private readonly values = new Map<string, T>();
  private readonly waiting = new Map<string, { resolve: (v: T) => void; reject: (e: unknown) => void }[]>();
  private error: unknown;

  get(key: string): Promise<T> {
    if (this.values.has(key)) return Promise.resolve(this.values.get(key)!);
    if (this.error) return Promise.reject(this.error);
    return new Promise((resolve, reject) => this.waiting.set(key, [...(this.waiting.get(key) ?? []), { resolve, reject }]));
  }

  /** For the steps after everything is made. */
  value(key: string): T {
    if (!this.values.has(key)) throw new Error(`the demo plan refers to ${key}, which was not made`);
    return this.values.get(key)!;
  }

  set(key: string, value: T): void {
    this.values.set(key, value);
    for (const w of this.waiting.get(key) ?? []) w.resolve(value);
    this.waiting.delete(key);
  }

  /** Something failed: whoever waits stops waiting. */
  fail(error: unknown): void {
    this.error ??= error;
    for (const list of this.waiting.values()) for (const w of list) w.reject(error);
    this.waiting.clear();
  }
}

/** Runs `work` on every item, at most `limit` at a time (cognito-local and DynamoDB Local share two cores). */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  let stopped = false;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (!stopped && next < items.length) {
        await work(items[next++]!).catch((error: unknown) => {
          stopped = true; // the first failure ends the run: the other workers finish what they hold
          throw error;
        });
      }
    }),
  );
}
