import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import type { Process } from '#shared/schemas/process';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { profile, setProfile } from '../../frontend/src/modules/session';
import { workspaceRoutes } from '../../frontend/src/pages/workspace/routes';
import { json, problem, stubApi } from './app';
import { process as first } from './fixtures';

/** The process edit page names the process a clone was copied from, linked to its own edit page. */
const clone: Process = { ...first, id: 'ai-runde-2', title: { da: 'AI i Gentofte Kommune, anden runde' }, clonedFrom: first.id };

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

async function edit(processId: string, sourceReadable = true) {
  await setLocale('da', false);
  setProfile({ userId: 'user-ada', displayName: 'Ada Admin', participantType: 'employee', roles: ['admin'], createdAt: '', updatedAt: '' });
  stubApi((url) => {
    if (url.pathname === '/api/processes') return json({ items: [first, clone] });
    if (url.pathname === `/api/processes/${clone.id}`) return json(clone);
    if (url.pathname === `/api/processes/${first.id}`) return sourceReadable ? json(first) : problem(503, 'Utilgængelig');
    return problem(404, 'Ikke fundet');
  });
  const empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [...workspaceRoutes, { path: '/', name: 'home', component: empty }, { path: '/forloeb/:processId', name: 'process', component: empty }],
  });
  await router.push(`/arbejdsrum/forloeb/${processId}`);
  await router.isReady();
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount({ render: () => h(RouterView) }, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
}

const clonedFrom = () => document.body.querySelector('[data-testid="cloned-from"]');

// The first mount compiles the lazily loaded page: more than vitest's 5 s on a busy machine.
describe('a cloned process on its edit page', { timeout: 30_000 }, () => {
  it('says which process it was copied from, with a link to it', async () => {
    await edit(clone.id);
    expect(clonedFrom()?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Kopieret fra AI i Gentofte Kommune');
    expect(clonedFrom()?.querySelector('a')?.getAttribute('href')).toBe(`/arbejdsrum/forloeb/${first.id}`);
  });

  it('names the source by its id when its title cannot be read', async () => {
    await edit(clone.id, false);
    expect(clonedFrom()?.textContent?.replace(/\s+/g, ' ').trim()).toBe(`Kopieret fra ${first.id}`);
  });

  it('says nothing on a process that is no copy', async () => {
    await edit(first.id);
    expect(document.body.querySelector('h1')?.textContent).toBe('AI i Gentofte Kommune');
    expect(clonedFrom()).toBeNull();
  });
});
