// handler --> (use case) --> VoteStore, ProcessStore
import { phaseAllows, type Process } from '#shared/schemas/process';
import type { MyVotes, VoteState } from '#shared/schemas/vote';
import type { Actor } from '../lib/auth';
import { ConflictError, NotFoundError } from '../lib/errors';
import { isPublic } from './ideas';
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
 * 3. Write the vote record and the idea's counters in one transaction (exact under any concurrency);
 *    the vote's own condition makes a repeat (a double tap, a retry) change nothing.
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
  const result = await deps.votes.add(record, limitFor(process, 'vote'), now);
  if (result === 'closed') throw votingClosed();
  // A repeat: the count read in step 1 may be from before the first vote, so read it afresh.
  return { voteCount: result === 'added' ? idea.voteCount + 1 : await deps.votes.count(ideaId), voted: true };
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
  return { voteCount: result === 'removed' ? Math.max(0, idea.voteCount - 1) : await deps.votes.count(ideaId), voted: false };
}

export async function myVotes(votes: VoteStore, actor: Actor, ideaIds: string[]): Promise<MyVotes> {
  return { voted: await votes.votedAmong(actor.userId, ideaIds) };
}

async function openForVoting(deps: VoteDeps, idea: IdeaRecord | undefined, now: Date): Promise<{ idea: IdeaRecord; process: Process }> {
  if (!idea || !isPublic(idea)) throw new NotFoundError('Idéen findes ikke.');
  const process = await getProcess(deps.processes, idea.processId);
  if (!phaseAllows(process, now, 'vote')) throw new ConflictError('voting-closed', 'Der kan ikke stemmes i denne fase af forløbet.');
  if (idea.status !== 'published') throw votingClosed();
  return { idea, process };
}

const votingClosed = () => new ConflictError('voting-closed', 'Idéen tager ikke imod stemmer længere.');
