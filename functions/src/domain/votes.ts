// handler --> (use case) --> VoteStore, ProcessStore
import { phaseAllows, type Process } from '#shared/schemas/process';
import type { MyVotes, MyVotesQuery, VoteState } from '#shared/schemas/vote';
import type { Actor } from '../lib/auth';
import { ConflictError, NotFoundError } from '../lib/errors';
import { takesVotes } from '#shared/rules/moderation';
import { isPublicStatus } from '#shared/rules/values';
import { limitFor } from './limits';
import type { Clock, IdeaRecord, ProcessStore, VoteRecord, VoteStore } from './ports';
import { getProcess, processStart } from './processes';
import { writerProfile } from './profiles';
import { trendWeight } from './trending';

export interface VoteDeps {
  votes: VoteStore;
  processes: ProcessStore;
  clock: Clock;
}

/**
 * Vote for an idea. Primary course:
 * 1. Read the idea and the voter's profile in one read.
 * 2. The idea is public (else 404), published and its process's open phase takes votes (else 409);
 *    the voter has a profile and is not blocked.
 * 3. Write the vote record, the idea's counters and the voter's tally in the process in one transaction
 *    (exact under any concurrency); the vote's own condition makes a repeat (a double tap, a retry)
 *    change nothing, and the tally's refuses a vote past the process's vote rule (409 vote-limit).
 *
 * The returned count is the idea's count as read in step 1 plus this vote: concurrent votes by others
 * may make the stored count higher by the time the answer arrives; it always includes this vote.
 */
export async function vote(deps: VoteDeps, actor: Actor, ideaId: string): Promise<VoteState> {
  const now = deps.clock.now();
  const context = await deps.votes.context(ideaId, actor.userId, false);
  const { idea, process } = await openForVoting(deps, context.idea, now);
  const voter = writerProfile(context.profile, 'stemmer');

  const record: VoteRecord = {
    ideaId,
    userId: actor.userId,
    processId: idea.processId,
    participantType: voter.participantType,
    weight: trendWeight(now, processStart(process)),
    createdAt: now.toISOString(),
  };
  const maxVotes = process.settings.votesPerPerson;
  const result = await deps.votes.add(record, limitFor(process, 'vote'), now, maxVotes);
  if (result === 'closed') throw votingClosed();
  if (result === 'limit') throw voteLimit(maxVotes ?? 0);
  // A repeat: the count read in step 1 may be from before the first vote, so read it afresh.
  const voteCount = result === 'added' ? idea.voteCount + 1 : await deps.votes.count(ideaId);
  return { voteCount, voted: true, ...limited(await votesLeft(deps.votes, actor, process)) };
}

/** Take a vote back; the same checks, and idempotent the other way round. */
export async function unvote(deps: VoteDeps, actor: Actor, ideaId: string): Promise<VoteState> {
  const now = deps.clock.now();
  const context = await deps.votes.context(ideaId, actor.userId, true);
  const { idea, process } = await openForVoting(deps, context.idea, now);
  const existing = context.vote;
  if (!existing) return { voteCount: await deps.votes.count(ideaId), voted: false };
  const result = await deps.votes.remove(existing, limitFor(process, 'vote'), now);
  if (result === 'closed') throw votingClosed();
  const voteCount = result === 'removed' ? Math.max(0, idea.voteCount - 1) : await deps.votes.count(ideaId);
  return { voteCount, voted: false, ...limited(await votesLeft(deps.votes, actor, process)) };
}

/** Which of these ideas the caller voted for; with a process, also the votes left there (null: no limit). */
export async function myVotes(deps: Pick<VoteDeps, 'votes' | 'processes'>, actor: Actor, query: MyVotesQuery): Promise<MyVotes> {
  const [voted, left] = await Promise.all([
    deps.votes.votedAmong(actor.userId, query.ideaIds),
    query.processId ? getProcess(deps.processes, query.processId).then((p) => votesLeft(deps.votes, actor, p)) : undefined,
  ]);
  return { voted, ...(left !== undefined ? { votesLeft: left } : {}) };
}

/**
 * The vote rule in numbers: the process's limit less the caller's standing votes there (a limit
 * lowered below what someone already gave leaves them 0, never less). Without a limit nothing is read.
 */
async function votesLeft(votes: VoteStore, actor: Actor, process: Process): Promise<number | null> {
  const max = process.settings.votesPerPerson;
  if (max === null) return null;
  return Math.max(0, max - (await votes.standing(actor.userId, process.id)));
}

/** A vote's answer names the votes left only where a limit makes them count. */
const limited = (left: number | null) => (left === null ? {} : { votesLeft: left });

async function openForVoting(deps: VoteDeps, idea: IdeaRecord | undefined, now: Date): Promise<{ idea: IdeaRecord; process: Process }> {
  // Held after flags or not (rules/moderation.ts takesVotes): flags cannot freeze voting.
  if (!idea || !isPublicStatus(idea.status)) throw new NotFoundError('Idéen findes ikke.');
  const process = await getProcess(deps.processes, idea.processId);
  if (!phaseAllows(process, now, 'vote')) throw new ConflictError('voting-closed', 'Der kan ikke stemmes i denne fase af forløbet.');
  if (!takesVotes(idea)) throw votingClosed();
  return { idea, process };
}

const votingClosed = () => new ConflictError('voting-closed', 'Idéen tager ikke imod stemmer længere.');

const voteLimit = (max: number) =>
  new ConflictError(
    'vote-limit',
    max === 1
      ? 'Du har brugt din stemme i dette forløb. Tag den tilbage for at stemme på en anden idé.'
      : `Du har brugt alle dine ${max} stemmer i dette forløb. Tag en stemme tilbage for at stemme på en anden idé.`,
  );
