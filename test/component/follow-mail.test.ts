import { flushPromises, type VueWrapper } from '@vue/test-utils';
import axe from 'axe-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../frontend/src/App.vue';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';
import { adoptedId } from './recommendations-fixtures';

/**
 * Min side's "Mails fra Deltag" (digest daily/weekly/never saved with PUT, what one follows by choice
 * with a button to stop each, the sentence about following automatically) and the unsubscribe page
 * from a mail's link (explains, posts the signed token only on the press, the result or a plain error).
 */
let wrapper: VueWrapper | undefined;
beforeAll(() => Promise.all([import('../../frontend/src/components/recommendations/MailSettings.vue'), import('../../frontend/src/pages/follow-up/pages')]), 60_000);
beforeEach(async () => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  resetProcessCache();
  await setLocale('da', false);
});
afterEach(async () => {
  wrapper?.unmount();
  wrapper = undefined;
  await signOut();
  vi.unstubAllGlobals();
});

async function violations(root: Element) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const token = `h.${btoa(JSON.stringify({ sub: 'user-1' })).replace(/=+$/, '')}.s`;
const profileBody = (roles: string[] = []) => ({ userId: 'user-1', displayName: 'Anna', participantType: 'citizen', roles, createdAt: '2026-11-27T10:00:00.000Z', updatedAt: '2026-11-27T10:00:00.000Z' });
const ideaId = '01JDEMO0000000000000000001';
const follows = [
  { target: 'recommendation', targetId: adoptedId, processId: 'ai-i-gentofte', title: 'Chatbot til spørgsmål om affald', followedAt: '2026-12-01T10:00:00.000Z' },
  { target: 'idea', targetId: ideaId, processId: 'ai-i-gentofte', title: 'Idé nummer 1', followedAt: '2026-11-30T10:00:00.000Z' },
];

function api(answers: { roles?: string[]; put?: (body: unknown) => Response; unsubscribe?: () => Response } = {}) {
  return stubApi((url, init) => {
    const method = init?.method ?? 'GET';
    if (url.pathname === '/config.json') return json({ apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'c', cognitoEndpoint: 'http://127.0.0.1:9229' });
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    if (url.pathname === '/api/me') return json(profileBody(answers.roles));
    if (url.pathname === '/api/me/mail-settings' && method === 'GET') return json({ digest: 'weekly', alerts: true });
    if (url.pathname === '/api/me/mail-settings' && method === 'PUT') return answers.put?.(JSON.parse(String(init!.body))) ?? json({ digest: 'daily', alerts: true });
    if (url.pathname === '/api/me/follows') return json({ items: follows, nextCursor: null });
    if (url.pathname === `/api/ideas/${ideaId}/follow` && method === 'DELETE') return json({ following: false });
    if (url.pathname === '/api/unsubscribe' && method === 'POST') return answers.unsubscribe?.() ?? json({ scope: 'digest', done: true });
    if (url.pathname.startsWith('/api/me/')) return json({ items: [], nextCursor: null });
    return problem(404, 'Ikke fundet');
  });
}

async function openMyPage() {
  await signIn('anna@example.dk', 'x');
  const mounted = await mountInApp(App, { path: '/min-side' });
  wrapper = mounted.wrapper;
  await vi.waitFor(() => expect(mounted.host.querySelector('[data-testid="my-follow"]')).not.toBeNull(), { timeout: 10_000 });
  await flushPromises();
  return mounted;
}

describe("Min side's mails", () => {
  it('shows the digest choice as stored, saves a new one with PUT, and says so', async () => {
    const bodies: unknown[] = [];
    api({ put: (body) => (bodies.push(body), json({ digest: 'daily', alerts: true })) });
    const { host } = await openMyPage();
    const section = host.querySelector('[data-testid="mail-settings"]')!;
    expect(section.querySelector('h2')?.textContent).toBe('Mails fra Deltag');
    const weekly = section.querySelector<HTMLInputElement>('input[value="weekly"]')!;
    expect(weekly.checked).toBe(true);
    // A citizen is not staff: no alerts choice.
    expect(section.querySelector('#mail-alerts')).toBeNull();
    const daily = section.querySelector<HTMLInputElement>('input[value="daily"]')!;
    daily.checked = true;
    daily.dispatchEvent(new Event('change'));
    buttonNamed(section, 'Gem mailvalg')!.click();
    await flushPromises();
    expect(bodies).toEqual([{ digest: 'daily' }]);
    expect(text(section)).toContain('Dine mailvalg er gemt.');
    expect(text(section)).toContain('Du følger også automatisk dine egne idéer');
    expect(await violations(section)).toEqual([]);
  });

  it('a refused save shows why and keeps the choice', async () => {
    api({ put: () => problem(400, 'Ugyldige data', 'Vælg dagligt, ugentligt eller aldrig') });
    const { host } = await openMyPage();
    const section = host.querySelector('[data-testid="mail-settings"]')!;
    buttonNamed(section, 'Gem mailvalg')!.click();
    await flushPromises();
    expect(section.querySelector('[role="alert"]')?.textContent).toContain('Vælg dagligt, ugentligt eller aldrig');
    expect(section.querySelector<HTMLInputElement>('input[value="weekly"]')!.checked).toBe(true);
  });

  it('staff also choose alerts', async () => {
    const bodies: unknown[] = [];
    api({ roles: ['moderator'], put: (body) => (bodies.push(body), json({ digest: 'weekly', alerts: false })) });
    const { host } = await openMyPage();
    const alerts = host.querySelector<HTMLInputElement>('#mail-alerts')!;
    expect(alerts.checked).toBe(true);
    alerts.checked = false;
    alerts.dispatchEvent(new Event('change'));
    buttonNamed(host.querySelector('[data-testid="mail-settings"]')!, 'Gem mailvalg')!.click();
    await flushPromises();
    expect(bodies).toEqual([{ digest: 'weekly', alerts: false }]);
  });

  it('lists what one follows by choice, and a press stops one (DELETE), focus on the next', async () => {
    const calls = api();
    const { host } = await openMyPage();
    const rows = [...host.querySelectorAll('[data-testid="my-follow"]')];
    expect(rows.map((r) => r.querySelector('a')?.getAttribute('href'))).toEqual([`/forloeb/ai-i-gentofte/anbefalinger/${adoptedId}`, `/forloeb/ai-i-gentofte/ideer/${ideaId}`]);
    expect(text(rows[0]!)).toContain('Anbefaling');
    rows[1]!.querySelector('button')!.click();
    await flushPromises();
    expect(calls.some((c) => c.url.pathname === `/api/ideas/${ideaId}/follow` && c.init?.method === 'DELETE')).toBe(true);
    expect(host.querySelectorAll('[data-testid="my-follow"]')).toHaveLength(1);
    expect(document.activeElement?.textContent).toContain('Følg ikke længere');
  });
});

async function openUnsubscribe(path: string) {
  const mounted = await mountInApp(App, { path });
  wrapper = mounted.wrapper;
  await vi.waitFor(() => expect(mounted.host.querySelector('h1')?.textContent).toBe('Afmeld mails'), { timeout: 10_000 });
  return mounted;
}

describe('the unsubscribe page', () => {
  it('explains, and unsubscribes only on the press: the token in the query, a form body, then the result', async () => {
    const calls = api();
    const { host } = await openUnsubscribe('/afmeld?token=abc.DEF_123-xyz');
    expect(text(host)).toContain('Du følger stadig de samme idéer og anbefalinger.');
    expect(calls.some((c) => c.url.pathname === '/api/unsubscribe')).toBe(false);
    expect(await violations(host)).toEqual([]);
    host.querySelector<HTMLButtonElement>('[data-testid="unsubscribe-button"]')!.click();
    await flushPromises();
    const post = calls.find((c) => c.url.pathname === '/api/unsubscribe')!;
    expect(post.init?.method).toBe('POST');
    expect(post.url.searchParams.get('token')).toBe('abc.DEF_123-xyz');
    expect(post.init?.body).toBe('List-Unsubscribe=One-Click');
    expect(text(host.querySelector('[data-testid="unsubscribe-done"]')!)).toContain('Du er afmeldt. Du får ikke flere samlede mails fra Deltag.');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('unsubscribe-done');
    expect(host.querySelector('a[href="/min-side#mail-heading"]')).not.toBeNull();
    expect(await violations(host)).toEqual([]);
  });

  it('says a link that does not work, in plain words', async () => {
    api({ unsubscribe: () => problem(400, 'Linket er ugyldigt', undefined, '/problems/invalid-unsubscribe-link') });
    const { host } = await openUnsubscribe('/afmeld?token=abc.DEF_123-xyz');
    host.querySelector<HTMLButtonElement>('[data-testid="unsubscribe-button"]')!.click();
    await flushPromises();
    expect(host.querySelector('[data-testid="unsubscribe-error"]')?.textContent).toContain('Linket virker ikke.');
    expect(host.querySelector('[data-testid="unsubscribe-done"]')).toBeNull();
  });

  it('without a token: no button, and where to go instead; in English too', async () => {
    api();
    const { host } = await openUnsubscribe('/afmeld');
    expect(host.querySelector('[data-testid="unsubscribe-button"]')).toBeNull();
    expect(text(host)).toContain('Linket mangler en del.');
    await setLocale('en', false);
    await flushPromises();
    expect(host.querySelector('h1')?.textContent).toBe('Unsubscribe from mails');
    expect(text(host)).toContain('Part of the link is missing.');
    expect(await violations(host)).toEqual([]);
  });
});
