import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdeaList, IdeaListItem } from '#shared/schemas/idea';
import IdeaListPage from '../../frontend/src/pages/IdeaListPage.vue';
import ProcessPage from '../../frontend/src/pages/ProcessPage.vue';
import ProcessTimeline from '../../frontend/src/components/process/ProcessTimeline.vue';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';
import { idea, process } from './fixtures';

const ideasPage = (items: IdeaListItem[], nextCursor: string | null = null): IdeaList => ({ items, nextCursor });

let wrapper: VueWrapper | undefined;
beforeEach(() => {
  document.body.innerHTML = '';
  resetProcessCache();
});
afterEach(() => {
  vi.useRealTimers();
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

const PROCESS_API = '/api/processes/ai-i-gentofte';

async function open(component: typeof ProcessPage, path = '/forloeb/ai-i-gentofte') {
  const mounted = await mountInApp(component, { path });
  wrapper = mounted.wrapper;
  return mounted;
}

describe("a process's page", () => {
  it('shows the process and renders user text as text, never as markup', async () => {
    // Prepare
    const hostile = '<script>alert(1)</script>';
    const calls = stubApi((url) =>
      url.pathname === PROCESS_API
        ? json(process)
        : json(ideasPage([idea(1, { title: hostile, excerpt: '<img src=x onerror=alert(2)>', authorName: '<b>Mallory</b>', authorType: 'business', voteCount: 1, commentCount: 2, area: 'erhverv' })])),
    );

    // Act
    const { host } = await open(ProcessPage);

    // Assess
    expect(host.querySelector('h1')?.textContent).toBe('AI i Gentofte Kommune');
    expect(host.querySelector('.process-intro__summary')?.textContent).toBe('Hvor og hvordan skal kommunen bruge AI?');
    expect([...host.querySelectorAll('[aria-labelledby="charter-purpose"] p')].map((p) => p.textContent)).toEqual(['Første afsnit.', 'Andet afsnit.', 'Tredje afsnit.']);
    expect(text(host)).toContain('Børn og unge');
    expect(host.querySelector('[aria-current="step"]')?.textContent).toContain('Idéer og stemmer');

    const article = host.querySelector('article');
    expect(article?.querySelector('h3')?.textContent).toBe(hostile);
    expect(text(article!)).toContain('<img src=x onerror=alert(2)>');
    expect(text(article!)).toContain('<b>Mallory</b>, erhvervsdrivende · 27. nov. 2026');
    expect(text(article!)).toContain('Område: Erhverv');
    expect(text(article!)).toContain('1 stemme');
    expect(text(article!)).toContain('2 kommentarer');
    expect(article?.querySelector('h3 a')?.getAttribute('href')).toBe(`/forloeb/ai-i-gentofte/ideer/${idea(1).id}`);
    expect(document.querySelectorAll('script, img, b')).toHaveLength(0);
    // Signed out, voting open: a link to sign in, named after the idea.
    expect(article?.querySelector('a[href^="/log-ind"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(`Log ind for at stemme på ${hostile}`);

    const ideasUrl = calls.map((c) => c.url).find((u) => u.pathname.endsWith('/ideas'));
    expect(ideasUrl?.pathname).toBe('/api/processes/ai-i-gentofte/ideas');
    expect(Object.fromEntries(ideasUrl!.searchParams)).toEqual({ sort: 'new', limit: '5' });
    expect(document.title).toBe('AI i Gentofte Kommune – Deltag – Gentofte Kommune');
  });

  it('says so when there are no ideas yet', async () => {
    stubApi((url) => (url.pathname === PROCESS_API ? json(process) : json(ideasPage([]))));

    const { host } = await open(ProcessPage);

    expect(text(host)).toContain('Der er ingen idéer endnu');
    expect(host.querySelector('article')).toBeNull();
  });

  it('shows an error page with a retry button when the API is down, and retrying loads the page', async () => {
    let down = true;
    const calls = stubApi((url) => {
      if (down) return problem(503, 'Tjenesten er midlertidigt utilgængelig', 'Prøv igen om lidt.');
      return url.pathname === PROCESS_API ? json(process) : json(ideasPage([idea(1)]));
    });

    const { host } = await open(ProcessPage);

    expect(host.querySelector('h1')?.textContent).toBe('Siden kunne ikke hentes');
    // A 5xx is our fault, and the reader is told so in their language.
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Deltag svarer ikke lige nu. Det er ikke din skyld.');
    // The process and its newest ideas were asked for at once.
    expect(calls.map((c) => c.url.pathname).sort()).toEqual([PROCESS_API, `${PROCESS_API}/ideas`]);

    down = false;
    buttonNamed(host, 'Prøv igen')!.click();
    await flushPromises();

    expect(calls.map((c) => c.url.pathname).slice(2).sort()).toEqual([PROCESS_API, `${PROCESS_API}/ideas`]);
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(host.querySelector('h1')?.textContent).toBe('AI i Gentofte Kommune');
  });

  it('explains a network failure, which has no problem body', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));

    const { host } = await open(ProcessPage);

    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Vi kunne ikke få forbindelse til serveren');
    expect(buttonNamed(host, 'Prøv igen')).toBeDefined();
  });
});

describe('the idea list', () => {
  it('asks for the sort, filters and search in the URL, and a random order with a per-tab seed', async () => {
    const calls = stubApi((url) => (url.pathname === PROCESS_API ? json(process) : json(ideasPage([idea(1)]))));

    await open(IdeaListPage, '/forloeb/ai-i-gentofte/ideer?sort=random&area=erhverv&status=selected&q=skole');

    const query = Object.fromEntries(calls.at(-1)!.url.searchParams);
    const seed = sessionStorage.getItem('deltag.seed');
    expect(seed).toMatch(/^[0-9a-f]{24}$/);
    expect(query).toEqual({ sort: 'random', area: 'erhverv', status: 'selected', q: 'skole', seed, limit: '20' });
  });

  it('appends the next page with "Vis flere" and moves focus to the first new idea', async () => {
    const calls = stubApi((url) => {
      if (url.pathname === PROCESS_API) return json(process);
      return url.searchParams.get('cursor') === 'page-2'
        ? json(ideasPage([idea(3), idea(2) /* already shown: must not repeat */, idea(4)]))
        : json(ideasPage([idea(1), idea(2)], 'page-2'));
    });

    const { host } = await open(IdeaListPage, '/forloeb/ai-i-gentofte/ideer');
    expect(host.querySelectorAll('article')).toHaveLength(2);

    buttonNamed(host, 'Vis flere')!.click();
    await flushPromises();

    expect(calls.at(-1)?.url.searchParams.get('cursor')).toBe('page-2');
    expect([...host.querySelectorAll('article h3')].map((h) => h.textContent)).toEqual(['Idé nummer 1', 'Idé nummer 2', 'Idé nummer 3', 'Idé nummer 4']);
    expect(document.activeElement?.textContent).toBe('Idé nummer 3');
    expect(buttonNamed(host, 'Vis flere')).toBeUndefined();
    expect(text(host)).toContain('Viser 4 idéer');
  });

  it('keeps the shown ideas when the next page fails, and retries that page', async () => {
    let failNext = true;
    stubApi((url) => {
      if (url.pathname === PROCESS_API) return json(process);
      if (url.searchParams.get('cursor') === 'page-2') return failNext ? problem(500, 'Intern fejl') : json(ideasPage([idea(2)]));
      return json(ideasPage([idea(1)], 'page-2'));
    });

    const { host } = await open(IdeaListPage, '/forloeb/ai-i-gentofte/ideer');
    buttonNamed(host, 'Vis flere')!.click();
    await flushPromises();

    expect(host.querySelectorAll('article')).toHaveLength(1);
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Intern fejl');

    failNext = false;
    buttonNamed(host, 'Prøv igen')!.click();
    await flushPromises();
    expect(host.querySelectorAll('article')).toHaveLength(2);
  });

  it('renders the first cards with the page and the rest in the tasks after it, so no single task renders twenty', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => idea(i + 1));
    stubApi((url) => (url.pathname === PROCESS_API ? json(process) : json(ideasPage(twenty))));

    // Only the staging timers are faked: each "task after" is one step of the clock.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { host } = await open(IdeaListPage, '/forloeb/ai-i-gentofte/ideer');
    const cards = () => host.querySelectorAll('article').length;
    expect(cards()).toBe(4);
    // The count says what the list holds, not what is drawn so far.
    expect(text(host)).toContain('Viser 20 idéer');

    const seen = [cards()];
    while (cards() < 20 && seen.length < 10) {
      vi.advanceTimersToNextTimer();
      await flushPromises();
      seen.push(cards());
    }
    expect(seen).toEqual([4, 8, 12, 16, 20]);
    expect([...host.querySelectorAll('article h3')].map((h) => h.textContent)).toEqual(twenty.map((i) => i.title));
  });

  it('says when nothing matches the filters', async () => {
    stubApi((url) => (url.pathname === PROCESS_API ? json(process) : json(ideasPage([]))));

    // A search's empty state has its own hint (test/component/search-list.test.ts).
    const { host } = await open(IdeaListPage, '/forloeb/ai-i-gentofte/ideer?area=erhverv');

    expect(text(host)).toContain('Ingen idéer passer til din søgning');
  });
});

describe('the timeline of a process', () => {
  it('shows a last phase without an end as "Fra <date>", with no invented end date', async () => {
    const phases = [
      { kind: 'review' as const, title: { da: 'Udvalget behandler idéerne' }, startsAt: '2027-02-01T00:00:00Z', endsAt: '2027-04-20T00:00:00Z' },
      { kind: 'closed' as const, title: { da: 'Afsluttet' }, startsAt: '2027-04-20T00:00:00Z' },
    ];
    const mounted = await mountInApp(ProcessTimeline, { path: '/privatliv', props: { phases, now: new Date('2027-05-01T12:00:00Z') } });
    wrapper = mounted.wrapper;

    const dates = [...mounted.host.querySelectorAll('.process-timeline__dates')].map((span) => text(span).trim());
    expect(dates).toEqual(['1. februar 2027 til 20. april 2027', 'Fra 20. april 2027']);
    expect(mounted.host.querySelector('[aria-current="step"]')?.textContent).toContain('Afsluttet');
  });
});
