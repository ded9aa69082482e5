import type { RouteMeta } from '../route-meta';

/**
 * Following ideas and recommendations, one's mail settings, and the one-click unsubscribe (area
 * `follows`, issue 16). The digests themselves are sent by a scheduled job, not a route
 * (functions/src/handlers/digests.ts). Spread into the route table (`../route-meta.ts`).
 */
const idea = '/api/ideas/{ideaId}/follow';
const recommendation = '/api/processes/{processId}/recommendations/{recommendationId}/follow';

export const followRouteMeta = {
  ideaFollow: {
    method: 'GET', path: idea,
    area: 'follows', access: 'user', status: 200,
  },
  followIdea: {
    method: 'PUT', path: idea,
    area: 'follows', access: 'user', status: 200,
  },
  unfollowIdea: {
    method: 'DELETE', path: idea,
    area: 'follows', access: 'user', status: 200,
  },
  recommendationFollow: {
    method: 'GET', path: recommendation,
    area: 'follows', access: 'user', status: 200,
  },
  followRecommendation: {
    method: 'PUT', path: recommendation,
    area: 'follows', access: 'user', status: 200,
  },
  unfollowRecommendation: {
    method: 'DELETE', path: recommendation,
    area: 'follows', access: 'user', status: 200,
  },
  myFollows: {
    method: 'GET', path: '/api/me/follows',
    area: 'follows', access: 'user', status: 200,
  },
  mailSettings: {
    method: 'GET', path: '/api/me/mail-settings',
    area: 'follows', access: 'user', status: 200,
  },
  updateMailSettings: {
    method: 'PUT', path: '/api/me/mail-settings',
    area: 'follows', access: 'user', status: 200,
  },
  unsubscribe: {
    method: 'POST', path: '/api/unsubscribe',
    area: 'follows', access: 'public', status: 200,
  },
} as const satisfies Record<string, RouteMeta>;

export const followRouteSummaries: Record<keyof typeof followRouteMeta, string> = {
  ideaFollow: 'Whether the signed-in user follows an idea, and why (asked, or as its author, a voter or a commenter)',
  followIdea: 'Follow an idea: its changes come in the digest mail',
  unfollowIdea: 'Stop following an idea (also when one follows it as author, voter or commenter)',
  recommendationFollow: 'Whether the signed-in user follows a recommendation',
  followRecommendation: 'Follow a recommendation',
  unfollowRecommendation: 'Stop following a recommendation',
  myFollows: 'The ideas and recommendations the signed-in user follows by choice, newest first',
  mailSettings: "The signed-in user's digest frequency (daily, weekly, never) and, for staff, alerts on or off",
  updateMailSettings: "Change the signed-in user's digest frequency or alerts",
  unsubscribe: 'One-click unsubscribe (RFC 8058) with the signed token from a mail: no sign-in, and only for whom the mail was for',
};
