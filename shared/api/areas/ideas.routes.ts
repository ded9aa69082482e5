import { ideaCreateSchema, ideaDetailSchema, ideaListQuerySchema, ideaListSchema, plainSummaryUpdateSchema } from '../../schemas/idea';
import { similarListSchema, similarQuerySchema } from '../../schemas/search';
import { ideaParams, processParams } from '../params';
import { bindRoutes, type AreaRouteId, type RouteSchemas } from '../bind';

/**
 * The ideas area's routes bound to their schemas: its function imports only these (and builds only
 * these zod schemas at start); `../routes.ts` joins every area's for the OpenAPI document and the tests.
 */
export const ideaRouteSchemas = {
  similarIdeas: {
    params: processParams,
    query: similarQuerySchema,
    response: similarListSchema,
  },
  listIdeas: {
    params: processParams,
    query: ideaListQuerySchema,
    response: ideaListSchema,
  },
  createIdea: {
    params: processParams,
    body: ideaCreateSchema,
    response: ideaDetailSchema,
  },
  getIdea: {
    params: ideaParams,
    response: ideaDetailSchema,
  },
  setPlainSummary: {
    params: ideaParams,
    body: plainSummaryUpdateSchema,
    response: ideaDetailSchema,
  },
} as const satisfies Record<AreaRouteId<'ideas'>, RouteSchemas>;

export const ideaRoutes = bindRoutes(ideaRouteSchemas);
