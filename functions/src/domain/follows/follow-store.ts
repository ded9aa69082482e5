import type { FollowTarget } from '#shared/rules/follow';
import type { Page } from '../ports';

/**
 * What following needs from storage besides the contract's ports (domain/ports/follows.ts): the
 * explicit follow and unfollow items, the automatic reasons, and one's own list
 * (adapters/dynamodb/follows.ts).
 */
export type FollowChoice = 'on' | 'off';

export interface FollowRecord {
  target: FollowTarget;
  targetId: string;
  userId: string;
  /** `off`: an explicit unfollow, which beats following as author, voter or commenter. */
  state: FollowChoice;
  processId: string;
  /** The title when followed: Min side lists it without reading every target. */
  title: string;
  at: string;
}

export interface FollowStore {
  /** The user's explicit choice on a target, if they made one. */
  choice(target: FollowTarget, targetId: string, userId: string): Promise<FollowChoice | undefined>;
  /** Writes (or overwrites) the choice; the last one wins. */
  set(record: FollowRecord): Promise<void>;
  /** Whether the user has a standing vote on the idea. */
  hasVoted(ideaId: string, userId: string): Promise<boolean>;
  /** Whether the user has a comment or reply on the idea that is not deleted. */
  hasCommented(ideaId: string, userId: string): Promise<boolean>;
  /** The user's explicit follows ('on' only), newest first. */
  listMine(userId: string, limit: number, cursor?: string): Promise<Page<FollowRecord>>;
  /** Every choice the user made, follows and unfollows, newest first (the GDPR export). */
  choicesOf(userId: string): Promise<FollowRecord[]>;
  /** A recommendation's title, when it exists in that process. */
  recommendationTitle(processId: string, recommendationId: string): Promise<string | undefined>;
}
