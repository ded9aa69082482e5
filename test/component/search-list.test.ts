import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdeaList, IdeaListItem } from '#shared/schemas/idea';
import IdeaCard from '../../frontend/src/components/idea/IdeaCard.vue';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import IdeaListPage from '../../frontend/src/pages/IdeaListPage.vue';
import { json, mountInApp, stubApi, text } from './app';
import { idea, process } from './fixtures';

/** The idea list with a search (issue 18): relevance instead of the sort, highlights as text, the phase filter, a helpful empty state. */

const PROCESS_API = '/api/processes/ai-i-gentofte';
const page = (items: IdeaListItem[]): IdeaList => ({ items, nextCursor: null });
const hostile = '<img src=x onerror=alert(1)>';

let wrapper: VueWrapper | undefined;
beforeEach(() => {
  document.body.innerHTML = '';
  resetProcessCache();
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

describe('a highlighted idea card', () => {
  it('marks the hits with <mark> and keeps HTML in a title as text', async () => {
    stubApi(() => json(process));
    const item = idea(1, {
      title: `${hostile} chatbot`,
      excerpt: 'Uddrag',
      highlight: {
        title: [{ text: `${hostile} ` }, { text: 'chatbot', hit: true }],
        snippet: [{ text: '… en ' }, { text: 'chatbotten', hit: true }, { text: ' svarer borgerne …' }],
      },
    });
    const mounted = await mountInApp(IdeaCard, { path: '/forloeb/ai-i-gentofte/ideer', props: { idea: item, areaName: 'Børn og unge' } });
    wrapper = mounted.wrapper;
    const heading = mounted.host.querySelector('h3')!;

    expect(heading.querySelector('img')).toBeNull();
    expect(mounted.host.querySelector('img')).toBeNull();
    expect(heading.textContent).toBe(`${hostile} chatbot`);
    expect([...mounted.host.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['chatbot', 'chatbotten']);
    expect(mounted.host.querySelector('.idea-card__excerpt')?.textContent).toBe('… en chatbotten svarer borgerne …');
  });

  it('shows the plain title and excerpt without a highlight', async () => {
    stubApi(() => json(process));
    const mounted = await mountInApp(IdeaCard, { path: '/forloeb/ai-i-gentofte/ideer', props: { idea: idea(2), areaName: 'Erhverv' } });
    wrapper = mounted.wrapper;
    expect(mounted.host.querySelector('mark')).toBeNull();
    expect(mounted.host.querySelector('h3')?.textContent).toBe('Idé nummer 2');
    expect(mounted.host.querySelector('.idea-card__excerpt')?.textContent).toBe('Uddrag af idé 2');
  });
});

describe('the idea list with a search', () => {
  it('asks with the search, filters and phase from the address and says it sorts by relevance', async () => {
    const calls = stubApi((url) =>
      url.pathname === PROCESS_API ? json(process) : json(page([idea(1, { highlight: { title: [{ text: 'Idé ' }, { text: 'nummer', hit: true }, { text: ' 1' }], snippet: [] } })])),
    );
    const mounted = await mountInApp(IdeaListPage, { path: '/forloeb/ai-i-gentofte/ideer?q=nummer&area=erhverv&status=selected&phase=ideas&sort=top' });
    wrapper = mounted.wrapper;

    const query = Object.fromEntries(calls.at(-1)!.url.searchParams);
    expect(query).toEqual({ sort: 'top', area: 'erhverv', status: 'selected', q: 'nummer', phase: 'ideas', limit: '20' });
    expect(text(mounted.host)).toContain('Sorteret efter relevans');
    expect(mounted.host.querySelector('select#sort')).toBeNull();
    expect((mounted.host.querySelector('select#phase') as HTMLSelectElement).value).toBe('ideas');
    expect(mounted.host.querySelector('article mark')?.textContent).toBe('nummer');
  });

  it('offers the sort again without a search, and the phase kinds of the process once each', async () => {
    stubApi((url) => (url.pathname === PROCESS_API ? json(process) : json(page([idea(1)]))));
    const mounted = await mountInApp(IdeaListPage, { path: '/forloeb/ai-i-gentofte/ideer' });
    wrapper = mounted.wrapper;

    expect(mounted.host.querySelector('select#sort')).not.toBeNull();
    expect(text(mounted.host)).not.toContain('Sorteret efter relevans');
    const phases = [...mounted.host.querySelectorAll('select#phase option')].map((o) => (o as HTMLOptionElement).value);
    expect(phases).toEqual(['', ...new Set(process.phases.map((p) => p.kind))]);
  });

  it('puts a chosen phase in the address (shareable) and asks again', async () => {
    const calls = stubApi((url) => (url.pathname === PROCESS_API ? json(process) : json(page([idea(1)]))));
    const mounted = await mountInApp(IdeaListPage, { path: '/forloeb/ai-i-gentofte/ideer?q=skole' });
    wrapper = mounted.wrapper;

    await wrapper.find('select#phase').setValue('closed');
    await flushPromises();
    expect(mounted.router.currentRoute.value.query).toMatchObject({ q: 'skole', phase: 'closed' });
    expect(calls.at(-1)!.url.searchParams.get('phase')).toBe('closed');
  });

  it('says plainly when a search finds nothing, with a hint', async () => {
    stubApi((url) => (url.pathname === PROCESS_API ? json(process) : json(page([]))));
    const mounted = await mountInApp(IdeaListPage, { path: '/forloeb/ai-i-gentofte/ideer?q=xylofon' });
    wrapper = mounted.wrapper;
    const empty = mounted.host.querySelector('.idea-list__empty[role="status"]');
    expect(empty?.textContent).toContain('Vi fandt ingen idéer, der passer til din søgning');
    expect(empty?.textContent).toContain('færre ord');
  });
});
