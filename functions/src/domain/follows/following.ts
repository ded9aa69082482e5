// handler --> (use case) --> FollowStore, IdeaStore
import type { FollowReason, FollowTarget } from '#shared/rules/follow';
import type { FollowState, MyFollowList } from '#shared/schemas/follows';
import type { MyDataExport } from '#shared/schemas/me';
import type { Actor } from '../../lib/auth';
import { NotFoundError } from '../../lib/errors';
import { isReadable } from '../ideas';
import type { Clock, IdeaRecord, IdeaStore, MailSettingsStore } from '../ports';
import type { FollowChoice, FollowStore } from './follow-store';

export interface FollowDeps {
  follows: FollowStore;
  ideas: Pick<IdeaStore, 'get'>;
  clock: Clock;
}

/** An idea anyone may read (public, or merged and read-only); a hidden, pending or rejected one is not followable. */
async function readableIdea(deps: FollowDeps, ideaId: string): Promise<IdeaRecord> {
  const idea = await deps.ideas.get(ideaId);
  if (!idea || !isReadable(idea)) throw new NotFoundError('Idéen findes ikke.');
  return idea;
}

async function recommendation(deps: FollowDeps, processId: string, recommendationId: string): Promise<string> {
  const title = await deps.follows.recommendationTitle(processId, recommendationId);
  if (title === undefined) throw new NotFoundError('Anbefalingen findes ikke.');
  return title;
}

/**
 * Whether the user follows an idea, and why. An explicit unfollow beats everything; an explicit
 * follow comes first among the reasons; then what the user did: wrote it, voted, commented.
 */
async function ideaReason(deps: FollowDeps, idea: IdeaRecord, userId: string, choice: FollowChoice | undefined): Promise<FollowReason | undefined> {
  if (choice === 'off') return undefined;
  if (choice === 'on') return 'explicit';
  if (idea.authorId === userId) return 'author';
  if (await deps.follows.hasVoted(idea.id, userId)) return 'voter';
  if (await deps.follows.hasCommented(idea.id, userId)) return 'commenter';
  return undefined;
}

const state = (reason: FollowReason | undefined): FollowState => (reason ? { following: true, reason } : { following: false });

export async function ideaFollowState(deps: FollowDeps, actor: Actor, ideaId: string): Promise<FollowState> {
  const idea = await readableIdea(deps, ideaId);
  return state(await ideaReason(deps, idea, actor.userId, await deps.follows.choice('idea', ideaId, actor.userId)));
}

/** Follow or unfollow an idea: the choice is stored either way, so an unfollow outlasts a later vote. Idempotent. */
export async function chooseIdea(deps: FollowDeps, actor: Actor, ideaId: string, choice: FollowChoice): Promise<FollowState> {
  const idea = await readableIdea(deps, ideaId);
  await store(deps, actor, 'idea', idea.id, idea.processId, idea.title, choice);
  return state(choice === 'on' ? 'explicit' : undefined);
}

export async function recommendationFollowState(deps: FollowDeps, actor: Actor, processId: string, recommendationId: string): Promise<FollowState> {
  await recommendation(deps, processId, recommendationId);
  return state((await deps.follows.choice('recommendation', recommendationId, actor.userId)) === 'on' ? 'explicit' : undefined);
}

/** A recommendation is followed only by choice; the id must be one of this process's (404 otherwise). */
export async function chooseRecommendation(deps: FollowDeps, actor: Actor, processId: string, recommendationId: string, choice: FollowChoice): Promise<FollowState> {
  const title = await recommendation(deps, processId, recommendationId);
  await store(deps, actor, 'recommendation', recommendationId, processId, title, choice);
  return state(choice === 'on' ? 'explicit' : undefined);
}

async function store(deps: FollowDeps, actor: Actor, target: FollowTarget, targetId: string, processId: string, title: string, choice: FollowChoice) {
  await deps.follows.set({ target, targetId, userId: actor.userId, state: choice, processId, title, at: deps.clock.now().toISOString() });
}

/** What Min side lists: the follows one chose (the automatic ones show on each idea), newest first. */
export async function myFollows(deps: Pick<FollowDeps, 'follows'>, actor: Actor, limit: number, cursor?: string): Promise<MyFollowList> {
  const page = await deps.follows.listMine(actor.userId, limit, cursor);
  return {
    items: page.items.map((f) => ({ target: f.target, targetId: f.targetId, processId: f.processId, title: f.title, followedAt: f.at })),
    nextCursor: page.nextCursor,
  };
}

/** The GDPR export's part: every follow and unfollow one chose, and one's mail settings. */
export async function myFollowData(deps: { follows: FollowStore; mailSettings: MailSettingsStore }, userId: string): Promise<NonNullable<MyDataExport['follows']>> {
  const [choices, mailSettings] = await Promise.all([deps.follows.choicesOf(userId), deps.mailSettings.get(userId)]);
  return {
    choices: choices.map((f) => ({ target: f.target, targetId: f.targetId, processId: f.processId, title: f.title, followedAt: f.at, following: f.state === 'on' })),
    mailSettings,
  };
}
