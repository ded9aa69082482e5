import { reactive } from 'vue';
import { fetchMyVotes, vote } from '../../api/participation';
import { signedIn } from '../../modules/session';

/**
 * Which ideas the signed-in user voted for, and the latest counts the server told us, shared by the
 * list and the idea page so both show the same. Public GETs carry no identity, so "did I vote" is
 * asked separately (`/api/me/votes`) for the ideas on screen.
 */
export const voteState = reactive({
  voted: new Set<string>(),
  counts: new Map<string, number>(),
});

export async function loadMyVotes(ideaIds: string[]): Promise<void> {
  if (!signedIn.value || ideaIds.length === 0) return;
  for (let i = 0; i < ideaIds.length; i += 100) {
    const chunk = ideaIds.slice(i, i + 100);
    const { voted } = await fetchMyVotes(chunk);
    for (const id of chunk) voteState.voted.delete(id);
    for (const id of voted) voteState.voted.add(id);
  }
}

/** Votes or takes the vote back; returns the new count. */
export async function toggleVote(ideaId: string): Promise<{ voteCount: number; voted: boolean }> {
  const result = await vote(ideaId, !voteState.voted.has(ideaId));
  if (result.voted) voteState.voted.add(ideaId);
  else voteState.voted.delete(ideaId);
  voteState.counts.set(ideaId, result.voteCount);
  return result;
}

export const countOf = (ideaId: string, fallback: number) => voteState.counts.get(ideaId) ?? fallback;

export function clearVotes(): void {
  voteState.voted.clear();
  voteState.counts.clear();
}
