import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteId } from '#shared/api/route-meta';
import { routeList, routes, type RouteDef } from '#shared/api/routes';
import type { Role } from '#shared/schemas/user';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { gentofteAt } from '../fakes/records';
import { eventRecords, HOUR } from '../helpers/event-records';
import { liveDefinition } from '../helpers/live-rounds';
import { expectRouteAnswer, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Who may call each of the events area's 21 routes, as a table: every route × anonymous, a citizen,
 * an employee, a moderator, a committee member and an admin. The expected answer comes from the
 * route's `access` (401 without a token, 403 without one of its roles, else its success status).
 * Refused calls act on shared targets and must change nothing.
 */
const featureRoutes = routeList.filter((r) => r.area === 'events');
type EventRouteId = { [K in RouteId]: (typeof routes)[K]['area'] extends 'events' ? K : never }[RouteId];

const callers = ['anonymous', 'citizen', 'employee', 'moderator', 'committee', 'admin'] as const;
type Caller = (typeof callers)[number];
type SignedIn = Exclude<Caller, 'anonymous'>;
const rolesOf: Record<Caller, Role[]> = { anonymous: [], citizen: [], employee: [], moderator: ['moderator'], committee: ['committee'], admin: ['admin'] };

function expectedStatus(route: RouteDef, caller: Caller): number {
  if (route.access === 'public') return route.status;
  if (caller === 'anonymous') return 401;
  if (typeof route.access === 'object' && !route.access.roles.some((r) => rolesOf[caller].includes(r))) return 403;
  return route.status;
}
const allowed = (route: RouteDef, caller: Caller) => expectedStatus(route, caller) < 400;

/** A process whose event phase is open now, so sign-ups are open. */
const MX = 'arrangement-matricen';
const P = `/processes/${MX}`;
const E = `${P}/events/matrix`;
const O = `${P}/organiser/events/matrix`;
let stack: TestStack;
let make: ReturnType<typeof eventRecords>;
let users: Record<SignedIn, User>;
let sharedSignup: string;
let checkInTarget: string;
let sharedDraft: { id: string; updatedAt: string };
let openRound: { id: string; code: string };
let fresh = 0;

beforeAll(async () => {
  stack = await testStack();
  make = eventRecords(stack);
  const now = Date.now();
  const at = (days: number) => new Date(now + days * 24 * HOUR).toISOString();
  const seeded = gentofteAt(new Date(now));
  await processStore(make.db, mainTable.localName).put({
    ...seeded,
    id: MX,
    phases: [
      { kind: 'event', title: { da: 'Temadag', en: 'Theme day' }, startsAt: at(-1), endsAt: at(30) },
      { kind: 'closed', title: { da: 'Afsluttet', en: 'Closed' }, startsAt: at(30) },
    ],
  });
  const [citizen, employee, moderator, committee, admin, writer, guest] = await Promise.all([
    stack.user({ name: 'Borger' }),
    stack.user({ name: 'Medarbejder', type: 'employee' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ role: 'committee', name: 'Udvalgsmedlem' }),
    stack.user({ role: 'admin', name: 'Administrator' }),
    stack.user({ name: 'Tilmeldt' }),
    stack.user({ name: 'Gæst' }),
  ]);
  users = { citizen: citizen!, employee: employee!, moderator: moderator!, committee: committee!, admin: admin! };
  const event = await make.event(MX, 'matrix', 7 * 24 * HOUR, { capacity: 500 });
  await make.event(MX, 'matrix-afmelding', 7 * 24 * HOUR, { capacity: 500 });
  sharedSignup = (await make.signUp(event, writer!, 'Tilmeldt')).signup!.id;
  checkInTarget = (await make.signUp(event, guest!, 'Gæst')).signup!.id;

  sharedDraft = await draft();
  const round = await draft();
  const opened = await stack.api(`${O}/live-rounds/${round.id}/state`, { method: 'POST', token: users.admin.token, body: { state: 'open' } });
  expect(opened.status, JSON.stringify(opened.json)).toBe(200);
  openRound = { id: round.id, code: opened.json.code };
}, 120_000);
afterAll(() => stack?.stop());

/** A new draft live round, made by the admin. */
async function draft(): Promise<{ id: string; updatedAt: string }> {
  const r = await stack.api(`${O}/live-rounds`, { method: 'POST', token: users.admin.token, body: liveDefinition });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return { id: r.json.id, updatedAt: r.json.updatedAt };
}
const adminEvent = async () => (await stack.api(`${P}/organiser/events`, { token: users.admin.token })).json.items.find((e: { id: string }) => e.id === 'matrix');
const definitionOf = ({ id: _i, processId: _p, seatsTaken: _s, waitingCount: _w, cancelledAt: _c, createdAt: _cr, updatedAt, invitationToken: _t, reminderSentAt: _r, checkedIn: _ch, ...definition }: Record<string, unknown>): Record<string, unknown> => ({
  ...definition,
  expectedUpdatedAt: updatedAt,
});
const newEvent = (id: string) => {
  const at = (days: number) => new Date(Date.now() + days * 24 * HOUR).toISOString();
  return {
    id, type: 'workshop', title: { da: 'Workshop' }, description: { da: 'En workshop om AI.' }, place: { address: 'Bernstorffsvej 161, 2920 Charlottenlund' },
    startsAt: at(10), endsAt: new Date(Date.parse(at(10)) + 2 * HOUR).toISOString(), audience: 'everyone', capacity: 20, accessFeatures: [], published: true,
  };
};

interface Call {
  path: string;
  body?: unknown;
}

const requests: Record<EventRouteId, (caller: Caller, route: RouteDef) => Promise<Call>> = {
  listEvents: async () => ({ path: `${P}/events` }),
  getEvent: async () => ({ path: E }),
  eventCalendar: async () => ({ path: `${E}/calendar` }),
  eventLiveResults: async () => ({ path: `${E}/live-rounds` }),
  getLiveRound: async () => ({ path: `/live/${openRound.code}` }),
  // Each call is another phone.
  answerLive: async () => ({ path: `/live/${openRound.code}/answers`, body: { token: randomBytes(16).toString('hex'), questionId: 'brug', answer: 'skole' } }),
  mySignup: async () => ({ path: `${E}/signup` }),
  // Each signed-in caller is a different person, so each signs up once.
  signUp: async () => ({ path: `${E}/signup`, body: { diet: ['vegetarian'] } }),
  cancelSignup: async (caller, route) => {
    if (allowed(route, caller)) await make.signUp((await make.events.event(MX, 'matrix-afmelding'))!, users[caller as SignedIn], caller);
    return { path: `${P}/events/matrix-afmelding/signup` };
  },
  mySignups: async () => ({ path: '/me/event-signups' }),
  createEvent: async (caller, route) => ({ path: `${P}/events`, body: newEvent(allowed(route, caller) ? `ny-${++fresh}` : 'afvist') }),
  updateEvent: async (caller, route) => {
    const current = definitionOf(await adminEvent());
    const title = allowed(route, caller) ? current.title : { da: 'Ændret af matricen' };
    return { path: E, body: { ...current, title } };
  },
  workspaceEvents: async () => ({ path: `${P}/organiser/events` }),
  eventSignups: async () => ({ path: `${O}/signups` }),
  exportSignups: async () => ({ path: `${O}/signups/export?format=csv` }),
  checkIn: async (caller, route) => ({ path: `${O}/signups/${allowed(route, caller) ? checkInTarget : sharedSignup}/checkin`, body: { checkedIn: true } }),
  liveRounds: async () => ({ path: `${O}/live-rounds` }),
  createLiveRound: async () => ({ path: `${O}/live-rounds`, body: liveDefinition }),
  saveLiveRound: async (caller, route) => {
    const target = allowed(route, caller) ? await draft() : sharedDraft;
    const title = allowed(route, caller) ? { da: 'Gemt af matricen' } : { da: 'Ændret af matricen' };
    return { path: `${O}/live-rounds/${target.id}`, body: { definition: { ...liveDefinition, title }, expectedUpdatedAt: target.updatedAt } };
  },
  setLiveRoundState: async (caller, route) => ({ path: `${O}/live-rounds/${(allowed(route, caller) ? await draft() : sharedDraft).id}/state`, body: { state: 'open' } }),
  liveRoundResults: async () => ({ path: `${O}/live-rounds/${openRound.id}/results` }),
};

/** Files (the .ics, the CSV) are not JSON: read as text, with their content type. */
const files: Partial<Record<EventRouteId, RegExp>> = { eventCalendar: /^text\/calendar/, exportSignups: /^text\/csv/ };

describe('the matrix', () => {
  it('covers every route of the events area', () => {
    expect(Object.keys(requests).sort()).toEqual(featureRoutes.map((r) => r.id).sort());
    expect(featureRoutes).toHaveLength(21);
  });
});

describe.each(featureRoutes.map((r) => [`${r.method} ${r.path} (${r.id})`, r] as const))('%s', (_, route) => {
  it.each(callers.map((c) => [c, expectedStatus(route, c)] as const))('%s → %i', async (caller, status) => {
    const call = await requests[route.id as EventRouteId](caller, route);
    const token = caller === 'anonymous' ? undefined : users[caller].token;
    const file = files[route.id as EventRouteId];
    if (file && status < 400) {
      const r = await fetch(`${stack.info.apiUrl}${call.path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect(r.status, `${caller} ${call.path}`).toBe(status);
      expect(r.headers.get('content-type')).toMatch(file);
      expect((await r.text()).length).toBeGreaterThan(0);
      return;
    }
    const r = await stack.api(call.path, { method: route.method, token, body: call.body });
    expectRouteAnswer(r, { caller, method: route.method, path: call.path, response: route.response }, status);
  });
});

describe('refused calls', () => {
  it('changed nothing: the event keeps its title, no event "afvist", the shared draft is a draft with its title, the shared sign-up not checked in', async () => {
    expect((await adminEvent()).title.da).toBe('Temadag matrix');
    expect((await stack.api(`${P}/events/afvist`)).status).toBe(404);
    const rounds = (await stack.api(`${O}/live-rounds`, { token: users.admin.token })).json.items;
    expect(rounds.find((r: { id: string }) => r.id === sharedDraft.id)).toMatchObject({ state: 'draft', title: liveDefinition.title });
    const list = (await stack.api(`${O}/signups`, { token: users.admin.token })).json.items;
    expect(list.find((s: { id: string }) => s.id === sharedSignup)?.checkedInAt).toBeUndefined();
    expect(list.find((s: { id: string }) => s.id === checkInTarget)?.checkedInAt).toBeDefined();
  });
});
