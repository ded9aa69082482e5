import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteId } from '#shared/api/route-meta';
import { routeList, routes, type RouteDef } from '#shared/api/routes';
import type { Role } from '#shared/schemas/user';
import { commentMaker, expectRouteAnswer, type User } from '../helpers/participation';
import { auditAll, ideaPoster } from '../helpers/moderation';
import { aDefinition } from '../fixtures/process-definitions';
import { testStack, type TestStack } from '../helpers/stack';

/** A staff role needs an authenticator app (identity-mfa.test.ts): the account to promote sets one up. */
const withTotp = async (user: User) => (await stack.setUpTotp(user), user);

/**
 * Who may call each route of the moderation and admin areas, as a table: every route of those areas
 * × anonymous, a citizen, another citizen, a moderator, a committee member and an admin. The expected
 * answer comes from the route's `access` in the route table: 401 without a token, 403 for a signed-in
 * user without one of its roles, and the route's success status for the rest (each request below is
 * valid and acts on a fresh target, so an allowed caller gets no domain error either).
 * A route added to these areas without a request here fails the first test (and the type check).
 */

const AREAS = ['moderation', 'admin'] as const;
const featureRoutes = routeList.filter((r) => (AREAS as readonly string[]).includes(r.area));
type FeatureRouteId = { [K in RouteId]: (typeof routes)[K]['area'] extends (typeof AREAS)[number] ? K : never }[RouteId];

const callers = ['anonymous', 'citizen', 'another citizen', 'moderator', 'committee', 'admin'] as const;
type Caller = (typeof callers)[number];
type SignedIn = Exclude<Caller, 'anonymous'>;
const rolesOf: Record<Caller, Role[]> = {
  anonymous: [],
  citizen: [],
  'another citizen': [],
  moderator: ['moderator'],
  committee: ['committee'],
  admin: ['admin'],
};

function expectedStatus(route: RouteDef, caller: Caller): number {
  if (caller === 'anonymous') return 401;
  if (typeof route.access === 'object' && !route.access.roles.some((r) => rolesOf[caller].includes(r))) return 403;
  return route.status;
}

let stack: TestStack;
let users: Record<SignedIn, User>;
let newIdea: ReturnType<typeof ideaPoster>;
let comment: ReturnType<typeof commentMaker>;
/** Existing targets for the calls that are refused before anything happens. */
let ideaId: string;
let commentId: string;
let bystander: User;
/** The seeded process as it was before the matrix ran: refused calls must leave it so. */
let seeded: { updatedAt: string; archivedAt?: string };
/** A fresh process slug for each allowed call that creates one. */
let fresh = 0;
const freshSlug = () => `matrix-${++fresh}`;
/** Ids that refused calls try to create: they must not exist afterwards. */
const REFUSED_ID = 'matrix-refused';

beforeAll(async () => {
  stack = await testStack();
  newIdea = ideaPoster(stack);
  comment = commentMaker(stack);
  const [citizen, another, moderator, committee, admin, by] = await Promise.all([
    stack.user({ name: 'Borger' }),
    stack.user({ name: 'Anden borger' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ role: 'committee', name: 'Udvalgsmedlem' }),
    stack.user({ role: 'admin', name: 'Administrator' }),
    stack.user({ name: 'Tilskuer' }),
  ]);
  users = { citizen: citizen!, 'another citizen': another!, moderator: moderator!, committee: committee!, admin: admin! };
  bystander = by!;
  ideaId = (await newIdea()).id;
  commentId = (await comment(ideaId, 'En kommentar til moderatorerne', bystander)).id;
  seeded = (await stack.api('/processes/ai-i-gentofte')).json;
}, 90_000);

/** A new process, created by the admin, for an allowed call to change. */
async function freshProcess(): Promise<{ id: string; updatedAt: string }> {
  const r = await stack.api('/processes', { method: 'POST', token: users.admin.token, body: aDefinition(freshSlug()) });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json;
}
afterAll(() => stack?.stop());

interface Call {
  path: string;
  body?: unknown;
}

const allowed = (route: RouteDef, caller: Caller) => expectedStatus(route, caller) < 400;

/**
 * A valid request of each route. Anonymous and refused callers act on the shared targets (a refusal
 * must change nothing, checked at the end); allowed callers get fresh targets, because a decision
 * spoils its target for the next one (a hidden idea cannot be hidden again).
 */
const requests: Record<FeatureRouteId, (caller: Caller, route: RouteDef) => Promise<Call>> = {
  moderationQueue: async () => ({ path: `/moderation/queue?processId=ai-i-gentofte&kind=pending` }),
  moderatedIdea: async () => ({ path: `/moderation/ideas/${ideaId}` }),
  searchWorkspace: async () => ({ path: `/moderation/processes/ai-i-gentofte/search?q=kommentar` }),
  moderateIdea: async (caller, route) => ({
    path: `/ideas/${allowed(route, caller) ? (await newIdea()).id : ideaId}/moderation`,
    body: { action: 'hide', reason: 'Indholdet er krænkende' },
  }),
  moderateComment: async (caller, route) => ({
    path: `/comments/${allowed(route, caller) ? (await comment(ideaId, 'Endnu en kommentar', bystander)).id : commentId}/moderation`,
    body: { action: 'hide', reason: 'Kommentaren er krænkende' },
  }),
  moderateUser: async (caller, route) => ({
    path: `/moderation/users/${allowed(route, caller) ? (await stack.user({ name: 'Spammer' })).userId : bystander.userId}`,
    body: { action: 'block', reason: 'Gentagne krænkende indlæg' },
  }),
  bulkModerate: async (caller, route) => ({
    path: '/moderation/bulk',
    body: { action: 'hide', reason: 'Dubletter af spam', targets: [{ kind: 'idea', id: allowed(route, caller) ? (await newIdea()).id : ideaId }] },
  }),
  moderationLog: async () => ({ path: `/moderation/log?processId=ai-i-gentofte` }),
  overdueAnswers: async () => ({ path: `/moderation/overdue?processId=ai-i-gentofte` }),
  setIdeaAiLens: async (caller, route) => {
    const target = allowed(route, caller) ? (await newIdea()).id : ideaId;
    const seen = await stack.api(`/moderation/ideas/${target}`, { token: users.moderator.token });
    return { path: `/ideas/${target}/ai-lens`, body: { lens: { aiActCategory: 'minimal', dpiaNeeded: true }, expectedUpdatedAt: seen.json.updatedAt } };
  },
  findUser: async () => ({ path: `/users?email=${encodeURIComponent(users.citizen.email)}` }),
  setRoles: async (caller, route) => ({
    // A staff role needs an authenticator app: the allowed case's account has one.
    path: `/users/${allowed(route, caller) ? (await withTotp(await stack.user({ name: 'Ny moderator' }))).userId : bystander.userId}/roles`,
    body: { roles: ['moderator'] },
  }),
  createProcess: async (caller, route) => ({ path: '/processes', body: aDefinition(allowed(route, caller) ? freshSlug() : REFUSED_ID) }),
  updateProcess: async (caller, route) => {
    const target = allowed(route, caller) ? await freshProcess() : { id: 'ai-i-gentofte', updatedAt: seeded.updatedAt };
    return { path: `/processes/${target.id}`, body: { expectedUpdatedAt: target.updatedAt, summary: { da: 'Ændret af matricen.' } } };
  },
  cloneProcess: async (caller, route) => ({
    path: '/processes/ai-i-gentofte/clone',
    body: { id: allowed(route, caller) ? freshSlug() : REFUSED_ID, title: { da: 'Kopi' }, startsAt: new Date().toISOString() },
  }),
  archiveProcess: async (caller, route) => ({
    path: `/processes/${allowed(route, caller) ? (await freshProcess()).id : 'ai-i-gentofte'}/archive`,
    body: { archived: true, confirm: true },
  }),
  processDefinition: async () => ({ path: '/processes/ai-i-gentofte/definition' }),
};

describe('the matrix', () => {
  it('covers every route of the moderation and admin areas', () => {
    expect(featureRoutes.map((r) => r.id)).toContain('moderationLog');
    expect(Object.keys(requests).sort()).toEqual(featureRoutes.map((r) => r.id).sort());
  });

  it('lets nobody without a role near these routes', () => {
    for (const route of featureRoutes) {
      expect(typeof route.access, `${route.id} must require roles`).toBe('object');
    }
  });
});

describe.each(featureRoutes.map((r) => [`${r.method} ${r.path} (${r.id})`, r] as const))('%s', (_, route) => {
  it.each(callers.map((c) => [c, expectedStatus(route, c)] as const))('%s → %i', async (caller, status) => {
    const build = requests[route.id as FeatureRouteId];
    expect(build, `no request for route ${route.id}: add it to the matrix`).toBeDefined();
    const call = await build(caller, route);
    const token = caller === 'anonymous' ? undefined : users[caller].token;

    const r = await stack.api(call.path, { method: route.method, token, body: call.body });

    expectRouteAnswer(r, { caller, method: route.method, path: call.path, response: route.response }, status);
    // Bulk answers 200 for the call; each target has its own status, and these must have succeeded.
    if (route.id === 'bulkModerate' && status < 300) expect(r.json.results.map((x: { status: number }) => x.status)).toEqual([200]);
  });
});

describe('refused calls', () => {
  it('changed nothing: the shared targets are untouched and only allowed callers are in the audit log', async () => {
    const idea = await stack.api(`/ideas/${ideaId}`);
    expect(idea.status).toBe(200);
    expect(idea.json.status).toBe('published');
    expect(idea.json.aiLens).toBeUndefined();
    const comments = await stack.api(`/ideas/${ideaId}/comments?limit=50`);
    const shared = comments.json.items.find((c: { id: string }) => c.id === commentId);
    expect(shared).toMatchObject({ state: 'visible' });
    const lookup = await stack.api(`/users?email=${encodeURIComponent(bystander.email)}`, { token: users.admin.token });
    expect(lookup.json).toMatchObject({ userId: bystander.userId, roles: [], blocked: false });
    const process = await stack.api('/processes/ai-i-gentofte');
    expect(process.json.updatedAt).toBe(seeded.updatedAt);
    expect(process.json.archivedAt).toBeUndefined();
    expect((await stack.api(`/processes/${REFUSED_ID}`)).status).toBe(404);

    const log = [...(await auditAll(stack, users.moderator.token, 'ai-i-gentofte')), ...(await auditAll(stack, users.moderator.token, 'platform'))];
    expect(log.length).toBeGreaterThan(0);
    // The seed imports the process as the setup command does ('setup'); every other entry is a call's.
    const actors = new Set(log.filter((e) => e.actorId !== 'setup').map((e) => e.actorId));
    // The committee may assess an idea's AI Act lens (an audited write) beside its reads.
    expect([...actors].sort()).toEqual([users.moderator.userId, users.committee.userId, users.admin.userId].sort());
    expect(log.some((e) => e.targetId === ideaId || e.targetId === commentId || e.targetId === bystander.userId)).toBe(false);
  });
});
