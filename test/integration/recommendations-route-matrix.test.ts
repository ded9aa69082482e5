import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteId } from '#shared/api/route-meta';
import { routeList, routes, type RouteDef } from '#shared/api/routes';
import { rolesOf } from '#shared/rules/access';
import type { Role } from '#shared/schemas/user';
import { localDate } from '#functions/lib/copenhagen-time';
import { expectRouteAnswer, type User } from '../helpers/participation';
import { aRecommendation, createRecommendation, processWithIdeas, setStatus } from '../helpers/recommendations';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Who may call each of the 11 routes of the area `recommendations`, as a table: every route ×
 * anonymous, a citizen, a moderator, a committee member and an admin. Reads are public; writes are
 * the committee's (the lens also a moderator's): 401 without a token, 403 with another role. An
 * allowed call acts on a recommendation of its own; a refused one aims at two shared recommendations
 * (one proposed, one adopted with an initiative), which must come out of the table unchanged.
 */
const area = routeList.filter((r) => r.area === 'recommendations');
type AreaRouteId = { [K in RouteId]: (typeof routes)[K]['area'] extends 'recommendations' ? K : never }[RouteId];

const callers = ['anonymous', 'citizen', 'moderator', 'committee', 'admin'] as const;
type Caller = (typeof callers)[number];
type SignedIn = Exclude<Caller, 'anonymous'>;
const rolesOfCaller: Record<Caller, Role[]> = { anonymous: [], citizen: [], moderator: ['moderator'], committee: ['committee'], admin: ['admin'] };

function expectedStatus(route: RouteDef, caller: Caller): number {
  if (route.access === 'public') return route.status;
  if (caller === 'anonymous') return 401;
  if (!rolesOf(route.access).some((r) => rolesOfCaller[caller].includes(r))) return 403;
  return route.status;
}
const allowed = (route: RouteDef, caller: Caller) => expectedStatus(route, caller) < 400;

const PID = 'anbefalinger-matrix';
const R = `/processes/${PID}/recommendations`;
let stack: TestStack;
let users: Record<SignedIn, User>;
let ideas: string[];
type Rec = { id: string; updatedAt: string; initiative?: { updatedAt: string } };
let shared: Rec;
let sharedAdopted: Rec;
let sharedBefore: unknown;
let adoptedBefore: unknown;
const today = () => localDate(new Date());
const plan = { owner: 'Digitalisering og IT', startsOn: '2026-01-01', endsOn: '2028-12-31', state: 'in-progress' };

/** A recommendation of the allowed call's own; adopted with an initiative when `tracked`. */
async function fresh(tracked = false): Promise<Rec> {
  const rec = await createRecommendation(stack, PID, users.committee, aRecommendation([ideas[1]!], { title: 'Egen anbefaling til et tilladt kald' }));
  if (!tracked) return rec;
  const adopted = await setStatus(stack, PID, users.committee, rec, 'adopted');
  const r = await stack.api(`${R}/${adopted.id}/initiative`, { method: 'PUT', token: users.committee.token, body: plan });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json;
}

beforeAll(async () => {
  stack = await testStack();
  const [citizen, moderator, committee, admin] = await Promise.all([
    stack.user({ name: 'Borger' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ role: 'committee', name: 'Udvalgsmedlem' }),
    stack.user({ role: 'admin', name: 'Administrator' }),
  ]);
  users = { citizen: citizen!, moderator: moderator!, committee: committee!, admin: admin! };
  ideas = await processWithIdeas(stack, PID, users.admin, users.moderator, users.citizen, 2);
  shared = await createRecommendation(stack, PID, users.committee, aRecommendation([ideas[0]!], { title: 'Fælles foreslået anbefaling' }));
  sharedAdopted = await fresh(true);
  sharedBefore = (await stack.api(`${R}/${shared.id}`)).json;
  adoptedBefore = (await stack.api(`${R}/${sharedAdopted.id}`)).json;
}, 120_000);
afterAll(() => stack?.stop());

interface Call {
  path: string;
  body?: unknown;
}

const requests: Record<AreaRouteId, (caller: Caller, route: RouteDef) => Promise<Call>> = {
  listRecommendations: async () => ({ path: R }),
  getRecommendation: async () => ({ path: `${R}/${shared.id}` }),
  createRecommendation: async (caller, route) => ({ path: R, body: aRecommendation([ideas[0]!], { title: allowed(route, caller) ? 'Oprettet i matricen' : 'Afvist anbefaling' }) }),
  updateRecommendation: async (caller, route) => {
    const rec = allowed(route, caller) ? await fresh() : shared;
    return { path: `${R}/${rec.id}`, body: { ...aRecommendation([ideas[1]!], { title: allowed(route, caller) ? 'Ændret i matricen' : 'Afvist ændring' }), expectedUpdatedAt: rec.updatedAt } };
  },
  deleteRecommendation: async (caller, route) => ({ path: `${R}/${(allowed(route, caller) ? await fresh() : shared).id}` }),
  setRecommendationStatus: async (caller, route) => {
    const rec = allowed(route, caller) ? await fresh() : shared;
    return { path: `${R}/${rec.id}/status`, body: { status: 'rejected', note: 'Afvist i matricen.', expectedUpdatedAt: rec.updatedAt } };
  },
  setRecommendationAiLens: async (caller, route) => {
    const rec = allowed(route, caller) ? await fresh() : shared;
    return { path: `${R}/${rec.id}/ai-lens`, body: { lens: { aiActCategory: 'transparency', dpiaNeeded: true }, expectedUpdatedAt: rec.updatedAt } };
  },
  setInitiative: async (caller, route) => {
    const rec = allowed(route, caller) ? await fresh(true) : sharedAdopted;
    return { path: `${R}/${rec.id}/initiative`, body: { ...plan, owner: 'Afvist ejer', expectedUpdatedAt: rec.initiative!.updatedAt } };
  },
  addProgressUpdate: async (caller, route) => ({ path: `${R}/${(allowed(route, caller) ? await fresh(true) : sharedAdopted).id}/progress`, body: { on: today(), text: 'Status fra matricen.' } }),
  getRegister: async () => ({ path: `/processes/${PID}/register` }),
  getStatusReport: async () => ({ path: `/processes/${PID}/register/status-report` }),
};

describe('the matrix', () => {
  it('covers every route of the area: reads public, writes for the committee, the lens also for moderators', () => {
    expect(Object.keys(requests).sort()).toEqual(area.map((r) => r.id).sort());
    expect(area).toHaveLength(11);
    for (const route of area) {
      if (route.method === 'GET') expect(route.access, route.id).toBe('public');
      else expect(route.access, route.id).toEqual({ roles: route.id === 'setRecommendationAiLens' ? ['committee', 'moderator'] : ['committee'] });
    }
  });
});

describe.each(area.map((r) => [`${r.method} ${r.path} (${r.id})`, r] as const))('%s', (_, route) => {
  it.each(callers.map((c) => [c, expectedStatus(route, c)] as const))('%s → %i', async (caller, status) => {
    const call = await requests[route.id as AreaRouteId](caller, route);
    const token = caller === 'anonymous' ? undefined : users[caller].token;
    const r = await stack.api(call.path, { method: route.method, token, body: call.body });
    expectRouteAnswer(r, { caller, method: route.method, path: call.path, response: route.response }, status);
  });
});

describe('refused calls', () => {
  it('changed nothing: the shared recommendations as before, no refused title, only the committee’s own entries in their logs', async () => {
    expect((await stack.api(`${R}/${shared.id}`)).json).toEqual(sharedBefore);
    expect((await stack.api(`${R}/${sharedAdopted.id}`)).json).toEqual(adoptedBefore);
    const titles = ((await stack.api(R)).json.items as { title: string }[]).map((r) => r.title);
    expect(titles).toContain('Oprettet i matricen');
    expect(titles.filter((t) => t.startsWith('Afvist'))).toEqual([]);
    const actions = async (id: string) =>
      ((await stack.api(`/moderation/log?processId=${PID}&targetId=${id}&limit=100`, { token: users.admin.token })).json.items as { action: string }[]).map((e) => e.action);
    expect(await actions(shared.id)).toEqual(['recommendation-create']);
    expect(await actions(sharedAdopted.id)).toEqual(['initiative-set', 'recommendation-status', 'recommendation-create']);
  });
});
