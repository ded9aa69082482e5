// (primary adapter) --> domain/flags --> adapters/dynamodb
import { flagComment, flagIdea } from '../domain/flags';
import { systemClock } from '../domain/ports';
import { areaHandler } from '../lib/http';
import { flagRoutes } from '#shared/api/areas/flags.routes';
import { commentStore } from '../adapters/dynamodb/comments';
import { flagStore } from '../adapters/dynamodb/flags';
import { ideaStore } from '../adapters/dynamodb/ideas';
import { profileStore } from '../adapters/dynamodb/profiles';
import { cachedProcesses, onTable } from './table-stores';

const deps = { processes: cachedProcesses(), ideas: onTable(ideaStore), comments: onTable(commentStore), profiles: onTable(profileStore), flags: onTable(flagStore), clock: systemClock };

export const handler = areaHandler(flagRoutes, {
  flagIdea: async ({ params, body, actor }) => flagIdea(deps, actor, params.ideaId, body),
  flagComment: async ({ params, body, actor }) => flagComment(deps, actor, params.commentId, body),
});
