import axe from 'axe-core';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { ModeratedIdea } from '../../frontend/src/api/workspace';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import IdeaModerationPage from '../../frontend/src/pages/workspace/IdeaModerationPage.vue';
import { json, problem, stubApi, text } from './app';
import { idea as listItem, process } from './fixtures';

/**
 * The AI lens on the moderator's idea page against a fake API: every choice explained, the Annex III
 * area only for high-risk, the lens sent with the idea's updatedAt, and a conflict (409) that reads
 * the latest idea while the assessment stays in the form, to be sent again with the new version.
 */
vi.setConfig({ testTimeout: 60_000 });
const base = listItem(1);
const moderated = (over: Partial<ModeratedIdea> = {}): ModeratedIdea => ({
  ...base,
  body: 'Brug AI til at svare på borgernes spørgsmål.',
  updatedAt: '2026-12-01T10:00:00.000Z',
  held: false,
  flagCount: 0,
  history: [],
  ...over,
});

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

async function mountPage(answer: (body: Record<string, unknown>) => Response, current: () => ModeratedIdea) {
  await setLocale('da', false);
  const sent: Record<string, unknown>[] = [];
  stubApi((url, init) => {
    if (init?.method === 'PUT' && url.pathname === `/api/ideas/${base.id}/ai-lens`) {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      sent.push(body);
      return answer(body);
    }
    if (url.pathname === `/api/moderation/ideas/${base.id}`) return json(current());
    if (url.pathname === '/api/processes') return json({ items: [process] });
    return problem(404, 'Ikke fundet');
  });
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
  return sent;
}

const lensForm = () => document.querySelector('form[aria-labelledby="idea-lens-heading"]') as HTMLFormElement;
const submit = async () => {
  lensForm().dispatchEvent(new Event('submit', { cancelable: true }));
  await flushPromises();
};
const click = async (id: string) => {
  (document.getElementById(id) as HTMLInputElement).click();
  await flushPromises();
};

describe("the idea's AI lens", () => {
  it('explains each choice, asks for the Annex III area only with high-risk, and sends the lens with the version seen', async () => {
    let idea = moderated({ aiLens: { aiActCategory: 'minimal' } });
    const sent = await mountPage((body) => {
      idea = moderated({ aiLens: body.lens as ModeratedIdea['aiLens'], updatedAt: '2026-12-01T11:00:00.000Z' });
      return json({ aiLens: body.lens, updatedAt: idea.updatedAt });
    }, () => idea);
    expect((document.getElementById('idea-lens-category-minimal') as HTMLInputElement).checked).toBe(true);
    expect(document.getElementById('idea-lens-category-minimal')!.getAttribute('aria-describedby')).toBe('idea-lens-category-minimal-explain');
    expect(text(lensForm())).toContain('De almindelige regler gælder stadig');
    expect(document.getElementById('idea-lens-area')).toBeNull();

    await click('idea-lens-category-high-risk');
    expect(document.getElementById('idea-lens-area')).toBeTruthy();
    await submit();
    expect(sent).toHaveLength(0);
    expect(document.getElementById('idea-lens-area-error')?.textContent).toBe('Vælg området i bilag III');

    const area = document.getElementById('idea-lens-area') as HTMLSelectElement;
    area.value = 'employment';
    area.dispatchEvent(new Event('change'));
    await click('idea-lens-exclusion');
    await submit();
    expect(sent).toEqual([{ lens: { aiActCategory: 'high-risk', highRiskArea: 'employment', digitalExclusion: true }, expectedUpdatedAt: '2026-12-01T10:00:00.000Z' }]);
    expect(text(document.querySelector('.ws-idea__saved')!)).toContain('Vurderingen er gemt.');
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('keeps the assessment after a conflict and sends it again with the latest version', async () => {
    let idea = moderated();
    let first = true;
    const sent = await mountPage((body) => {
      if (first) {
        first = false;
        idea = moderated({ updatedAt: '2026-12-01T12:00:00.000Z', aiLens: { aiActCategory: 'transparency' } });
        return json({ type: '/problems/conflict', title: 'Idéen er ændret imens', status: 409 }, 409);
      }
      return json({ aiLens: body.lens, updatedAt: '2026-12-01T13:00:00.000Z' });
    }, () => idea);
    await click('idea-lens-category-prohibited');
    await click('idea-lens-dpia');
    await submit();
    expect(text(lensForm())).toContain('En anden har ændret idéen imens');
    expect((document.getElementById('idea-lens-category-prohibited') as HTMLInputElement).checked).toBe(true);
    await submit();
    expect(sent[1]).toEqual({ lens: { aiActCategory: 'prohibited', dpiaNeeded: true }, expectedUpdatedAt: '2026-12-01T12:00:00.000Z' });
  });
});
