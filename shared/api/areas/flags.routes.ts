import { flagCreateSchema, flagReceiptSchema } from '../../schemas/flag';
import { commentParams, ideaParams } from '../params';
import { bindRoutes, type AreaRouteId, type RouteSchemas } from '../bind';

/**
 * The flags area's routes bound to their schemas: its function imports only these (and builds only
 * these zod schemas at start); `../routes.ts` joins every area's for the OpenAPI document and the tests.
 */
export const flagRouteSchemas = {
  flagIdea: {
    params: ideaParams,
    body: flagCreateSchema,
    response: flagReceiptSchema,
  },
  flagComment: {
    params: commentParams,
    body: flagCreateSchema,
    response: flagReceiptSchema,
  },
} as const satisfies Record<AreaRouteId<'flags'>, RouteSchemas>;

export const flagRoutes = bindRoutes(flagRouteSchemas);
