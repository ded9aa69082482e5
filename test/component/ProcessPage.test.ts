import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdeaList, IdeaListItem } from '#shared/schemas/idea';
import type { Process } from '#shared/schemas/process';
import ProcessPage from '../../frontend/src/pages/ProcessPage.vue';

const process: Process = {
  id: 'ai-i-gentofte',
  title: { da: 'AI i Gentofte Kommune' },
  summary: { da: 'Hvor og hvordan skal kommunen bruge AI?' },
  description: { da: 'Første afsnit.\n\nAndet afsnit.\n  \nTredje afsnit.' },
  phases: [
    { kind: 'submission', title: { da: 'Idéer og stemmer' }, startsAt: '2026-12-01T00:00:00.000Z', endsAt: '2027-01-26T00:00:00.000Z' },
    { kind: 'closed', title: { da: 'Afsluttet' }, startsAt: '2027-01-26T00:00:00.000Z', endsAt: '2036-01-26T00:00:00.000Z' },
  ],
  areas: [
    { id: 'boern-og-unge', name: { da: 'Børn og unge' } },
    { id: 'erhverv', name: { da: 'Erhverv' } },
  ],
  effects: [{ id: 'kvalitet', name: { da: 'Kvalitet' } }],
  settings: { moderation: 'post', flagThreshold: 3, limits: { votesPerMinute: 30, commentsPerMinute: 10, ideasPerHour: 5, flagsPerHour: 20 } },
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};

const idea = (n: number, overrides: Partial<IdeaListItem> = {}): IdeaListItem => ({
  id: `01JDEMO${String(n).padStart(19, '0')}`,
  processId: 'ai-i-gentofte',
  title: `Idé nummer ${n}`,
  excerpt: `Uddrag af idé ${n}`,
  area: 'boern-og-unge',
  effects: ['kvalitet'],
  beneficiaries: ['citizens'],
  status: 'published',
  authorName: 'Anna Jensen',
  authorType: 'citizen',
  voteCount: 0,
  commentCount: 0,
  createdAt: '2026-11-27T10:00:00.000Z',
  ...overrides,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const problem = (status: number, title: string, detail?: string) =>
  new Response(JSON.stringify({ type: '/problems/x', title, status, ...(detail ? { detail } : {}) }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

/** A fake API: answers by path, and records every URL the page asked for. */
function stubApi(answer: (url: URL) => Response | Promise<Response>) {
  const urls: URL[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://deltag.test');
    urls.push(url);
    return answer(url);
  });
  vi.stubGlobal('fetch', fetchMock);
  return urls;
}

const ideasPage = (items: IdeaListItem[], nextCursor: string | null = null): IdeaList => ({ items, nextCursor });

let wrapper: VueWrapper | undefined;
let host: HTMLElement;

async function mountPage() {
  host = document.createElement('div');
  document.body.append(host);
  wrapper = mount(ProcessPage, { attachTo: host });
  await flushPromises();
  return host;
}

const text = (root: ParentNode) => root.textContent?.replace(/\s+/g, ' ') ?? '';
const buttonNamed = (root: ParentNode, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

describe('ProcessPage', () => {
  it('shows the process and renders user text as text, never as markup', async () => {
    // Prepare
    const hostile = '<script>alert(1)</script>';
    const urls = stubApi((url) =>
      url.pathname === '/api/processes'
        ? json({ items: [{ ...process, id: 'other-process' }, process] })
        : json(ideasPage([idea(1, { title: hostile, excerpt: '<img src=x onerror=alert(2)>', authorName: '<b>Mallory</b>', authorType: 'business', voteCount: 1, commentCount: 2, area: 'erhverv' })])),
    );

    // Act
    const root = await mountPage();

    // Assess
    expect(root.querySelector('h1')?.textContent).toBe('AI i Gentofte Kommune');
    expect([...root.querySelectorAll('.process-intro p')].map((p) => p.textContent)).toEqual([
      'Hvor og hvordan skal kommunen bruge AI?',
      'Første afsnit.',
      'Andet afsnit.',
      'Tredje afsnit.',
    ]);
    expect(text(root)).toContain('1. december 2026 til 26. januar 2027');
    expect(text(root)).toContain('Børn og unge');

    const article = root.querySelector('article');
    expect(article?.querySelector('h3')?.textContent).toBe(hostile);
    expect(text(article!)).toContain('<img src=x onerror=alert(2)>');
    expect(text(article!)).toContain('<b>Mallory</b>, erhvervsdrivende · 27. nov. 2026');
    expect(text(article!)).toContain('Område: Erhverv');
    expect(text(article!)).toContain('1 stemme');
    expect(text(article!)).toContain('2 kommentarer');
    expect(document.querySelectorAll('script, img, b')).toHaveLength(0);

    const ideasUrl = urls.find((u) => u.pathname.endsWith('/ideas'));
    expect(ideasUrl?.pathname).toBe('/api/processes/ai-i-gentofte/ideas');
    expect(Object.fromEntries(ideasUrl!.searchParams)).toEqual({ sort: 'new', limit: '20' });
    expect(document.title).toBe('AI i Gentofte Kommune – Deltag – Gentofte Kommune');
  });

  it('says so when there are no ideas yet', async () => {
    stubApi((url) => (url.pathname === '/api/processes' ? json({ items: [process] }) : json(ideasPage([]))));

    const root = await mountPage();

    expect(text(root)).toContain('Der er ingen idéer endnu');
    expect(root.querySelector('article')).toBeNull();
    expect(buttonNamed(root, 'Vis flere')).toBeUndefined();
  });

  it('shows the problem and a retry button when the API is down, and retrying loads the page', async () => {
    let down = true;
    const urls = stubApi((url) => {
      if (down) return problem(503, 'Tjenesten er midlertidigt utilgængelig', 'Prøv igen om lidt.');
      return url.pathname === '/api/processes' ? json({ items: [process] }) : json(ideasPage([idea(1)]));
    });

    const root = await mountPage();

    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Tjenesten er midlertidigt utilgængelig. Prøv igen om lidt.');
    expect(root.querySelector('h1')?.textContent).toBe('Siden kunne ikke hentes');
    const retry = buttonNamed(root, 'Prøv igen');
    expect(retry).toBeDefined();
    expect(urls).toHaveLength(1);

    down = false;
    retry!.click();
    await flushPromises();

    expect(urls.map((u) => u.pathname)).toEqual(['/api/processes', '/api/processes', '/api/processes/ai-i-gentofte/ideas']);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelector('h1')?.textContent).toBe('AI i Gentofte Kommune');
    expect(root.querySelector('article h3')?.textContent).toBe('Idé nummer 1');
  });

  it('explains a network failure, which has no problem body', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));

    const root = await mountPage();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Vi kunne ikke få forbindelse til serveren');
    expect(buttonNamed(root, 'Prøv igen')).toBeDefined();
  });

  it('appends the next page with "Vis flere" and moves focus to the first new idea', async () => {
    const urls = stubApi((url) => {
      if (url.pathname === '/api/processes') return json({ items: [process] });
      return url.searchParams.get('cursor') === 'page-2'
        ? json(ideasPage([idea(3), idea(2) /* already shown: must not repeat */, idea(4)]))
        : json(ideasPage([idea(1), idea(2)], 'page-2'));
    });

    const root = await mountPage();
    expect(root.querySelectorAll('article')).toHaveLength(2);

    buttonNamed(root, 'Vis flere')!.click();
    await flushPromises();

    expect(urls.at(-1)?.searchParams.get('cursor')).toBe('page-2');
    expect([...root.querySelectorAll('article h3')].map((h) => h.textContent)).toEqual([
      'Idé nummer 1',
      'Idé nummer 2',
      'Idé nummer 3',
      'Idé nummer 4',
    ]);
    expect(document.activeElement?.textContent).toBe('Idé nummer 3');
    expect(buttonNamed(root, 'Vis flere')).toBeUndefined();
  });

  it('keeps the shown ideas when the next page fails, and retries that page', async () => {
    let failNext = true;
    const urls = stubApi((url) => {
      if (url.pathname === '/api/processes') return json({ items: [process] });
      if (!url.searchParams.has('cursor')) return json(ideasPage([idea(1)], 'page-2'));
      if (failNext) return problem(500, 'Der skete en fejl hos os');
      return json(ideasPage([idea(2)]));
    });

    const root = await mountPage();
    buttonNamed(root, 'Vis flere')!.click();
    await flushPromises();

    expect(root.querySelectorAll('article')).toHaveLength(1);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Idéerne kunne ikke hentes');

    failNext = false;
    buttonNamed(root, 'Prøv igen')!.click();
    await flushPromises();

    expect(urls.filter((u) => u.searchParams.get('cursor') === 'page-2')).toHaveLength(2);
    expect(root.querySelectorAll('article')).toHaveLength(2);
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so when there is no process yet', async () => {
    const urls = stubApi(() => json({ items: [] }));

    const root = await mountPage();

    expect(root.querySelector('h1')?.textContent).toBe('Der er ingen forløb endnu');
    expect(urls).toHaveLength(1);
  });
});
