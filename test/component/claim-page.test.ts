import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClaimResult } from '#shared/schemas/assisted';
import App from '../../frontend/src/App.vue';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import { json, mountInApp, problem, stubApi, text } from './app';

/**
 * The claim page: a receipt's code in any case, with or without dashes, checked as it is typed;
 * POST /api/me/claims (faked here; the route is the assisted area's); the result in plain Danish;
 * the API's refusals at the field.
 */
let wrapper: VueWrapper | undefined;

beforeAll(() => import('../../frontend/src/pages/ClaimPage.vue'), 60_000);
beforeEach(async () => {
  document.body.innerHTML = '';
  localStorage.clear();
  sessionStorage.clear();
  await setLocale('da', false);
});
afterEach(async () => {
  wrapper?.unmount();
  wrapper = undefined;
  await signOut();
  vi.unstubAllGlobals();
});

const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'client-1', cognitoEndpoint: 'http://127.0.0.1:9229' };
const token = `h.${btoa(JSON.stringify({ sub: 'user-1' })).replace(/=+$/, '')}.s`;
const profileBody = { userId: 'user-1', displayName: 'Anna', participantType: 'citizen', createdAt: '2026-11-27T10:00:00.000Z', updatedAt: '2026-11-27T10:00:00.000Z' };
const moved: ClaimResult = { processId: 'ai-i-gentofte', processTitle: 'AI i Gentofte Kommune', ideas: 1, comments: 2, votes: 3, votesDropped: 2, surveyAnswers: 0, surveyAnswersDropped: 1 };

function api(claim: (body: unknown) => Response) {
  return stubApi((url, init) => {
    if (url.pathname === '/config.json') return json(config);
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    if (url.pathname === '/api/me') return json(profileBody);
    if (url.pathname === '/api/me/claims' && init?.method === 'POST') return claim(JSON.parse(String(init.body)));
    return problem(404, 'Ikke fundet');
  });
}

async function open() {
  await signIn('anna@example.dk', 'langt-kodeord-1');
  const mounted = await mountInApp(App, { path: '/min-side/hent-bidrag' });
  wrapper = mounted.wrapper;
  await flushPromises();
  return mounted;
}

async function type(host: HTMLElement, value: string) {
  const input = host.querySelector<HTMLInputElement>('#claim-code')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

async function submit(host: HTMLElement) {
  host.querySelector('form')!.dispatchEvent(new Event('submit'));
  await flushPromises();
  await flushPromises();
}

const claims = (calls: { url: URL }[]) => calls.filter((c) => c.url.pathname === '/api/me/claims');
const hint = (host: HTMLElement) => host.querySelector('[data-testid="claim-hint"]')?.textContent?.trim();

describe('claiming with a code from a receipt', () => {
  it('reads the code in lower case with spaces and O for 0, sends the stored form, and tells what moved in plain Danish', async () => {
    const calls = api(() => json(moved));
    const { host, router } = await open();
    expect(router.currentRoute.value.name).toBe('claim');
    expect(host.querySelector('h1')?.textContent).toBe('Hent dine bidrag');
    await type(host, '7k3m');
    expect(hint(host)).toBe('Koden har 4 af 12 tegn.');
    await type(host, '7k3m q9px-2drt0');
    expect(hint(host)).toBe('Koden har for mange tegn. Den skal have 12.');
    await type(host, '7k3m q9px-2dro');
    expect(hint(host)).toBe('Koden ser rigtig ud: 7K3M-Q9PX-2DR0');
    await submit(host);
    expect(claims(calls).map((c) => JSON.parse(String((c as { init?: RequestInit }).init?.body)))).toEqual([{ code: '7K3MQ9PX2DR0' }]);
    const result = host.querySelector<HTMLElement>('[data-testid="claim-result"]')!;
    expect(result.querySelector('h2')?.textContent).toBe('Dine bidrag er flyttet');
    expect(document.activeElement).toBe(result.querySelector('h2'));
    expect([...result.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['1 idé', '2 kommentarer', '3 stemmer']);
    expect(text(result)).toContain('2 stemmer var allerede dine, så de tæller kun én gang.');
    expect(text(result)).toContain('Du havde selv svaret på spørgeskemaet. Derfor tæller kun dit eget svar.');
    expect(text(result)).not.toContain('Dit svar på spørgeskemaet er flyttet.');
    expect(result.querySelector('a')?.getAttribute('href')).toBe('/min-side');
  });

  it('says "Ingen" for nothing and tells of a moved survey answer', async () => {
    api(() => json({ ...moved, ideas: 0, comments: 0, votes: 1, votesDropped: 0, surveyAnswers: 1, surveyAnswersDropped: 0 }));
    const { host } = await open();
    await type(host, '7K3M-Q9PX-2DRT');
    await submit(host);
    const result = host.querySelector<HTMLElement>('[data-testid="claim-result"]')!;
    expect([...result.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Ingen idéer', 'Ingen kommentarer', '1 stemme']);
    expect(text(result)).toContain('Dit svar på spørgeskemaet er flyttet.');
    expect(text(result)).not.toContain('var allerede');
  });

  it('sends nothing for a code that cannot be one, and says so at the field', async () => {
    const calls = api(() => json(moved));
    const { host } = await open();
    await type(host, '7K3M-Q9PX-2DRU');
    expect(hint(host)).toBe('Koden har et tegn, der ikke kan være med. Tjek koden på kvitteringen.');
    await submit(host);
    expect(claims(calls)).toHaveLength(0);
    expect(host.querySelector('#claim-code-error')?.textContent).toContain('Skriv koden fra kvitteringen. Den har 12 tegn.');
    expect(host.querySelector('#claim-code')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('claim-code');
  });

  it.each([
    [problem(404, 'Ikke fundet'), 'Vi kan ikke finde koden. Tjek, at du har skrevet den rigtigt.'],
    [problem(409, 'Konflikt'), 'Koden er allerede brugt. Bidragene er flyttet til en konto.'],
    [new Response(JSON.stringify({ type: '/problems/rate-limited', title: 'For mange', status: 429 }), { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '300' } }), 'Du har prøvet for mange gange. Vent 5 minutter, og prøv igen.'],
  ])('shows the API refusal at the field (%#)', async (answer, message) => {
    api(() => answer);
    const { host } = await open();
    await type(host, '7K3MQ9PX2DRT');
    await submit(host);
    expect(host.querySelector('[data-testid="claim-result"]')).toBeNull();
    expect(host.querySelector('#claim-code-error')?.textContent).toContain(message);
    expect((host.querySelector('#claim-code') as HTMLInputElement).value).toBe('7K3MQ9PX2DRT');
  });

  it('leads a visitor who is not signed in to sign in first, and back', async () => {
    api(() => json(moved));
    const mounted = await mountInApp(App, { path: '/min-side/hent-bidrag' });
    wrapper = mounted.wrapper;
    expect(mounted.router.currentRoute.value.name).toBe('sign-in');
    expect(mounted.router.currentRoute.value.query.next).toBe('/min-side/hent-bidrag');
  });
});
