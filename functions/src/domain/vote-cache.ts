import type { ParticipantType } from '#shared/schemas/user';
import type { VotingIdea } from './ports/votes';

/**
 * What a warm function remembers between votes, so the vote path writes without reading first (issue 19).
 * Bounded (MAX_ENTRIES each, the oldest forgotten first) and per container, never shared.
 *
 * - An idea: its processId never changes, so it is kept IDEA_TTL_MS; its state matters only for a
 *   sharded idea, whose votes do not touch the idea item: there the cached state decides 404/409 and is
 *   at most SHARDED_STATE_TTL_MS old (a hidden or closed viral idea takes votes for at most that long;
 *   the vote records stay and count, as any vote cast a moment before the decision would).
 *   For an unsharded idea the vote's transaction checks the state itself, exactly.
 *   The count answered after a vote is the count read then, plus the votes this container added since:
 *   approximate under other containers' votes (it always includes the caller's own vote).
 * - A voter's participant type: kept PROFILE_TTL_MS, and re-checked inside every vote's transaction (a
 *   ConditionCheck on the profile: exists, not blocked, same type), so a block or a change of type counts
 *   at once; the cache saves the read, never the check.
 */
const MAX_ENTRIES = 5000;
const IDEA_TTL_MS = 60_000;
export const SHARDED_STATE_TTL_MS = 1000;
const PROFILE_TTL_MS = 5 * 60_000;

interface CachedIdea {
  idea: VotingIdea;
  at: number;
  /** Votes this container added (− taken back) since the read. */
  added: number;
}

export class VoteCache {
  private readonly ideas = new Map<string, CachedIdea>();
  private readonly types = new Map<string, { type: ParticipantType; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The idea if fresh enough to vote on without a read. */
  idea(ideaId: string): CachedIdea | undefined {
    const hit = this.ideas.get(ideaId);
    if (!hit) return undefined;
    const age = this.now() - hit.at;
    if (age > IDEA_TTL_MS || (hit.idea.counterShards && age > SHARDED_STATE_TTL_MS)) return undefined;
    return hit;
  }

  rememberIdea(idea: VotingIdea): void {
    put(this.ideas, idea.id, { idea, at: this.now(), added: 0 });
  }

  forgetIdea(ideaId: string): void {
    this.ideas.delete(ideaId);
  }

  /** This container's vote (+1) or un-vote (−1) on a cached idea; answers the count to show. */
  moved(ideaId: string, delta: 1 | -1, fallback: number): number {
    const hit = this.ideas.get(ideaId);
    if (!hit) return Math.max(0, fallback);
    hit.added += delta;
    return Math.max(0, hit.idea.voteCount + hit.added);
  }

  participantType(userId: string): ParticipantType | undefined {
    const hit = this.types.get(userId);
    return hit && this.now() - hit.at <= PROFILE_TTL_MS ? hit.type : undefined;
  }

  rememberType(userId: string, type: ParticipantType): void {
    put(this.types, userId, { type, at: this.now() });
  }

  forgetType(userId: string): void {
    this.types.delete(userId);
  }
}

function put<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
  map.set(key, value);
}
