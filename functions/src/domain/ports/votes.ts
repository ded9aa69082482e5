import type { ParticipantType } from '#shared/schemas/user';
import type { IdeaRecord, Page, RateLimit, StoredProfile } from '../ports';

/**
 * What votes need from storage (implemented by adapters/dynamodb/votes.ts and vote-carry.ts). Kept
 * apart from domain/ports.ts only for size; import it from there like every other port.
 */

export interface VoteRecord {
  ideaId: string;
  userId: string;
  processId: string;
  /** The voter's participant type when voting: the committee's export splits support by it. */
  participantType: ParticipantType;
  /** The trending weight this vote added, subtracted again by an un-vote. */
  weight: number;
  createdAt: string;
  /** On a merge target: the merged idea this vote was carried from (the voter's vote there, moved here). */
  carriedFrom?: string;
  /** On a merged idea: the idea this vote was moved to (carried, or dropped as the voter already voted there). */
  movedTo?: string;
}

/** An idea as the vote path sees it: with its counter shards once it is sharded (adapters/dynamodb/vote-counter.ts). */
export type VotingIdea = IdeaRecord & { counterShards?: number };

/** Which of the two reads `context` makes (both by default); a cached part is not read again. */
export interface ContextParts {
  idea?: boolean;
  profile?: boolean;
  /** Also the voter's standing votes in this process (their tally), read consistently. */
  tallyOf?: string;
}

/**
 * How a vote is written beyond the record:
 * - counterShards: the idea's shard count as last seen (absent: its own counter on the idea item);
 * - profileType: the voter's participant type as cached; the transaction then checks that the profile
 *   still exists, is not blocked and has that type (a miss answers 'profile'), so a cache never lets a
 *   blocked voter through nor records a stale type;
 * - seen: told of the idea as stored when the idea refused the vote (or it turned out sharded).
 */
export interface AddOptions {
  counterShards?: number;
  profileType?: ParticipantType;
  seen?: (idea: VotingIdea | undefined) => void;
}

/** What the list of one's votes shows of an idea. */
export type VotedIdea = Pick<IdeaRecord, 'id' | 'processId' | 'title' | 'status' | 'held' | 'mergedInto'>;

export interface VoteStore {
  /** The idea and the voter's profile (or the parts asked for), and with `withVote` the voter's vote on it (read consistently). */
  context(ideaId: string, userId: string, withVote: boolean, parts?: ContextParts): Promise<{ idea?: VotingIdea; profile?: StoredProfile; vote?: VoteRecord; standing?: number }>;
  /**
   * added; exists (already voted); missing (no such idea in public view: 404); closed (public, but the
   * idea stopped taking votes); limit (the voter already has `maxVotes` votes standing in the process:
   * the vote rule, exact under concurrency); profile (options.profileType given and the profile is gone,
   * blocked or of another type); erased (the voter's account was deleted: its last token may not write).
   * Throws TooManyRequestsError.
   */
  add(vote: VoteRecord, limit: RateLimit, now: Date, maxVotes: number | null, options?: AddOptions): Promise<'added' | 'exists' | 'missing' | 'closed' | 'limit' | 'profile' | 'erased'>;
  /** removed; absent (there was no vote). Gives the vote back to the voter's standing votes in the process. */
  remove(vote: VoteRecord, limit: RateLimit, now: Date, counterShards?: number): Promise<'removed' | 'absent' | 'closed'>;
  /** The idea's vote count, read consistently (of a sharded idea: its base plus every shard, exact now). */
  count(ideaId: string): Promise<number>;
  /** How many votes the user has standing in the process (what the vote rule counts), read consistently. */
  standing(userId: string, processId: string): Promise<number>;
  /** Of these ideas, the ones the user has voted for. */
  votedAmong(userId: string, ideaIds: string[]): Promise<string[]>;
  /** The votes the user cast (not those a merge carried for them), newest first; in one process or all. */
  votesOf(userId: string, page: { processId?: string; limit: number; cursor?: string }): Promise<Page<VoteRecord>>;
  /** Ideas by id, whatever their status (unknown ids are left out). */
  ideas(ideaIds: string[]): Promise<VotedIdea[]>;
}
