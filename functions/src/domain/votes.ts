// handler --> (use case) --> VoteStore, ProcessStore
import { phaseAllows, type Process } from '#shared/schemas/process';
import type { MyVotes, MyVotesQuery, VoteState } from '#shared/schemas/vote';
import type { Actor } from '../lib/auth';
import { accountErased, ConflictError, NotFoundError } from '../lib/errors';
import { takesVotes } from '#shared/rules/moderation';
import { isPublicStatus } from '#shared/rules/values';
import { limitFor } from './limits';
import type { Clock, ProcessStore, StoredProfile, VoteRecord, VoteStore } from './ports';
import type { ErasedAccounts } from './ports/erased-accounts';
import type { VotingIdea } from './ports/votes';
import { getProcess, processStart } from './processes';
import { writerProfile } from './profiles';
import { trendWeight } from './trending';
import { VoteCache } from './vote-cache';

export interface VoteDeps {
  votes: VoteStore;
  processes: ProcessStore;
  clock: Clock;
  /** The warm function's memory of ideas and voters (vote-cache.ts); without it every vote reads first. */
  cache?: VoteCache;
  /** Tells a deleted account (401) from one without a profile (409) when the profile read finds none. */
  erased?: Pick<ErasedAccounts, 'isErased'>;
}

/**
 * Vote for an idea. Primary course:
 * 1. The idea's process and the voter's participant type come from the function's cache; only what
 *    it lacks is read (one read, the idea and/or the profile). A fresh read decides 404/409 at once.
 * 2. The process's open phase takes votes (else 409); a voter read now has a profile and is not blocked.
 * 3. Write the vote record, the idea's counters (or its shard's) and the voter's tally in the process in
 *    one transaction (exact under any concurrency); the vote's own condition makes a repeat (a double tap,
 *    a retry) change nothing, the tally's refuses a vote past the process's vote rule (409 vote-limit),
 *    the idea's refuses a hidden or closed idea (its stored state comes back with the refusal: 404 or
 *    409 without a read first), a cached voter is checked there too (profile exists, not blocked,
 *    same type), and so is the account's tombstone (a deleted account's last token: 401), instead of
 *    the read before every other write (lib/erased-check.ts).
 *
 * The returned count is the idea's count as last read plus this function's votes since: concurrent
 * votes elsewhere may make the stored count higher by the time the answer arrives; it always includes this vote.
 */
export async function vote(deps: VoteDeps, actor: Actor, ideaId: string, retried = false): Promise<VoteState> {
  const now = deps.clock.now();
  const cache = deps.cache ?? new VoteCache();
  const cached = cache.idea(ideaId);
  const cachedType = cache.participantType(actor.userId);
  let idea = cached?.idea;
  let participantType = cachedType;
  /** Read now rather than cached: then the transaction need not check the profile again. */
  let profileRead = false;
  if (!idea) {
    const context = await deps.votes.context(ideaId, actor.userId, false, { idea: true, profile: true });
    if (!context.idea || !isPublicStatus(context.idea.status)) throw notFound();
    idea = context.idea;
    cache.rememberIdea(idea);
    participantType = await voterType(deps, cache, actor, context.profile);
    profileRead = true;
  }
  // The state as just read, or a sharded idea's cached (≤ 1 s): an unsharded idea's transaction judges it itself.
  const judgeState = !cached || idea.counterShards;
  if (judgeState && !isPublicStatus(idea.status)) throw notFound();
  const process = await getProcess(deps.processes, idea.processId);
  if (!phaseAllows(process, now, 'vote')) throw phaseClosed();
  if (judgeState && !takesVotes(idea)) throw votingClosed();
  const maxVotes = process.settings.votesPerPerson;
  // One read at most: the profile the cache lacks, and under a vote rule the voter's tally (for the votes
  // left). A read that happens anyway takes the profile along, which spares the transaction its check.
  let standing: number | undefined;
  if (!participantType || maxVotes !== null) {
    const context = await deps.votes.context(ideaId, actor.userId, false, { idea: false, profile: !profileRead, ...(maxVotes !== null ? { tallyOf: idea.processId } : {}) });
    if (!profileRead) participantType = await voterType(deps, cache, actor, context.profile);
    profileRead = true;
    standing = context.standing;
  }
  if (!participantType) throw new Error('unreachable: the voter type is read or cached by now');

  const record: VoteRecord = {
    ideaId,
    userId: actor.userId,
    processId: idea.processId,
    participantType,
    weight: trendWeight(now, processStart(process)),
    createdAt: now.toISOString(),
  };
  const result = await deps.votes.add(record, limitFor(process, 'vote'), now, maxVotes, {
    counterShards: idea.counterShards,
    ...(profileRead ? {} : { profileType: participantType }),
    // A refusal's idea: remembered only when it tells of shards (a refused state is read afresh next time).
    seen: (stored) => (stored?.counterShards ? cache.rememberIdea(stored) : cache.forgetIdea(ideaId)),
  });
  if (result === 'missing') {
    cache.forgetIdea(ideaId);
    throw notFound();
  }
  if (result === 'closed') throw votingClosed();
  if (result === 'limit') throw voteLimit(maxVotes ?? 0);
  if (result === 'erased') throw accountErased();
  if (result === 'profile') {
    // The cached voter no longer holds (blocked, profile gone, another type): read it and try once more.
    cache.forgetType(actor.userId);
    if (retried) throw new Error('the voter profile changed twice during one vote');
    return vote(deps, actor, ideaId, true);
  }
  // A repeat: the count remembered may be from before the first vote, so read it afresh.
  const voteCount = result === 'added' ? cache.moved(ideaId, 1, idea.voteCount + 1) : await deps.votes.count(ideaId);
  // The tally as read just before, plus this vote: exact for one voter's votes in turn; votes of the same
  // voter at the same moment elsewhere may make it one off (the vote rule itself is the transaction's).
  const left = maxVotes === null ? null : standing === undefined ? await votesLeft(deps.votes, actor, process) : Math.max(0, maxVotes - standing - (result === 'added' ? 1 : 0));
  return { voteCount, voted: true, ...limited(left) };
}

/**
 * The voter's type from a profile just read (a voter without one, or blocked, is refused), remembered.
 * No profile may mean a deleted account, whose last token gets the 401 every other write gets.
 */
async function voterType(deps: VoteDeps, cache: VoteCache, actor: Actor, profile: StoredProfile | undefined) {
  if (!profile && (await deps.erased?.isErased(actor.userId))) throw accountErased();
  const type = writerProfile(profile, 'stemmer').participantType;
  cache.rememberType(actor.userId, type);
  return type;
}

/**
 * Take a vote back; the same checks, and idempotent the other way round. Not the hot path: it reads the
 * idea and the vote (its weight is subtracted exactly) consistently, so its count is exact.
 */
export async function unvote(deps: VoteDeps, actor: Actor, ideaId: string): Promise<VoteState> {
  const now = deps.clock.now();
  const context = await deps.votes.context(ideaId, actor.userId, true, { idea: true });
  const { idea, process } = await openForVoting(deps, context.idea, now);
  deps.cache?.rememberIdea(idea);
  const existing = context.vote;
  if (!existing) return { voteCount: await deps.votes.count(ideaId), voted: false };
  const result = await deps.votes.remove(existing, limitFor(process, 'vote'), now, idea.counterShards);
  if (result === 'closed') throw votingClosed();
  const voteCount = result === 'removed' ? (deps.cache?.moved(ideaId, -1, idea.voteCount - 1) ?? Math.max(0, idea.voteCount - 1)) : await deps.votes.count(ideaId);
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

async function openForVoting(deps: VoteDeps, idea: VotingIdea | undefined, now: Date): Promise<{ idea: VotingIdea; process: Process }> {
  // Held after flags or not (rules/moderation.ts takesVotes): flags cannot freeze voting.
  if (!idea || !isPublicStatus(idea.status)) throw notFound();
  const process = await getProcess(deps.processes, idea.processId);
  if (!phaseAllows(process, now, 'vote')) throw phaseClosed();
  if (!takesVotes(idea)) throw votingClosed();
  return { idea, process };
}

const notFound = () => new NotFoundError('Idéen findes ikke.');
const phaseClosed = () => new ConflictError('voting-closed', 'Der kan ikke stemmes i denne fase af forløbet.');

const votingClosed = () => new ConflictError('voting-closed', 'Idéen tager ikke imod stemmer længere.');

const voteLimit = (max: number) =>
  new ConflictError(
    'vote-limit',
    max === 1
      ? 'Du har brugt din stemme i dette forløb. Tag den tilbage for at stemme på en anden idé.'
      : `Du har brugt alle dine ${max} stemmer i dette forløb. Tag en stemme tilbage for at stemme på en anden idé.`,
  );
