import type { RouteRecordRaw } from 'vue-router';
import { areaRoles } from '../../../modules/workspace-access';

type PageName = keyof typeof import('./pages');
const page = (name: PageName) => () => import('./pages').then((m) => m[name]);

/**
 * The committee's recommendations under /arbejdsrum/anbefalinger, for the process chosen in the
 * workspace (`?forloeb=`). `ny` is never a recommendation's id (ids are ULIDs), so it shadows none.
 */
const meta = { workspaceTitle: 'areas.recommendations', workspaceProcess: true, workspaceRoles: areaRoles.recommendations } as const;
export const recommendationRoutes: RouteRecordRaw[] = [
  { path: 'anbefalinger', name: 'workspace-recommendations', component: page('RecommendationsPage'), meta },
  { path: 'anbefalinger/ny', name: 'workspace-recommendation-new', component: page('RecommendationPage'), meta },
  { path: 'anbefalinger/:recommendationId', name: 'workspace-recommendation', component: page('RecommendationPage'), meta },
];
