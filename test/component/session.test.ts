import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../frontend/src/api/client';
import * as cognito from '../../frontend/src/api/cognito';
import { cognitoMessage, errorMessage } from '../../frontend/src/lib/errorMessage';
import { setLocale } from '../../frontend/src/modules/i18n';
import { accessToken, signIn, signOut, signedIn } from '../../frontend/src/modules/session';
import { ApiError } from '../../frontend/src/api/client';
import { json, problem, stubApi } from './app';

const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'client-1', cognitoEndpoint: 'http://127.0.0.1:9229' };
// A JWT-shaped token whose payload says sub "user-1" (the signature is not checked in the browser).
const token = (n: number) => `h.${btoa(JSON.stringify({ sub: 'user-1', n })).replace(/=+$/, '')}.s`;

beforeEach(async () => {
  await setLocale('da', false);
  sessionStorage.clear();
});
afterEach(async () => {
  vi.unstubAllGlobals();
});

describe('the Cognito client', () => {
  it('posts each operation with its X-Amz-Target and the app client id, and maps errors', async () => {
    const calls = stubApi((url, init) => {
      if (url.pathname === '/config.json') return json(config);
      const target = (init?.headers as Record<string, string>)['x-amz-target'] ?? '';
      if (target.endsWith('.SignUp')) return json({ __type: 'com.amazonaws.cognito#UsernameExistsException', message: 'User already exists' }, 400);
      return json({});
    });

    const error = await cognito.signUp('anna@example.dk', 'langt-kodeord-1').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(cognito.CognitoError);
    expect((error as cognito.CognitoError).code).toBe('UsernameExistsException');
    expect(cognitoMessage(error as cognito.CognitoError)).toContain('Der findes allerede en konto');
    const call = calls.find((c) => c.url.href === 'http://127.0.0.1:9229/')!;
    expect((call.init?.headers as Record<string, string>)['content-type']).toBe('application/x-amz-json-1.1');
    expect((call.init?.headers as Record<string, string>)['x-amz-target']).toBe('AWSCognitoIdentityProviderService.SignUp');
    expect(JSON.parse(String(call.init?.body))).toEqual({
      ClientId: 'client-1',
      Username: 'anna@example.dk',
      Password: 'langt-kodeord-1',
      UserAttributes: [{ Name: 'email', Value: 'anna@example.dk' }],
    });
  });

  it('says something useful for an error it does not know', () => {
    expect(cognitoMessage(new cognito.CognitoError('SomethingNew', 'x'))).toBe('Noget gik galt ved log ind. Prøv igen om lidt.');
  });
});

describe('the session', () => {
  it('keeps the access token in memory and only the refresh token in sessionStorage, refreshes after a 401, and revokes on sign-out', async () => {
    let issued = 0;
    let apiCalls = 0;
    const calls = stubApi((url, init) => {
      if (url.pathname === '/config.json') return json(config);
      const target = (init?.headers as Record<string, string> | undefined)?.['x-amz-target'] ?? '';
      if (target.endsWith('.InitiateAuth')) {
        issued++;
        return json({ AuthenticationResult: { AccessToken: token(issued), RefreshToken: issued === 1 ? 'refresh-1' : undefined, ExpiresIn: 3600 } });
      }
      if (target.endsWith('.RevokeToken')) return json({});
      if (url.pathname === '/api/me') {
        apiCalls++;
        // The first token is refused once, as if it had been revoked.
        return apiCalls === 1 ? problem(401, 'Ikke logget ind') : json({ displayName: 'Anna' });
      }
      return json({}, 404);
    });

    await signIn('anna@example.dk', 'langt-kodeord-1');
    expect(signedIn.value).toBe(true);
    expect(sessionStorage.getItem('deltag.refresh')).toBe('refresh-1');
    expect(Object.keys(localStorage).filter((k) => k.includes('refresh') || k.includes('token'))).toEqual([]);
    expect(await accessToken()).toBe(token(1));

    const me = await send<{ displayName: string }>('GET', '/me');
    expect(me.displayName).toBe('Anna');
    const authHeaders = calls.filter((c) => c.url.pathname === '/api/me').map((c) => (c.init?.headers as Record<string, string>).authorization);
    expect(authHeaders).toEqual([`Bearer ${token(1)}`, `Bearer ${token(2)}`]);
    const refresh = calls.find((c) => String(c.init?.body).includes('REFRESH_TOKEN_AUTH'));
    expect(JSON.parse(String(refresh?.init?.body)).AuthParameters).toEqual({ REFRESH_TOKEN: 'refresh-1' });

    await signOut();
    await flushPromises();
    expect(signedIn.value).toBe(false);
    expect(sessionStorage.getItem('deltag.refresh')).toBeNull();
    const revoke = calls.find((c) => (c.init?.headers as Record<string, string> | undefined)?.['x-amz-target']?.endsWith('.RevokeToken'));
    expect(JSON.parse(String(revoke?.init?.body))).toEqual({ ClientId: 'client-1', Token: 'refresh-1' });
    // Locally (cognito-local) there is no GlobalSignOut.
    expect(calls.some((c) => (c.init?.headers as Record<string, string> | undefined)?.['x-amz-target']?.endsWith('.GlobalSignOut'))).toBe(false);
  });
});

describe('error messages', () => {
  it('say the known problems in the reader language and pass others through', async () => {
    const err = (status: number, type: string, title = 'Titel', detail?: string) => new ApiError({ type, title, status, ...(detail ? { detail } : {}) });
    expect(errorMessage(err(409, '/problems/profile-required'))).toBe('Udfyld din profil (navn og deltagertype) først.');
    expect(errorMessage(err(409, '/problems/edit-window-closed'))).toContain('15 minutter');
    expect(errorMessage(new ApiError({ type: '/problems/rate-limited', title: 'For mange', status: 429 }, 42))).toContain('Vent 42 sekunder');
    expect(errorMessage(err(400, '/problems/validation', 'Ugyldig forespørgsel', 'titel mangler'))).toBe('Ugyldig forespørgsel. titel mangler');
    expect(errorMessage(new TypeError('Failed to fetch'))).toContain('Vi kunne ikke få forbindelse');
    await setLocale('en', false);
    expect(errorMessage(err(409, '/problems/voting-closed'))).toBe('Voting is not open in this phase of the consultation.');
    await setLocale('da', false);
  });
});
