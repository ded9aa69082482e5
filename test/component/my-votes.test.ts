import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdeaDetail } from '#shared/schemas/idea';
import type { MyVotedIdeas } from '#shared/schemas/vote';
import IdeaVote from '../../frontend/src/components/idea/IdeaVote.vue';
import { clearVotes } from '../../frontend/src/composables/idea/useVotes';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import IdeaPage from '../../frontend/src/pages/IdeaPage.vue';
import MyPage from '../../frontend/src/pages/MyPage.vue';
import { json, mountInApp, problem, stubApi, text } from './app';
import { idea, process } from './fixtures';

/**
 * Votes as the reader sees them: the vote rule at the button (votes left, the refusal in words), where
 * a vote on a merged idea went (the idea page's note, Min side's "Mine stemmer"), against a fake API.
 */

const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'client-1', cognitoEndpoint: 'http://127.0.0.1:9229' };
const token = `h.${btoa(JSON.stringify({ sub: 'user-1' })).replace(/=+$/, '')}.s`;
type Answer = (url: URL, init: RequestInit | undefined) => Response | Promise<Response> | undefined;

function backend(answer: Answer) {
  return stubApi((url, init) => {
    if (url.pathname === '/config.json') return json(config);
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    return answer(url, init) ?? json({}, 404);
  });
}

const limited = { ...process, settings: { ...process.settings, votesPerPerson: 2 } };
const detail = (n: number, overrides: Partial<IdeaDetail> = {}): IdeaDetail => ({ ...idea(n), body: 'Brødtekst til idéen.', updatedAt: '2026-11-27T10:00:00.000Z', ...overrides });
const source = detail(1, { title: 'Kildeidéen', status: 'merged', mergedInto: idea(2).id });
const target = detail(2, { title: 'Målidéen', voteCount: 9, mergedFrom: [idea(1).id] });

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
  await setLocale('da', false);
  vi.unstubAllGlobals();
});

describe('the vote rule at the vote button', () => {
  it('says how many votes are left after a vote, and refuses one past the limit in words, keeping the count', async () => {
    let answer: Response = json({ voteCount: 4, voted: true, votesLeft: 1 });
    backend((url) => (url.pathname === '/api/processes/ai-i-gentofte' ? json(limited) : url.pathname.endsWith('/vote') ? answer : undefined));
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const first = await mountInApp(IdeaVote, { path: '/forloeb/ai-i-gentofte/ideer', props: { ideaId: idea(1).id, title: 'Idé 1', count: 3, canVote: true } });
    wrapper = first.wrapper;

    first.host.querySelector('button')!.click();
    await flushPromises();

    expect(first.host.querySelector('[data-testid="votes-left"]')?.textContent).toBe('Du har 1 stemme tilbage i dette forløb.');
    expect(first.host.querySelector('[role="status"]')?.textContent).toBe('Din stemme er registreret. 4 stemmer i alt. Du har 1 stemme tilbage i dette forløb.');

    answer = problem(409, 'Kan ikke udføres lige nu', 'Du har brugt alle dine 2 stemmer i dette forløb.', '/problems/vote-limit');
    first.wrapper.unmount();
    const second = await mountInApp(IdeaVote, { path: '/forloeb/ai-i-gentofte/ideer', props: { ideaId: idea(2).id, title: 'Idé 2', count: 5, canVote: true } });
    wrapper = second.wrapper;
    second.host.querySelector('button')!.click();
    await flushPromises();

    expect(second.host.querySelector('[role="alert"]')?.textContent).toBe('Du har brugt alle dine 2 stemmer i dette forløb. Tag en stemme tilbage for at stemme på en anden idé.');
    expect(second.host.querySelector('button')?.getAttribute('aria-pressed')).toBe('false');
    expect(text(second.host)).toContain('5 stemmer');
    expect(second.host.querySelector('[data-testid="votes-left"]')).toBeNull();
  });
});

describe('the idea page of a merged idea', () => {
  function mergedBackend(votedFor: string[]) {
    return backend((url) => {
      if (url.pathname === '/api/processes/ai-i-gentofte') return json(process);
      if (url.pathname === `/api/ideas/${source.id}`) return json(source);
      if (url.pathname === `/api/ideas/${target.id}`) return json(target);
      if (url.pathname.endsWith('/comments')) return json({ items: [], nextCursor: null });
      if (url.pathname === '/api/me/comments') return json({ ids: [] });
      if (url.pathname === '/api/me/votes') return json({ voted: (url.searchParams.get('ideaIds') ?? '').split(',').filter((id) => votedFor.includes(id)) });
      return undefined;
    });
  }

  it('tells a supporter where their vote counts now, with a link to that idea', async () => {
    mergedBackend([source.id, target.id]);
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const mounted = await mountInApp(IdeaPage, { path: `/forloeb/ai-i-gentofte/ideer/${source.id}` });
    wrapper = mounted.wrapper;
    await flushPromises();

    const note = mounted.host.querySelector('[data-testid="my-vote-note"]');
    expect(note?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Din stemme tæller nu med på Målidéen');
    expect(note?.querySelector('a')?.getAttribute('href')).toBe(`/forloeb/ai-i-gentofte/ideer/${target.id}`);
  });

  it('says so when the supporter took the vote back on the idea it went to, and says nothing to others', async () => {
    mergedBackend([source.id]);
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const mounted = await mountInApp(IdeaPage, { path: `/forloeb/ai-i-gentofte/ideer/${source.id}` });
    wrapper = mounted.wrapper;
    await flushPromises();
    expect(mounted.host.querySelector('[data-testid="my-vote-note"]')?.textContent).toBe('Idéen er lagt sammen med en anden, hvor du har taget din stemme tilbage.');
    mounted.wrapper.unmount();

    clearVotes();
    mergedBackend([]);
    const other = await mountInApp(IdeaPage, { path: `/forloeb/ai-i-gentofte/ideer/${source.id}` });
    wrapper = other.wrapper;
    await flushPromises();
    expect(other.host.querySelector('h1')?.textContent).toBe('Kildeidéen');
    expect(other.host.querySelector('[data-testid="my-vote-note"]')).toBeNull();
  });
});

describe('the idea page in a process with a vote rule', () => {
  it('tells a signed-in reader the votes they have left there', async () => {
    const open = detail(5, { title: 'Åben idé' });
    const calls = backend((url) => {
      if (url.pathname === '/api/processes/ai-i-gentofte') return json(limited);
      if (url.pathname === `/api/ideas/${open.id}`) return json(open);
      if (url.pathname.endsWith('/comments')) return json({ items: [], nextCursor: null });
      if (url.pathname === '/api/me/comments') return json({ ids: [] });
      if (url.pathname === '/api/me/votes') return json({ voted: [], ...(url.searchParams.get('processId') ? { votesLeft: 2 } : {}) });
      return undefined;
    });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const mounted = await mountInApp(IdeaPage, { path: `/forloeb/ai-i-gentofte/ideer/${open.id}` });
    wrapper = mounted.wrapper;
    await flushPromises();

    expect(mounted.host.querySelector('[data-testid="my-vote-note"]')?.textContent).toBe('Du har 2 stemmer tilbage i dette forløb.');
    expect(calls.some((c) => c.url.pathname === '/api/me/votes' && c.url.searchParams.get('processId') === 'ai-i-gentofte')).toBe(true);
  });
});

describe('Mine stemmer on Min side', () => {
  const page: MyVotedIdeas = {
    items: [
      { ideaId: idea(3).id, processId: 'ai-i-gentofte', title: 'En almindelig idé', status: 'published', votedAt: '2026-11-29T10:00:00.000Z' },
      { ideaId: source.id, processId: 'ai-i-gentofte', title: 'Kildeidéen', status: 'merged', votedAt: '2026-11-28T10:00:00.000Z', countsFor: { ideaId: target.id, title: 'Målidéen' } },
      { ideaId: idea(4).id, processId: 'ai-i-gentofte', title: '', status: 'hidden', votedAt: '2026-11-27T10:00:00.000Z' },
    ],
    nextCursor: null,
  };

  async function myPage() {
    backend((url) => {
      if (url.pathname === '/api/me') return json({ userId: 'user-1', displayName: 'Anna', participantType: 'citizen', createdAt: '2026-11-27T10:00:00.000Z', updatedAt: '2026-11-27T10:00:00.000Z' });
      if (url.pathname === '/api/me/ideas') return json({ items: [], nextCursor: null });
      if (url.pathname === '/api/me/voted-ideas') return json(page);
      return undefined;
    });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const mounted = await mountInApp(MyPage, { path: '/min-side' });
    wrapper = mounted.wrapper;
    await flushPromises();
    return mounted.host.querySelector('section[aria-labelledby="votes-heading"]')!;
  }

  it('lists the ideas I voted for with links, and for a merged one where the vote counts now', async () => {
    const section = await myPage();

    expect(section.querySelector('h2')?.textContent).toBe('Mine stemmer');
    expect(section.querySelector('[data-testid="my-vote-count"]')?.textContent).toBe('Du har stemt på 3 idéer.');
    const items = [...section.querySelectorAll('[data-testid="my-vote"]')];
    expect(items.map((li) => li.querySelector('a')?.textContent ?? li.querySelector('span')?.textContent)).toEqual(['En almindelig idé', 'Kildeidéen', 'En idé, der ikke længere er offentlig']);
    expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe(`/forloeb/ai-i-gentofte/ideer/${idea(3).id}`);
    const where = items[1]!.querySelector('.my-votes__where')!;
    expect(where.textContent?.replace(/\s+/g, ' ').trim()).toBe('Din stemme tæller nu med på Målidéen');
    expect(where.querySelector('a')?.getAttribute('href')).toBe(`/forloeb/ai-i-gentofte/ideer/${target.id}`);
    expect(text(items[1]!)).toContain('Lagt sammen');
    expect(items[2]!.querySelector('a')).toBeNull();
  });

  it('reads in English too', async () => {
    const section = await myPage();
    await setLocale('en', false);
    await flushPromises();

    expect(section.querySelector('h2')?.textContent).toBe('My votes');
    expect(section.querySelector('.my-votes__where')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Your vote now counts for Målidéen');
  });
});
