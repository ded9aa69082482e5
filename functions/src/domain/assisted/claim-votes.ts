// domain/assisted/claim --> (use case step) --> ClaimStore
import type { ClaimStore } from './ports';

/**
 * The assisted identity's votes become the account's, one person one vote (issue 15's quality bar).
 * Oldest first, each on its own:
 * - the account votes for the idea itself: the assisted vote is deleted and the idea's count goes
 *   down by it (the person was counted twice: once is enough);
 * - else the vote moves (same time, weight and participant type; the count stays), unless the
 *   account already has the process's votes per person standing: then it is dropped like a double;
 * - a vote gone already (a repeated claim, an assistant's un-vote) is left.
 * The store's conditions decide under concurrency: an account vote landing meanwhile turns a move
 * into a drop, never into a second vote.
 */
export async function claimVotes(claims: ClaimStore, from: string, to: string, maxVotes: number | null): Promise<{ votes: number; votesDropped: number }> {
  const votes = (await claims.votesOf(from)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const result = { votes: 0, votesDropped: 0 };
  for (const vote of votes) {
    const outcome = (await claims.hasVote(vote.ideaId, to)) ? 'voted' : await claims.moveVote(vote, to, maxVotes);
    if (outcome === 'moved') result.votes++;
    else if (outcome !== 'gone' && (await claims.dropVote(vote))) result.votesDropped++;
  }
  return result;
}
