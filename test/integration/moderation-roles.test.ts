import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '#local/users';
import { totp } from '../helpers/totp';
import { userSummarySchema } from '#shared/schemas/moderation';
import { expectProblem, type User } from '../helpers/participation';
import { auditAll } from '../helpers/moderation';
import { PLATFORM_LOG } from '#functions/domain/roles';
import { testStack, type TestStack } from '../helpers/stack';

/** Admins find users by email and grant or revoke roles; roles take effect at the next sign-in. */

let stack: TestStack;
let admin: User;

beforeAll(async () => {
  stack = await testStack();
  admin = await stack.user({ role: 'admin', name: 'Adam Admin' });
  await stack.setUpTotp(admin); // 'the last admin' adds a staff role to themselves
}, 90_000);
afterAll(() => stack?.stop());

const find = (email: string, token = admin.token) => stack.api(`/users?email=${encodeURIComponent(email)}`, { token });
const setRoles = (userId: string, roles: string[], token = admin.token) => stack.api(`/users/${userId}/roles`, { method: 'PUT', token, body: { roles } });
const queue = (token: string) => stack.api('/moderation/queue?processId=ai-i-gentofte&kind=pending', { token });
/** A new sign-in; staff with an authenticator app answer its code challenge with `secret`. */
const freshToken = (user: User, secret?: string) => signIn(stack.stack.pool, user.email, user.password, secret ? () => totp(secret) : undefined);

describe('finding a user', () => {
  it('finds a user by email with their roles', async () => {
    const citizen = await stack.user({ name: 'Borger' });
    const r = await find(citizen.email);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(userSummarySchema.parse(r.json)).toEqual({ userId: citizen.userId, email: citizen.email, roles: [], blocked: false, confirmed: true, emailVerified: true, mfa: false });
    expect((await find(admin.email)).json).toMatchObject({ userId: admin.userId, roles: ['admin'], mfa: true });
  });

  it('answers 404 for an unknown email and 400 for something that is not an email', async () => {
    expectProblem(await find('ingen-her@example.dk'), 404);
    expectProblem(await find('ikke en mail'), 400, 'validation');
    // Quotes could change the directory's filter expression: refused before it is built.
    expectProblem(await find('"a"@example.dk'), 400, 'validation');
  });
});

describe('granting and revoking', () => {
  it('grants moderator: the token from the next sign-in works on moderator routes; revoking takes it away again', async () => {
    const user = await stack.user({ name: 'Kommende moderator' });
    const secret = await stack.setUpTotp(user); // a staff role needs an authenticator app (identity-mfa.test.ts)
    expectProblem(await queue(user.token), 403);

    const granted = await setRoles(user.userId, ['moderator']);
    expect(granted.status, JSON.stringify(granted.json)).toBe(200);
    expect(userSummarySchema.parse(granted.json)).toMatchObject({ userId: user.userId, roles: ['moderator'] });
    expect((await find(user.email)).json.roles).toEqual(['moderator']);

    const asModerator = await freshToken(user, secret);
    expect((await queue(asModerator)).status).toBe(200);
    const decision = await stack.api('/moderation/log?processId=ai-i-gentofte', { token: asModerator });
    expect(decision.status).toBe(200);

    const revoked = await setRoles(user.userId, []);
    expect(revoked.status, JSON.stringify(revoked.json)).toBe(200);
    expect(revoked.json.roles).toEqual([]);
    expect((await find(user.email)).json.roles).toEqual([]);
    expectProblem(await queue(await freshToken(user, secret)), 403);

    const log = await auditAll(stack, admin.token, PLATFORM_LOG, user.userId);
    expect(log.map((e) => [e.action, e.actorId, e.actorName])).toEqual([
      ['roles', admin.userId, 'Adam Admin'],
      ['roles', admin.userId, 'Adam Admin'],
    ]);
    expect(log[0]!.after).toEqual({ kind: 'roles', roles: [] });
    expect(log[1]!.after).toEqual({ kind: 'roles', roles: ['moderator'] });
  });

  it('sets several roles at once, and setting the same roles again changes nothing', async () => {
    const user = await stack.user({ name: 'Flere roller' });
    const secret = await stack.setUpTotp(user);
    expect((await setRoles(user.userId, ['committee', 'moderator'])).status).toBe(200);
    expect([...(await find(user.email)).json.roles].sort()).toEqual(['committee', 'moderator']);
    const before = await auditAll(stack, admin.token, PLATFORM_LOG, user.userId);
    expect((await setRoles(user.userId, ['moderator', 'committee'])).status).toBe(200);
    expect(await auditAll(stack, admin.token, PLATFORM_LOG, user.userId)).toEqual(before);
    const token = await freshToken(user, secret);
    expect((await stack.api('/moderation/overdue?processId=ai-i-gentofte', { token })).status).toBe(200);
    expect((await queue(token)).status).toBe(200);
  });

  it('refuses unknown roles (400) and unknown users (404)', async () => {
    const user = await stack.user();
    expectProblem(await setRoles(user.userId, ['superuser']), 400, 'validation');
    expectProblem(await setRoles('00000000-0000-0000-0000-000000000000', ['moderator']), 404);
    expect((await find(user.email)).json.roles).toEqual([]);
  });
});

describe('the last admin', () => {
  it('cannot take the admin role from themselves (409)', async () => {
    for (const roles of [[], ['moderator']]) {
      const r = await setRoles(admin.userId, roles);
      expectProblem(r, 409);
    }
    expect((await find(admin.email)).json.roles).toEqual(['admin']);
    // Keeping admin while adding another role is fine.
    const more = await setRoles(admin.userId, ['admin', 'moderator']);
    expect(more.status, JSON.stringify(more.json)).toBe(200);
    expect([...(await find(admin.email)).json.roles].sort()).toEqual(['admin', 'moderator']);
  });

  it('can be given a colleague, who may then remove the first admin', async () => {
    const colleague = await stack.user({ name: 'Anden admin' });
    const secret = await stack.setUpTotp(colleague);
    expect((await setRoles(colleague.userId, ['admin'])).status).toBe(200);
    const colleagueToken = await freshToken(colleague, secret);
    const other = await stack.user({ role: 'admin', name: 'Tredje admin' });
    expect((await setRoles(other.userId, [], colleagueToken)).status).toBe(200);
    expect((await find(other.email)).json.roles).toEqual([]);
  });
});
