import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteId } from '#shared/api/route-meta';
import { routeList, routes, type RouteDef } from '#shared/api/routes';
import { isProtected } from '#shared/rules/access';
import type { Role } from '#shared/schemas/user';
import { commentMaker, expectRouteAnswer, ideaMaker, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Who may call each route of the participation feature (votes, comments, flags), as a table:
 * every route of those areas × anonymous, a citizen, another citizen and a moderator. Expectations
 * come from the route's `access` in the route table; the only exceptions are the rules about whose
 * comment it is, written out below. A route added to these areas without a request here fails.
 */

const AREAS = ['votes', 'comments', 'flags'] as const;
const featureRoutes = routeList.filter((r) => (AREAS as readonly string[]).includes(r.area));
/** The ids of those routes as a type: a route added to these areas is also a type error below. */
type FeatureRouteId = { [K in RouteId]: (typeof routes)[K]['area'] extends (typeof AREAS)[number] ? K : never }[RouteId];

const callers = ['anonymous', 'citizen', 'another citizen', 'moderator'] as const;
type Caller = (typeof callers)[number];
const rolesOf: Record<Caller, Role[]> = { anonymous: [], citizen: [], 'another citizen': [], moderator: ['moderator'] };

/**
 * Rules the route table cannot express: a comment is edited and deleted by its author only (a
 * moderator hides someone else's comment with a reason instead). The comment acted on is always the
 * citizen's own.
 */
const ownership: Partial<Record<RouteId, Partial<Record<Caller, number>>>> = {
  updateComment: { 'another citizen': 403, moderator: 403 },
  deleteComment: { 'another citizen': 403, moderator: 403 },
};

function expectedStatus(route: RouteDef & { id: RouteId }, caller: Caller): number {
  if (caller === 'anonymous') return isProtected(route.access) ? 401 : route.status;
  if (typeof route.access === 'object' && !route.access.roles.some((r) => rolesOf[caller].includes(r))) return 403;
  return ownership[route.id]?.[caller] ?? route.status;
}

let stack: TestStack;
let users: Record<Exclude<Caller, 'anonymous'>, User>;
/** Writes comments that others (not the callers) own. */
let bystander: User;
let ideaId: string;
let citizensComment: string;
let bystandersComment: string;
let newIdea: ReturnType<typeof ideaMaker>;
let comment: ReturnType<typeof commentMaker>;

beforeAll(async () => {
  stack = await testStack();
  newIdea = ideaMaker(stack);
  comment = commentMaker(stack);
  const [citizen, another, moderator, by] = await Promise.all([
    stack.user({ name: 'Borger' }),
    stack.user({ name: 'Anden borger' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ name: 'Tilskuer' }),
  ]);
  users = { citizen: citizen!, 'another citizen': another!, moderator: moderator! };
  bystander = by!;
  ideaId = (await newIdea()).id;
  citizensComment = (await comment(ideaId, 'Borgerens kommentar', users.citizen)).id;
  bystandersComment = (await comment(ideaId, 'Tilskuerens kommentar', bystander)).id;
}, 90_000);
afterAll(() => stack?.stop());

interface Call {
  path: string;
  body?: unknown;
}

/**
 * A valid request of each route for a caller. Anonymous calls use existing targets (they are refused
 * before anything happens); signed-in callers get fresh targets where one call would spoil the next
 * (a deleted comment, an idea hidden by its third flag).
 */
const requests: Record<FeatureRouteId, (caller: Caller) => Promise<Call>> = {
  voteIdea: async () => ({ path: `/ideas/${ideaId}/vote` }),
  unvoteIdea: async () => ({ path: `/ideas/${ideaId}/vote` }),
  myVotes: async () => ({ path: `/me/votes?ideaIds=${ideaId}` }),
  myVotedIdeas: async () => ({ path: '/me/voted-ideas' }),
  listComments: async () => ({ path: `/ideas/${ideaId}/comments` }),
  createComment: async () => ({ path: `/ideas/${ideaId}/comments`, body: { body: 'En ny kommentar', stance: 'for' } }),
  updateComment: async (caller) => ({
    path: `/comments/${caller === 'anonymous' ? citizensComment : (await comment(ideaId, 'Kan rettes', users.citizen)).id}`,
    body: { body: 'Rettet tekst' },
  }),
  deleteComment: async (caller) => ({
    path: `/comments/${caller === 'anonymous' ? citizensComment : (await comment(ideaId, 'Kan slettes', users.citizen)).id}`,
  }),
  myComments: async () => ({ path: `/me/comments?ideaId=${ideaId}` }),
  flagIdea: async (caller) => ({ path: `/ideas/${caller === 'anonymous' ? ideaId : (await newIdea()).id}/flags`, body: { reason: 'spam' } }),
  flagComment: async (caller) => ({
    path: `/comments/${caller === 'anonymous' ? bystandersComment : (await comment(ideaId, 'Kan anmeldes', bystander)).id}/flags`,
    body: { reason: 'offensive' },
  }),
};

describe('the matrix', () => {
  it('covers every route of the votes, comments and flags areas', () => {
    expect(featureRoutes.length).toBeGreaterThan(0);
    expect(Object.keys(requests).sort()).toEqual(featureRoutes.map((r) => r.id).sort());
  });
});

describe.each(featureRoutes.map((r) => [`${r.method} ${r.path} (${r.id})`, r] as const))('%s', (_, route) => {
  it.each(callers.map((c) => [c, expectedStatus(route, c)] as const))('%s → %i', async (caller, status) => {
    const build = requests[route.id as FeatureRouteId];
    expect(build, `no request for route ${route.id}: add it to the matrix`).toBeDefined();
    const call = await build(caller);
    const token = caller === 'anonymous' ? undefined : users[caller].token;

    const r = await stack.api(call.path, { method: route.method, token, body: call.body });

    expectRouteAnswer(r, { caller, method: route.method, path: call.path, response: route.response }, status);
  });
});
