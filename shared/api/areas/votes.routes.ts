import { myVotedIdeasQuerySchema, myVotedIdeasSchema, myVotesQuerySchema, myVotesSchema, voteStateSchema } from '../../schemas/vote';
import { ideaParams } from '../params';
import { bindRoutes, type AreaRouteId, type RouteSchemas } from '../bind';

/**
 * The votes area's routes bound to their schemas: its function imports only these (and builds only
 * these zod schemas at start); `../routes.ts` joins every area's for the OpenAPI document and the tests.
 */
export const voteRouteSchemas = {
  voteIdea: {
    params: ideaParams,
    response: voteStateSchema,
  },
  unvoteIdea: {
    params: ideaParams,
    response: voteStateSchema,
  },
  myVotes: {
    query: myVotesQuerySchema,
    response: myVotesSchema,
  },
  myVotedIdeas: {
    query: myVotedIdeasQuerySchema,
    response: myVotedIdeasSchema,
  },
} as const satisfies Record<AreaRouteId<'votes'>, RouteSchemas>;

export const voteRoutes = bindRoutes(voteRouteSchemas);
