import { adminRouteSchemas } from './areas/admin.routes';
import { assistedRouteSchemas } from './areas/assisted.routes';
import { commentRouteSchemas } from './areas/comments.routes';
import { consultationRouteSchemas } from './areas/consultations.routes';
import { eventRouteSchemas } from './areas/events.routes';
import { exportRouteSchemas } from './areas/export.routes';
import { flagRouteSchemas } from './areas/flags.routes';
import { followRouteSchemas } from './areas/follows.routes';
import { ideaRouteSchemas } from './areas/ideas.routes';
import { meRouteSchemas } from './areas/me.routes';
import { metaRouteSchemas } from './areas/meta.routes';
import { moderationRouteSchemas } from './areas/moderation.routes';
import { processRouteSchemas } from './areas/processes.routes';
import { recommendationRouteSchemas } from './areas/recommendations.routes';
import { surveyRouteSchemas } from './areas/surveys.routes';
import { voteRouteSchemas } from './areas/votes.routes';
import type { RouteSchemas, RouteSpec } from './bind';
import { routeMeta, routeSummaries, type RouteId } from './route-meta';

export type { RouteSchemas, RouteSpec };

/**
 * The whole route table with its schemas: every area's binding (`areas/<area>.routes.ts`, through
 * `bind.ts`) joined, with the summaries, for the OpenAPI generator, the CDK app, the local gateway and
 * the tests. The Lambda functions never import this: each imports only its own area's binding. One
 * entry per route id, no more and no less (the type check says so).
 */

export interface RouteDef extends RouteSpec {
  summary: string;
}

const schemas = {
  ...metaRouteSchemas,
  ...processRouteSchemas,
  ...adminRouteSchemas,
  ...ideaRouteSchemas,
  ...meRouteSchemas,
  ...voteRouteSchemas,
  ...commentRouteSchemas,
  ...flagRouteSchemas,
  ...moderationRouteSchemas,
  ...exportRouteSchemas,
  ...surveyRouteSchemas,
  ...consultationRouteSchemas,
  ...eventRouteSchemas,
  ...assistedRouteSchemas,
  ...recommendationRouteSchemas,
  ...followRouteSchemas,
} as const satisfies Record<RouteId, RouteSchemas>;

type Bound = { [K in RouteId]: (typeof routeMeta)[K] & (typeof schemas)[K] & { summary: string } };

export const routes = Object.fromEntries(
  (Object.keys(routeMeta) as RouteId[]).map((id) => [id, { ...routeMeta[id], summary: routeSummaries[id], ...schemas[id] }]),
) as unknown as Bound;

export type RouteOf<K extends RouteId> = Bound[K];

export const routeList = (Object.keys(routes) as RouteId[]).map((id) => ({ id, ...(routes[id] as RouteDef) }));

/** The routes a client can call (the catch-all is plumbing, not an operation). */
export const operations = routeList.filter((r) => r.method !== 'ANY');
