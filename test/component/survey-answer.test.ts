import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../frontend/src/App.vue';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';
import { survey, surveyProcess } from './survey-fixtures';

/** The answer page: every question kind as a form control, the section steps, the draft kept in the browser, the receipt. */
const PATH = '/forloeb/ai-i-gentofte/spoergeskema';
let wrapper: VueWrapper | undefined;

beforeEach(async () => {
  document.body.innerHTML = '';
  localStorage.clear();
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

function api(open = true) {
  return stubApi((url, init) => {
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(surveyProcess(open));
    if (url.pathname === '/api/processes/ai-i-gentofte/survey') return json(survey);
    if (url.pathname === '/api/processes/ai-i-gentofte/survey/anonymous-answers' && init?.method === 'POST') return json({ answered: true, day: '2026-12-01' }, 201);
    return problem(404, 'Ikke fundet');
  });
}

async function open(path = PATH) {
  const mounted = await mountInApp(App, { path });
  wrapper = mounted.wrapper;
  await flushPromises();
  return mounted.host;
}

const start = async (host: HTMLElement) => {
  buttonNamed(host, 'Start')!.click();
  await flushPromises();
};
const press = async (host: HTMLElement, name: string) => {
  buttonNamed(host, name)!.click();
  await flushPromises();
};
const check = async (host: HTMLElement, id: string) => {
  const input = host.querySelector<HTMLInputElement>(`#${id}`)!;
  input.checked = !input.checked;
  input.dispatchEvent(new Event('change'));
  await flushPromises();
};

describe('the survey answer page', () => {
  it('shows the intro, then each kind of question as labelled form controls with progress', async () => {
    api();
    const host = await open();
    expect(host.querySelector('h1')?.textContent).toBe('Holdninger til AI');
    expect(text(host)).toContain('Spørgeskemaet har 2 dele.');

    await start(host);

    expect(text(host)).toContain('Del 1 af 2');
    const legends = [...host.querySelectorAll('fieldset legend')].map((l) => l.textContent?.replace(/\s+/g, ' ').trim());
    expect(legends).toEqual(['Jeg har tillid til AI i kommunen', 'Hvor nyttigt er AI? (valgfrit)', 'Bruger du AI?', 'Hvor skal AI bruges? (valgfrit)']);
    const likert = host.querySelectorAll('input[name="q-tillid"][type="radio"]');
    expect(likert).toHaveLength(5);
    expect(host.querySelector('label[for="q-tillid-0"]')?.textContent).toBe('1 – Meget uenig');
    expect(host.querySelector('label[for="q-tillid-4"]')?.textContent).toBe('5 – Meget enig');
    expect(host.querySelectorAll('input[name="q-nytte"][type="radio"]')).toHaveLength(11);
    expect(host.querySelector('label[for="q-nytte-10"]')?.textContent).toBe('10 – Meget');
    expect(host.querySelectorAll('input[name="q-brug"][type="radio"]')).toHaveLength(2);
    expect(host.querySelectorAll('input[name="q-omraader"][type="checkbox"]')).toHaveLength(3);
    expect(text(host)).toContain('Vælg højst 2.');
  });

  it('lets no more boxes be ticked than the question allows', async () => {
    api();
    const host = await open();
    await start(host);

    await check(host, 'q-omraader-0');
    await check(host, 'q-omraader-1');

    const third = host.querySelector<HTMLInputElement>('#q-omraader-2')!;
    expect(third.disabled).toBe(true);
    expect(text(host)).toContain('Du har valgt 2 af højst 2.');
    await check(host, 'q-omraader-2');
    expect(JSON.parse(localStorage.getItem('deltag.survey.ai-i-gentofte.draft')!).answers.omraader).toEqual(['skole', 'aeldre']);
  });

  it('names the unanswered required questions in the error summary and stays on the section', async () => {
    api();
    const host = await open();
    await start(host);
    await check(host, 'q-brug-0');

    await press(host, 'Næste');

    const summary = host.querySelector('.error-summary')!;
    expect(text(summary)).toContain('Jeg har tillid til AI i kommunen: Besvar dette spørgsmål');
    expect(text(summary)).not.toContain('Bruger du AI?');
    expect(summary.querySelector('a')?.getAttribute('href')).toBe('#q-tillid-0');
    expect(text(host)).toContain('Del 1 af 2');
  });

  it('keeps the answers and the section in the browser across a reload', async () => {
    api();
    let host = await open();
    await start(host);
    await check(host, 'q-tillid-3');
    await check(host, 'q-brug-1');
    await press(host, 'Næste');
    expect(text(host)).toContain('Del 2 af 2');
    wrapper!.unmount();
    document.body.innerHTML = '';
    resetProcessCache();

    host = await open();

    expect(text(host)).toContain('Del 2 af 2');
    expect(host.querySelector('#q-kort')).not.toBeNull();
    expect(text(host)).toContain('Din alder (valgfrit)');
    expect(text(host)).toContain('Vi spørger for at se, om holdningerne er forskellige i aldersgrupperne.');
    await press(host, 'Forrige');
    expect(host.querySelector<HTMLInputElement>('#q-tillid-3')!.checked).toBe(true);
    expect(host.querySelector<HTMLInputElement>('#q-brug-1')!.checked).toBe(true);
  });

  it('counts the characters left in a text answer', async () => {
    api();
    localStorage.setItem('deltag.survey.ai-i-gentofte.draft', JSON.stringify({ section: 1, answers: {} }));
    const host = await open();
    const input = host.querySelector<HTMLInputElement>('#q-kort')!;
    expect(input.maxLength).toBe(40);

    input.value = 'Spændende';
    input.dispatchEvent(new Event('input'));
    await flushPromises();

    expect(host.querySelector('#q-kort-count')?.textContent).toBe('31 af 40 tegn tilbage.');
    expect(input.getAttribute('aria-describedby')).toContain('q-kort-count');
  });

  it('sends the answer once with the browser token, shows the receipt, and says already answered on the next visit', async () => {
    const calls = api();
    localStorage.setItem('deltag.survey.ai-i-gentofte.draft', JSON.stringify({ section: 1, answers: { tillid: 4, brug: 'ja' } }));
    let host = await open();
    host.querySelector<HTMLTextAreaElement>('#q-lang')!.value = 'Overvågning';
    host.querySelector('#q-lang')!.dispatchEvent(new Event('input'));
    await flushPromises();

    await press(host, 'Send svar');

    const post = calls.find((c) => c.init?.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/processes/ai-i-gentofte/survey/anonymous-answers');
    const body = JSON.parse(String(post.init!.body));
    expect(body.answers).toEqual({ tillid: 4, brug: 'ja', lang: 'Overvågning' });
    expect(body.browserToken).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
    expect(host.querySelector('h1')?.textContent).toBe('Tak for dit svar');
    expect(text(host)).toContain('Vi har modtaget dit svar den 1. december 2026.');
    expect(localStorage.getItem('deltag.survey.ai-i-gentofte.draft')).toBeNull();

    wrapper!.unmount();
    document.body.innerHTML = '';
    resetProcessCache();
    host = await open();
    expect(text(host)).toContain('Du har allerede svaret på spørgeskemaet.');
    expect(buttonNamed(host, 'Start')).toBeUndefined();
  });

  it('says when the survey opens, and offers no form before', async () => {
    api(false);
    const host = await open();
    expect(text(host)).toMatch(/Spørgeskemaet åbner den \d+\. \w+ \d{4}\./);
    expect(buttonNamed(host, 'Start')).toBeUndefined();
  });
});

const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'client-1', cognitoEndpoint: 'http://127.0.0.1:9229' };
const token = `h.${btoa(JSON.stringify({ sub: 'user-1' })).replace(/=+$/, '')}.s`;

/** A survey that needs signing in, and a person who has (or has not) answered it. */
function signedInApi(answered: boolean) {
  return stubApi((url, init) => {
    if (url.pathname === '/config.json') return json(config);
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(surveyProcess());
    if (url.pathname === '/api/processes/ai-i-gentofte/survey') return json({ ...survey, anonymous: false });
    if (url.pathname === '/api/processes/ai-i-gentofte/survey/me') return json({ answered });
    if (url.pathname === '/api/processes/ai-i-gentofte/survey/answers' && init?.method === 'POST') return json({ answered: true, day: '2026-12-01' }, 201);
    return problem(404, 'Ikke fundet');
  });
}

describe('a survey for signed-in people', () => {
  it('asks a signed-out reader to sign in and offers no form', async () => {
    signedInApi(false);
    const host = await open();
    expect(text(host)).toContain('Log ind for at svare.');
    expect(host.querySelector('a[href="/log-ind?next=/forloeb/ai-i-gentofte/spoergeskema"]')).not.toBeNull();
    expect(buttonNamed(host, 'Start')).toBeUndefined();
  });

  it('tells a signed-in person who has answered so, from the server', async () => {
    const calls = signedInApi(true);
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const host = await open();
    expect(calls.some((c) => c.url.pathname.endsWith('/survey/me'))).toBe(true);
    expect(text(host)).toContain('Du har allerede svaret på spørgeskemaet.');
  });

  it('sends a signed-in answer to the signed-in route, without a browser token', async () => {
    const calls = signedInApi(false);
    await signIn('anna@example.dk', 'langt-kodeord-1');
    localStorage.setItem('deltag.survey.ai-i-gentofte.draft', JSON.stringify({ section: 1, answers: { tillid: 2, brug: 'nej' } }));
    const host = await open();

    await press(host, 'Send svar');

    const post = calls.find((c) => c.init?.method === 'POST' && c.url.pathname.startsWith('/api/'))!;
    expect(post.url.pathname).toBe('/api/processes/ai-i-gentofte/survey/answers');
    expect(JSON.parse(String(post.init!.body))).toEqual({ answers: { tillid: 2, brug: 'nej' } });
    expect((post.init?.headers as Record<string, string>).authorization).toBe(`Bearer ${token}`);
    expect(host.querySelector('h1')?.textContent).toBe('Tak for dit svar');
  });
});
