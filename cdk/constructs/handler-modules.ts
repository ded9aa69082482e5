import { featureAreas, routeMeta, type FeatureArea } from '#shared/api/route-meta';

/**
 * Every Lambda function the CDK app builds, by its handler module in functions/src/handlers/: one per
 * feature area that serves a route, and the jobs that no HTTP route reaches. `handlerFunctionProps`
 * takes only these names, so a new function cannot be built without appearing here, and the bundle
 * benchmark (test/bench/bundles.ts) measures exactly this list. Zod- and CDK-free: the bench imports it.
 */
export const jobHandlerModules = [
  // The table's stream → the search documents (issue 18).
  'search-projector',
  // The weekly digests: the scheduled fan-out and the queue's sender (issue 17).
  'digests',
  'digest-sender',
  // A moderator's "hide all of this user's content" as a background job.
  'hide-job',
  // The events' reminders (hourly) and the nightly retention run.
  'event-reminders',
  'retention',
  // The vote counters' stream fold (issue 19).
  'vote-fold',
] as const;

export type JobHandlerModule = (typeof jobHandlerModules)[number];
export type HandlerModule = FeatureArea | JobHandlerModule;

/** Areas that serve at least one route: an area without routes gets no function. */
export const servedAreas: FeatureArea[] = featureAreas.filter((area) => Object.values(routeMeta).some((r) => r.area === area));

export const handlerModules: HandlerModule[] = [...servedAreas, ...jobHandlerModules];
