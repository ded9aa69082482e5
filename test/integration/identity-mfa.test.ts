import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { userSummarySchema } from '#shared/schemas/moderation';
import { expectProblem, type User } from '../helpers/participation';
import { auditAll } from '../helpers/moderation';
import { PLATFORM_LOG } from '#functions/domain/roles';
import { testStack, type TestStack } from '../helpers/stack';
import { totp } from '../helpers/totp';

/**
 * Issue 17, identity: a staff role needs two-step sign-in with an authenticator app (TOTP). Against
 * cognito-local 5.3.0, which implements AssociateSoftwareToken, VerifySoftwareToken,
 * SetUserMFAPreference and the SOFTWARE_TOKEN_MFA challenge: the test computes the codes itself
 * (RFC 6238, test/helpers/totp.ts), as an authenticator app would.
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
const roleAudits = async (userId: string) => (await auditAll(stack, admin.token, PLATFORM_LOG)).filter((e) => e.targetId === userId);

describe('a staff role needs an authenticator app', () => {
  for (const role of ['moderator', 'committee', 'admin', 'assistant']) {
    it(`refuses ${role} to an account without TOTP with 409 mfa-required in Danish, and changes nothing`, async () => {
      const user = await stack.user({ name: `Uden app ${role}` });
      expect((await find(user.email)).json).toMatchObject({ mfa: false });
      const r = await setRoles(user.userId, [role]);
      expectProblem(r, 409);
      expect(r.json.type).toMatch(/mfa-required/);
      expect(r.json.detail).toContain('Kontoen skal have totrinsbekræftelse med en godkendelses-app, før den kan få en medarbejderrolle');
      expect((await find(user.email)).json.roles).toEqual([]);
      expect(await roleAudits(user.userId)).toEqual([]);
    });
  }

  it('grants the role once the user has set up TOTP, and the lookup shows it', async () => {
    const user = await stack.user({ name: 'Med app' });
    await stack.setUpTotp(user);
    const found = await find(user.email);
    expect(userSummarySchema.parse(found.json)).toMatchObject({ userId: user.userId, mfa: true });
    const r = await setRoles(user.userId, ['moderator']);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ roles: ['moderator'], mfa: true });
    expect((await find(user.email)).json.roles).toEqual(['moderator']);
  });

  it('still takes a role away from staff without TOTP (made before the rule, e.g. by npm run users)', async () => {
    const user = await stack.user({ role: 'committee', name: 'Gammel medarbejder' });
    const r = await setRoles(user.userId, []);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((await find(user.email)).json.roles).toEqual([]);
  });
});

describe('signing in with TOTP set up', () => {
  it('asks for the code, refuses a wrong one and gives tokens for the right one', async () => {
    const user = await stack.user({ name: 'Logger ind med kode' });
    const secret = await stack.setUpTotp(user);
    const { client, userPoolClientId: ClientId } = stack.stack.pool;
    const start = () => client.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.email, PASSWORD: user.password } }));
    const first = await start();
    expect(first.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(first.AuthenticationResult).toBeUndefined();
    const wrong = String((Number(totp(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    const answer = (Session: string | undefined, code: string) =>
      client.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session, ChallengeResponses: { USERNAME: user.email, SOFTWARE_TOKEN_MFA_CODE: code } }));
    await expect(answer(first.Session, wrong)).rejects.toThrow(/CodeMismatch|code/i);
    const ok = await answer((await start()).Session, totp(secret));
    expect(ok.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});
