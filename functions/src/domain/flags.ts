// handler --> (use case) --> FlagStore, IdeaStore, CommentStore, ProcessStore
import type { FlagCreate } from '#shared/schemas/flag';
import type { Actor } from '../lib/auth';
import { ConflictError, NotFoundError } from '../lib/errors';
import { isPublic } from './ideas';
import { limitFor } from './limits';
import type { Clock, CommentStore, FlagRecord, FlagStore, IdeaStore, ProcessStore, ProfileStore } from './ports';
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
  if (!idea || !isPublic(idea)) throw new NotFoundError('Idéen findes ikke.');
  if (idea.authorId === actor.userId) throw ownContent();
  return flag(deps, actor, { ideaId, processId: idea.processId }, input, idea.flagsResetAt);
}

export async function flagComment(deps: FlagDeps, actor: Actor, commentId: string, input: FlagCreate) {
  const comment = await deps.comments.get(commentId);
  if (!comment || comment.state !== 'visible') throw new NotFoundError('Kommentaren findes ikke.');
  const idea = await deps.ideas.get(comment.ideaId);
  if (!idea || !isPublic(idea)) throw new NotFoundError('Kommentaren findes ikke.');
  if (comment.authorId === actor.userId) throw ownContent();
  return flag(deps, actor, { ideaId: comment.ideaId, commentId, processId: comment.processId }, input, comment.flagsResetAt);
}

async function flag(
  deps: FlagDeps,
  actor: Actor,
  target: { ideaId: string; commentId?: string; processId: string },
  input: FlagCreate,
  resetAt: string | undefined,
) {
  const now = deps.clock.now();
  writerProfile(await deps.profiles.get(actor.userId), 'anmelder indhold');
  const process = await getProcess(deps.processes, target.processId);
  const record: FlagRecord = {
    ...target,
    userId: actor.userId,
    reason: input.reason,
    ...(input.text ? { text: input.text } : {}),
    createdAt: now.toISOString(),
  };
  const result = await deps.flags.add(record, limitFor(process, 'flag'), now, resetAt);
  if (result === 'exists') throw new ConflictError('already-flagged', 'Du har allerede anmeldt dette indhold.');
  if (result === 'gone') throw new NotFoundError();
  const held = await deps.flags.holdIfFlagged(target, process.settings.flagThreshold, now);
  return { received: true as const, held };
}

const ownContent = () => new ConflictError('own-content', 'Du kan ikke anmelde dit eget indhold. Du kan rette eller slette det i stedet.');
