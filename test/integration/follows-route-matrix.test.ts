import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { RouteId } from '#shared/api/route-meta';
import { routeList, routes, type RouteDef } from '#shared/api/routes';
import { followers } from '#functions/adapters/dynamodb/follows';
import { signingKey } from '#functions/adapters/dynamodb/signing-key';
import { signUnsubscribe } from '#functions/domain/follows/unsubscribe-token';
import type { Role } from '#shared/schemas/user';
import { expectRouteAnswer, ideaMaker, PROCESS, table, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Who may call each of the 10 follows routes, as a table: every route × anonymous, a plain user, a
 * moderator, a committee member, an admin and an assistant. Following and mail settings are for
 * anyone signed in (401 without a token); the unsubscribe needs no sign-in (its signed token decides).
 * Refused calls aim at shared targets and must change nothing.
 */
const followRoutes = routeList.filter((r) => r.area === 'follows');
type FollowRouteId = { [K in RouteId]: (typeof routes)[K]['area'] extends 'follows' ? K : never }[RouteId];

const callers = ['anonymous', 'user', 'moderator', 'committee', 'admin', 'assistant'] as const;
type Caller = (typeof callers)[number];
type SignedIn = Exclude<Caller, 'anonymous'>;
const roleOf: Record<SignedIn, Role | undefined> = { user: undefined, moderator: 'moderator', committee: 'committee', admin: 'admin', assistant: 'assistant' };

const expectedStatus = (route: RouteDef, caller: Caller) => (route.access === 'public' || caller !== 'anonymous' ? route.status : 401);

let stack: TestStack;
let db: ReturnType<typeof table>;
let users: Record<SignedIn, User>;
let outsider: User;
let key: Buffer;
/** One idea and one recommendation every caller follows, one of each every caller unfollows. */
let followed: { idea: string; author: string; recommendation: string };
let unfollowed: { idea: string; author: string; recommendation: string };

const recommendation = async (title: string) => {
  const id = ulid();
  const at = new Date().toISOString();
  await db.client.send(
    new PutCommand({
      TableName: db.TableName,
      Item: { pk: `RECS#${PROCESS}`, sk: `R#${id}`, id, processId: PROCESS, title, rationale: 'Fordi', effects: {}, ideaIds: [], status: 'proposed', createdAt: at, updatedAt: at, createdBy: 'test' },
    }),
  );
  return id;
};

beforeAll(async () => {
  stack = await testStack();
  db = table(stack);
  const made = await Promise.all((['user', 'moderator', 'committee', 'admin', 'assistant'] as const).map((c) => stack.user({ role: roleOf[c], name: c })));
  users = { user: made[0]!, moderator: made[1]!, committee: made[2]!, admin: made[3]!, assistant: made[4]! };
  outsider = await stack.user({ name: 'Modtager af en mail' });
  key = await signingKey(db.client, db.TableName).get();
  const newIdea = ideaMaker(stack);
  const [a, b] = [await newIdea({ title: 'Idé alle følger' }), await newIdea({ title: 'Idé ingen følger' })];
  followed = { idea: a.id, author: a.author.userId, recommendation: await recommendation('Anbefaling alle følger') };
  unfollowed = { idea: b.id, author: b.author.userId, recommendation: await recommendation('Anbefaling ingen følger') };
}, 120_000);
afterAll(() => stack?.stop());

const recPath = (id: string) => `/processes/${PROCESS}/recommendations/${id}/follow`;
/** The unsubscribe: a signed-in caller clicks the link of their own mail; the anonymous one another user's. */
const unsubscribeToken = (caller: Caller) => signUnsubscribe(key, caller === 'anonymous' ? outsider.userId : users[caller].userId, 'digest');

const requests: Record<FollowRouteId, (caller: Caller) => { path: string; body?: unknown }> = {
  ideaFollow: () => ({ path: `/ideas/${followed.idea}/follow` }),
  followIdea: () => ({ path: `/ideas/${followed.idea}/follow` }),
  unfollowIdea: () => ({ path: `/ideas/${unfollowed.idea}/follow` }),
  recommendationFollow: () => ({ path: recPath(followed.recommendation) }),
  followRecommendation: () => ({ path: recPath(followed.recommendation) }),
  unfollowRecommendation: () => ({ path: recPath(unfollowed.recommendation) }),
  myFollows: () => ({ path: '/me/follows' }),
  mailSettings: () => ({ path: '/me/mail-settings' }),
  updateMailSettings: () => ({ path: '/me/mail-settings', body: { digest: 'daily' } }),
  unsubscribe: (caller) => ({ path: `/unsubscribe?token=${unsubscribeToken(caller)}` }),
};

describe('the matrix', () => {
  it('covers every one of the 10 follows routes', () => {
    expect(Object.keys(requests).sort()).toEqual(followRoutes.map((r) => r.id).sort());
    expect(followRoutes).toHaveLength(10);
  });
});

describe.each(followRoutes.map((r) => [`${r.method} ${r.path} (${r.id})`, r] as const))('%s', (_, route) => {
  it.each(callers.map((c) => [c, expectedStatus(route, c)] as const))('%s → %i', async (caller, status) => {
    const call = requests[route.id as FollowRouteId](caller);
    const token = caller === 'anonymous' ? undefined : users[caller].token;
    const r = await stack.api(call.path, { method: route.method, token, body: call.body });
    expectRouteAnswer(r, { caller, method: route.method, path: call.path, response: route.response }, status);
  });
});

describe('after the matrix', () => {
  const signedIn = () => Object.values(users).map((u) => u.userId);
  it('every signed-in caller follows what they followed, and nobody what they unfollowed (the author included only where not)', async () => {
    const of = followers(db.client, db.TableName).of;
    expect(await of('idea', followed.idea)).toEqual([followed.author, ...signedIn()].sort());
    expect(await of('idea', unfollowed.idea)).toEqual([unfollowed.author]);
    expect(await of('recommendation', followed.recommendation)).toEqual(signedIn().sort());
    expect(await of('recommendation', unfollowed.recommendation)).toEqual([]);
  });

  it('each signed-in caller’s settings are their own: unsubscribed after choosing daily; the outsider’s link worked without sign-in', async () => {
    for (const user of Object.values(users)) {
      expect((await stack.api('/me/mail-settings', { token: user.token })).json).toEqual({ digest: 'never', alerts: true });
    }
    expect((await stack.api('/me/mail-settings', { token: outsider.token })).json).toEqual({ digest: 'never', alerts: true });
    const mine = await stack.api('/me/follows', { token: users.assistant.token });
    expect(mine.json.items.map((f: { targetId: string }) => f.targetId).sort()).toEqual([followed.idea, followed.recommendation].sort());
  });
});
