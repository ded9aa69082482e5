import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteId } from '#shared/api/route-meta';
import { routeList, routes, type RouteDef } from '#shared/api/routes';
import type { Role } from '#shared/schemas/user';
import { DOCUMENT, joinFollowGroup, respond, respondableProcess, responseBlocks } from '../helpers/consultation-responses';
import { expectRouteAnswer, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Who may call each route of the consultation area, as a table: every route × anonymous, two
 * citizens, a moderator, a committee member and an admin; the expected answer comes from the route's
 * `access` (401 without a token, 403 without one of its roles, else its success status). Refused
 * calls act on shared targets and must change nothing. Then who may respond in which round: a
 * citizen not in the invited round, a follow-group member, and each role, in every round of the setup.
 */

const featureRoutes = routeList.filter((r) => r.area === 'consultations');
type ConsultationRouteId = { [K in RouteId]: (typeof routes)[K]['area'] extends 'consultations' ? K : never }[RouteId];

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

const SHARED = 'hoering-matrix';
const P = `/processes/${SHARED}`;
const D = `${P}/documents/${DOCUMENT}`;
let stack: TestStack;
let users: Record<SignedIn, User>;
let writer: User;
let joinToken: string;
let sharedResponse: string;
let fresh = 0;

beforeAll(async () => {
  stack = await testStack();
  const [citizen, another, moderator, committee, admin, w] = await Promise.all([
    stack.user({ name: 'Borger' }),
    stack.user({ name: 'Anden borger' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ role: 'committee', name: 'Udvalgsmedlem' }),
    stack.user({ role: 'admin', name: 'Administrator' }),
    stack.user({ name: 'Skribent' }),
  ]);
  users = { citizen: citizen!, 'another citizen': another!, moderator: moderator!, committee: committee!, admin: admin! };
  writer = w!;
  ({ joinToken } = await respondableProcess(stack, users.admin, SHARED));
  // A second version, for the diff.
  const draft = (await stack.api(`${D}/draft`, { token: users.admin.token })).json;
  const blocks = draft.blocks.map((b: { no?: number; text: { da: string } }) => (b.no === 2 ? { ...b, text: { da: `${b.text.da} Også i breve.` } } : b));
  const saved = await stack.api(`${D}/draft`, { method: 'PUT', token: users.admin.token, body: { title: draft.title, blocks, expectedUpdatedAt: draft.updatedAt } });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
  const second = await stack.api(`${D}/versions`, { method: 'POST', token: users.admin.token, body: { note: { da: 'Anden version' }, expectedUpdatedAt: saved.json.updatedAt } });
  expect(second.status, JSON.stringify(second.json)).toBe(201);
  const shared = await respond(stack, SHARED, writer, { paragraphNo: 1, position: 'agree', comment: 'Delt kommentar' });
  expect(shared.status).toBe(201);
  sharedResponse = shared.json.id;
}, 120_000);
afterAll(() => stack?.stop());

interface Call {
  path: string;
  body?: unknown;
}

/** A new commented response by a new person: a target an allowed caller may act on alone. */
async function freshComment(): Promise<string> {
  const r = await respond(stack, SHARED, await stack.user(), { paragraphNo: 2, position: 'disagree', comment: `Kommentar ${++fresh}` });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id;
}
/** The caller's own response to a paragraph (made now), or the shared one for a caller who cannot have one. */
async function ownResponse(caller: Caller, paragraphNo: number): Promise<string> {
  if (caller === 'anonymous') return sharedResponse;
  const r = await respond(stack, SHARED, users[caller], { paragraphNo, position: 'neutral', comment: 'Min egen' });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id;
}
/** A new document with a saved draft, for an admin to publish. */
async function freshDraft(): Promise<{ id: string; updatedAt: string }> {
  const id = `udkast-${++fresh}`;
  const created = await stack.api(`${P}/documents`, { method: 'POST', token: users.admin.token, body: { id, title: { da: 'Udkast' } } });
  const saved = await stack.api(`${P}/documents/${id}/draft`, { method: 'PUT', token: users.admin.token, body: { title: { da: 'Udkast' }, blocks: responseBlocks, expectedUpdatedAt: created.json.updatedAt } });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
  return { id, updatedAt: saved.json.updatedAt };
}
const draftOf = async () => (await stack.api(`${D}/draft`, { token: users.admin.token })).json;

const requests: Record<ConsultationRouteId, (caller: Caller, route: RouteDef) => Promise<Call>> = {
  listDocuments: async () => ({ path: `${P}/documents` }),
  getDocument: async () => ({ path: D }),
  documentDiff: async () => ({ path: `${D}/diff?from=1&to=2` }),
  listResponses: async () => ({ path: `${D}/responses` }),
  // Each signed-in caller is a different person, so each responds to paragraph 3 once.
  createResponse: async () => ({ path: `${D}/responses`, body: { roundId: 'offentlig', paragraphNo: 3, position: 'agree' } }),
  updateResponse: async (caller) => ({ path: `/consultation-responses/${await ownResponse(caller, 1)}`, body: { position: 'disagree' } }),
  deleteResponse: async (caller) => ({ path: `/consultation-responses/${await ownResponse(caller, 2)}` }),
  flagResponse: async (caller, route) => ({ path: `/consultation-responses/${allowed(route, caller) ? await freshComment() : sharedResponse}/flags`, body: { reason: 'spam' } }),
  myRounds: async () => ({ path: `${P}/consultation/me` }),
  joinRound: async () => ({ path: `${P}/consultation/rounds/foelgegruppe/join`, body: { token: joinToken } }),
  myResponses: async () => ({ path: '/me/consultation-responses' }),
  getConsultationSetup: async () => ({ path: `${P}/consultation` }),
  saveConsultationSetup: async (caller, route) => {
    const setup = (await stack.api(`${P}/consultation`, { token: users.admin.token })).json;
    const rounds = setup.rounds.map(({ inviteToken: _t, memberCount: _m, ...r }: Record<string, unknown>) => r);
    // An allowed save changes only the reference list; a refused one would rename a round.
    return allowed(route, caller)
      ? { path: `${P}/consultation`, body: { rounds, references: { name: { da: `Kompas ${++fresh}` }, items: [] }, expectedUpdatedAt: setup.updatedAt } }
      : { path: `${P}/consultation`, body: { rounds: rounds.map((r: { title: unknown }) => ({ ...r, title: { da: 'Ændret af matricen' } })), expectedUpdatedAt: setup.updatedAt } };
  },
  inviteRound: async () => ({ path: `${P}/consultation/rounds/foelgegruppe/invitations`, body: { emails: [`inviteret${++fresh}@example.dk`] } }),
  workspaceDocuments: async () => ({ path: `${P}/consultation/documents` }),
  createDocument: async (caller, route) => ({ path: `${P}/documents`, body: { id: allowed(route, caller) ? `nyt-${++fresh}` : 'afvist', title: { da: 'Nyt dokument' } } }),
  getDraft: async () => ({ path: `${D}/draft` }),
  saveDraft: async (caller, route) => {
    const draft = await draftOf();
    const title = allowed(route, caller) ? draft.title : { da: 'Ændret af matricen' };
    return { path: `${D}/draft`, body: { title, blocks: draft.blocks, expectedUpdatedAt: draft.updatedAt } };
  },
  publishVersion: async (caller, route) => {
    if (!allowed(route, caller)) return { path: `${D}/versions`, body: { note: { da: 'Afvist' }, expectedUpdatedAt: (await draftOf()).updatedAt } };
    const draft = await freshDraft();
    return { path: `${P}/documents/${draft.id}/versions`, body: { note: { da: 'Første udkast' }, expectedUpdatedAt: draft.updatedAt } };
  },
  internalResponses: async () => ({ path: `${P}/consultation/documents/${DOCUMENT}/responses?unanswered=true` }),
  answerResponse: async (caller, route) => ({
    path: `/consultation-responses/${allowed(route, caller) ? await freshComment() : sharedResponse}/answer`,
    body: { status: 'out-of-scope', text: 'Svar fra matricen' },
  }),
  moderateResponse: async (caller, route) => ({
    path: `/consultation-responses/${allowed(route, caller) ? await freshComment() : sharedResponse}/moderation`,
    body: { action: 'hide', reason: 'Skjult af matricen' },
  }),
  exportDocument: async () => ({ path: `${P}/consultation/documents/${DOCUMENT}/export?format=json` }),
};

describe('the matrix', () => {
  it('covers every route of the consultation area', () => {
    expect(Object.keys(requests).sort()).toEqual(featureRoutes.map((r) => r.id).sort());
  });
});

describe.each(featureRoutes.map((r) => [`${r.method} ${r.path} (${r.id})`, r] as const))('%s', (_, route) => {
  it.each(callers.map((c) => [c, expectedStatus(route, c)] as const))('%s → %i', async (caller, status) => {
    const call = await requests[route.id as ConsultationRouteId](caller, route);
    const token = caller === 'anonymous' ? undefined : users[caller].token;
    const r = await stack.api(call.path, { method: route.method, token, body: call.body });
    expectRouteAnswer(r, { caller, method: route.method, path: call.path, response: route.response }, status);
  });
});

describe('refused calls', () => {
  it('changed nothing: the shared comment is visible, unanswered and unflagged, the setup and the draft keep their titles', async () => {
    const shared = (await stack.api(`${D}/responses?paragraph=1&limit=100`)).json.items.find((r: { id: string }) => r.id === sharedResponse);
    expect(shared).toMatchObject({ state: 'visible', comment: 'Delt kommentar' });
    expect(shared.answer).toBeUndefined();
    const setup = (await stack.api(`${P}/consultation`, { token: users.admin.token })).json;
    expect(setup.rounds.map((r: { title: { da: string } }) => r.title.da)).not.toContain('Ændret af matricen');
    expect((await draftOf()).title.da).toBe('Etiske retningslinjer');
    expect((await stack.api(`${P}/documents/afvist`)).status).toBe(404);
  });
});

describe('who may respond in which round', () => {
  const roundCallers = ['citizen', 'follow-group member', 'moderator', 'committee', 'admin'] as const;
  type RoundCaller = (typeof roundCallers)[number];
  let people: Record<RoundCaller, User>;
  /** Open now: the invited round for its members, the public round for all; the others are outside their dates for everyone. */
  const expected: Record<string, (c: RoundCaller) => [number, string?]> = {
    foelgegruppe: (c) => (c === 'follow-group member' ? [201] : [403, 'not-member']),
    offentlig: () => [201],
    senere: () => [409, 'round-closed'],
    forbi: () => [409, 'round-closed'],
    'foelgegruppe-2': () => [409, 'round-closed'],
  };

  beforeAll(async () => {
    const member = await stack.user({ type: 'employee', name: 'Følgegruppemedlem' });
    await joinFollowGroup(stack, SHARED, member, joinToken);
    // Fresh people with the roles, so no response from the matrix above stands in the way.
    const [citizen, moderator, committee, admin] = await Promise.all([stack.user(), stack.user({ role: 'moderator' }), stack.user({ role: 'committee' }), stack.user({ role: 'admin' })]);
    people = { citizen: citizen!, 'follow-group member': member, moderator: moderator!, committee: committee!, admin: admin! };
  }, 60_000);

  describe.each(Object.keys(expected))('round %s', (roundId) => {
    it.each(roundCallers.map((c) => [c, ...expected[roundId]!(c)] as const))('%s → %i', async (caller, status, slug) => {
      const before = (await stack.api(D)).json.figures;

      const r = await respond(stack, SHARED, people[caller], { roundId, paragraphNo: 3, position: 'disagree', comment: 'Runde-matricen' });

      expect(r.status, JSON.stringify(r.json)).toBe(status);
      if (slug) {
        expect(r.json.type).toBe(`/problems/${slug}`);
        expect(r.json.detail).toMatch(/[æøå]|runde|Runde/);
        expect((await stack.api(D)).json.figures).toEqual(before);
      }
    });
  });
});
