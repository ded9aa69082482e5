import * as z from 'zod';
import { bindRoutes, type AreaRouteId, type RouteSchemas } from '../bind';

/**
 * The meta area's routes bound to their schemas: its function imports only these (and builds only
 * these zod schemas at start); `../routes.ts` joins every area's for the OpenAPI document and the tests.
 */
export const metaRouteSchemas = {
  unmatched: {
    params: z.object({ proxy: z.string() }).strict(),
    response: z.never(),
  },
  openapi: {
    response: z.record(z.string(), z.unknown()),
  },
} as const satisfies Record<AreaRouteId<'meta'>, RouteSchemas>;

export const metaRoutes = bindRoutes(metaRouteSchemas);
