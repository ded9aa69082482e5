// handler --> (use case) --> VoteStore
import { MAX_MERGE_DEPTH } from '#shared/rules/moderation';
import type { MyVotedIdea, MyVotedIdeas, MyVotedIdeasQuery } from '#shared/schemas/vote';
import type { Actor } from '../lib/auth';
import { isPublic } from './ideas';
import type { VotedIdea, VoteStore } from './ports';


/**
 * The ideas the caller voted for, newest vote first. Primary course:
 * 1. A page of the caller's own votes (those a merge carried for them are the same votes, not listed twice).
 * 2. The ideas voted for, and for merged ones the ideas they were merged into, to the end of the chain.
 * 3. For a merged idea, `countsFor` names that last idea when the caller's vote stands there now (the
 *    merge carried it, or they voted there too); after taking that vote back it counts nowhere.
 * An idea out of public view (hidden, rejected, held after flags) is listed by status without its
 * title: it may have been hidden for what the title says.
 */
export async function myVotedIdeas(votes: VoteStore, actor: Actor, query: MyVotedIdeasQuery): Promise<MyVotedIdeas> {
  const page = await votes.votesOf(actor.userId, { processId: query.processId, limit: query.limit, cursor: query.cursor });
  const known = await withMergeTargets(votes, unique(page.items.map((v) => v.ideaId)));

  const targetOf = new Map<string, VotedIdea>();
  for (const v of page.items) {
    const idea = known.get(v.ideaId);
    const target = idea?.status === 'merged' ? lastTarget(idea, known) : undefined;
    if (target) targetOf.set(v.ideaId, target);
  }
  const standing = new Set(await votes.votedAmong(actor.userId, unique([...targetOf.values()].map((t) => t.id))));

  const items = page.items.flatMap((v): MyVotedIdea[] => {
    const idea = known.get(v.ideaId);
    if (!idea) return [];
    const target = targetOf.get(v.ideaId);
    return [
      {
        ideaId: idea.id,
        processId: idea.processId,
        title: readable(idea) ? idea.title : '',
        status: idea.status,
        votedAt: v.createdAt,
        ...(target && standing.has(target.id) && readable(target) ? { countsFor: { ideaId: target.id, title: target.title } } : {}),
      },
    ];
  });
  return { items, nextCursor: page.nextCursor };
}

/** Anyone may read it: public, or merged (read-only, pointing on). */
const readable = (idea: VotedIdea) => isPublic(idea) || (idea.status === 'merged' && !idea.held);

async function withMergeTargets(votes: VoteStore, ideaIds: string[]): Promise<Map<string, VotedIdea>> {
  const known = new Map<string, VotedIdea>();
  let wanted = ideaIds;
  for (let depth = 0; wanted.length > 0 && depth <= MAX_MERGE_DEPTH; depth++) {
    const found = await votes.ideas(wanted);
    for (const idea of found) known.set(idea.id, idea);
    wanted = unique(found.flatMap((i) => (i.status === 'merged' && i.mergedInto && !known.has(i.mergedInto) ? [i.mergedInto] : [])));
  }
  return known;
}

/** The idea at the end of a chain of merges (undefined when the chain is broken or too long). */
function lastTarget(idea: VotedIdea, known: Map<string, VotedIdea>): VotedIdea | undefined {
  let current = idea;
  for (let depth = 0; depth < MAX_MERGE_DEPTH && current.status === 'merged'; depth++) {
    const next = current.mergedInto ? known.get(current.mergedInto) : undefined;
    if (!next) return undefined;
    current = next;
  }
  return current.status === 'merged' ? undefined : current;
}

const unique = (ids: string[]) => [...new Set(ids)];
