import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteId } from '#shared/api/route-meta';
import { routeList, routes, type RouteDef } from '#shared/api/routes';
import type { Role } from '#shared/schemas/user';
import { expectRouteAnswer, type User } from '../helpers/participation';
import { aDefinition } from '../fixtures/process-definitions';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Who may call each route of the survey area, as a table: every route × anonymous, two citizens, a
 * moderator, a committee member and an admin. The expected answer comes from the route's `access`:
 * 401 without a token (for a route that needs one), 403 for a signed-in user without one of its
 * roles, else the route's success status. Refused calls act on shared targets and must change nothing.
 * A route added to the area without a request here fails the first test (and the type check).
 */

const featureRoutes = routeList.filter((r) => r.area === 'surveys');
type SurveyRouteId = { [K in RouteId]: (typeof routes)[K]['area'] extends 'surveys' ? K : never }[RouteId];

const callers = ['anonymous', 'citizen', 'another citizen', 'moderator', 'committee', 'admin'] as const;
type Caller = (typeof callers)[number];
type SignedIn = Exclude<Caller, 'anonymous'>;
const rolesOf: Record<Caller, Role[]> = { anonymous: [], citizen: [], 'another citizen': [], moderator: ['moderator'], committee: ['committee'], admin: ['admin'] };

function expectedStatus(route: RouteDef, caller: Caller): number {
  if (route.access === 'public') return route.status;
  if (caller === 'anonymous') return 401;
  if (typeof route.access === 'object' && !route.access.roles.some((r) => rolesOf[caller].includes(r))) return 403;
  return route.status;
}
const allowed = (route: RouteDef, caller: Caller) => expectedStatus(route, caller) < 400;

const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const SHARED = 'matrise';
const phases = [{ kind: 'survey', title: { da: 'Spørgeskema' }, startsAt: at(-1), endsAt: at(29) }];
const definition = {
  title: { da: 'Holdninger til AI' },
  intro: { da: 'Fortæl os, hvad du mener.' },
  anonymous: true,
  sections: [
    {
      id: 'tillid',
      title: { da: 'Tillid' },
      questions: [
        { id: 'stol', kind: 'likert', text: { da: 'Jeg stoler på AI' }, lowLabel: { da: 'Uenig' }, highLabel: { da: 'Enig' } },
        { id: 'hvorfor', kind: 'short-text', text: { da: 'Hvorfor?' }, maxLength: 200 },
      ],
    },
  ],
};

let stack: TestStack;
let users: Record<SignedIn, User>;
let shared: { updatedAt: string; resultsPublishedAt?: string };
let sharedText: string;
let fresh = 0;
const token = () => crypto.randomUUID().replaceAll('-', '');

async function newProcess(id: string) {
  const r = await stack.api('/processes', { method: 'POST', token: users.admin.token, body: aDefinition(id, { phases: phases as never }) });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
}
/** An unreviewed text of the shared survey, for an allowed review to decide. */
async function newText(): Promise<string> {
  const text = `Svar ${token()}`;
  expect((await stack.api(`/processes/${SHARED}/survey/anonymous-answers`, { method: 'POST', body: { answers: { stol: 3, hvorfor: text }, browserToken: token() } })).status).toBe(201);
  const page = await stack.api(`/moderation/surveys/${SHARED}/texts?state=unreviewed&limit=100`, { token: users.moderator.token });
  return page.json.items.find((t: { text: string }) => t.text === text).id;
}

beforeAll(async () => {
  stack = await testStack();
  const [citizen, another, moderator, committee, admin] = await Promise.all([
    stack.user({ name: 'Borger' }),
    stack.user({ name: 'Anden borger' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ role: 'committee', name: 'Udvalgsmedlem' }),
    stack.user({ role: 'admin', name: 'Administrator' }),
  ]);
  users = { citizen: citizen!, 'another citizen': another!, moderator: moderator!, committee: committee!, admin: admin! };
  await newProcess(SHARED);
  expect((await stack.api(`/processes/${SHARED}/survey`, { method: 'PUT', token: users.admin.token, body: definition })).status).toBe(200);
  sharedText = await newText();
  expect((await stack.api(`/processes/${SHARED}/survey/publish`, { method: 'POST', token: users.admin.token, body: { published: true } })).status).toBe(200);
  shared = (await stack.api(`/processes/${SHARED}/survey`)).json;
}, 90_000);
afterAll(() => stack?.stop());

interface Call {
  path: string;
  body?: unknown;
}

const P = `/processes/${SHARED}/survey`;
const requests: Record<SurveyRouteId, (caller: Caller, route: RouteDef) => Promise<Call>> = {
  getSurvey: async () => ({ path: P }),
  saveSurvey: async (caller, route) => {
    if (!allowed(route, caller)) return { path: P, body: { ...definition, title: { da: 'Ændret af matricen' }, expectedUpdatedAt: shared.updatedAt } };
    const id = `matrise-${++fresh}`;
    await newProcess(id);
    return { path: `/processes/${id}/survey`, body: definition };
  },
  // Each signed-in caller is a different person, so each answers the shared survey once.
  answerSurvey: async () => ({ path: `${P}/answers`, body: { answers: { stol: 4 } } }),
  answerSurveyAnonymously: async () => ({ path: `${P}/anonymous-answers`, body: { answers: { stol: 2 }, browserToken: token() } }),
  mySurveyStatus: async () => ({ path: `${P}/me` }),
  surveyResults: async () => ({ path: `${P}/results` }),
  publishSurveyResults: async (caller, route) => ({ path: `${P}/publish`, body: { published: allowed(route, caller) } }),
  exportSurvey: async () => ({ path: `${P}/export?format=json` }),
  surveyResultsInternal: async () => ({ path: `/moderation/surveys/${SHARED}/results` }),
  surveyTexts: async () => ({ path: `/moderation/surveys/${SHARED}/texts` }),
  reviewSurveyText: async (caller, route) => ({
    path: `/moderation/surveys/${SHARED}/texts/${allowed(route, caller) ? await newText() : sharedText}`,
    body: { action: 'hide', reason: 'Nævner en navngiven person' },
  }),
};

describe('the matrix', () => {
  it('covers every route of the survey area', () => {
    expect(Object.keys(requests).sort()).toEqual(featureRoutes.map((r) => r.id).sort());
  });
});

describe.each(featureRoutes.map((r) => [`${r.method} ${r.path} (${r.id})`, r] as const))('%s', (_, route) => {
  it.each(callers.map((c) => [c, expectedStatus(route, c)] as const))('%s → %i', async (caller, status) => {
    const call = await requests[route.id as SurveyRouteId](caller, route);
    const token = caller === 'anonymous' ? undefined : users[caller].token;
    const r = await stack.api(call.path, { method: route.method, token, body: call.body });
    expectRouteAnswer(r, { caller, method: route.method, path: call.path, response: route.response }, status);
  });
});

describe('refused calls', () => {
  it('changed nothing: the shared survey, its publication and its shared text are as they were', async () => {
    const now = (await stack.api(P)).json;
    expect(now.title).toEqual(definition.title);
    expect(now.updatedAt).toBe(shared.updatedAt);
    expect(now.resultsPublishedAt).toBe(shared.resultsPublishedAt);
    const texts = (await stack.api(`/moderation/surveys/${SHARED}/texts?limit=100`, { token: users.moderator.token })).json.items;
    expect(texts.find((t: { id: string }) => t.id === sharedText).state).toBe('unreviewed');
  });
});
