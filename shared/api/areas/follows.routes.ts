import { followStateSchema, mailSettingsSchema, mailSettingsUpdateSchema, myFollowListSchema, unsubscribeQuerySchema, unsubscribeResultSchema } from '../../schemas/follows';
import { pageQuerySchema } from '../../schemas/me';
import { ideaParams } from '../params';
import { bindRoutes, type RouteSchemas } from '../bind';
import { recommendationParams } from './recommendations.routes';
import type { followRouteMeta } from './follows.meta';

/**
 * The follows' routes bound to their schemas (see `../routes.ts`). `unsubscribe` has no body schema on
 * purpose: a mail program's one-click POST sends `List-Unsubscribe=One-Click` as a form (RFC 8058),
 * and the token is in the query, as in the link.
 */
export const followRouteSchemas = {
  ideaFollow: { params: ideaParams, response: followStateSchema },
  followIdea: { params: ideaParams, response: followStateSchema },
  unfollowIdea: { params: ideaParams, response: followStateSchema },
  recommendationFollow: { params: recommendationParams, response: followStateSchema },
  followRecommendation: { params: recommendationParams, response: followStateSchema },
  unfollowRecommendation: { params: recommendationParams, response: followStateSchema },
  myFollows: { query: pageQuerySchema, response: myFollowListSchema },
  mailSettings: { response: mailSettingsSchema },
  updateMailSettings: { body: mailSettingsUpdateSchema, response: mailSettingsSchema },
  unsubscribe: { query: unsubscribeQuerySchema, response: unsubscribeResultSchema },
} as const satisfies Record<keyof typeof followRouteMeta, RouteSchemas>;

/** What the follows function imports: these routes and no other area's schemas. */
export const followRoutes = bindRoutes(followRouteSchemas);
