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

/** What the list of one's votes shows of an idea. */
export type VotedIdea = Pick<IdeaRecord, 'id' | 'processId' | 'title' | 'status' | 'held' | 'mergedInto'>;

export interface VoteStore {
  /** The idea and the voter's profile, and with `withVote` the voter's vote on it (read consistently). */
  context(ideaId: string, userId: string, withVote: boolean): Promise<{ idea?: IdeaRecord; profile?: StoredProfile; vote?: VoteRecord }>;
  /**
   * added; exists (already voted); closed (the idea stopped taking votes); limit (the voter already has
   * `maxVotes` votes standing in the process: the vote rule, exact under concurrency). Throws TooManyRequestsError.
   */
  add(vote: VoteRecord, limit: RateLimit, now: Date, maxVotes: number | null): Promise<'added' | 'exists' | 'closed' | 'limit'>;
  /** removed; absent (there was no vote). Gives the vote back to the voter's standing votes in the process. */
  remove(vote: VoteRecord, limit: RateLimit, now: Date): Promise<'removed' | 'absent' | 'closed'>;
  /** The idea's vote count, read consistently. */
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
