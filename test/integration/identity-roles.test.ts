import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUpdateUserAttributesCommand, SignUpCommand, UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { userDirectory } from '#functions/adapters/cognito/user-directory';
import { userSummarySchema } from '#shared/schemas/moderation';
import { expectProblem, type User } from '../helpers/participation';
import { auditAll } from '../helpers/moderation';
import { PLATFORM_LOG } from '#functions/domain/roles';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Issue 17, identity: an address counts only once it is verified. The admin's lookup says whether an
 * account is confirmed and its address verified; roles go only to such accounts (409, nothing changed);
 * an email change waits for its code (keepOriginal, which the local bootstrap sets on cognito-local
 * too); and the directory hands the mail paths only verified addresses. Against cognito-local.
 */

let stack: TestStack;
let admin: User;

beforeAll(async () => {
  stack = await testStack();
  admin = await stack.user({ role: 'admin', name: 'Adam Admin' });
}, 90_000);
afterAll(() => stack?.stop());

const find = (email: string) => stack.api(`/users?email=${encodeURIComponent(email)}`, { token: admin.token });
const setRoles = (userId: string, roles: string[]) => stack.api(`/users/${userId}/roles`, { method: 'PUT', token: admin.token, body: { roles } });
const pool = () => stack.stack.pool;
const directory = () => userDirectory(pool().userPoolId, stack.info.cognitoEndpoint);
const roleAudits = async (userId: string) => (await auditAll(stack, admin.token, PLATFORM_LOG)).filter((e) => e.targetId === userId);

/** Marks an account's address unverified, as Cognito does for an address nobody has confirmed (cognito-local wants the address beside the flag). */
const unverify = (email: string) =>
  pool().client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: pool().userPoolId, Username: email, UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'false' }] }));

/** A sign-up whose code was never entered: UNCONFIRMED, address unverified. */
async function unconfirmedSignUp() {
  const email = `ubekraeftet-${Date.now()}@example.dk`;
  const { UserSub } = await pool().client.send(new SignUpCommand({ ClientId: pool().userPoolClientId, Username: email, Password: 'Test-adgang-2026', UserAttributes: [{ Name: 'email', Value: email }] }));
  return { email, userId: UserSub! };
}

describe("the admin's lookup", () => {
  it('shows a confirmed account with a verified address as such', async () => {
    const citizen = await stack.user({ name: 'Bekræftet borger' });
    const r = await find(citizen.email);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(userSummarySchema.parse(r.json)).toMatchObject({ userId: citizen.userId, confirmed: true, emailVerified: true });
  });

  it('shows an unconfirmed sign-up as not confirmed and not verified', async () => {
    const pending = await unconfirmedSignUp();
    const r = await find(pending.email);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ userId: pending.userId, confirmed: false, emailVerified: false });
  });
});

describe('granting a role', () => {
  it('refuses an unconfirmed account with 409 and a Danish reason, and changes nothing', async () => {
    const pending = await unconfirmedSignUp();
    const r = await setRoles(pending.userId, ['moderator']);
    expectProblem(r, 409);
    expect(r.json.detail).toMatch(/bekræftet/);
    expect((await find(pending.email)).json.roles).toEqual([]);
    expect(await roleAudits(pending.userId)).toEqual([]);
  });

  it('refuses a confirmed account whose address is not verified', async () => {
    const user = await stack.user({ name: 'Ubekræftet adresse' });
    await unverify(user.email);
    expect((await find(user.email)).json).toMatchObject({ confirmed: true, emailVerified: false });
    const refused = await setRoles(user.userId, ['committee']);
    expectProblem(refused, 409);
    expect(refused.json.detail).toMatch(/e-mailadresse/);
    expect((await find(user.email)).json.roles).toEqual([]);
    expect(await roleAudits(user.userId)).toEqual([]);
  });

  it('still lets an admin take roles away from such an account', async () => {
    const user = await stack.user({ role: 'moderator', name: 'Tidligere moderator' });
    await unverify(user.email);
    const r = await setRoles(user.userId, []);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((await find(user.email)).json.roles).toEqual([]);
  });
});

describe('an email change', () => {
  it('does not take effect before the new address is verified (keepOriginal)', async () => {
    const user = await stack.user({ name: 'Skifter adresse' });
    const newEmail = `ny-${Date.now()}@example.dk`;
    await pool().client.send(new UpdateUserAttributesCommand({ AccessToken: user.token, UserAttributes: [{ Name: 'email', Value: newEmail }] }));
    const old = await find(user.email);
    expect(old.status, JSON.stringify(old.json)).toBe(200);
    expect(old.json).toMatchObject({ userId: user.userId, email: user.email, emailVerified: true });
    expectProblem(await find(newEmail), 404);
  });
});

describe('the directory hands mail only verified addresses', () => {
  it('gives no address for an unverified account and leaves it out of a role’s members', async () => {
    const verified = await stack.user({ role: 'committee', name: 'Verificeret' });
    const unverified = await stack.user({ role: 'committee', name: 'Ikke verificeret' });
    await unverify(unverified.email);
    const dir = directory();
    const usernameOf = async (email: string) => (await dir.findByEmail(email))!.username;

    expect(await dir.email(await usernameOf(verified.email))).toBe(verified.email);
    expect(await dir.email(await usernameOf(unverified.email))).toBeUndefined();
    const members = (await dir.membersOf('committee')).map((m) => m.userId);
    expect(members).toContain(verified.userId);
    expect(members).not.toContain(unverified.userId);
    expect(await dir.findById(unverified.userId)).toMatchObject({ email: unverified.email, emailVerified: false });
  });
});
