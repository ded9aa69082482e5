// handler --> domain/moderation --> (use case step) --> ModerationStore
import { ConflictError, HttpError } from '../lib/errors';
import { isReadable } from './ideas';
import type { IdeaChange, IdeaRecord, IdeaStore, MergeLink, ModerationStore } from './ports';

/**
 * Merged ideas counted once in public. When a moderator merges idea S into idea T, each vote on S
 * moves to T (adapters/dynamodb/vote-carry.ts): a voter who does not vote for T gets a vote on T,
 * marked as carried from S, and T's count and trending score go up by it; a voter who votes for both
 * is counted once and gets the second vote back on their vote-rule tally. So T's public count, its
 * place in the top and trending lists, and the committee export (which counts distinct supporters of
 * T and what was merged into it) agree. A chain (C into B, then B into A) needs nothing more: B's
 * votes, including those carried from C, move on to A.
 *
 * Carried votes are the voters' own: one can take it back on T like any vote (and gets it back on
 * the tally), and it goes with their account when they delete it.
 *
 * A merge is never undone, so carried votes never have to find their way back. A merged idea can
 * still be hidden or rejected (personal data found after the merge): it leaves the target's list of
 * merged ideas, and the votes already carried stay on the target, since they were given for the same
 * idea (the export counts a source only while it is merged, domain/export/ranking.ts). A restore makes
 * it merged again, back on the list; votes not carried yet stay on it until the merge is repeated.
 *
 * The votes move after the merge is stored, since S takes no votes from then on. A request has
 * CARRY_BUDGET_MS for it (Lambda stops at 10 s); a merge of an idea with thousands of votes may need
 * a second request: the moderator is asked to repeat the merge, which finishes the move (nothing is
 * moved twice) instead of answering that the idea is merged already.
 */

/** Wall-clock time (not the use case's clock, which may be set back) the carry may take in one request. */
const CARRY_BUDGET_MS = 6_000;

/** A merge into `targetId` that is stored but whose votes have not all been carried yet. */
export const unfinishedMerge = (idea: IdeaRecord, targetId: string): boolean =>
  idea.status === 'merged' && idea.mergedInto === targetId && !idea.votesCarriedAt;

export async function carryMergedVotes(moderation: Pick<ModerationStore, 'carryVotes'>, source: IdeaRecord, targetId: string, now: Date): Promise<void> {
  const result = await moderation.carryVotes(source, targetId, now, Date.now() + CARRY_BUDGET_MS);
  if (result === 'unfinished') {
    throw new HttpError(
      503,
      'merge-unfinished',
      'Sammenlægningen er ikke færdig',
      'Idéerne er lagt sammen, men ikke alle stemmer er flyttet endnu. Læg dem sammen igen for at flytte resten.',
      undefined,
      { 'retry-after': '1' },
    );
  }
  if (result === 'target-closed') {
    throw new ConflictError(
      'merge-target-merged',
      'Idéerne er lagt sammen, men idéen, der blev lagt sammen med, er selv lagt sammen med en anden i mellemtiden. De stemmer, der ikke nåede at flytte, tælles med i udvalgets eksport.',
    );
  }
}

/**
 * What a decision does to the list of merged ideas on the merge target (see MergeLink). A restore
 * makes an idea merged again only into a target anyone can still read, else a 409: the moderator
 * restores the target first.
 */
export async function mergeLinkOf(ideas: Pick<IdeaStore, 'get'>, idea: IdeaRecord, change: IdeaChange, mergeTarget?: string): Promise<MergeLink | undefined> {
  if (mergeTarget) return { join: mergeTarget };
  const wasMerged = idea.status === 'merged';
  const isMerged = change.status === 'merged';
  if (wasMerged === isMerged || !idea.mergedInto) return undefined;
  if (wasMerged) return { leave: idea.mergedInto };
  const target = await ideas.get(idea.mergedInto);
  if (!target || !isReadable(target)) {
    throw new ConflictError(
      'merge-target-gone',
      'Idéen kan ikke gendannes, fordi den idé, den var lagt sammen med, ikke længere er offentlig. Gendan den idé først.',
    );
  }
  return { join: idea.mergedInto, restoring: true };
}
