// (primary adapter) --> domain/flags --> adapters/dynamodb
import { flagComment, flagIdea } from '../domain/flags';
import { systemClock } from '../domain/ports';
import { areaHandler } from '../lib/http';
import { flagRoutes } from '#shared/api/areas/flags.routes';
import { stores } from '../adapters/dynamodb';

const deps = { ...stores(), clock: systemClock };

export const handler = areaHandler(flagRoutes, {
  flagIdea: async ({ params, body, actor }) => flagIdea(deps, actor, params.ideaId, body),
  flagComment: async ({ params, body, actor }) => flagComment(deps, actor, params.commentId, body),
});
