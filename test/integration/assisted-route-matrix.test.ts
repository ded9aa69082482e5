import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteId } from '#shared/api/route-meta';
import { routeList, routes, type RouteDef } from '#shared/api/routes';
import { rolesOf } from '#shared/rules/access';
import type { Role } from '#shared/schemas/user';
import { anIdea, assistedProcess, register } from '../helpers/assisted-persons';
import { expectRouteAnswer, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Who may call each of the assistant's 11 routes, as a table: every route × anonymous, a plain user,
 * a moderator, a committee member, an admin and an assistant. Only the assistant passes (401 without a
 * token, 403 with any other role: acting for someone else is the assistant's alone, not even an
 * admin's). Refused calls aim at a shared citizen and idea and must change nothing. And the other way
 * round: the assistant is refused on every route kept for other roles (moderation, admin, committee).
 */
const assistantRoutes = routeList.filter((r) => r.area === 'assisted' && r.id !== 'claimAssisted');
type AssistedRouteId = Exclude<{ [K in RouteId]: (typeof routes)[K]['area'] extends 'assisted' ? K : never }[RouteId], 'claimAssisted'>;

const callers = ['anonymous', 'user', 'moderator', 'committee', 'admin', 'assistant'] as const;
type Caller = (typeof callers)[number];
type SignedIn = Exclude<Caller, 'anonymous'>;
const rolesOfCaller: Record<Caller, Role[]> = { anonymous: [], user: [], moderator: ['moderator'], committee: ['committee'], admin: ['admin'], assistant: ['assistant'] };

function expectedStatus(route: RouteDef, caller: Caller): number {
  if (caller === 'anonymous') return 401;
  if (!rolesOf(route.access).some((r) => rolesOfCaller[caller].includes(r))) return 403;
  return route.status;
}
const allowed = (route: RouteDef, caller: Caller) => expectedStatus(route, caller) < 400;

const PID = 'assisteret-matrix';
const P = `/processes/${PID}`;
const persons = `${P}/assisted/persons`;
let stack: TestStack;
let users: Record<SignedIn, User>;
/** The shared citizen every refused call aims at, and the idea refused votes and comments aim at. */
let shared: string;
let sharedIdea: string;
/** A second idea, which the shared citizen votes for at the start: refused withdrawals must leave the vote. */
let votedIdea: string;

beforeAll(async () => {
  stack = await testStack();
  const [user, moderator, committee, admin, assistant] = await Promise.all([
    stack.user({ name: 'Borger' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ role: 'committee', name: 'Udvalgsmedlem' }),
    stack.user({ role: 'admin', name: 'Administrator' }),
    stack.user({ role: 'assistant', name: 'Bente fra Borgerservice' }),
  ]);
  users = { user: user!, moderator: moderator!, committee: committee!, admin: admin!, assistant: assistant! };
  await assistedProcess(stack, PID, users.admin, users.moderator);
  shared = await register(stack, PID, users.assistant, { name: 'Fælles Borger', email: 'faelles@example.dk' });
  const idea = await stack.api(`${P}/ideas`, { method: 'POST', token: users.user.token, body: anIdea('Fælles idé til matricen') });
  expect(idea.status, JSON.stringify(idea.json)).toBe(201);
  sharedIdea = idea.json.id;
  const second = await stack.api(`${P}/ideas`, { method: 'POST', token: users.user.token, body: anIdea('Idé med en stemme') });
  votedIdea = second.json.id;
  const voted = await stack.api(`${persons}/${shared}/votes/${votedIdea}`, { method: 'PUT', token: users.assistant.token, body: { channel: 'assisted-phone' } });
  expect(voted.status, JSON.stringify(voted.json)).toBe(200);
}, 120_000);
afterAll(() => stack?.stop());

interface Call {
  path: string;
  body?: unknown;
}

/** An allowed call acts on a citizen of its own where it changes them; a refused one on the shared citizen. */
const target = async (route: RouteDef, caller: Caller) => (allowed(route, caller) ? register(stack, PID, users.assistant, { name: `Ny borger ${route.method} ${route.path.split('/').pop()}` }) : shared);

const requests: Record<AssistedRouteId, (caller: Caller, route: RouteDef) => Promise<Call>> = {
  assistedPersons: async () => ({ path: `${persons}?q=borger` }),
  createAssistedPerson: async (caller, route) => ({
    path: persons,
    body: { name: allowed(route, caller) ? 'Registreret i matricen' : 'Afvist registrering', channel: 'assisted-in-person', consent: true },
  }),
  assistedPerson: async () => ({ path: `${persons}/${shared}` }),
  assistedIdea: async (caller, route) => ({
    path: `${persons}/${await target(route, caller)}/ideas`,
    body: { ...anIdea(allowed(route, caller) ? 'Idé fra matricen' : 'Afvist idé fra matricen'), channel: 'paper' },
  }),
  assistedVote: async (caller, route) => ({ path: `${persons}/${await target(route, caller)}/votes/${sharedIdea}`, body: { channel: 'assisted-in-person' } }),
  assistedUnvote: async (caller, route) => {
    if (!allowed(route, caller)) return { path: `${persons}/${shared}/votes/${votedIdea}`, body: { channel: 'assisted-in-person' } };
    const person = await target(route, caller);
    await stack.api(`${persons}/${person}/votes/${votedIdea}`, { method: 'PUT', token: users.assistant.token, body: { channel: 'assisted-in-person' } });
    return { path: `${persons}/${person}/votes/${votedIdea}`, body: { channel: 'assisted-in-person' } };
  },
  assistedComment: async (caller, route) => ({
    path: `${persons}/${await target(route, caller)}/comments`,
    body: { ideaId: sharedIdea, body: allowed(route, caller) ? 'En kommentar fra matricen.' : 'Afvist kommentar.', channel: 'assisted-phone' },
  }),
  assistedSurveyAnswer: async (caller, route) => ({ path: `${persons}/${await target(route, caller)}/survey-answers`, body: { answers: { stol: 4 }, channel: 'paper' } }),
  assistedReceipt: async () => ({ path: `${persons}/${shared}/receipt`, body: { channel: 'assisted-in-person' } }),
  exportAssistedPerson: async () => ({ path: `${persons}/${shared}/export` }),
  eraseAssistedPerson: async (caller, route) => ({ path: `${persons}/${await target(route, caller)}` }),
};

describe('the matrix', () => {
  it("covers every one of the assistant's routes, each for the assistant alone", () => {
    expect(Object.keys(requests).sort()).toEqual(assistantRoutes.map((r) => r.id).sort());
    expect(assistantRoutes).toHaveLength(11);
    for (const route of assistantRoutes) expect(route.access, route.id).toEqual({ roles: ['assistant'] });
  });
});

describe.each(assistantRoutes.map((r) => [`${r.method} ${r.path} (${r.id})`, r] as const))('%s', (_, route) => {
  it.each(callers.map((c) => [c, expectedStatus(route, c)] as const))('%s → %i', async (caller, status) => {
    const call = await requests[route.id as AssistedRouteId](caller, route);
    const token = caller === 'anonymous' ? undefined : users[caller].token;
    const r = await stack.api(call.path, { method: route.method, token, body: call.body });
    expectRouteAnswer(r, { caller, method: route.method, path: call.path, response: route.response }, status);
  });
});

describe('refused calls', () => {
  it('changed nothing: no citizen "Afvist", the shared citizen unchanged with one vote, one receipt code, no answer, the shared idea without refused votes or comments', async () => {
    const found = await stack.api(`${persons}?q=afvist`, { token: users.assistant.token });
    expect(found.json.items).toEqual([]);
    const person = await stack.api(`${persons}/${shared}`, { token: users.assistant.token });
    expect(person.status).toBe(200);
    expect(person.json).toMatchObject({ name: 'Fælles Borger', ideas: [], votedIdeaIds: [votedIdea], comments: 0, surveyAnswered: false, claimed: false });
    const idea = await stack.api(`/ideas/${sharedIdea}`);
    // One vote: the assistant's for its own new citizen; none for the shared one.
    expect(idea.json.voteCount).toBe(1);
    const comments = await stack.api(`/ideas/${sharedIdea}/comments`);
    expect(comments.json.items.map((c: { body: string }) => c.body)).toEqual(['En kommentar fra matricen.']);
    const ideas = await stack.api(`${P}/ideas?limit=50`);
    expect(ideas.json.items.map((i: { title: string }) => i.title)).not.toContain('Afvist idé fra matricen');
    // The receipt route ran once (the assistant's): its audit entry, and the shared citizen's log has no other receipt.
    const log = await stack.api(`/moderation/log?processId=${PID}&targetId=${shared}&limit=100`, { token: users.admin.token });
    expect(log.status, JSON.stringify(log.json)).toBe(200);
    expect(log.json.items.filter((e: { action: string }) => e.action === 'assisted-receipt')).toHaveLength(1);
  });
});

/**
 * The assistant on every route kept for other roles: the moderation queue and decisions, blocking,
 * bulk moderation, the admin's routes, the committee's export. The auth check comes before anything
 * is read or parsed, so placeholder ids are enough: the answer must be 403.
 */
const otherRolesRoutes = routeList.filter((r) => typeof r.access === 'object' && !rolesOf(r.access).includes('assistant'));
const filled = (path: string) =>
  path
    .replace('{processId}', PID)
    .replace(/\{(ideaId|commentId|personId|signupId|roundId|documentId|responseId|textId)\}/g, '01JD0000000000000000000000')
    .replace(/\{[a-zA-Z]+\}/g, 'x')
    .replace(/^\/api/, '');

describe('the assistant cannot moderate or administer', () => {
  it('the list includes the moderation and admin routes', () => {
    const ids = otherRolesRoutes.map((r) => r.id);
    for (const id of ['moderationQueue', 'moderateIdea', 'moderateComment', 'bulkModerate', 'moderateUser', 'setRoles', 'findUser', 'createProcess', 'updateProcess', 'archiveProcess', 'exportIdeas'])
      expect(ids, id).toContain(id);
  });

  it.each(otherRolesRoutes.map((r) => [`${r.method} ${r.path} (${r.id})`, r] as const))('%s → 403', async (_, route) => {
    const path = filled(route.path);
    const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) ? {} : undefined;
    const r = await stack.api(path, { method: route.method, token: users.assistant.token, body });
    expect(r.status, `${route.method} ${path}: ${JSON.stringify(r.json)}`).toBe(403);
  });
});
