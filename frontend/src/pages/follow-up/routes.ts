import type { RouteRecordRaw } from 'vue-router';

/**
 * The follow-up's public pages (issue 16): the committee's recommendations, the follow-through
 * register with the revisit's status report, and the unsubscribe page from a mail's link. The app
 * shell carries only a stand-in that loads this table (router.ts, as for the workspace), so a first
 * visit pays for none of it; links from other pages use paths, since the names exist only once loaded.
 */
const page = (name: keyof typeof import('./pages')) => () => import('./pages').then((m) => m[name]);

export const followUpRoutes: RouteRecordRaw[] = [
  { path: '/forloeb/:processId/anbefalinger', name: 'recommendations', component: page('RecommendationListPage') },
  { path: '/forloeb/:processId/anbefalinger/:recommendationId', name: 'recommendation', component: page('RecommendationPage') },
  { path: '/forloeb/:processId/opfoelgning', name: 'register', component: page('RegisterPage') },
  { path: '/forloeb/:processId/opfoelgning/statusrapport', name: 'status-report', component: page('StatusReportPage') },
  { path: '/afmeld', name: 'unsubscribe', component: page('UnsubscribePage') },
];
