import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimilarIdea } from '#shared/schemas/search';
import { clearVotes } from '../../frontend/src/composables/idea/useVotes';
import { firstSentence, similarText } from '../../frontend/src/composables/idea/useSimilarIdeas';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { signIn, signOut } from '../../frontend/src/modules/session';
import NewIdeaPage from '../../frontend/src/pages/NewIdeaPage.vue';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';
import { idea, process } from './fixtures';

/** The new-idea wizard's similar ideas (issue 18): asked once typing pauses, stale answers dropped, shown ids sent, never in the way. */

const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'client-1', cognitoEndpoint: 'http://127.0.0.1:9229' };
const token = `h.${btoa(JSON.stringify({ sub: 'user-1' })).replace(/=+$/, '')}.s`;
const SIMILAR = '/api/processes/ai-i-gentofte/similar';
const DRAFT_KEY = 'deltag.ideaDraft.ai-i-gentofte';

const similar = (n: number, overrides: Partial<SimilarIdea> = {}): SimilarIdea => {
  const { title, excerpt, area, voteCount, commentCount } = idea(n, { voteCount: n * 3, commentCount: n });
  // Real ULIDs: the wizard sends them back in similarShown, which the shared schema checks.
  const id = `01JDKQ${String(n).padStart(20, '0')}`;
  return {
    id, title, excerpt, area, voteCount, commentCount, status: 'published',
    highlight: { title: [{ text: 'Idé ' }, { text: 'nummer', hit: true }, { text: ` ${n}` }], snippet: [{ text: excerpt }] },
    ...overrides,
  };
};

type Answer = (url: URL, init: RequestInit | undefined) => Response | Promise<Response> | undefined;
function backend(answer: Answer) {
  return stubApi((url, init) => {
    if (url.pathname === '/config.json') return json(config);
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(process);
    if (url.pathname === '/api/me') return json({ displayName: 'Anna' });
    return answer(url, init) ?? json({}, 404);
  });
}

/** A draft with every step filled, so the tests reach "Send idéen" by "Næste" alone. */
function saveDraft(title: string, body: string) {
  const draft = { step: 0, title, body, area: 'erhverv', effects: ['kvalitet'], beneficiaries: ['citizens'], concerns: '', plainSummary: '', eventId: '' };
  sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

function type(host: HTMLElement, id: 'title' | 'body', value: string) {
  const field = host.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

const similarCalls = (calls: { url: URL; init: RequestInit | undefined }[]) => calls.filter((c) => c.url.pathname === SIMILAR);

let wrapper: VueWrapper | undefined;
async function open() {
  await signIn('anna@example.dk', 'langt-kodeord-1');
  const mounted = await mountInApp(NewIdeaPage, { path: '/forloeb/ai-i-gentofte/ideer/ny' });
  wrapper = mounted.wrapper;
  return mounted;
}

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  resetProcessCache();
  clearVotes();
  // Nothing reaches the network, even what the app starts before a test stubs its own answers.
  backend(() => undefined);
});
afterEach(async () => {
  vi.useRealTimers();
  wrapper?.unmount();
  wrapper = undefined;
  await signOut();
  vi.unstubAllGlobals();
});

describe('what the wizard asks with', () => {
  it('waits for a finished first sentence, and asks with the title and that sentence only', () => {
    expect(firstSentence('Chatbotten skal svare hele døgnet')).toBe('');
    expect(firstSentence('Chatbotten skal svare hele døgnet. Og mere')).toBe('Chatbotten skal svare hele døgnet.');
    expect(firstSentence('Hvorfor ikke en chatbot?\nResten')).toBe('Hvorfor ikke en chatbot?');
    expect(similarText('AI', 'En sætning. Mere.')).toBe('');
    expect(similarText('Chatbot på rådhuset', 'Den svarer  borgerne. Og mere tekst.')).toBe('Chatbot på rådhuset Den svarer borgerne.');
    expect(similarText('T'.repeat(140), `${'b'.repeat(500)}.`)).toHaveLength(400);
  });
});

describe('similar ideas in the wizard', () => {
  it('asks once typing pauses (not per keystroke), shows the ideas with votes and highlights, and tells it politely', async () => {
    const calls = backend((url) => (url.pathname === SIMILAR ? json({ items: [similar(1), similar(2)] }) : url.pathname === '/api/me/votes' ? json({ voted: [] }) : undefined));
    const { host } = await open();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    type(host, 'title', 'Chatbot på rådhuset');
    type(host, 'body', 'En chatbot der svarer');
    await vi.advanceTimersByTimeAsync(1000);
    expect(similarCalls(calls)).toHaveLength(0);

    for (const body of ['En chatbot der svarer.', 'En chatbot der svarer. ', 'En chatbot der svarer borgerne.']) {
      type(host, 'body', body);
      await vi.advanceTimersByTimeAsync(150);
    }
    expect(similarCalls(calls)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300);
    await flushPromises();

    expect(similarCalls(calls).map((c) => c.url.searchParams.get('text'))).toEqual(['Chatbot på rådhuset En chatbot der svarer borgerne.']);
    // Typing on after the first sentence asks nothing new.
    type(host, 'body', 'En chatbot der svarer borgerne. Hele døgnet');
    await vi.advanceTimersByTimeAsync(1000);
    expect(similarCalls(calls)).toHaveLength(1);

    const items = host.querySelectorAll('.similar__item');
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('mark')?.textContent).toBe('nummer');
    expect(text(items[1]!)).toContain('6 stemmer');
    expect(host.querySelector('[aria-live="polite"]')?.textContent).toBe('Vi fandt 2 idéer, der ligner din. De står under feltet.');
    expect(buttonNamed(host, 'Støt denne idé i stedet: Idé nummer 1')).toBeDefined();
  });

  it('drops a late answer to an older text: a newer text aborts it', async () => {
    let first: (r: Response) => void = () => undefined;
    const calls = backend((url) => {
      if (url.pathname !== SIMILAR) return url.pathname === '/api/me/votes' ? json({ voted: [] }) : undefined;
      if (url.searchParams.get('text')!.includes('skolen')) return new Promise<Response>((resolve) => (first = resolve));
      return json({ items: [similar(2)] });
    });
    const { host } = await open();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    type(host, 'title', 'Chatbot i skolen');
    type(host, 'body', 'Den hjælper eleverne.');
    await vi.advanceTimersByTimeAsync(450);
    type(host, 'title', 'Chatbot på biblioteket');
    await vi.advanceTimersByTimeAsync(450);
    await flushPromises();
    first(json({ items: [similar(1)] }));
    await flushPromises();

    const asked = similarCalls(calls);
    expect(asked).toHaveLength(2);
    expect(asked[0]!.init?.signal?.aborted).toBe(true);
    expect([...host.querySelectorAll('.similar__item summary')].map((s) => s.textContent)).toEqual([expect.stringContaining('Idé nummer 2')]);
  });

  it('sends the shown ids with the idea after "Min idé er en anden – fortsæt"', async () => {
    saveDraft('Chatbot på rådhuset', 'Den svarer borgerne. Også om aftenen.');
    const posted: unknown[] = [];
    backend((url, init) => {
      if (url.pathname === SIMILAR) return json({ items: [similar(1), similar(2), similar(3)] });
      if (url.pathname === '/api/me/votes') return json({ voted: [] });
      if (url.pathname === '/api/processes/ai-i-gentofte/ideas' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return json({ ...idea(9), status: 'published' }, 201);
      }
      return undefined;
    });
    const { host, router } = await open();
    await new Promise((r) => setTimeout(r, 450));
    await flushPromises();
    expect(host.querySelectorAll('.similar__item')).toHaveLength(3);

    buttonNamed(host, 'Min idé er en anden – fortsæt')!.click();
    await flushPromises();
    expect(host.querySelector('#step-heading')?.textContent).toContain('Trin 2 af 4');
    for (let i = 0; i < 2; i++) {
      buttonNamed(host, 'Næste')!.click();
      await flushPromises();
    }
    buttonNamed(host, 'Send idéen')!.click();
    await flushPromises();

    expect(posted).toHaveLength(1);
    expect((posted[0] as { similarShown?: string[] }).similarShown).toEqual([similar(1).id, similar(2).id, similar(3).id]);
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('idea'), { timeout: 8000 });
  });

  it('never blocks writing or sending when the similar request fails: nothing is shown and the idea goes without similarShown', async () => {
    saveDraft('Chatbot på rådhuset', 'Den svarer borgerne. Også om aftenen.');
    const posted: Record<string, unknown>[] = [];
    const calls = backend((url, init) => {
      if (url.pathname === SIMILAR) return problem(503, 'Tjenesten er midlertidigt utilgængelig');
      if (url.pathname === '/api/processes/ai-i-gentofte/ideas' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)) as Record<string, unknown>);
        return json({ ...idea(9), status: 'published' }, 201);
      }
      return undefined;
    });
    const { host, router } = await open();
    await new Promise((r) => setTimeout(r, 450));
    await flushPromises();
    expect(similarCalls(calls)).toHaveLength(1);
    expect(host.querySelector('.similar__panel')).toBeNull();
    expect(host.querySelector('[role="alert"]')).toBeNull();

    for (let i = 0; i < 3; i++) {
      buttonNamed(host, 'Næste')!.click();
      await flushPromises();
    }
    buttonNamed(host, 'Send idéen')!.click();
    await flushPromises();
    expect(posted).toHaveLength(1);
    expect(posted[0]).not.toHaveProperty('similarShown');
    expect(posted[0]).toMatchObject({ title: 'Chatbot på rådhuset' });
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('idea'), { timeout: 8000 });
  });

  it('votes for a similar idea instead and goes to it; says so where the author already voted', async () => {
    saveDraft('Chatbot på rådhuset', 'Den svarer borgerne. Også om aftenen.');
    const votes: string[] = [];
    backend((url, init) => {
      if (url.pathname === SIMILAR) return json({ items: [similar(1), similar(2)] });
      if (url.pathname === '/api/me/votes') return json({ voted: [similar(2).id] });
      if (url.pathname.endsWith('/vote') && init?.method === 'PUT') {
        votes.push(url.pathname);
        return json({ voteCount: 4, voted: true });
      }
      return undefined;
    });
    const { host, router } = await open();
    await new Promise((r) => setTimeout(r, 450));
    await flushPromises();

    const [one, two] = [...host.querySelectorAll('.similar__item')];
    expect(text(two!)).toContain('Du har allerede stemt på denne idé.');
    expect(two!.querySelector('button')).toBeNull();

    one!.querySelector('button')!.click();
    await flushPromises();
    expect(votes).toEqual([`/api/ideas/${similar(1).id}/vote`]);
    // The idea page's module loads on the way (seconds under a cold test transform).
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('idea'), { timeout: 8000 });
    expect(router.currentRoute.value.params.id).toBe(similar(1).id);
    // The draft stays in the tab: nothing written is lost.
    expect(JSON.parse(sessionStorage.getItem(DRAFT_KEY)!).title).toBe('Chatbot på rådhuset');
  });

  it('shows the server\'s reason when the vote is refused, and stays', async () => {
    saveDraft('Chatbot på rådhuset', 'Den svarer borgerne. Også om aftenen.');
    backend((url, init) => {
      if (url.pathname === SIMILAR) return json({ items: [similar(1)] });
      if (url.pathname === '/api/me/votes') return json({ voted: [] });
      if (url.pathname.endsWith('/vote') && init?.method === 'PUT') return problem(409, 'Afstemningen er lukket', undefined, '/problems/voting-closed');
      return undefined;
    });
    const { host, router } = await open();
    await new Promise((r) => setTimeout(r, 450));
    await flushPromises();
    host.querySelector<HTMLButtonElement>('.similar__item button')!.click();
    await flushPromises();
    expect(host.querySelector('.similar__item [role="alert"]')?.textContent?.length).toBeGreaterThan(0);
    expect(router.currentRoute.value.name).toBe('new-idea');
  });
});
