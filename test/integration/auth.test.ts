import { CreateUserPoolClientCommand, UpdateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SignJWT, importJWK, generateKeyPair, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '#local/users';
import { validIdea } from '../fixtures/ideas';
import { testStack, type TestStack } from '../helpers/stack';

const P = '/processes/ai-i-gentofte';
let stack: TestStack;
let user: Awaited<ReturnType<TestStack['user']>>;

beforeAll(async () => {
  stack = await testStack();
  user = await stack.user({ name: 'Signe' });
});
afterAll(() => stack?.stop());

const createWith = (token?: string) => stack.api(`${P}/ideas`, { method: 'POST', token, body: validIdea() });

describe('protected routes', () => {
  it('accept a valid access token', async () => {
    expect((await createWith(user.token)).status).toBe(201);
    expect((await stack.api('/me', { token: user.token })).json).toMatchObject({ displayName: 'Signe', participantType: 'citizen', roles: [] });
  });

  it('refuse a request without a token, or with garbage', async () => {
    for (const token of [undefined, 'abc', `${user.token}x`]) {
      const r = await createWith(token);
      expect(r.status).toBe(401);
      expect(r.json).toMatchObject({ status: 401, type: '/problems/unauthorized' });
    }
    expect((await stack.api('/me')).status).toBe(401);
  });

  it('refuse an expired token', async () => {
    const { pool } = stack.stack;
    const setValidity = (seconds: number | undefined) =>
      pool.client.send(
        new UpdateUserPoolClientCommand({
          UserPoolId: pool.userPoolId,
          ClientId: pool.userPoolClientId,
          AccessTokenValidity: seconds ?? 60,
          TokenValidityUnits: { AccessToken: seconds ? 'seconds' : 'minutes' },
        }),
      );
    await setValidity(1);
    const shortLived = await signIn(pool, user.email, user.password);
    await setValidity(undefined);
    const exp = decodeJwt(shortLived).exp! * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, exp - Date.now()) + 1100));
    expect((await createWith(shortLived)).status).toBe(401);
  });

  it('refuse a token issued to another app client of the same pool', async () => {
    const { pool } = stack.stack;
    const other = await pool.client.send(
      new CreateUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientName: 'another-app', GenerateSecret: false, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }),
    );
    const token = await signIn({ ...pool, userPoolClientId: other.UserPoolClient!.ClientId! }, user.email, user.password);
    expect(decodeJwt(token).client_id).toBe(other.UserPoolClient!.ClientId);
    expect((await createWith(token)).status).toBe(401);
  });

  it('refuse a token with the right claims signed by another key', async () => {
    const claims = decodeJwt(user.token);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(privateKey);
    expect((await createWith(forged)).status).toBe(401);
    // Control: the same claims signed with cognito-local's own (public, local-only) key pass.
    const ownKey = (await import('cognito-local/lib/keys/cognitoLocal.private.json', { with: { type: 'json' } })).default.jwk;
    const resigned = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(await importJWK(ownKey, 'RS256'));
    expect((await createWith(resigned)).status).toBe(201);
  });

  it('refuse an ID token where an access token is expected', async () => {
    const claims = { ...decodeJwt(user.token), token_use: 'id', aud: stack.info.userPoolClientId };
    const ownKey = (await import('cognito-local/lib/keys/cognitoLocal.private.json', { with: { type: 'json' } })).default.jwk;
    const idLike = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(await importJWK(ownKey, 'RS256'));
    expect((await createWith(idLike)).status).toBe(401);
  });

  it('keep public routes open without a token and ignore a bad one there', async () => {
    expect((await stack.api(`${P}/ideas`)).status).toBe(200);
    expect((await stack.api(`${P}/ideas`, { token: 'garbage' })).status).toBe(200);
  });
});

describe('profile and posting', () => {
  it('refuses to post an idea before the profile exists (409) and accepts after PATCH /me', async () => {
    const { pool } = stack.stack;
    const email = `noprofile-${Date.now()}@example.dk`;
    const { SignUpCommand, AdminConfirmSignUpCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    await pool.client.send(new SignUpCommand({ ClientId: pool.userPoolClientId, Username: email, Password: 'Test-adgang-2026', UserAttributes: [{ Name: 'email', Value: email }] }));
    await pool.client.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.userPoolId, Username: email }));
    const token = await signIn(pool, email, 'Test-adgang-2026');

    expect((await stack.api('/me', { token })).status).toBe(404);
    const refused = await createWith(token);
    expect(refused.status).toBe(409);
    expect(refused.json.type).toBe('/problems/profile-required');

    const patched = await stack.api('/me', { method: 'PATCH', token, body: { displayName: 'Ny Virksomhed', participantType: 'business', organisation: 'Eksempel ApS' } });
    expect(patched.status).toBe(200);
    const created = await createWith(token);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ authorName: 'Ny Virksomhed', authorType: 'business' });
  });

  it('refuses an organisation for a non-business profile', async () => {
    const r = await stack.api('/me', { method: 'PATCH', token: user.token, body: { displayName: 'Signe', participantType: 'citizen', organisation: 'X ApS' } });
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: { path: string }) => e.path)).toContain('body.organisation');
  });
});
