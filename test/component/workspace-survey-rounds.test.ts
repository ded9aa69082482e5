import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { profile, setProfile } from '../../frontend/src/modules/session';
import { workspaceRoutes } from '../../frontend/src/pages/workspace/routes';
import { json, problem, stubApi, text } from './app';
import { survey, surveyProcess } from './survey-fixtures';
import { currentResults, previousResults, previousSurvey } from './survey-rounds-fixtures';

/**
 * The workspace's results of a second round: the earlier round's internal results beside this
 * round's (the same roles read both, published or not), linked to that round's workspace page.
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

const current = { ...surveyProcess(), clonedFrom: 'ai-2024', createdAt: '2026-11-27T10:00:00.000Z' };
const earlier = { ...surveyProcess(), id: 'ai-2024', title: { da: 'AI i Gentofte 2024' }, createdAt: '2024-04-01T10:00:00.000Z' };

async function mountResults(previousAnswer: () => Response) {
  await setLocale('da', false);
  setProfile({ userId: 'user-ada', displayName: 'Ada', participantType: 'employee', roles: ['committee'], createdAt: '', updatedAt: '' });
  const calls = stubApi((url) => {
    switch (url.pathname) {
      case '/api/processes':
        return json({ items: [current, earlier] });
      case `/api/processes/${current.id}/survey`:
        return json(survey);
      case `/api/moderation/surveys/${current.id}/results`:
        return json(currentResults);
      case '/api/processes/ai-2024':
        return json(earlier);
      case '/api/processes/ai-2024/survey':
        return json(previousSurvey);
      case '/api/moderation/surveys/ai-2024/results':
        return previousAnswer();
      default:
        return problem(404, 'Ikke fundet');
    }
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [...workspaceRoutes, { path: '/', name: 'home', component: { render: () => null } }] });
  await router.push(`/arbejdsrum/spoergeskema/resultater?forloeb=${current.id}`);
  await router.isReady();
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount({ render: () => h(RouterView) }, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return calls;
}

// The first mount compiles the lazily loaded page: more than vitest's 5 s on a busy machine.
describe('a second round’s results in the workspace', { timeout: 30_000 }, () => {
  it('sets the earlier round’s internal results beside this round’s, linked to its page', async () => {
    const calls = await mountResults(() => json(previousResults));
    const section = document.body.querySelector('[data-testid="round-comparison"]')!;
    expect(section).not.toBeNull();
    expect(calls.map((c) => c.url.pathname)).toContain('/api/moderation/surveys/ai-2024/results');
    expect(section.querySelector('a')?.getAttribute('href')).toBe('/arbejdsrum/spoergeskema/resultater?forloeb=ai-2024');
    expect(text(section)).toContain('Forrige runde: 20 svar fra 1. maj 2024 til 31. maj 2024. Denne runde: 12 svar');
    const rows = [...section.querySelectorAll('table')[0]!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim()));
    expect(rows.at(-1)).toEqual(['Gennemsnit', '3,1', '3,5']);
  });

  it('says so when the earlier round cannot be read, and keeps this round’s figures', async () => {
    await mountResults(() => problem(503, 'Utilgængelig'));
    expect(document.body.querySelector('[data-testid="round-comparison"]')).toBeNull();
    expect(text(document.body)).toContain('Forrige runde kunne ikke hentes');
    expect(text(document.body)).toContain('Jeg har tillid til AI i kommunen');
  });
});
