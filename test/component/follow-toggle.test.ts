import { flushPromises, type VueWrapper } from '@vue/test-utils';
import axe from 'axe-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FollowState } from '#shared/schemas/follows';
import type { IdeaDetail } from '#shared/schemas/idea';
import App from '../../frontend/src/App.vue';
import { clearVotes } from '../../frontend/src/composables/idea/useVotes';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import { json, mountInApp, problem, stubApi, text } from './app';
import { idea, process } from './fixtures';
import { adoptedId } from './recommendations-fixtures';

/**
 * Following an idea from its page (issue 16): signed out a link to sign in; signed in one toggle with
 * aria-pressed, the reason one follows ("fordi du har stemt på den"), PUT to follow and DELETE to
 * stop, a refused change keeping the state; the idea's lens tags with their explanations and the
 * recommendations that took it up. All of it loads after the idea page.
 */
let wrapper: VueWrapper | undefined;
beforeAll(() => import('../../frontend/src/components/recommendations/IdeaFollowUp.vue'), 60_000);
beforeEach(async () => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  resetProcessCache();
  clearVotes();
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
const base = idea(1, { title: 'Chatbot om affald' });
const detail: IdeaDetail = {
  ...base,
  body: 'En chatbot kan svare på spørgsmål om affald.',
  updatedAt: base.createdAt,
  commentCount: 0,
  aiLens: { aiActCategory: 'transparency', digitalExclusion: true },
  takenUpBy: [{ id: adoptedId, title: 'Chatbot til spørgsmål om affald', status: 'adopted' }],
};
const FOLLOW = `/api/ideas/${detail.id}/follow`;

function api(answers: { state?: FollowState; put?: () => Response; del?: () => Response } = {}) {
  return stubApi((url, init) => {
    const method = init?.method ?? 'GET';
    if (url.pathname === '/config.json') return json({ apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'c', cognitoEndpoint: 'http://127.0.0.1:9229' });
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(process);
    if (url.pathname === `/api/ideas/${detail.id}`) return json(detail);
    if (url.pathname === FOLLOW && method === 'GET') return json(answers.state ?? { following: false });
    if (url.pathname === FOLLOW && method === 'PUT') return answers.put?.() ?? json({ following: true, reason: 'explicit' });
    if (url.pathname === FOLLOW && method === 'DELETE') return answers.del?.() ?? json({ following: false });
    if (url.pathname.endsWith('/comments')) return json({ items: [], nextCursor: null });
    if (url.pathname === '/api/me/votes') return json({ items: [] });
    return problem(404, 'Ikke fundet');
  });
}

async function open() {
  const mounted = await mountInApp(App, { path: `/forloeb/ai-i-gentofte/ideer/${detail.id}` });
  wrapper = mounted.wrapper;
  await vi.waitFor(() => expect(mounted.host.querySelector('[data-testid="follow"]')).not.toBeNull(), { timeout: 10_000 });
  await flushPromises();
  return mounted;
}

const button = (host: Element) => host.querySelector<HTMLButtonElement>('[data-testid="follow-button"]')!;

describe('the idea page: lens, taken up, following', () => {
  it('signed out: the lens tags explained, the recommendation that took it up, and a link to sign in instead of the toggle', async () => {
    const calls = api();
    const { host } = await open();
    const taken = host.querySelector('[data-testid="taken-up"]')!;
    expect(text(taken)).toContain('Taget op i anbefaling: Chatbot til spørgsmål om affald');
    expect(taken.querySelector('a')?.getAttribute('href')).toBe(`/forloeb/ai-i-gentofte/anbefalinger/${adoptedId}`);
    const lens = host.querySelector('[data-testid="ai-lens"]')!;
    expect([...lens.querySelectorAll('summary')].map((s) => s.textContent?.trim())).toEqual(['Krav om åbenhed efter AI-forordningen', 'Berører borgere, der har svært ved det digitale']);
    expect(text(lens)).toContain('Der skal være en anden vej ind');
    expect(button(host)).toBeNull();
    const signInLink = host.querySelector('[data-testid="follow"] a')!;
    expect(signInLink.textContent).toBe('Log ind for at følge med');
    expect(signInLink.getAttribute('href')).toContain('/log-ind?next=');
    expect(calls.some((c) => c.url.pathname === FOLLOW)).toBe(false);
    expect(await violations(host)).toEqual([]);
  });

  it('signed in as a voter: pressed, says why, and a press stops following (DELETE); again follows (PUT)', async () => {
    const calls = api({ state: { following: true, reason: 'voter' } });
    await signIn('anna@example.dk', 'x');
    const { host } = await open();
    expect(button(host).getAttribute('aria-pressed')).toBe('true');
    expect(button(host).textContent?.trim()).toContain('Følg idéen');
    expect(text(host.querySelector('[data-testid="follow-state"]')!)).toContain('Du følger idéen. Du følger den, fordi du har stemt på den.');
    expect(await violations(host)).toEqual([]);
    button(host).click();
    await flushPromises();
    expect(calls.filter((c) => c.url.pathname === FOLLOW).map((c) => c.init?.method ?? 'GET')).toEqual(['GET', 'DELETE']);
    expect(button(host).getAttribute('aria-pressed')).toBe('false');
    expect(text(host)).toContain('Du følger ikke længere.');
    button(host).click();
    await flushPromises();
    expect(calls.filter((c) => c.url.pathname === FOLLOW).map((c) => c.init?.method ?? 'GET')).toEqual(['GET', 'DELETE', 'PUT']);
    expect(button(host).getAttribute('aria-pressed')).toBe('true');
    expect(text(host)).toContain('Du har selv valgt at følge den.');
  });

  it('a refused change keeps the state and says why', async () => {
    api({ state: { following: false }, put: () => problem(429, 'For mange forsøg', 'Vent lidt') });
    await signIn('anna@example.dk', 'x');
    const { host } = await open();
    expect(button(host).getAttribute('aria-pressed')).toBe('false');
    button(host).click();
    await flushPromises();
    expect(button(host).getAttribute('aria-pressed')).toBe('false');
    expect(host.querySelector('[data-testid="follow"] [role="alert"]')?.textContent).toBeTruthy();
  });

  it('in English', async () => {
    api({ state: { following: true, reason: 'author' } });
    await signIn('anna@example.dk', 'x');
    const { host } = await open();
    await setLocale('en', false);
    await flushPromises();
    expect(button(host).textContent?.trim()).toContain('Follow the idea');
    expect(text(host)).toContain('You follow it because you wrote it.');
    expect(text(host)).toContain('Transparency duty under the AI Act');
    expect(text(host)).toContain('Taken up in the recommendation: Chatbot til spørgsmål om affald');
    expect(await violations(host)).toEqual([]);
  });
});
