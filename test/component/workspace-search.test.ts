import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { WorkspaceSearch, WorkspaceSearchHit } from '#shared/schemas/search';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import SearchPage from '../../frontend/src/pages/workspace/SearchPage.vue';
import { buttonNamed, json, stubApi, text } from './app';
import { process } from './fixtures';

/** The moderators' search page (issue 18) against a fake API: the search in the address, hits in every state, paging. */

const SEARCH = '/api/moderation/processes/ai-i-gentofte/search';
const hostile = '<img src=x onerror=alert(1)>';
const hit = (n: number, overrides: Partial<WorkspaceSearchHit> = {}): WorkspaceSearchHit => ({
  kind: 'idea',
  id: `01JDKQ${String(n).padStart(20, '0')}`,
  ideaId: `01JDKQ${String(n).padStart(20, '0')}`,
  title: `Chatbot ${n}`,
  status: 'published',
  held: false,
  authorName: 'Anna Jensen',
  createdAt: '2026-11-27T10:00:00.000Z',
  highlight: { title: [{ text: 'Chatbot', hit: true }, { text: ` ${n}` }], snippet: [{ text: '… en ' }, { text: 'chatbot', hit: true }, { text: ' svarer …' }] },
  ...overrides,
});

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
});

async function mountPage(pages: (query: URLSearchParams) => WorkspaceSearch, path = '/arbejdsrum/soeg'): Promise<{ router: Router; queries: URLSearchParams[]; host: HTMLElement }> {
  await setLocale('da', false);
  const queries: URLSearchParams[] = [];
  stubApi((url) => {
    if (url.pathname === '/api/processes') return json({ items: [process] });
    if (url.pathname !== SEARCH) return json({}, 404);
    queries.push(url.searchParams);
    return json(pages(url.searchParams));
  });
  const empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/arbejdsrum/soeg', name: 'workspace-search', component: empty },
      { path: '/arbejdsrum/ideer/:id', name: 'workspace-idea', component: empty },
    ],
  });
  await router.push(path);
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount(SearchPage, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return { router, queries, host };
}

describe("the moderators' search page", () => {
  it('asks nothing until there is a search, and refuses one character in plain Danish', async () => {
    const { queries, host, router } = await mountPage(() => ({ items: [], nextCursor: null }));
    expect(queries).toHaveLength(0);
    await wrapper!.find('#ws-search-q').setValue('a');
    await wrapper!.find('form').trigger('submit');
    await flushPromises();
    expect(queries).toHaveLength(0);
    expect(text(host)).toContain('Skriv mindst 2 tegn');
    expect(router.currentRoute.value.query.q).toBeUndefined();
  });

  it('puts the search in the address and shows hits in every state with their marks as text, linked to moderation', async () => {
    const items = [
      hit(1, { status: 'hidden', title: `${hostile} chatbot`, highlight: { title: [{ text: `${hostile} ` }, { text: 'chatbot', hit: true }], snippet: [] } }),
      hit(2, { status: 'pending' }),
      hit(3, { status: 'published', held: true }),
      hit(4, { kind: 'comment', id: '01JDKQ0000000000000000C004', ideaId: hit(2).id, title: 'Chatbot 2', status: 'hidden', highlight: { title: [{ text: 'Chatbot 2' }], snippet: [{ text: 'Min ' }, { text: 'chatbot', hit: true }] } }),
    ];
    const { queries, host, router } = await mountPage(() => ({ items, nextCursor: null }));
    await wrapper!.find('#ws-search-q').setValue('chatbot');
    await wrapper!.find('#ws-search-status').setValue('hidden');
    await wrapper!.find('form').trigger('submit');
    await flushPromises();

    expect(router.currentRoute.value.query).toMatchObject({ q: 'chatbot', status: 'hidden' });
    expect(Object.fromEntries(queries.at(-1)!)).toEqual({ q: 'chatbot', kind: 'ideas', status: 'hidden', limit: '20' });
    expect(host.querySelector('img')).toBeNull();
    const articles = [...host.querySelectorAll('article')];
    expect(articles.map((a) => a.querySelector('h3')?.textContent)).toEqual([`${hostile} chatbot`, 'Chatbot 2', 'Chatbot 3', 'Chatbot 2']);
    expect(articles.map((a) => a.querySelector('.tag')?.textContent)).toEqual(['Skjult af moderator', 'Venter på godkendelse', 'Offentliggjort, tilbageholdt efter anmeldelser', 'Skjult af moderator']);
    expect(articles[3]!.textContent).toContain('Kommentar til idéen');
    expect(articles[3]!.querySelector('a')?.getAttribute('href')).toBe(`/arbejdsrum/ideer/${hit(2).id}`);
    expect([...articles[1]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Chatbot', 'chatbot']);
  });

  it('searches the comments from the address, and pages with the cursor', async () => {
    const { queries, host } = await mountPage(
      (q) => (q.get('cursor') === 'next' ? { items: [hit(2, { kind: 'comment' })], nextCursor: null } : { items: [hit(1, { kind: 'comment' })], nextCursor: 'next' }),
      '/arbejdsrum/soeg?q=skole&type=comments',
    );
    expect(Object.fromEntries(queries[0]!)).toEqual({ q: 'skole', kind: 'comments', limit: '20' });
    expect((host.querySelector('#ws-search-kind') as HTMLSelectElement).value).toBe('comments');
    expect(text(host)).toContain('Viser 1+ resultater');

    buttonNamed(host, 'Vis flere')!.click();
    await flushPromises();
    expect(queries.at(-1)!.get('cursor')).toBe('next');
    expect(host.querySelectorAll('article')).toHaveLength(2);
    expect(buttonNamed(host, 'Vis flere')).toBeUndefined();
  });

  it('says plainly when nothing matches', async () => {
    const { host } = await mountPage(() => ({ items: [], nextCursor: null }), '/arbejdsrum/soeg?q=xylofon');
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Ingen resultater. Prøv med færre ord, eller tjek stavningen.');
  });
});
