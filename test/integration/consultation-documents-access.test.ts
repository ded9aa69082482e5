import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteId } from '#shared/api/route-meta';
import { routeList, type RouteDef } from '#shared/api/routes';
import type { Role } from '#shared/schemas/user';
import { consultationProcess, heading, paragraph, publishedDocument, references, rounds, saveSetup } from '../helpers/consultation';
import { expectRouteAnswer, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Who may call each route of the consultation's documents side, as a table: every route × anonymous,
 * two citizens, a moderator, a committee member and an admin. The expected answer comes from the
 * route's `access`: 401 without a token (for a route that needs one), 403 for a signed-in user
 * without one of its roles, else the route's success status. Refused calls act on shared targets
 * and must change nothing. (The responses side's routes have their own table.)
 */

const documentRouteIds = [
  'getConsultationSetup',
  'saveConsultationSetup',
  'inviteRound',
  'joinRound',
  'myRounds',
  'workspaceDocuments',
  'createDocument',
  'getDraft',
  'saveDraft',
  'publishVersion',
  'documentDiff',
] as const satisfies readonly RouteId[];
type DocumentRouteId = (typeof documentRouteIds)[number];
const featureRoutes = routeList.filter((r) => (documentRouteIds as readonly string[]).includes(r.id));

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

const SHARED = 'hoering-matrise';
const S = `/processes/${SHARED}/consultation`;
const D = `/processes/${SHARED}/documents`;
let stack: TestStack;
let users: Record<SignedIn, User>;
let setup: { updatedAt: string; rounds: { inviteToken?: string }[] };
let draft: { updatedAt: string };
let fresh = 0;

/** A new document of the shared process with a draft of one paragraph, saved; returns its id and the draft's time. */
async function newDraft(): Promise<{ id: string; updatedAt: string }> {
  const id = `dok-${++fresh}`;
  const created = await stack.api(D, { method: 'POST', token: users.admin.token, body: { id, title: { da: 'Nyt' } } });
  const saved = await stack.api(`${D}/${id}/draft`, { method: 'PUT', token: users.admin.token, body: { title: { da: 'Nyt' }, blocks: [paragraph(1, 'Tekst.')], expectedUpdatedAt: created.json.updatedAt } });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
  return { id, updatedAt: saved.json.updatedAt };
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
  await consultationProcess(stack, users.admin.token, SHARED);
  setup = await saveSetup(stack, users.admin.token, SHARED);
  await publishedDocument(stack, users.admin.token, SHARED, 'etik', [heading('Formål'), paragraph(1, 'Første tekst.')]);
  const d = (await stack.api(`${D}/etik/draft`, { token: users.admin.token })).json;
  const saved = await stack.api(`${D}/etik/draft`, { method: 'PUT', token: users.admin.token, body: { title: d.title, blocks: [heading('Formål'), paragraph(1, 'Anden tekst.')], expectedUpdatedAt: d.updatedAt } });
  const v2 = await stack.api(`${D}/etik/versions`, { method: 'POST', token: users.admin.token, body: { note: { da: 'Rettet.' }, expectedUpdatedAt: saved.json.updatedAt } });
  expect(v2.status, JSON.stringify(v2.json)).toBe(201);
  draft = (await stack.api(`${D}/etik/draft`, { token: users.admin.token })).json;
}, 120_000);
afterAll(() => stack?.stop());

interface Call {
  path: string;
  body?: unknown;
}

const requests: Record<DocumentRouteId, (caller: Caller, route: RouteDef) => Promise<Call>> = {
  getConsultationSetup: async () => ({ path: S }),
  saveConsultationSetup: async (caller, route) => {
    if (!allowed(route, caller)) return { path: S, body: { references, rounds: [rounds[1]], expectedUpdatedAt: setup.updatedAt } };
    const id = `matrise-${++fresh}`;
    await consultationProcess(stack, users.admin.token, id);
    return { path: `/processes/${id}/consultation`, body: { references, rounds } };
  },
  inviteRound: async (caller) => ({ path: `${S}/rounds/foelgegruppe/invitations`, body: { emails: [`${caller.replace(' ', '-')}@example.dk`] } }),
  joinRound: async () => ({ path: `${S}/rounds/foelgegruppe/join`, body: { token: setup.rounds[0]!.inviteToken } }),
  myRounds: async () => ({ path: `${S}/me` }),
  workspaceDocuments: async () => ({ path: `${S}/documents` }),
  createDocument: async (caller) => ({ path: D, body: { id: `ny-${caller.replace(' ', '-')}`, title: { da: 'Nyt dokument' } } }),
  getDraft: async () => ({ path: `${D}/etik/draft` }),
  saveDraft: async (caller, route) => {
    if (!allowed(route, caller)) return { path: `${D}/etik/draft`, body: { title: { da: 'Ændret af matricen' }, blocks: [paragraph(1, 'x')], expectedUpdatedAt: draft.updatedAt } };
    const { id, updatedAt } = await newDraft();
    return { path: `${D}/${id}/draft`, body: { title: { da: 'Nyt' }, blocks: [paragraph(1, 'Ændret.')], expectedUpdatedAt: updatedAt } };
  },
  publishVersion: async (caller, route) => {
    if (!allowed(route, caller)) return { path: `${D}/etik/versions`, body: { note: { da: 'Af matricen' }, expectedUpdatedAt: draft.updatedAt } };
    const { id, updatedAt } = await newDraft();
    return { path: `${D}/${id}/versions`, body: { note: { da: 'Første version.' }, expectedUpdatedAt: updatedAt } };
  },
  documentDiff: async () => ({ path: `${D}/etik/diff?from=1&to=2` }),
};

describe('the matrix', () => {
  it('covers every route of the documents side, all in the consultations area', () => {
    expect(Object.keys(requests).sort()).toEqual([...documentRouteIds].sort());
    expect(featureRoutes.every((r) => r.area === 'consultations')).toBe(true);
  });
});

describe.each(featureRoutes.map((r) => [`${r.method} ${r.path} (${r.id})`, r] as const))('%s', (_, route) => {
  it.each(callers.map((c) => [c, expectedStatus(route, c)] as const))('%s → %i', async (caller, status) => {
    const call = await requests[route.id as DocumentRouteId](caller, route);
    const token = caller === 'anonymous' ? undefined : users[caller].token;
    const r = await stack.api(call.path, { method: route.method, token, body: call.body });
    expectRouteAnswer(r, { caller, method: route.method, path: call.path, response: route.response }, status);
  });
});

describe('refused calls', () => {
  it('changed nothing: the shared setup, draft and document, no invitation logged but the admin’s, no document created but the admin’s', async () => {
    const now = (await stack.api(S, { token: users.admin.token })).json;
    expect(now.updatedAt).toBe(setup.updatedAt);
    expect(now.rounds).toHaveLength(2);
    expect((await stack.api(`${D}/etik/draft`, { token: users.admin.token })).json).toEqual(draft);
    const documents = (await stack.api(`${S}/documents`, { token: users.admin.token })).json.items;
    expect(documents.find((d: { id: string }) => d.id === 'etik').currentVersion).toBe(2);
    expect(documents.map((d: { id: string }) => d.id).filter((id: string) => id.startsWith('ny-'))).toEqual(['ny-admin']);
    const invites = (await stack.api(`/moderation/log?processId=${SHARED}&action=round-invite`, { token: users.admin.token })).json.items;
    expect(invites).toHaveLength(1);
  });
});
