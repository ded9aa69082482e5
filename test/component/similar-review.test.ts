import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { SimilarAtReview, SimilarIdea } from '#shared/schemas/search';
import type { ModeratedIdea } from '../../frontend/src/api/workspace';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import IdeaModerationPage from '../../frontend/src/pages/workspace/IdeaModerationPage.vue';
import { json, stubApi } from './app';
import { idea as listItem, process } from './fixtures';

/** "Mulige dubletter" on the moderation page (issue 18): what the author was shown, what is similar now, and a pick into the merge form. */

const base = listItem(1, { status: 'pending' });
const hostile = '<img src=x onerror=alert(1)>';
const other = (n: number, title = `Lignende idé ${n}`): SimilarIdea => ({
  id: `01JDKQ${String(n).padStart(20, '0')}`,
  title,
  excerpt: `Uddrag ${n}`,
  area: 'erhverv',
  status: 'published',
  voteCount: n * 4,
  commentCount: 0,
  highlight: { title: [{ text: title.split(' ')[0]! }, { text: ` ${title.split(' ').slice(1).join(' ')}`, hit: true }], snippet: [{ text: `Uddrag ${n}` }] },
});
const moderated = (similar?: SimilarAtReview, status: ModeratedIdea['status'] = 'pending'): ModeratedIdea => ({
  ...base,
  status,
  body: 'En chatbot på rådhuset.',
  updatedAt: base.createdAt,
  held: false,
  flagCount: 0,
  history: [],
  ...(similar ? { similar } : {}),
});

let wrapper: VueWrapper | undefined;
async function mountPage(answer: ModeratedIdea) {
  const sent: unknown[] = [];
  stubApi(async (url, init) => {
    if (init?.method === 'POST') {
      sent.push(JSON.parse(String(init.body)));
      return json({ ...answer, status: 'merged' });
    }
    if (url.pathname === `/api/moderation/ideas/${base.id}`) return json(answer);
    return json({ items: [process] });
  });
  await setLocale('da', false);
  const empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/arbejdsrum/ideer/:id', name: 'workspace-idea', component: empty },
      { path: '/arbejdsrum/moderation', name: 'workspace-queue', component: empty },
      { path: '/forloeb/:processId/ideer/:id', name: 'idea', component: empty },
    ],
  });
  await router.push(`/arbejdsrum/ideer/${base.id}`);
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount(IdeaModerationPage, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return { w: wrapper, sent };
}

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('possible duplicates at review', () => {
  it('names what the author was shown and the similar public ideas now, linked to their moderation pages, as text', async () => {
    const { w } = await mountPage(
      moderated({ shownToAuthor: [{ id: other(7).id, title: hostile }], similar: [other(2), other(3, `Chatbot ${hostile}`)] }),
    );
    const section = w.find('section[aria-labelledby="duplicates-heading"]');
    expect(section.find('h2').text()).toBe('Mulige dubletter');
    expect(section.text()).toContain('Forslagsstilleren fik vist disse idéer');
    expect(section.find('img').exists()).toBe(false);
    const links = section.findAll('a').map((a) => [a.text(), a.attributes('href')]);
    expect(links).toEqual([
      [hostile, `/arbejdsrum/ideer/${other(7).id}`],
      ['Lignende idé 2', `/arbejdsrum/ideer/${other(2).id}`],
      [`Chatbot ${hostile}`, `/arbejdsrum/ideer/${other(3).id}`],
    ]);
    expect(section.findAll('mark').map((m) => m.text())).toEqual(['idé 2', hostile]);
    expect(section.text()).toContain('12 stemmer');
    // A pending idea cannot be merged yet (shared/rules/moderation.ts): nothing to pick.
    expect(section.find('button').exists()).toBe(false);
  });

  it('says when the author was shown nothing and nothing is similar now', async () => {
    const { w } = await mountPage(moderated({ shownToAuthor: [], similar: [] }));
    const section = w.find('section[aria-labelledby="duplicates-heading"]');
    expect(section.text()).toContain('Forslagsstilleren fik ikke vist lignende idéer');
    expect(section.text()).toContain('Der er ingen lignende offentlige idéer lige nu.');
  });

  it('shows no section when the API sent no duplicates', async () => {
    const { w } = await mountPage(moderated());
    expect(w.find('section[aria-labelledby="duplicates-heading"]').exists()).toBe(false);
  });

  it('picks a duplicate into the merge form, which the moderator sends with a reason', async () => {
    const { w, sent } = await mountPage(moderated({ shownToAuthor: [], similar: [other(2), other(3)] }, 'published'));
    const pick = w.findAll('section[aria-labelledby="duplicates-heading"] button');
    expect(pick.map((b) => b.text())).toEqual(['Læg sammen med denne: Lignende idé 2', 'Læg sammen med denne: Lignende idé 3']);
    await pick[1]!.trigger('click');
    await flushPromises();

    const target = w.find<HTMLInputElement>('#merge-target');
    expect(target.element.value).toBe(other(3).id);
    expect(document.activeElement).toBe(target.element);
    expect(w.find('form[aria-labelledby="merge-heading"]').text()).toContain('Valgt: Lignende idé 3');
    expect(sent).toEqual([]);

    await w.find('#merge-reason').setValue('Samme forslag som idé 3');
    await w.find('form[aria-labelledby="merge-heading"]').trigger('submit');
    await flushPromises();
    expect(sent).toEqual([{ action: 'merge', targetId: other(3).id, reason: 'Samme forslag som idé 3' }]);
  });
});
