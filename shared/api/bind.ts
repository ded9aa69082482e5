import type * as z from 'zod';
import { routeMeta, type FeatureArea, type RouteId, type RouteMeta } from './route-meta';

/**
 * Binding a route's metadata (`route-meta.ts`, zod-free) to its zod schemas, one feature area at a
 * time: each area's `areas/<area>.routes.ts` binds only its own routes, so its Lambda function bundles
 * and builds only those schemas (issue 19: every schema of the app cost each function ~60 kB and its
 * construction at every cold start). `routes.ts` joins all of them for the OpenAPI document and tests.
 */

export interface RouteSchemas {
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
}

/** What a handler needs of a route: where it is, who may call it, and what it reads and answers. */
export interface RouteSpec extends RouteMeta, RouteSchemas {}

/** The ids of one area's routes: an area's binding must name each of them, and no other. */
export type AreaRouteId<A extends FeatureArea> = { [K in RouteId]: (typeof routeMeta)[K]['area'] extends A ? K : never }[RouteId];

export type BoundRoutes<S> = { [K in keyof S & RouteId]: (typeof routeMeta)[K] & S[K] };

export function bindRoutes<S extends { [K in RouteId]?: RouteSchemas }>(schemas: S): BoundRoutes<S> {
  const bound: Record<string, RouteSpec> = {};
  for (const id of Object.keys(schemas) as (keyof S & RouteId)[]) bound[id] = { ...routeMeta[id], ...(schemas[id] as RouteSchemas) };
  return bound as unknown as BoundRoutes<S>;
}
