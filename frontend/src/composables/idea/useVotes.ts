import { reactive } from 'vue';
import { fetchMyVotes, vote } from '../../api/participation';
import { signedIn } from '../../modules/session';

/**
 * Which ideas the signed-in user voted for, and the latest counts the server told us, shared by the
 * list and the idea page so both show the same. Public GETs carry no identity, so "did I vote" is
 * asked separately (`/api/me/votes`) for the ideas on screen. Where a process limits votes per
 * person, `left` holds the votes the user has left there (from the last answer that said so), and
 * `lastVoted` the idea whose button told it last (that button shows it; the idea page otherwise).
 */
export const voteState = reactive({
  voted: new Set<string>(),
  counts: new Map<string, number>(),
  left: new Map<string, number | null>(),
  lastVoted: undefined as string | undefined,
});

export async function loadMyVotes(ideaIds: string[], processId?: string): Promise<void> {
  if (!signedIn.value || ideaIds.length === 0) return;
  for (let i = 0; i < ideaIds.length; i += 100) {
    const chunk = ideaIds.slice(i, i + 100);
    const { voted, votesLeft } = await fetchMyVotes(chunk, i === 0 ? processId : undefined);
    for (const id of chunk) voteState.voted.delete(id);
    for (const id of voted) voteState.voted.add(id);
    if (processId && votesLeft !== undefined) voteState.left.set(processId, votesLeft);
  }
}

/** Votes or takes the vote back; returns the new count (and the votes left, in a process with a limit). */
export async function toggleVote(ideaId: string, processId?: string): Promise<{ voteCount: number; voted: boolean; votesLeft?: number | null }> {
  const result = await vote(ideaId, !voteState.voted.has(ideaId));
  if (result.voted) voteState.voted.add(ideaId);
  else voteState.voted.delete(ideaId);
  voteState.counts.set(ideaId, result.voteCount);
  if (processId) voteState.left.set(processId, result.votesLeft ?? null);
  voteState.lastVoted = ideaId;
  return result;
}

export const countOf = (ideaId: string, fallback: number) => voteState.counts.get(ideaId) ?? fallback;

export function clearVotes(): void {
  voteState.voted.clear();
  voteState.counts.clear();
  voteState.left.clear();
  voteState.lastVoted = undefined;
}
