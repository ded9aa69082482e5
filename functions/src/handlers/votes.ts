// (primary adapter) --> domain/votes, domain/my-votes --> adapters/dynamodb
import { myVotedIdeas } from '../domain/my-votes';
import { systemClock } from '../domain/ports';
import { VoteCache } from '../domain/vote-cache';
import { myVotes, unvote, vote } from '../domain/votes';
import { erased } from '../lib/erased-check';
import { areaHandler } from '../lib/http';
import { voteRoutes } from '#shared/api/areas/votes.routes';
import { voteStore } from '../adapters/dynamodb/votes';
import { cachedProcesses, onTable } from './table-stores';

const votes = onTable(voteStore);
const processes = cachedProcesses();
// One per warm function: the vote path writes without reading what it already knows (domain/vote-cache.ts).
const deps = { votes, processes, clock: systemClock, cache: new VoteCache(), erased: erased() };

export const handler = areaHandler(voteRoutes, {
  voteIdea: async ({ params, actor }) => vote(deps, actor, params.ideaId),
  unvoteIdea: async ({ params, actor }) => unvote(deps, actor, params.ideaId),
  myVotes: async ({ query, actor }) => myVotes(deps, actor, query),
  myVotedIdeas: async ({ query, actor }) => myVotedIdeas(votes, actor, query),
});
