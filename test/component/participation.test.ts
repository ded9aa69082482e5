import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommentThread } from '#shared/schemas/comment';
import type { IdeaDetail } from '#shared/schemas/idea';
import FlagForm from '../../frontend/src/components/idea/FlagForm.vue';
import IdeaVote from '../../frontend/src/components/idea/IdeaVote.vue';
import { clearVotes } from '../../frontend/src/composables/idea/useVotes';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import IdeaPage from '../../frontend/src/pages/IdeaPage.vue';
import NewIdeaPage from '../../frontend/src/pages/NewIdeaPage.vue';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';
import { idea, process } from './fixtures';

const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'client-1', cognitoEndpoint: 'http://127.0.0.1:9229' };
const token = `h.${btoa(JSON.stringify({ sub: 'user-1' })).replace(/=+$/, '')}.s`;
type Answer = (url: URL, init: RequestInit | undefined) => Response | Promise<Response> | undefined;

/** The fake backend: config and Cognito for the sign-in, then the test's own answers. */
function backend(answer: Answer) {
  return stubApi((url, init) => {
    if (url.pathname === '/config.json') return json(config);
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    return answer(url, init) ?? json({}, 404);
  });
}

let wrapper: VueWrapper | undefined;
beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  resetProcessCache();
  clearVotes();
});
afterEach(async () => {
  wrapper?.unmount();
  wrapper = undefined;
  await signOut();
  vi.unstubAllGlobals();
});

describe('the vote button', () => {
  it('offers sign-in to a signed-out reader, and a pressed toggle with the new count once signed in', async () => {
    const calls = backend((url, init) => (url.pathname.endsWith('/vote') ? json({ voteCount: 4, voted: init?.method === 'PUT' }) : undefined));
    const mounted = await mountInApp(IdeaVote, { path: '/forloeb/ai-i-gentofte/ideer', props: { ideaId: idea(1).id, title: 'Idé nummer 1', count: 3, canVote: true } });
    wrapper = mounted.wrapper;
    expect(mounted.host.querySelector('a')?.getAttribute('href')).toBe('/log-ind?next=/forloeb/ai-i-gentofte/ideer');

    await signIn('anna@example.dk', 'langt-kodeord-1');
    await flushPromises();
    const button = mounted.host.querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.textContent?.replace(/\s+/g, ' ').trim()).toBe('Stem på Idé nummer 1');

    button.click();
    await flushPromises();

    const vote = calls.find((c) => c.url.pathname.endsWith('/vote'))!;
    expect(vote.init?.method).toBe('PUT');
    expect((vote.init?.headers as Record<string, string>).authorization).toBe(`Bearer ${token}`);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(text(mounted.host)).toContain('4 stemmer');
    expect(mounted.host.querySelector('[role="status"]')?.textContent).toBe('Din stemme er registreret. 4 stemmer i alt.');
  });

  it('says why a vote failed (a closed phase) in an alert', async () => {
    backend((url) => (url.pathname.endsWith('/vote') ? problem(409, 'Kan ikke udføres lige nu', 'Afstemningen er lukket', '/problems/voting-closed') : undefined));
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const mounted = await mountInApp(IdeaVote, { path: '/forloeb/ai-i-gentofte/ideer', props: { ideaId: idea(1).id, title: 'Idé', count: 0, canVote: true } });
    wrapper = mounted.wrapper;

    mounted.host.querySelector('button')!.click();
    await flushPromises();

    expect(mounted.host.querySelector('[role="alert"]')?.textContent).toBe('Der kan ikke stemmes i denne fase af forløbet.');
    expect(mounted.host.querySelector('button')?.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('the idea page', () => {
  const detail: IdeaDetail = { ...idea(7, { title: 'Skriv <i>kort</i>', commentCount: 1 }), body: 'Første linje.\n\nAnden linje.', concerns: 'Data.', officialAnswer: 'Udvalget arbejder <b>videre</b>.', updatedAt: '2026-11-27T10:00:00.000Z' };
  const fresh = new Date(Date.now() - 60_000).toISOString();
  const old = new Date(Date.now() - 60 * 60_000).toISOString();
  const thread = (id: string, createdAt: string, replies: CommentThread['replies'] = []): CommentThread => ({
    id,
    ideaId: detail.id,
    state: 'visible',
    body: `Tekst ${id}`,
    authorName: 'Anna',
    authorType: 'citizen',
    edited: false,
    createdAt,
    updatedAt: createdAt,
    replies,
  });
  const mine = '01JCOMMENT0000000000000001';
  const theirs = '01JCOMMENT0000000000000002';
  const oldMine = '01JCOMMENT0000000000000003';

  it('shows the idea as text, and offers edit and delete only on my comments within 15 minutes', async () => {
    backend((url) => {
      if (url.pathname === '/api/processes/ai-i-gentofte') return json(process);
      if (url.pathname === `/api/ideas/${detail.id}`) return json(detail);
      if (url.pathname === `/api/ideas/${detail.id}/comments`)
        return json({
          items: [thread(mine, fresh), thread(theirs, fresh, [{ ...thread(oldMine, old), parentId: theirs }]), { ...thread('01JCOMMENT0000000000000004', old), state: 'deleted', body: undefined, authorName: undefined }],
          nextCursor: null,
        });
      if (url.pathname === '/api/me/comments') return json({ ids: [mine, oldMine] });
      if (url.pathname === '/api/me/votes') return json({ voted: [detail.id] });
      return undefined;
    });
    await signIn('anna@example.dk', 'langt-kodeord-1');

    const { host, wrapper: w, router } = await mountInApp(IdeaPage, { path: `/forloeb/ai-i-gentofte/ideer/${detail.id}` });
    wrapper = w;

    expect(host.querySelector('h1')?.textContent).toBe('Skriv <i>kort</i>');
    expect(host.querySelector('i')).toBeNull();
    // At its own address, in its process: nothing to correct.
    expect(router.currentRoute.value.fullPath).toBe(`/forloeb/ai-i-gentofte/ideer/${detail.id}`);
    expect([...host.querySelectorAll('.idea-page__back a')].map((a) => a.getAttribute('href'))).toEqual(['/forloeb/ai-i-gentofte', '/forloeb/ai-i-gentofte/ideer']);
    expect([...host.querySelectorAll('.idea-page__body p')].map((p) => p.textContent)).toEqual(['Første linje.', 'Anden linje.']);
    expect(document.title).toBe('Skriv <i>kort</i> – Deltag – Gentofte Kommune');
    expect(host.querySelector('#answer-heading')?.textContent).toBe('Kommunens svar');
    expect(host.querySelector('.idea-page__answer p')?.textContent).toBe('Udvalget arbejder <b>videre</b>.');
    expect(host.querySelector('b')).toBeNull();
    // I voted for it already: the toggle says so.
    expect(host.querySelector('.idea-page__vote button')?.getAttribute('aria-pressed')).toBe('true');

    const article = (id: string) => host.querySelector(`#comment-${id}`)!;
    expect(buttonNamed(article(mine), 'Redigér')).toBeDefined();
    expect(buttonNamed(article(mine), 'Slet')).toBeDefined();
    expect(buttonNamed(article(theirs), 'Redigér')).toBeUndefined();
    expect(buttonNamed(article(oldMine), 'Redigér')).toBeUndefined();
    expect(text(host)).toContain('Kommentaren er slettet.');
    // Others' comments can be flagged; my own cannot.
    expect(buttonNamed(article(theirs), 'Anmeld kommentaren')).toBeDefined();
    expect(buttonNamed(article(mine), 'Anmeld kommentaren')).toBeUndefined();
  });
});

describe('the new-idea wizard', () => {
  it('checks each step with the shared schema, ties the errors to the fields, and keeps the draft', async () => {
    backend((url) => (url.pathname === '/api/processes/ai-i-gentofte' ? json(process) : url.pathname === '/api/me' ? json({ displayName: 'Anna' }) : undefined));
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const { host, wrapper: w } = await mountInApp(NewIdeaPage, { path: '/forloeb/ai-i-gentofte/ideer/ny' });
    wrapper = w;

    const title = host.querySelector<HTMLInputElement>('#title')!;
    title.value = 'AI';
    title.dispatchEvent(new Event('input'));
    buttonNamed(host, 'Næste')!.click();
    await flushPromises();

    const summary = host.querySelector('.error-summary')!;
    expect(summary.getAttribute('role')).toBe('alert');
    expect([...summary.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Overskrift: Skal være mindst 5 tegn', 'Beskrivelse: Skal være mindst 20 tegn']);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')).toContain('title-error');
    // Kept per process: a draft begun in one process is not sent to another.
    expect(JSON.parse(sessionStorage.getItem('deltag.ideaDraft.ai-i-gentofte')!).title).toBe('AI');

    title.value = 'AI i skolen';
    title.dispatchEvent(new Event('input'));
    const body = host.querySelector<HTMLTextAreaElement>('#body')!;
    body.value = 'En beskrivelse på mere end tyve tegn.';
    body.dispatchEvent(new Event('input'));
    buttonNamed(host, 'Næste')!.click();
    await flushPromises();

    expect(host.querySelector('.error-summary')).toBeNull();
    expect(host.querySelector('#step-heading')?.textContent).toContain('Trin 2 af 4');
    expect(document.activeElement?.id).toBe('step-heading');
    buttonNamed(host, 'Næste')!.click();
    await flushPromises();
    expect([...host.querySelectorAll('.error-summary a')].map((a) => a.textContent)).toEqual([
      'Område: Vælg et område',
      'Forventede effekter: Vælg mindst én',
      'Hvem gavner det?: Vælg mindst én',
    ]);
  });

  it('words the shared schema\'s errors in English when the reader reads English', async () => {
    backend((url) => (url.pathname === '/api/processes' ? json({ items: [process] }) : url.pathname === '/api/me' ? json({ displayName: 'Anna' }) : undefined));
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const { host, wrapper: w } = await mountInApp(NewIdeaPage, { path: '/ideer/ny' });
    wrapper = w;
    await setLocale('en', false);
    await flushPromises();

    buttonNamed(host, 'Next')!.click();
    await flushPromises();
    expect([...host.querySelectorAll('.error-summary a')].map((a) => a.textContent)).toEqual(['Title: Must be at least 5 characters', 'Description: Must be at least 20 characters']);

    const title = host.querySelector<HTMLInputElement>('#title')!;
    title.value = 'x'.repeat(141);
    title.dispatchEvent(new Event('input'));
    buttonNamed(host, 'Next')!.click();
    await flushPromises();
    expect(host.querySelector('.error-summary a')?.textContent).toBe('Title: Must be at most 140 characters');

    title.value = 'AI in schools';
    title.dispatchEvent(new Event('input'));
    const body = host.querySelector<HTMLTextAreaElement>('#body')!;
    body.value = 'A description of more than twenty characters.';
    body.dispatchEvent(new Event('input'));
    buttonNamed(host, 'Next')!.click();
    await flushPromises();
    buttonNamed(host, 'Next')!.click();
    await flushPromises();
    expect([...host.querySelectorAll('.error-summary a')].map((a) => a.textContent)).toEqual([
      'Area: Choose an area',
      'Expected effects: Choose at least one',
      'Who benefits?: Choose at least one',
    ]);
  });
});

describe('the flag form', () => {
  async function flagAndAnswer(held: boolean) {
    backend((url) => (url.pathname.endsWith('/flags') ? json({ received: true, held }, 201) : undefined));
    const mounted = await mountInApp(FlagForm, { path: '/forloeb/ai-i-gentofte/ideer', props: { kind: 'idea', targetId: idea(1).id } });
    wrapper = mounted.wrapper;
    await signIn('anna@example.dk', 'langt-kodeord-1');
    await flushPromises();
    buttonNamed(mounted.host, 'Anmeld idéen')!.click();
    await flushPromises();
    mounted.host.querySelector<HTMLInputElement>('input[value="spam"]')!.click();
    buttonNamed(mounted.host, 'Send anmeldelse')!.click();
    await flushPromises();
    return mounted.host.querySelector('[role="status"]')?.textContent?.trim();
  }

  it('tells the flagger that a moderator looks when more have reported it, while it stays in view', async () => {
    expect(await flagAndAnswer(false)).toBe('Tak. Når flere har anmeldt det, tages det ud af visningen, og en moderator ser på det.');
  });

  it('tells the flagger whose report took it out of view that it waits for a moderator', async () => {
    expect(await flagAndAnswer(true)).toBe('Tak. Det er nu taget ud af visningen, indtil en moderator har set på det.');
  });
});
