import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import type { Queue } from '#shared/schemas/moderation';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { profile, setProfile } from '../../frontend/src/modules/session';
import { workspaceRoutes } from '../../frontend/src/pages/workspace/routes';
import { json, problem, stubApi } from './app';
import { process } from './fixtures';

/**
 * Consultation comments held after flags are moderated beside their paragraph, not in the idea
 * queue: the queue counts them and points to the consultation's pages, and says nothing when none are held.
 */

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

async function queueWith(counts: Queue['counts']) {
  await setLocale('da', false);
  setProfile({ userId: 'user-ada', displayName: 'Ada', participantType: 'employee', roles: ['moderator'], createdAt: '', updatedAt: '' });
  stubApi((url) => {
    if (url.pathname === '/api/processes') return json({ items: [process] });
    if (url.pathname === '/api/moderation/queue') return json({ counts, items: [], nextCursor: null } satisfies Queue);
    return problem(404, 'Ikke fundet');
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [...workspaceRoutes, { path: '/', name: 'home', component: { render: () => null } }] });
  await router.push(`/arbejdsrum/moderation?forloeb=${process.id}`);
  await router.isReady();
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount({ render: () => h(RouterView) }, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return wrapper;
}

describe('the moderation queue and held consultation comments', () => {
  it('counts them and links to the consultation of the chosen process', async () => {
    const page = await queueWith({ pending: 0, flagged: 1, responses: 2 });
    expect(page.text()).toContain('2 høringskommentarer er tilbageholdt efter anmeldelser.');
    const link = page.findAll('a').find((a) => a.text().startsWith('Se dem under Høring'));
    expect(link?.attributes('href')).toBe(`/arbejdsrum/hoering?forloeb=${process.id}`);
  }, 30_000);

  it('says nothing of them when none are held', async () => {
    const page = await queueWith({ pending: 0, flagged: 1, responses: 0 });
    expect(page.text()).not.toContain('høringskommentar');
  }, 30_000);
});
