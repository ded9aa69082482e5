// handler --> (use case) --> FlagStore, IdeaStore, CommentStore, ProcessStore
import { flagCounts } from '#shared/rules/moderation';
import type { FlagCreate } from '#shared/schemas/flag';
import type { Actor } from '../lib/auth';
import { ConflictError, NotFoundError } from '../lib/errors';
import { isOnItsPage, isPublic } from './ideas';
import { limitFor } from './limits';
import type { Clock, CommentStore, FlagRecord, FlagStore, IdeaStore, ProcessStore, ProfileStore, RateLimit } from './ports';
import { writerProfile } from './profiles';
import { getProcess } from './processes';

export interface FlagDeps {
  flags: FlagStore;
  profiles: ProfileStore;
  ideas: IdeaStore;
  comments: CommentStore;
  processes: ProcessStore;
  clock: Clock;
}

/**
 * Flag an idea or a comment. Primary course:
 * 1. The target is visible to the flagger (else 404) and not their own (else 409).
 * 2. One flag per user and target (a second is 409), within the user's rate limit.
 * 3. When the distinct flags reach the process's threshold, the target leaves public view and waits
 *    in the moderation queue. Nothing is rejected automatically: a human moderator decides.
 * Nobody but moderators can learn who flagged; the flagger hears "received", and whether their flag
 * was the one that held the target (then a moderator sees it now; before, only when more have flagged).
 */
export async function flagIdea(deps: FlagDeps, actor: Actor, ideaId: string, input: FlagCreate) {
  const idea = await deps.ideas.get(ideaId);
  // A held idea's page stays open (flags cannot freeze it), so its reader may try to flag it: say why not.
  if (idea?.held && isOnItsPage(idea)) throw underReview();
  if (!idea || !isPublic(idea)) throw new NotFoundError('Idéen findes ikke.');
  if (idea.authorId === actor.userId) throw ownContent();
  return flag(deps, actor, { ideaId, processId: idea.processId }, input, idea.flagsResetAt);
}

export async function flagComment(deps: FlagDeps, actor: Actor, commentId: string, input: FlagCreate) {
  const comment = await deps.comments.get(commentId);
  if (!comment || comment.state !== 'visible') throw new NotFoundError('Kommentaren findes ikke.');
  const idea = await deps.ideas.get(comment.ideaId);
  // The comments of a held idea are still read on its open page, so they can still be reported.
  if (!idea || !isOnItsPage(idea)) throw new NotFoundError('Kommentaren findes ikke.');
  if (comment.authorId === actor.userId) throw ownContent();
  return flag(deps, actor, { ideaId: comment.ideaId, commentId, processId: comment.processId }, input, comment.flagsResetAt);
}

function flag(
  deps: FlagDeps,
  actor: Actor,
  target: { ideaId: string; commentId?: string; processId: string },
  input: FlagCreate,
  resetAt: string | undefined,
) {
  return applyFlag(deps, actor, target.processId, input, {
    add: (fields, limit, now) => deps.flags.add({ ...target, ...fields } satisfies FlagRecord, limit, now, resetAt),
    hold: (threshold, now) => deps.flags.holdIfFlagged(target, threshold, now),
  });
}

/** What every flag holds besides its target. */
export type FlagFields = Pick<FlagRecord, 'userId' | 'reason' | 'text' | 'createdAt' | 'newAccount'>;

/**
 * The flag rules every kind of content shares (ideas, comments, consultation responses): the flagger
 * has a profile and is not blocked; one flag per person and target, within the process's flag limit
 * (409 already-flagged; 404 when the target went meanwhile); the target is held for moderators once
 * its flags reach the process's threshold, where a flag from an account younger than
 * FLAG_MIN_ACCOUNT_AGE_HOURS is recorded but not counted (shared/rules/moderation.ts). Each kind stores its flags and holds its target its own way.
 */
export async function applyFlag(
  deps: { profiles: Pick<ProfileStore, 'get'>; processes: Pick<ProcessStore, 'get'>; clock: Clock },
  actor: Actor,
  processId: string,
  input: FlagCreate,
  target: {
    add: (fields: FlagFields, limit: RateLimit, now: Date) => Promise<'added' | 'exists' | 'gone'>;
    hold: (threshold: number, now: Date) => Promise<boolean>;
  },
) {
  const now = deps.clock.now();
  const profile = writerProfile(await deps.profiles.get(actor.userId), 'anmelder indhold');
  const process = await getProcess(deps.processes, processId);
  const fields: FlagFields = {
    userId: actor.userId,
    reason: input.reason,
    ...(input.text ? { text: input.text } : {}),
    createdAt: now.toISOString(),
    // The adapters count only flags without this toward the hold (flagCount).
    ...(flagCounts(profile.createdAt, now) ? {} : { newAccount: true }),
  };
  const result = await target.add(fields, limitFor(process, 'flag'), now);
  if (result === 'exists') throw new ConflictError('already-flagged', 'Du har allerede anmeldt dette indhold.');
  if (result === 'gone') throw new NotFoundError();
  const held = await target.hold(process.settings.flagThreshold, now);
  return { received: true as const, held };
}

const underReview = () =>
  new ConflictError('under-review', 'Idéen er allerede taget ud til gennemgang hos en moderator, så den behøver ikke flere anmeldelser.');
export const ownContent = () => new ConflictError('own-content', 'Du kan ikke anmelde dit eget indhold. Du kan rette eller slette det i stedet.');
