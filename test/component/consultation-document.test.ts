import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../frontend/src/App.vue';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';
import { consultationProcess, documentView, myResponse, myRounds, paragraphResponses, responseIds } from './consultation-fixtures';

/** The public document page: numbered paragraphs, the heat strip, figures, comments with answers, and one's own response. */
const PATH = '/forloeb/ai-i-gentofte/hoering/etik';
const DOC = '/api/processes/ai-i-gentofte/documents/etik';
let wrapper: VueWrapper | undefined;

// The page's chunk compiles on first use; on a busy machine that alone outlasts a test's 5 s.
beforeAll(() => import('../../frontend/src/pages/consultation/DocumentPage.vue'), 60_000);
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

const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'client-1', cognitoEndpoint: 'http://127.0.0.1:9229' };
const token = `h.${btoa(JSON.stringify({ sub: 'user-1' })).replace(/=+$/, '')}.s`;

interface Options {
  member?: boolean;
  mine?: typeof myResponse[];
  create?: (body: unknown) => Response;
}
function api(options: Options = {}) {
  return stubApi((url, init) => {
    const method = init?.method ?? 'GET';
    if (url.pathname === '/config.json') return json(config);
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(consultationProcess);
    if (url.pathname === DOC) return json(url.searchParams.get('version') === '1' ? { ...documentView, version: { ...documentView.version, version: 1, changes: [] } } : documentView);
    if (url.pathname === `${DOC}/responses` && method === 'GET') return json({ items: paragraphResponses, nextCursor: null });
    if (url.pathname === `${DOC}/responses` && method === 'POST') {
      const body = JSON.parse(String(init!.body));
      return options.create?.(body) ?? json({ ...myResponse, position: body.position, comment: body.comment }, 201);
    }
    if (url.pathname === '/api/processes/ai-i-gentofte/consultation/me') return json(myRounds(options.member ?? true));
    if (url.pathname === '/api/me/consultation-responses') return json({ items: (options.mine ?? []).map((r) => ({ ...r, processTitle: 'AI', documentTitle: 'Etik' })), nextCursor: null });
    if (url.pathname === `/api/consultation-responses/${myResponse.id}` && method === 'PATCH') return json({ ...myResponse, ...JSON.parse(String(init!.body)), edited: true });
    if (url.pathname === `/api/consultation-responses/${myResponse.id}` && method === 'DELETE') return new Response(null, { status: 204 });
    return problem(404, 'Ikke fundet');
  });
}

async function open(path = PATH) {
  const mounted = await mountInApp(App, { path });
  wrapper = mounted.wrapper;
  await flushPromises();
  return mounted.host;
}
const paragraph = (host: HTMLElement, no: number) => host.querySelector<HTMLElement>(`#p-${no}`)!;
const press = async (root: HTMLElement, name: string) => {
  buttonNamed(root, name)!.click();
  await flushPromises();
};
const type = async (field: HTMLTextAreaElement, value: string) => {
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await flushPromises();
};
const choose = async (host: HTMLElement, id: string) => {
  const input = host.querySelector<HTMLInputElement>(`#${id}`)!;
  input.checked = true;
  input.dispatchEvent(new Event('change'));
  await flushPromises();
};

describe('the document page', () => {
  it('shows the draft with numbered paragraphs under its headings, what they rest on, and links in its text', async () => {
    api();
    const host = await open();

    expect(host.querySelector('h1')?.textContent).toBe('Etiske retningslinjer');
    expect([...host.querySelectorAll('article h2')].map((h) => h.textContent)).toEqual(['Formål', 'Data']);
    expect([...host.querySelectorAll('article h3.paragraph__no')].map((h) => h.textContent)).toEqual(['§ 1', '§ 3', '§ 2']);
    expect(text(paragraph(host, 1))).toContain('Bygger på: Åbenhed');
    expect([...paragraph(host, 3).querySelectorAll('li')].map((li) => li.textContent)).toEqual(['i sager om ydelser', 'i sager om børn']);
    const link = host.querySelector<HTMLAnchorElement>('.lead a');
    expect(link?.getAttribute('href')).toBe('https://gentofte.dk/ai');
    expect(link?.textContent).toBe('https://gentofte.dk/ai');
    expect(text(host)).toContain('1 af 2 kommentarer besvaret');
  });

  it('draws a heat strip whose cells link to their paragraph and say the figures in words', async () => {
    api();
    const host = await open();

    const cells = [...host.querySelectorAll<HTMLAnchorElement>('[data-testid="heat-cell"]')];
    expect(cells.map((a) => a.getAttribute('href'))).toEqual(['#p-1', '#p-3', '#p-2']);
    expect(cells[0]!.querySelector('.visually-hidden')?.textContent).toBe('§ 1: 12 enige, 3 uenige, 2 neutrale');
    expect(cells[1]!.querySelector('.visually-hidden')?.textContent).toBe('§ 3: ingen svar endnu');
    expect(host.querySelector('nav[aria-label="Enighed pr. afsnit"]')).not.toBeNull();
  });

  it('gives the figures per round, by participant type on demand', async () => {
    api();
    const host = await open();

    const p1 = paragraph(host, 1);
    expect(text(p1)).toContain('Følgegruppens runde: 12 enige, 2 neutrale, 3 uenige');
    expect(text(p1)).not.toContain('Offentlig høring:');
    expect(p1.querySelector('details summary')?.textContent).toBe('Vis fordelt på deltagertype');
    expect([...p1.querySelectorAll('tbody tr > *')].map((cell) => cell.textContent)).toEqual(['Medarbejder', '12', '2', '3']);
    expect(text(paragraph(host, 2))).toContain('Ingen har svaret på dette afsnit endnu.');
  });

  it("opens a paragraph's comments: the follow-group's under their own heading, each with the committee's answer", async () => {
    const calls = api();
    const host = await open();

    await press(paragraph(host, 1), 'Vis kommentarer (§ 1)');

    const request = calls.find((c) => c.url.pathname === `${DOC}/responses`)!;
    expect(request.url.searchParams.get('paragraph')).toBe('1');
    const p1 = paragraph(host, 1);
    expect([...p1.querySelectorAll('h4')].map((h) => h.textContent)).toEqual(['Følgegruppens kommentarer', 'Kommentarer']);
    const items = [...p1.querySelectorAll<HTMLElement>('[data-testid="response"]')];
    expect(items).toHaveLength(2);
    expect(items[0]!.id).toBe(`svar-${responseIds.a}`);
    expect(text(items[0]!)).toContain('Holdning: Uenig');
    const answer = items[0]!.querySelector('[data-testid="answer"]')!;
    expect(text(answer.querySelector('p')!)).toBe('Udvalgets svar: Taget med');
    expect(answer.querySelectorAll('p')[1]?.textContent).toBe('Vi har tilføjet § 3.');
    expect(text(items[1]!)).toContain('Endnu ikke besvaret');
    expect(text(items[1]!)).toContain('til version 1');
    expect(items[1]!.querySelector('a[href="https://example.dk/kilde"]')?.textContent).toBe('https://example.dk/kilde');
    expect(items.every((item) => item.querySelector('.flag'))).toBe(true);
  });

  it('offers a signed-out reader to sign in and come back to the paragraph, and no form', async () => {
    api();
    const host = await open();

    const signInLink = paragraph(host, 1).querySelector<HTMLAnchorElement>('.paragraph__signin a')!;
    expect(signInLink.textContent).toBe('Log ind for at svare på § 1');
    expect(new URL(signInLink.href, 'http://x').searchParams.get('next')).toBe('/forloeb/ai-i-gentofte/hoering/etik#p-1');
    expect(host.querySelector('form[data-testid^="response-form"]')).toBeNull();
  });
});

describe('responding to a paragraph', () => {
  it('asks for a position first, then sends it with the comment and shows "Din holdning"', async () => {
    const calls = api();
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const host = await open();

    const form = paragraph(host, 1).querySelector<HTMLFormElement>('[data-testid="response-form-1"]')!;
    expect(text(form)).toContain('Du svarer i: Følgegruppens runde');
    expect(text(form)).toContain('Dit svar vises under Følgegruppens kommentarer');
    expect(host.querySelector('[data-testid="response-form-2"]')).not.toBeNull();
    await press(form, 'Send dit svar');
    expect(text(form)).toContain('Vælg enig, neutral eller uenig.');
    expect(document.activeElement?.id).toBe('p-1-foelgegruppe-position');
    expect(calls.some((c) => c.init?.method === 'POST' && c.url.pathname.startsWith('/api/'))).toBe(false);

    await choose(host, 'p-1-foelgegruppe-position');
    await type(form.querySelector('textarea')!, '  Godt afsnit.  ');
    expect(text(form)).toContain('1988 af 2000 tegn tilbage.');
    await press(form, 'Send dit svar');

    const post = calls.find((c) => c.init?.method === 'POST' && c.url.pathname.startsWith('/api/'))!;
    expect(post.url.pathname).toBe(`${DOC}/responses`);
    expect(JSON.parse(String(post.init!.body))).toEqual({ roundId: 'foelgegruppe', paragraphNo: 1, position: 'agree', comment: 'Godt afsnit.' });
    expect(text(paragraph(host, 1).querySelector('[data-testid="mine-1"]')!)).toContain('Din holdning: Enig');
    expect(text(paragraph(host, 1))).toContain('Godt afsnit.');
  });

  it("puts the server's field message at its field and keeps what was written", async () => {
    api({
      create: () =>
        new Response(JSON.stringify({ type: '/problems/validation', title: 'Ugyldige data', status: 400, errors: [{ path: 'body.comment', message: 'Kommentaren er for lang' }] }), {
          status: 400,
          headers: { 'content-type': 'application/problem+json' },
        }),
    });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const host = await open();
    const form = paragraph(host, 1).querySelector<HTMLFormElement>('[data-testid="response-form-1"]')!;

    await choose(host, 'p-1-foelgegruppe-position-disagree');
    await type(form.querySelector('textarea')!, 'Noget');
    await press(form, 'Send dit svar');

    expect(form.querySelector('#p-1-foelgegruppe-comment-error')?.textContent).toContain('Kommentaren er for lang');
    expect(form.querySelector('[role="alert"]')?.textContent).toBe('Ugyldige data');
    expect(form.querySelector('textarea')!.value).toBe('Noget');
    expect(document.activeElement?.id).toBe('p-1-foelgegruppe-comment');
  });

  it('shows my earlier response, lets me change it and delete it', async () => {
    const calls = api({ mine: [myResponse] });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const host = await open();
    const p1 = paragraph(host, 1);

    expect(text(p1.querySelector('[data-testid="mine-1"]')!)).toContain('Din holdning: Enig');
    expect(p1.querySelector('[data-testid="response-form-1"]')).toBeNull();
    await press(p1, 'Ret dit svar');
    await choose(host, 'p-1-foelgegruppe-position-neutral');
    await press(p1, 'Gem ændringer');
    const patch = calls.find((c) => c.init?.method === 'PATCH')!;
    expect(JSON.parse(String(patch.init!.body))).toEqual({ position: 'neutral', comment: 'Fint.' });
    expect(text(p1)).toContain('Din holdning: Neutral');

    await press(p1, 'Slet dit svar');
    expect(text(p1)).toContain('Vil du slette dit svar på § 1?');
    await press(p1, 'Ja, slet');
    expect(calls.some((c) => c.init?.method === 'DELETE' && c.url.pathname === `/api/consultation-responses/${myResponse.id}`)).toBe(true);
    expect(p1.querySelector('[data-testid="response-form-1"]')).not.toBeNull();
  });

  it('says that my comment waits for a moderator while it is held', async () => {
    api({ mine: [{ ...myResponse, state: 'held' }] });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const host = await open();
    expect(text(paragraph(host, 1).querySelector('[data-testid="mine-1"]')!)).toContain('Din kommentar vises for andre, når en moderator har set den.');
  });

  it('tells a signed-in person outside the invited round so, with no form', async () => {
    api({ member: false });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const host = await open();

    expect(text(host)).toContain('Denne runde er kun for de inviterede.');
    expect(host.querySelector('form[data-testid^="response-form"]')).toBeNull();
  });

  it('reads an older version without a form, with the way back to the latest and to the changes', async () => {
    api();
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const host = await open(`${PATH}?version=1`);

    expect(text(host)).toContain('Du læser version 1, en ældre version.');
    expect(host.querySelector('form[data-testid^="response-form"]')).toBeNull();
    expect(host.querySelector<HTMLSelectElement>('#version-picker')?.value).toBe('1');
  });

  it('links version 2 to its changes and reads in English', async () => {
    api();
    const host = await open();
    expect(host.querySelector('a[href="/forloeb/ai-i-gentofte/hoering/etik/aendringer?fra=1&til=2"]')?.textContent?.trim()).toBe('Se ændringerne fra version 1 til 2');

    await setLocale('en', false);
    await flushPromises();
    expect(host.querySelector('h1')?.textContent).toBe('Ethical guidelines');
    expect(text(paragraph(host, 1))).toContain('Rests on: Openness');
    expect(host.querySelector('[data-testid="heat-cell"] .visually-hidden')?.textContent).toBe('§ 1: 12 agree, 3 disagree, 2 neutral');
  });
});
