import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../frontend/src/App.vue';
import { setLocale } from '../../frontend/src/modules/i18n';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';
import { phoneRound } from './events-fixtures';

/** The live round on a phone: the code field, one question at a time, one token per browser, answered questions remembered, a closed round and an unknown code. */
let wrapper: VueWrapper | undefined;
let router: Awaited<ReturnType<typeof mountInApp>>['router'] | undefined;

beforeAll(() => import('../../frontend/src/pages/events/pages'), 60_000);
beforeEach(async () => {
  document.body.innerHTML = '';
  localStorage.clear();
  await setLocale('da', false);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'client-1', cognitoEndpoint: 'http://127.0.0.1:9229' };

function api(answer: (body: { token: string; questionId: string; answer: unknown }) => Response = () => json({ questionId: 'x', answeredAt: new Date().toISOString() }, 201), round = phoneRound) {
  return stubApi((url, init) => {
    if (url.pathname === '/config.json') return json(config);
    if (url.pathname === '/api/live/K7M3QA' && (init?.method ?? 'GET') === 'GET') return json(round);
    if (url.pathname === '/api/live/K7M3QA/answers' && init?.method === 'POST') return answer(JSON.parse(String(init.body)));
    if (url.pathname.startsWith('/api/live/')) return problem(404, 'Der findes ingen runde med den kode');
    return problem(404, 'Ikke fundet');
  });
}

async function open(path: string) {
  const mounted = await mountInApp(App, { path });
  wrapper = mounted.wrapper;
  router = mounted.router;
  await flushPromises();
  return mounted.host;
}

const answers = (calls: ReturnType<typeof api>) => calls.filter((c) => c.init?.method === 'POST').map((c) => JSON.parse(String(c.init!.body)) as { token: string; questionId: string; answer: unknown });
const submit = async (host: HTMLElement) => {
  host.querySelector<HTMLFormElement>('[data-testid="live-question"]')!.requestSubmit();
  await flushPromises();
};

describe('the code page', () => {
  it('refuses what cannot be a code at the field, and takes one typed in lower case with spaces to its round', async () => {
    api();
    const host = await open('/live');
    expect(host.querySelector('h1')?.textContent).toBe('Deltag i live-runden');
    const input = host.querySelector<HTMLInputElement>('#live-code')!;
    expect(input.getAttribute('autocomplete')).toBe('off');
    expect(input.getAttribute('inputmode')).toBe('text');
    input.value = 'K0M3QA';
    input.dispatchEvent(new Event('input'));
    host.querySelector<HTMLFormElement>('[data-testid="live-code-form"]')!.requestSubmit();
    await flushPromises();
    expect(host.querySelector('#live-code-error')?.textContent).toBe('Koden er ikke gyldig. Den har seks tegn, fx K7M3QA.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    input.value = 'k7m 3qa';
    input.dispatchEvent(new Event('input'));
    host.querySelector<HTMLFormElement>('[data-testid="live-code-form"]')!.requestSubmit();
    await flushPromises();
    expect(router!.currentRoute.value.fullPath).toBe('/live/K7M3QA');
  });
});

describe('the phone view', () => {
  it('asks one question at a time and sends each answer with one 32-character token kept for the code', async () => {
    const calls = api();
    const host = await open('/live/K7M3QA');
    expect(host.querySelector('h1')?.textContent).toBe('Hvad mener salen?');
    expect(host.querySelector('#live-progress')?.textContent).toBe('Spørgsmål 1 af 4');

    // Nothing chosen: said at the question, nothing sent.
    await submit(host);
    expect(host.querySelector('[data-testid="live-question"] .form-error-message')?.textContent).toBe('Vælg et svar først.');
    expect(answers(calls)).toHaveLength(0);

    host.querySelector<HTMLInputElement>('#q-brug-nej')!.click();
    await submit(host);
    expect(host.querySelector('#live-progress')?.textContent).toBe('Spørgsmål 2 af 4');
    expect(document.activeElement?.id).toBe('live-progress');

    host.querySelector<HTMLInputElement>('#q-tryg-7')!.click();
    await submit(host);
    const words = host.querySelectorAll<HTMLInputElement>('[data-testid="live-question"] input[type="text"]');
    expect(words).toHaveLength(2);
    words[0]!.value = '  Tryghed ';
    words[0]!.dispatchEvent(new Event('input'));
    await submit(host);
    host.querySelector<HTMLInputElement>('#q-afsnit')!.click();
    host.querySelector<HTMLInputElement>('#q-afsnit-s2-disagree')!.click();
    expect(buttonNamed(host, 'Send svar')).toBeDefined();
    await submit(host);

    const sent = answers(calls);
    expect(sent.map((a) => [a.questionId, a.answer])).toEqual([
      ['brug', 'nej'],
      ['tryg', 7],
      ['ord', ['Tryghed']],
      ['afsnit', { s1: 'agree', s2: 'disagree' }],
    ]);
    expect(new Set(sent.map((a) => a.token)).size).toBe(1);
    expect(sent[0]!.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(localStorage.getItem('deltag.live.K7M3QA.token')).toBe(sent[0]!.token);
    expect(host.querySelector('[data-testid="live-done"]')?.textContent).toBe('Du har svaret på alle spørgsmål. Tak!');
  });

  it('continues after a reload at the first question not answered, with the same token', async () => {
    localStorage.setItem('deltag.live.K7M3QA.token', 'abcdefghijklmnopqrstuvwxyz012345');
    localStorage.setItem('deltag.live.K7M3QA.answered', JSON.stringify(['brug']));
    const calls = api();
    const host = await open('/live/K7M3QA');
    expect(host.querySelector('#live-progress')?.textContent).toBe('Spørgsmål 2 af 4');
    host.querySelector<HTMLInputElement>('#q-tryg')!.click();
    await submit(host);
    expect(answers(calls)[0]).toMatchObject({ token: 'abcdefghijklmnopqrstuvwxyz012345', questionId: 'tryg', answer: 0 });
    buttonNamed(host, 'Forrige')!.click();
    await flushPromises();
    expect(text(host.querySelector('[data-testid="live-answered"]')!)).toBe('Dit svar er modtaget.');
  });

  it('shows a 409 "already answered" as answered, not as an error', async () => {
    api(() => problem(409, 'Konflikt', 'Du har allerede svaret på dette spørgsmål.', '/problems/already-answered'));
    const host = await open('/live/K7M3QA');
    host.querySelector<HTMLInputElement>('#q-brug')!.click();
    await submit(host);
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(host.querySelector('#live-progress')?.textContent).toBe('Spørgsmål 2 af 4');
    buttonNamed(host, 'Forrige')!.click();
    await flushPromises();
    expect(host.querySelector('[data-testid="live-answered"]')).not.toBeNull();
    expect(JSON.parse(localStorage.getItem('deltag.live.K7M3QA.answered')!)).toEqual(['brug']);
  });

  it('thanks when the round is closed, also when it closes while answering', async () => {
    api(undefined, { ...phoneRound, state: 'closed', questions: [] });
    let host = await open('/live/K7M3QA');
    expect(host.querySelector('[data-testid="live-gate"]')?.textContent).toBe('Runden er lukket. Tak for dine svar.');
    wrapper!.unmount();

    api(() => problem(409, 'Konflikt', 'Runden er lukket.', '/problems/round-closed'));
    host = await open('/live/K7M3QA');
    host.querySelector<HTMLInputElement>('#q-brug')!.click();
    await submit(host);
    expect(host.querySelector('[data-testid="live-gate"]')?.textContent).toBe('Runden er lukket. Tak for dine svar.');
  });

  it('says plainly when no round has the code, and offers the field again', async () => {
    api();
    const host = await open('/live/ACDEFG');
    expect(host.querySelector('[data-testid="live-unknown"]')?.textContent).toBe('Der findes ingen runde med koden ACDEFG. Tjek koden på skærmen, og prøv igen.');
    expect(host.querySelector('#live-code')).not.toBeNull();
  });
});
