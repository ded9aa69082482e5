// handler --> (use case) --> ModerationStore, IdeaStore, CommentStore, ProfileStore, UserDataStore, UserDirectory, Notifier
import type { Comment } from '#shared/schemas/comment';
import type { BulkModeration, CommentModeration, IdeaModeration, Queue, UserModeration } from '#shared/schemas/moderation';
import type * as z from 'zod';
import type { moderatedIdeaSchema } from '#shared/schemas/moderation';
import type { Actor } from '../lib/auth';
import { ConflictError, HttpError, NotFoundError } from '../lib/errors';
import type { Logger } from '../lib/log';
import { toComment } from './comments';
import { toDetail } from './ideas';
import { auditEntry, ideaHistory } from './audit';
import { decideIdea, ideaState } from './moderation-rules';
import type {
  Clock,
  CommentStore,
  FollowEventLog,
  IdeaRecord,
  IdeaStore,
  ModerationStore,
  Notifier,
  ProcessStore,
  ProfileStore,
  UserDataStore,
  UserDirectory,
} from './ports';
import { ideaMail } from './notifications';
import { carryMergedVotes, mergeLinkOf, unfinishedMerge } from './merge-votes';
import type { ResponseStore } from './consultation/response-ports';
import { localDate } from '../lib/copenhagen-time';
import { decisionEvent, recordFollowEvent } from './follows/record-events';
import { hideRightAway, type HideJobs } from './moderation/hide-job';
import type { SearchDeps } from './search/idea-search';
import { similarAtReview } from './search/similar';

export interface ModerationDeps {
  moderation: ModerationStore;
  ideas: IdeaStore;
  comments: CommentStore;
  profiles: ProfileStore;
  userData: UserDataStore;
  directory: UserDirectory;
  notifier: Notifier;
  /** The site's absolute address, for the links in mails (adapters/ssm/site-url.ts). */
  siteUrl: () => Promise<string>;
  clock: Clock;
  newId: (now: Date) => string;
  log: Logger;
  /** The consultation's responses, so a block can hide the comments on paragraphs too (the handler always gives it). */
  responses?: ResponseStore;
  /** Where followers' news is recorded for the digest (the handler always gives it). */
  followEvents?: FollowEventLog;
  /** Where a block's "hide everything" goes (moderation/hide-job.ts); without it, it runs in the request. */
  hideJobs?: HideJobs;
}

type ModeratedIdea = z.infer<typeof moderatedIdeaSchema>;

/** The queue of a process, oldest first, with both counts and each target's flag reasons (never flaggers). */
export async function moderationQueue(deps: Pick<ModerationDeps, 'moderation'>, processId: string, kind: 'pending' | 'flagged', limit: number, cursor?: string): Promise<Queue> {
  const [counts, page] = await Promise.all([deps.moderation.queueCounts(processId), deps.moderation.queue(processId, kind, limit, cursor)]);
  const items = await Promise.all(
    page.items.map(async (entry) => {
      const idea = entry.idea;
      const comment = entry.comment;
      const flags = await deps.moderation.flagsOn(idea?.id ?? comment!.ideaId, comment?.id, (idea ?? comment)!.flagsResetAt);
      const flagReasons: Record<string, number> = {};
      for (const f of flags) flagReasons[f.reason] = (flagReasons[f.reason] ?? 0) + 1;
      return {
        kind: entry.kind,
        id: idea?.id ?? comment!.id,
        ideaId: idea?.id ?? comment!.ideaId,
        title: idea ? idea.title : (comment!.body ?? '').slice(0, 80),
        text: idea ? idea.excerpt : (comment!.body ?? ''),
        authorName: idea?.authorName ?? comment?.authorName,
        authorType: idea?.authorType ?? comment?.authorType,
        status: idea ? idea.status : comment!.state,
        flagCount: (idea ?? comment)!.flagCount ?? 0,
        flagReasons,
        newAccountFlags: flags.filter((f) => f.newAccount).length,
        flagTexts: flags.flatMap((f) => (f.text ? [f.text] : [])),
        queuedAt: entry.queuedAt,
      };
    }),
  );
  return { counts, items, nextCursor: page.nextCursor };
}

type ReviewDeps = Pick<ModerationDeps, 'moderation' | 'profiles'> & SearchDeps & { ideas: IdeaStore; processes: Pick<ProcessStore, 'get'> };

/** An idea in any state, as moderators see it, with its history and its possible duplicates (issue 18). */
export async function moderatedIdea(deps: ReviewDeps, ideaId: string): Promise<ModeratedIdea> {
  const idea = await deps.ideas.get(ideaId);
  if (!idea) throw new NotFoundError('Idéen findes ikke.');
  const [view, similar] = await Promise.all([withHistory(deps, idea), similarAtReview(deps, idea)]);
  return { ...view, similar };
}

/**
 * A decision on an idea. Primary course:
 * 1. The idea exists; the decision fits its current state (domain rules in moderation-rules.ts).
 * 2. The change and its audit entry (who, when, what, reason, state before and after) are written in
 *    one transaction, conditional on the idea still being in the state the moderator saw (else 409).
 * 3. The author is told by email (best effort: a failed mail does not undo the decision).
 * 4. A merge carries the merged idea's votes to the target, each supporter once (merge-votes.ts); a
 *    merge stored earlier whose votes were not all carried is finished by the same request.
 * 5. Followers' news (a status, an answer, a merge) is recorded for their digest (best effort).
 */
export async function moderateIdea(deps: ModerationDeps, actor: Actor, ideaId: string, command: IdeaModeration): Promise<ModeratedIdea> {
  const now = deps.clock.now();
  const idea = await deps.ideas.get(ideaId);
  if (!idea) throw new NotFoundError('Idéen findes ikke.');
  if (command.action === 'merge' && unfinishedMerge(idea, command.targetId)) {
    await carryMergedVotes(deps.moderation, idea, command.targetId, now);
    return withHistory(deps, idea);
  }
  const change = decideIdea(idea, command);
  const target = command.action === 'merge' ? await deps.ideas.get(command.targetId) : undefined;
  if (command.action === 'merge' && (!target || target.processId !== idea.processId)) {
    throw new ConflictError('invalid-merge', 'Idéen, der lægges sammen med, skal høre til samme forløb.');
  }
  const audit = await auditEntry(deps, actor, now, {
    processId: idea.processId,
    action: command.action,
    targetKind: 'idea',
    targetId: idea.id,
    reason: command.reason,
    before: ideaState(idea.status, idea.held),
    after: ideaState(change.status, change.held),
  });
  const link = await mergeLinkOf(deps.ideas, idea, change, command.action === 'merge' ? command.targetId : undefined);
  const ok = await deps.moderation.changeIdea(idea, change, audit, now, link);
  if (!ok) throw new ConflictError('changed-meanwhile', 'Idéen er ændret i mellemtiden, eller målet for sammenlægningen er ikke offentligt. Hent den igen.');

  const updated = (await deps.ideas.get(ideaId))!;
  await notifyAuthor(deps, updated, command);
  if (command.action === 'merge') await carryMergedVotes(deps.moderation, idea, command.targetId, now);
  await recordFollowEvent(deps.followEvents, deps.log, decisionEvent(idea, updated, command, actor.userId, target));
  return withHistory(deps, updated);
}

export async function moderateComment(deps: ModerationDeps, actor: Actor, commentId: string, command: CommentModeration): Promise<Comment> {
  const now = deps.clock.now();
  const comment = await deps.comments.get(commentId);
  if (!comment || comment.state === 'deleted') throw new NotFoundError('Kommentaren findes ikke.');
  const target = command.action === 'hide' ? 'hidden' : 'visible';
  const allowed = command.action === 'hide' ? ['visible', 'held'] : ['hidden', 'held'];
  if (!allowed.includes(comment.state)) throw new ConflictError('invalid-transition', `Kommentaren kan ikke ${command.action === 'hide' ? 'skjules' : 'gendannes'} nu.`);
  const audit = await auditEntry(deps, actor, now, {
    processId: comment.processId,
    action: `comment-${command.action}`,
    targetKind: 'comment',
    targetId: comment.id,
    ideaId: comment.ideaId,
    reason: command.reason,
    before: { kind: 'comment', state: comment.state },
    after: { kind: 'comment', state: target },
  });
  if (!(await deps.moderation.changeComment(comment, target, audit, now))) throw new ConflictError('changed-meanwhile', 'Kommentaren er ændret i mellemtiden.');
  return toComment({ ...comment, state: target });
}

/** Block or unblock a user; a block can hide everything they wrote in the same action. */
export async function moderateUser(deps: ModerationDeps, actor: Actor, userId: string, command: UserModeration) {
  const now = deps.clock.now();
  const blocked = command.action === 'block';
  const items = await deps.userData.itemsOf(userId);
  if (!items.profile) throw new NotFoundError('Brugeren findes ikke.');
  const processId = items.ideas[0]?.processId ?? items.comments[0]?.processId ?? 'platform';
  const audit = await auditEntry(deps, actor, now, { processId, action: command.action, targetKind: 'user', targetId: userId, reason: command.reason, before: { kind: 'account', blocked: !!items.profile.blocked }, after: { kind: 'account', blocked } });
  if (!(await deps.moderation.setBlocked(userId, blocked, audit))) throw new NotFoundError('Brugeren findes ikke.');

  if (command.action !== 'block' || !command.hideContent) return { userId, blocked, hidden: 0 };
  // Hiding everything can outlast the request: a job does it, audited item by item (issue 17).
  const job = { userId, actorId: actor.userId, reason: command.reason, blockedAt: now.toISOString() };
  const started = await (deps.hideJobs ?? hideRightAway(() => deps)).start(job);
  return started === 'queued' ? { userId, blocked, hidden: 0, hiding: 'pending' as const } : { userId, blocked, hidden: started.hidden };
}

/** One action on many targets: each gets its own decision, audit entry and result status. */
export async function bulkModerate(deps: ModerationDeps, actor: Actor, bulk: BulkModeration) {
  const results = [];
  for (const target of bulk.targets) {
    let status = 200;
    try {
      if (target.kind === 'idea') await moderateIdea(deps, actor, target.id, { action: bulk.action, reason: bulk.reason } as IdeaModeration);
      else await moderateComment(deps, actor, target.id, { action: bulk.action, reason: bulk.reason } as CommentModeration);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      status = error.status;
    }
    results.push({ kind: target.kind, id: target.id, status });
  }
  return { results };
}

export async function overdueAnswers(deps: Pick<ModerationDeps, 'moderation' | 'clock'>, processId: string) {
  // Deadlines are Danish dates: an answer is overdue from midnight in Copenhagen, not in UTC.
  const today = localDate(deps.clock.now());
  const ideas = await deps.moderation.overdue(processId, today);
  return { items: ideas.map((i) => ({ id: i.id, title: i.title, status: i.status, answerDeadline: i.answerDeadline! })) };
}

async function withHistory(deps: Pick<ModerationDeps, 'moderation' | 'profiles'>, idea: IdeaRecord): Promise<ModeratedIdea> {
  // A deleted account leaves its ideas without an author id (and without a profile).
  const [history, profile] = await Promise.all([ideaHistory(deps, idea.processId, idea.id), idea.authorId ? deps.profiles.get(idea.authorId) : undefined]);
  return {
    ...toDetail(idea),
    held: !!idea.held,
    flagCount: idea.flagCount ?? 0,
    ...(idea.moderationReason ? { moderationReason: idea.moderationReason } : {}),
    history,
    ...(profile ? { author: { userId: idea.authorId, blocked: !!profile.blocked } } : {}),
  };
}

async function notifyAuthor(deps: ModerationDeps, idea: IdeaRecord, command: IdeaModeration) {
  if (!idea.authorUsername) return;
  try {
    // Inside the try: a site address that cannot be read costs this mail (logged), never the decision.
    const mail = ideaMail(idea, command, await deps.siteUrl());
    if (!mail) return;
    const to = await deps.directory.email(idea.authorUsername);
    if (to) await deps.notifier.send({ to, ...mail });
  } catch (error) {
    deps.log.error('author notification failed', { ideaId: idea.id, error: String(error) });
  }
}
