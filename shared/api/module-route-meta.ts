import type { RouteMeta } from './route-meta';
import { assistedRouteMeta } from './areas/assisted.meta';
import { consultationRouteMeta } from './areas/consultations.meta';
import { eventRouteMeta } from './areas/events.meta';
import { followRouteMeta } from './areas/follows.meta';
import { recommendationRouteMeta } from './areas/recommendations.meta';
import { surveyRouteMeta } from './areas/surveys.meta';

/** The modules' routes (surveys, consultations, events, assisted participation, recommendations, follows): see `core-route-meta.ts`. */
export const moduleRouteMeta = {
  ...surveyRouteMeta,
  ...consultationRouteMeta,
  ...eventRouteMeta,
  ...assistedRouteMeta,
  ...recommendationRouteMeta,
  ...followRouteMeta,
} as const satisfies Record<string, RouteMeta>;
