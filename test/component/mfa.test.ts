import { flushPromises, type VueWrapper } from '@vue/test-utils';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { otpauthUri } from '../../frontend/src/api/cognito';
import MfaSetup from '../../frontend/src/components/me/MfaSetup.vue';
import MfaNotice from '../../frontend/src/components/workspace/MfaNotice.vue';
import { qrPath } from '../../frontend/src/lib/events-workspace/qr';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import SignInPage from '../../frontend/src/pages/SignInPage.vue';
import RolesPage from '../../frontend/src/pages/workspace/RolesPage.vue';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';

/**
 * Two-step verification in the SPA (issue 17, A2): the sign-in answers Cognito's SOFTWARE_TOKEN_MFA
 * step with a code field; Min side sets up an authenticator app (secret as QR code and text, a code
 * to prove it, then preferred); the admin's roles page shows whether an account has it and the
 * server's reason when a staff role is refused. Cognito is faked at its JSON endpoint.
 */
let wrapper: VueWrapper | undefined;
beforeEach(async () => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  await setLocale('da', false);
});
afterEach(async () => {
  wrapper?.unmount();
  wrapper = undefined;
  await signOut();
  vi.unstubAllGlobals();
});

const token = `h.${btoa(JSON.stringify({ sub: 'user-1' })).replace(/=+$/, '')}.s`;
const COGNITO = '127.0.0.1:9229';
const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'c', cognitoEndpoint: `http://${COGNITO}` };
const cognitoError = (type: string, message = type) => new Response(JSON.stringify({ __type: type, message }), { status: 400 });
const tokens = () => json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });

async function violations(root: Element) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

/** Fake Cognito (by X-Amz-Target) and API; every Cognito call is recorded with its body. */
function fake(cognito: Record<string, (body: Record<string, unknown>) => Response>, api: (url: URL, init?: RequestInit) => Response | undefined = () => undefined) {
  const seen: { op: string; body: Record<string, unknown> }[] = [];
  stubApi((url, init) => {
    if (url.pathname === '/config.json') return json(config);
    if (url.host === COGNITO) {
      const op = String((init?.headers as Record<string, string>)['x-amz-target']).split('.').pop()!;
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      seen.push({ op, body });
      return cognito[op]?.(body) ?? cognitoError('UnsupportedOperation');
    }
    return api(url, init) ?? problem(404, 'Ikke fundet');
  });
  return seen;
}

const input = (host: Element, id: string) => host.querySelector<HTMLInputElement>(`#${id}`)!;
async function type(el: HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('signing in with two-step verification', () => {
  it('asks for the app code after the password, says so when it is wrong, and signs in with the right one', async () => {
    const seen = fake(
      {
        InitiateAuth: () => json({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'sess-1', ChallengeParameters: {} }),
        RespondToAuthChallenge: (b) => ((b.ChallengeResponses as Record<string, string>).SOFTWARE_TOKEN_MFA_CODE === '654321' ? tokens() : cognitoError('CodeMismatchException', 'Invalid code')),
      },
      (url) => (url.pathname === '/api/me' ? json({ userId: 'user-1', displayName: 'Mette Medarbejder', participantType: 'employee', roles: [] }) : undefined),
    );
    const mounted = await mountInApp(SignInPage, { path: '/log-ind?next=/forloeb' });
    wrapper = mounted.wrapper;
    const { host, router } = mounted;
    await type(input(host, 'email'), 'mette@gentofte.dk');
    await type(input(host, 'password'), 'Hemmelig-2026');
    host.querySelector('form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(host.querySelector('#totp-code')).not.toBeNull());
    expect(text(host)).toContain('Kode fra din godkendelses-app');
    expect(host.querySelector('label[for="totp-code"]')?.textContent).toContain('Kode på 6 cifre');
    expect(input(host, 'totp-code').getAttribute('autocomplete')).toBe('one-time-code');
    expect(document.activeElement?.id).toBe('totp-code');
    expect(await violations(host)).toEqual([]);

    // Not six digits: said at the field, nothing sent.
    await type(input(host, 'totp-code'), '12');
    host.querySelector('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(text(host)).toContain('Skriv de 6 cifre fra godkendelses-appen.');
    expect(seen.filter((c) => c.op === 'RespondToAuthChallenge')).toHaveLength(0);

    await type(input(host, 'totp-code'), '123456');
    host.querySelector('form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toContain('Koden er forkert'));

    await type(input(host, 'totp-code'), '654 321');
    host.querySelector('form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/forloeb'));
    const answers = seen.filter((c) => c.op === 'RespondToAuthChallenge').map((c) => c.body);
    expect(answers.at(-1)).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'sess-1', ChallengeResponses: { USERNAME: 'mette@gentofte.dk', SOFTWARE_TOKEN_MFA_CODE: '654321' } });
  });
});

describe("Min side's two-step verification", () => {
  const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  it('shows the secret as a QR code of its otpauth address and as text, and turns it on with a code', async () => {
    let enabled = false;
    const seen = fake({
      InitiateAuth: tokens,
      GetUser: () => json({ Username: 'user-1', UserAttributes: [{ Name: 'email', Value: 'mette@gentofte.dk' }], UserMFASettingList: enabled ? ['SOFTWARE_TOKEN_MFA'] : [] }),
      AssociateSoftwareToken: () => json({ SecretCode: SECRET }),
      VerifySoftwareToken: (b) => (b.UserCode === '246810' ? json({ Status: 'SUCCESS' }) : cognitoError('CodeMismatchException')),
      SetUserMFAPreference: () => ((enabled = true), json({})),
    });
    await signIn('mette@gentofte.dk', 'x');
    const mounted = await mountInApp(MfaSetup);
    wrapper = mounted.wrapper;
    const { host } = mounted;
    await vi.waitFor(() => expect(buttonNamed(host, 'Slå totrinsbekræftelse til')).toBeDefined());
    expect(text(host)).toContain('Totrinsbekræftelse er ikke slået til');
    buttonNamed(host, 'Slå totrinsbekræftelse til')!.click();
    await vi.waitFor(() => expect(host.querySelector('svg[role="img"]')).not.toBeNull());

    const svg = host.querySelector('svg[role="img"]')!;
    expect(svg.getAttribute('aria-label')).toBe('QR-kode til godkendelses-appen');
    const uri = otpauthUri(SECRET, 'mette@gentofte.dk');
    expect(uri).toBe(`otpauth://totp/Deltag%3Amette%40gentofte.dk?secret=${SECRET}&issuer=Deltag`);
    expect(svg.querySelector('path')!.getAttribute('d')).toBe(qrPath(uri).path);
    expect(host.querySelector('[data-testid="mfa-secret"]')!.textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(seen.find((c) => c.op === 'AssociateSoftwareToken')!.body).toEqual({ AccessToken: token });
    expect(await violations(host)).toEqual([]);

    await type(input(host, 'mfa-code'), '111111');
    host.querySelector('form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toContain('Koden er forkert'));
    expect(seen.some((c) => c.op === 'SetUserMFAPreference')).toBe(false);

    await type(input(host, 'mfa-code'), '246810');
    host.querySelector('form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(host.querySelector('[data-testid="mfa-on"]')).not.toBeNull());
    expect(seen.find((c) => c.op === 'SetUserMFAPreference')!.body).toEqual({ AccessToken: token, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(host.querySelector('[data-testid="mfa-secret"]')).toBeNull();
  });

  it('says it is on for an account that has it', async () => {
    fake({ InitiateAuth: tokens, GetUser: () => json({ UserAttributes: [], UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] }) });
    await signIn('mette@gentofte.dk', 'x');
    const mounted = await mountInApp(MfaSetup);
    wrapper = mounted.wrapper;
    await vi.waitFor(() => expect(mounted.host.querySelector('[data-testid="mfa-on"]')).not.toBeNull());
    expect(buttonNamed(mounted.host, 'Slå totrinsbekræftelse til')).toBeUndefined();
  });
});

describe("the admin's roles page", () => {
  it('shows whether the account has two-step verification and the reason a staff role is refused', async () => {
    const reason = 'Kontoen skal have totrinsbekræftelse med en godkendelses-app, før den kan få en medarbejderrolle. Brugeren kan slå det til under Min side.';
    const summary = { userId: 'u-2', email: 'bo@example.dk', roles: [], blocked: false, confirmed: true, emailVerified: true, mfa: false };
    fake({ InitiateAuth: tokens }, (url, init) => {
      if (url.pathname === '/api/users') return json(summary);
      if (url.pathname === '/api/users/u-2/roles' && init?.method === 'PUT') return problem(409, 'Konflikt', reason, '/problems/mfa-required');
      return undefined;
    });
    await signIn('admin@gentofte.dk', 'x');
    const mounted = await mountInApp(RolesPage);
    wrapper = mounted.wrapper;
    const { host } = mounted;
    await type(input(host, 'roles-email'), 'bo@example.dk');
    host.querySelector('form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(host.querySelector('[data-testid="user-mfa"]')).not.toBeNull());
    expect(host.querySelector('[data-testid="user-mfa"]')!.textContent).toBe('nej');
    expect(text(host)).toContain('Totrinsbekræftelse');
    expect(text(host)).toContain('En medarbejderrolle kræver totrinsbekræftelse');
    host.querySelector<HTMLInputElement>('input[type="checkbox"][value="moderator"]')!.click();
    await flushPromises();
    host.querySelectorAll('form')[1]!.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(text(host)).toContain(reason));
    expect(host.querySelector('[data-testid="current-roles"]')!.textContent).toBe('Ingen');
  });
});

describe('the workspace notice', () => {
  it('tells staff without an authenticator app to set one up, with a link to Min side', async () => {
    fake({ InitiateAuth: tokens, GetUser: () => json({ UserAttributes: [], UserMFASettingList: [] }) });
    await signIn('mette@gentofte.dk', 'x');
    const mounted = await mountInApp(MfaNotice);
    wrapper = mounted.wrapper;
    await vi.waitFor(() => expect(mounted.host.querySelector('[data-testid="mfa-notice"]')).not.toBeNull());
    expect(text(mounted.host)).toContain('Slå totrinsbekræftelse til');
    expect(mounted.host.querySelector('a')!.getAttribute('href')).toBe('/min-side#mfa-heading');
    expect(await violations(mounted.host)).toEqual([]);
  });

  it('says nothing to staff who have one', async () => {
    const seen = fake({ InitiateAuth: tokens, GetUser: () => json({ UserAttributes: [], UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] }) });
    await signIn('mette@gentofte.dk', 'x');
    const mounted = await mountInApp(MfaNotice);
    wrapper = mounted.wrapper;
    await vi.waitFor(() => expect(seen.some((c) => c.op === 'GetUser')).toBe(true));
    await flushPromises();
    expect(mounted.host.querySelector('[data-testid="mfa-notice"]')).toBeNull();
  });
});
