// (primary adapter) --> domain/votes, domain/my-votes --> adapters/dynamodb
import { myVotedIdeas } from '../domain/my-votes';
import { systemClock } from '../domain/ports';
import { myVotes, unvote, vote } from '../domain/votes';
import { areaHandler } from '../lib/http';
import { stores } from '../adapters/dynamodb';

const { votes, processes } = stores();
const deps = { votes, processes, clock: systemClock };

export const handler = areaHandler({
  voteIdea: async ({ params, actor }) => vote(deps, actor, params.ideaId),
  unvoteIdea: async ({ params, actor }) => unvote(deps, actor, params.ideaId),
  myVotes: async ({ query, actor }) => myVotes(deps, actor, query),
  myVotedIdeas: async ({ query, actor }) => myVotedIdeas(votes, actor, query),
});
