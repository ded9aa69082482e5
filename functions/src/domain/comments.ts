// handler --> (use case) --> CommentStore, IdeaStore, ProcessStore, ProfileStore
import { COMMENT_EDIT_WINDOW_MINUTES, type Comment, type CommentCreate, type CommentList, type CommentUpdate } from '#shared/schemas/comment';
import { phaseAllows } from '#shared/schemas/process';
import { hasRole, type Actor } from '../lib/auth';
import { ConflictError, ForbiddenError, NotFoundError } from '../lib/errors';
import { isOnItsPage, isPublic } from './ideas';
import { limitFor } from './limits';
import type { Logger } from '../lib/log';
import { recordFollowEvent, replyEvent } from './follows/record-events';
import type { Clock, CommentRecord, CommentStore, FollowEventLog, IdeaRecord, IdeaStore, ProcessStore, ProfileStore } from './ports';
import { getProcess, processStart } from './processes';
import { writerProfile } from './profiles';
import { trendWeight } from './trending';

export interface CommentDeps {
  comments: CommentStore;
  ideas: IdeaStore;
  processes: ProcessStore;
  profiles: ProfileStore;
  clock: Clock;
  newId: (now: Date) => string;
  /** Where a reply is recorded for the digest of the comment's author (the handler always gives it). */
  followEvents?: FollowEventLog;
  log?: Logger;
}

/** Comments of a readable idea (a merged one keeps its discussion so far), newest thread first, each thread's replies oldest first. */
export async function listComments(deps: Pick<CommentDeps, 'comments' | 'ideas'>, ideaId: string, limit: number, cursor?: string): Promise<CommentList> {
  const idea = await deps.ideas.get(ideaId);
  if (!idea || !isOnItsPage(idea)) throw new NotFoundError('Idéen findes ikke.');
  const page = await deps.comments.listThreads(ideaId, limit, cursor);
  return {
    items: page.items.map((t) => ({ ...toComment(t), replies: t.replies.map(toComment) })),
    nextCursor: page.nextCursor,
  };
}

/**
 * Comment on an idea. Primary course:
 * 1. The idea is public (else 404) and the process's open phase takes comments (else 409).
 * 2. A reply names a visible top-level comment of the same idea (one reply level; else 409).
 * 3. The author has a profile (else 409).
 * 4. Comment, idea count and trending weight are written in one transaction, within the rate limit.
 * 5. A reply is recorded for the digest of the comment's author (best effort).
 */
export async function createComment(deps: CommentDeps, actor: Actor, ideaId: string, input: CommentCreate): Promise<Comment> {
  const now = deps.clock.now();
  const idea = await publicIdea(deps.ideas, ideaId);
  const process = await getProcess(deps.processes, idea.processId);
  if (!phaseAllows(process, now, 'comment')) throw new ConflictError('comments-closed', 'Der kan ikke kommenteres i denne fase af forløbet.');
  const parent = input.parentId ? await deps.comments.get(input.parentId) : undefined;
  if (input.parentId) {
    if (!parent || parent.ideaId !== ideaId || parent.parentId || parent.state !== 'visible') {
      throw new ConflictError('no-parent', 'Du kan kun svare på en synlig kommentar til samme idé.');
    }
  }
  const profile = writerProfile(await deps.profiles.get(actor.userId), 'kommenterer');

  const at = now.toISOString();
  const record: CommentRecord = {
    id: deps.newId(now),
    ideaId,
    processId: idea.processId,
    ...(input.parentId ? { parentId: input.parentId } : {}),
    state: 'visible',
    body: input.body,
    ...(input.stance ? { stance: input.stance } : {}),
    authorId: actor.userId,
    authorName: profile.displayName,
    authorType: profile.participantType,
    ...(actor.assisted ? { channel: actor.assisted.channel } : {}),
    edited: false,
    weight: trendWeight(now, processStart(process)),
    createdAt: at,
    updatedAt: at,
  };
  const result = await deps.comments.create(record, limitFor(process, 'comment'), now);
  if (result === 'closed') throw new ConflictError('comments-closed', 'Idéen tager ikke imod kommentarer.');
  if (result === 'no-parent') throw new ConflictError('no-parent', 'Kommentaren, du svarer på, findes ikke længere.');
  await recordFollowEvent(deps.followEvents, deps.log, replyEvent(idea, parent, record));
  return toComment(record);
}

/**
 * The author edits within the window; the comment is then shown as edited. A blocked author may not:
 * a block would otherwise leave them the last minutes of the window to rewrite what they wrote (the
 * same check as a new comment, writerProfile).
 */
export async function updateComment(deps: Pick<CommentDeps, 'comments' | 'profiles' | 'clock'>, actor: Actor, commentId: string, change: CommentUpdate): Promise<Comment> {
  const now = deps.clock.now();
  const comment = await deps.comments.get(commentId);
  if (!comment || comment.state === 'deleted') throw new NotFoundError('Kommentaren findes ikke.');
  if (comment.authorId !== actor.userId) throw new ForbiddenError('Du kan kun rette dine egne kommentarer.');
  writerProfile(await deps.profiles.get(actor.userId), 'retter din kommentar');
  if (comment.state !== 'visible') throw new ConflictError('not-editable', 'Kommentaren afventer en moderator og kan ikke rettes nu.');
  const editableAfter = new Date(now.getTime() - COMMENT_EDIT_WINDOW_MINUTES * 60_000).toISOString();
  if (comment.createdAt < editableAfter) throw editWindowClosed();
  const updated = await deps.comments.update(comment, { body: change.body, stance: change.stance }, editableAfter, now);
  if (updated === 'refused') throw editWindowClosed();
  return toComment(updated);
}

/**
 * The author deletes; a placeholder keeps the replies readable. Idempotent. Nobody else may, a
 * moderator included: taking away someone's words is a moderation decision with a reason the author
 * is shown and an audit entry (moderateComment, "Skjul"), never a silent delete.
 */
export async function deleteComment(deps: Pick<CommentDeps, 'comments' | 'clock'>, actor: Actor, commentId: string): Promise<void> {
  const comment = await deps.comments.get(commentId);
  if (!comment) throw new NotFoundError('Kommentaren findes ikke.');
  if (comment.state === 'deleted') return; // deleting twice is done already (and it has no author left)
  if (comment.authorId !== actor.userId) throw notYours(actor);
  await deps.comments.remove(comment, deps.clock.now());
}

export async function myCommentIds(comments: CommentStore, actor: Actor, ideaId: string): Promise<{ ids: string[] }> {
  return { ids: await comments.idsBy(actor.userId, ideaId) };
}

async function publicIdea(ideas: IdeaStore, ideaId: string): Promise<IdeaRecord> {
  const idea = await ideas.get(ideaId);
  if (!idea || !isPublic(idea)) throw new NotFoundError('Idéen findes ikke.');
  return idea;
}

/** A moderator is pointed to the decision that does what they want, with a reason and a log entry. */
const notYours = (actor: Actor) =>
  new ForbiddenError(
    hasRole(actor, 'moderator')
      ? 'Du kan kun slette dine egne kommentarer. Som moderator skjuler du en andens kommentar med en begrundelse (Skjul), så beslutningen bliver logget.'
      : 'Du kan kun slette dine egne kommentarer.',
  );

const editWindowClosed = () =>
  new ConflictError('edit-window-closed', `En kommentar kan kun rettes i ${COMMENT_EDIT_WINDOW_MINUTES} minutter efter, den er skrevet.`);

/** What anyone may see of a comment: deleted and held ones show neither text nor author. */
export function toComment(c: CommentRecord): Comment {
  const shown = c.state === 'visible';
  return {
    id: c.id,
    ideaId: c.ideaId,
    ...(c.parentId ? { parentId: c.parentId } : {}),
    state: c.state,
    ...(shown ? { body: c.body, authorName: c.authorName, authorType: c.authorType, ...(c.stance ? { stance: c.stance } : {}), ...(c.channel ? { channel: c.channel } : {}) } : {}),
    edited: c.edited,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
