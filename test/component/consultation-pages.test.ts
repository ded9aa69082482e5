import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../frontend/src/App.vue';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';
import { consultationProcess, diff, documentView, myResponse, myRounds, responseIds, rounds } from './consultation-fixtures';

/** The consultation's other public pages: the list of drafts, the diff, joining the follow-group's round, and Min side's "what happened to your input". */
let wrapper: VueWrapper | undefined;
let router: Awaited<ReturnType<typeof mountInApp>>['router'] | undefined;

// The pages' chunks compile on first use; on a busy machine that alone outlasts a test's 5 s.
beforeAll(() => Promise.all([import('../../frontend/src/pages/consultation/DocumentDiffPage.vue'), import('../../frontend/src/pages/MyPage.vue')]), 60_000);
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
const profileBody = { userId: 'user-1', displayName: 'Anna', participantType: 'employee', createdAt: '2026-11-27T10:00:00.000Z', updatedAt: '2026-11-27T10:00:00.000Z' };
const summary = { id: 'etik', title: { da: 'Etiske retningslinjer' }, summary: { da: 'Udkastet.' }, currentVersion: 2, publishedAt: documentView.version.publishedAt, comments: 4, answered: 3 };

function api(join: () => Response = () => json(myRounds(true))) {
  return stubApi((url, init) => {
    if (url.pathname === '/config.json') return json(config);
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(consultationProcess);
    if (url.pathname === '/api/processes/ai-i-gentofte/documents') return json({ items: [summary, { ...summary, id: 'kladde', currentVersion: 0 }], rounds });
    if (url.pathname === '/api/processes/ai-i-gentofte/documents/etik/diff') return json(diff);
    if (url.pathname === '/api/processes/ai-i-gentofte/consultation/rounds/foelgegruppe/join' && init?.method === 'POST') return join();
    if (url.pathname === '/api/me') return json(profileBody);
    if (url.pathname === '/api/me/ideas' || url.pathname === '/api/me/voted-ideas') return json({ items: [], nextCursor: null });
    if (url.pathname === '/api/me/consultation-responses') {
      const answered = { ...myResponse, answer: { status: 'partly', text: 'Vi har skrevet det tydeligere.', answeredAt: myResponse.createdAt } };
      const waiting = { ...myResponse, id: responseIds.b, paragraphNo: 3, position: 'disagree', comment: 'Mangler noget.' };
      return json({ items: [answered, waiting].map((r) => ({ ...r, processTitle: 'AI i Gentofte Kommune', documentTitle: 'Etiske retningslinjer' })), nextCursor: null });
    }
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

describe('the list of drafts', () => {
  it('lists the published drafts with their answered comments, and the rounds with whom each is for', async () => {
    api();
    const host = await open('/forloeb/ai-i-gentofte/hoering');

    expect(host.querySelector('h1')?.textContent).toBe('Høring over udvalgets udkast');
    const docs = [...host.querySelectorAll('[data-testid="document"]')];
    expect(docs).toHaveLength(1);
    expect(docs[0]!.querySelector('a')?.getAttribute('href')).toBe('/forloeb/ai-i-gentofte/hoering/etik');
    expect(text(docs[0]!)).toContain('3 af 4 kommentarer besvaret');
    const invited = host.querySelector('[data-testid="round-foelgegruppe"]')!;
    expect(text(invited)).toContain('Inviteret runde');
    expect(text(invited)).toContain('Åben nu');
    expect(text(invited)).toContain('For de inviterede (følgegruppen).');
    expect(text(host.querySelector('[data-testid="round-offentlig"]')!)).toMatch(/Åbner \d+\./);
  });
});

describe('the diff page', () => {
  it('marks words added and removed in words as well as by underline and strike, and links each change to the comments behind it', async () => {
    api();
    const host = await open('/forloeb/ai-i-gentofte/hoering/etik/aendringer?fra=1&til=2');

    expect(host.querySelector('h1')?.textContent).toBe('Ændringer fra version 1 til 2');
    const changed = host.querySelectorAll('[data-testid="diff-entry"]')[0]!;
    expect(changed.querySelector('ins')?.textContent).toBe('Tilføjet:  til at hjælpe borgerne. (slut på tilføjet)');
    expect(changed.querySelector('del')?.textContent).toBe('Fjernet: . (slut på fjernet)');
    expect(text(changed)).toContain('Ændret på baggrund af:');
    const because = changed.querySelector<HTMLAnchorElement>('.diff-entry__because a')!;
    expect(because.textContent?.trim()).toBe('kommentar fra Bo Medarbejder');
    expect(because.getAttribute('href')).toBe(`/forloeb/ai-i-gentofte/hoering/etik?afsnit=1&svar=${responseIds.a}#svar-${responseIds.a}`);
    expect([...host.querySelectorAll('[data-testid="diff-entry"] .tag')].map((t) => t.textContent?.trim())).toEqual(['Ændret', 'Nyt afsnit', 'Uændret']);
  });

  it('asks for two different versions instead of calling the API with a bad range', async () => {
    const calls = api();
    const host = await open('/forloeb/ai-i-gentofte/hoering/etik/aendringer?fra=2&til=2');
    expect(host.querySelector('h1')?.textContent).toBe('Vælg to forskellige versioner.');
    expect(calls.some((c) => c.url.pathname.endsWith('/diff'))).toBe(false);
  });
});

describe('joining the follow-group round', () => {
  const PATH = '/forloeb/ai-i-gentofte/hoering/runde/foelgegruppe?token=abcdefghijklmnopqrstuvwx';

  it('explains the round and sends a signed-out reader to sign in and back', async () => {
    api();
    const host = await open(PATH);
    expect(host.querySelector('h1')?.textContent).toBe('Følgegruppens runde');
    const link = host.querySelector<HTMLAnchorElement>('a.button')!;
    expect(new URL(link.href, 'http://x').searchParams.get('next')).toBe(PATH);
  });

  it('joins with the token and goes on to the drafts', async () => {
    const calls = api();
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const host = await open(PATH);
    buttonNamed(host, 'Deltag i runden')!.click();
    await flushPromises();
    const post = calls.find((c) => c.url.pathname.endsWith('/join'))!;
    expect(JSON.parse(String(post.init!.body))).toEqual({ token: 'abcdefghijklmnopqrstuvwx' });
    expect(router!.currentRoute.value.name).toBe('consultation');
  });

  it('says plainly when the link is not valid, and stays', async () => {
    api(() => problem(404, 'Ikke fundet'));
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const host = await open(PATH);
    buttonNamed(host, 'Deltag i runden')!.click();
    await flushPromises();
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('Linket er ikke gyldigt eller er udløbet. Bed sekretariatet om et nyt link.');
    expect(router!.currentRoute.value.name).toBe('consultation-join');
  });
});

describe("Min side's input section", () => {
  it('lists my responses with a link to their paragraph and the answer, or that none has come yet', async () => {
    api();
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const host = await open('/min-side');

    const section = host.querySelector('[data-testid="my-consultation-input"]')!;
    expect(section.querySelector('h2')?.textContent).toBe('Hvad skete der med dit input');
    const items = [...section.querySelectorAll('[data-testid="my-response"]')];
    expect(items.map((li) => li.querySelector('a')?.textContent)).toEqual(['Etiske retningslinjer, § 1', 'Etiske retningslinjer, § 3']);
    expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe(`/forloeb/ai-i-gentofte/hoering/etik?afsnit=1&svar=${myResponse.id}#p-1`);
    expect(text(items[0]!)).toContain('Din holdning: Enig');
    expect(text(items[0]!)).toContain('Delvist taget med');
    expect(text(items[0]!)).toContain('Vi har skrevet det tydeligere.');
    expect(text(items[1]!)).toContain('Endnu ikke besvaret');

    await setLocale('en', false);
    await flushPromises();
    expect(section.querySelector('h2')?.textContent).toBe('What happened to your input');
  });
});
