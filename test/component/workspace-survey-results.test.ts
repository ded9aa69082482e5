import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import type { Role } from '#shared/schemas/user';
import type { Survey, SurveyResults, SurveyText } from '#shared/schemas/survey';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { profile, setProfile } from '../../frontend/src/modules/session';
import { workspaceRoutes } from '../../frontend/src/pages/workspace/routes';
import { buttonNamed, json, problem, stubApi, text } from './app';
import { process } from './fixtures';

/**
 * The survey's results and free-text review in the workspace against a fake API: figures with the
 * options' labels, a breakdown that states its suppressed groups, publishing (admins only), and a
 * review that refuses a hide without a reason and sends nothing.
 */

const survey: Survey = {
  processId: process.id,
  title: { da: 'Borgernes holdning til AI', en: "Citizens' attitudes to AI" },
  intro: { da: 'Svar på få minutter.' },
  anonymous: true,
  sections: [
    {
      id: 'tillid',
      title: { da: 'Tillid' },
      questions: [
        { id: 'tillid-kommune', kind: 'likert', text: { da: 'Jeg har tillid til kommunens brug af AI' }, required: true, lowLabel: { da: 'Helt uenig' }, highLabel: { da: 'Helt enig' } },
        { id: 'omraader', kind: 'single', text: { da: 'Hvor er AI mest velkommen?' }, required: false, options: [{ id: 'trafik', label: { da: 'Trafik' } }, { id: 'sundhed', label: { da: 'Sundhed' } }] },
        { id: 'bekymring', kind: 'long-text', text: { da: 'Hvad bekymrer dig?' }, required: false, maxLength: 1000 },
        { id: 'alder', kind: 'single', demographic: 'age-band', text: { da: 'Din alder' }, required: false, options: [{ id: 'u30', label: { da: 'Under 30' } }, { id: 'o30', label: { da: '30 eller derover' } }] },
      ],
    },
  ],
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

const results: SurveyResults = {
  processId: process.id,
  answerCount: 12,
  period: { from: '2026-11-02', to: '2026-11-20' },
  questions: [
    { questionId: 'tillid-kommune', kind: 'likert', answered: 12, distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 4 ? 8 : 1 })), mean: 3.75 },
    { questionId: 'omraader', kind: 'single', answered: 10, options: [{ id: 'trafik', count: 4, share: 0.4 }, { id: 'sundhed', count: 6, share: 0.6 }] },
    { questionId: 'bekymring', kind: 'long-text', answered: 1, texts: [{ id: 'txt-0000000001', text: '<b>Fejl</b> i afgørelser', state: 'unreviewed' }] },
  ],
};
const breakdown: SurveyResults = {
  ...results,
  breakdown: {
    by: 'alder',
    groups: [
      { value: 'u30', count: 0, suppressed: true },
      { value: 'o30', count: 9, suppressed: false, questions: [{ questionId: 'omraader', kind: 'single', answered: 9, options: [{ id: 'trafik', count: 3, share: 1 / 3 }, { id: 'sundhed', count: 6, share: 2 / 3 }] }] },
    ],
  },
};
const texts: SurveyText[] = [{ id: 'txt-0000000001', questionId: 'bekymring', text: 'Min nabo Jens på Strandvejen 12 …', state: 'unreviewed' }];

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

async function mountAt(path: string, roles: Role[], answer: (url: URL, init?: RequestInit) => Response) {
  await setLocale('da', false);
  setProfile({ userId: 'user-ada', displayName: 'Ada', participantType: 'employee', roles, createdAt: '', updatedAt: '' });
  const sent: { method: string; path: string; query: URLSearchParams; body: unknown }[] = [];
  stubApi((url, init) => {
    sent.push({ method: init?.method ?? 'GET', path: url.pathname, query: url.searchParams, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url.pathname === '/api/processes') return json({ items: [process] });
    return answer(url, init);
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [...workspaceRoutes, { path: '/', name: 'home', component: { render: () => null } }] });
  await router.push(path);
  await router.isReady();
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount({ render: () => h(RouterView) }, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return sent;
}

const resultsApi = (url: URL, init?: RequestInit) => {
  if (url.pathname === `/api/processes/${process.id}/survey`) return json(survey);
  if (url.pathname === `/api/moderation/surveys/${process.id}/results`) return json(url.searchParams.get('by') ? breakdown : results);
  if (url.pathname === `/api/processes/${process.id}/survey/publish` && init?.method === 'POST') return json({ ...survey, resultsPublishedAt: '2026-11-25T09:00:00.000Z' });
  return problem(404, 'Ikke fundet');
};

describe('the survey results in the workspace', () => {
  it('shows each question with its labels, counts, shares and mean, and free texts as text', async () => {
    await mountAt('/arbejdsrum/spoergeskema/resultater', ['committee'], resultsApi);
    const page = text(document.body);
    expect(page).toContain('Antal svar: 12');
    expect(page).toContain('Jeg har tillid til kommunens brug af AI');
    expect(page).toContain('Gennemsnit: 3,75');
    expect(page).toContain('Sundhed');
    expect(page).toContain('60 %');
    // A free text is shown as typed, never as markup.
    expect(document.body.querySelector('b')).toBeNull();
    expect(page).toContain('<b>Fejl</b> i afgørelser');
    expect(page).toContain('Ikke gennemgået');
    // A committee member may not publish.
    expect(document.querySelector('[data-testid="survey-publish"]')).toBeNull();
  });

  it('breaks down by a background question and states that small groups are suppressed', async () => {
    const sent = await mountAt('/arbejdsrum/spoergeskema/resultater', ['moderator'], resultsApi);
    const select = wrapper!.find('#survey-by');
    expect(text(document.body)).toContain('Grupper med færre end 5 svar vises ikke');
    await select.setValue('alder');
    await flushPromises();
    expect(sent.some((s) => s.path.endsWith('/results') && s.query.get('by') === 'alder')).toBe(true);
    const suppressed = document.querySelectorAll('[data-testid="survey-suppressed"]');
    expect(suppressed).toHaveLength(1);
    expect(document.getElementById('group-u30')?.textContent?.trim()).toBe('Under 30');
    expect(text(document.body)).toContain('30 eller derover: 9 svar');
  });

  it('lets an admin publish the results', async () => {
    const sent = await mountAt('/arbejdsrum/spoergeskema/resultater', ['admin'], resultsApi);
    expect(text(document.body)).toContain('Resultaterne er ikke offentlige.');
    buttonNamed(document.body, 'Offentliggør resultaterne')!.click();
    await flushPromises();
    expect(sent.find((s) => s.path.endsWith('/publish'))?.body).toEqual({ published: true });
    expect(text(document.body)).toContain('Resultaterne er offentliggjort.');
    expect(buttonNamed(document.body, 'Træk resultaterne tilbage')).toBeDefined();
  });

  it('says when the process has no survey', async () => {
    await mountAt('/arbejdsrum/spoergeskema/resultater', ['admin'], () => problem(404, 'Ikke fundet'));
    expect(text(document.body)).toContain('Forløbet har intet spørgeskema endnu.');
  });
});

describe('the free-text review', () => {
  const reviewApi = (url: URL, init?: RequestInit) => {
    if (url.pathname === `/api/processes/${process.id}/survey`) return json(survey);
    if (url.pathname === `/api/moderation/surveys/${process.id}/texts`) return json({ items: texts, nextCursor: null });
    if (url.pathname.startsWith(`/api/moderation/surveys/${process.id}/texts/`) && init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { action: string; reason?: string };
      return json({ ...texts[0], state: body.action === 'hide' ? 'hidden' : 'approved', ...(body.reason ? { reason: body.reason } : {}) });
    }
    return problem(404, 'Ikke fundet');
  };

  it('lists unreviewed texts by default, refuses a hide without a reason, then hides with one', async () => {
    const sent = await mountAt('/arbejdsrum/spoergeskema/fritekst', ['moderator'], reviewApi);
    expect(sent.find((s) => s.path.endsWith('/texts'))?.query.get('state')).toBe('unreviewed');
    expect(text(document.body)).toContain('Hvad bekymrer dig?');
    expect(text(document.body)).toContain('Min nabo Jens');

    buttonNamed(document.body, 'Skjul')!.click();
    await flushPromises();
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);
    const field = document.getElementById('reason-txt-0000000001')!;
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);

    await wrapper!.find('#reason-txt-0000000001').setValue('Navn og adresse på en nabo');
    buttonNamed(document.body, 'Skjul')!.click();
    await flushPromises();
    expect(sent.find((s) => s.method === 'POST')?.body).toEqual({ action: 'hide', reason: 'Navn og adresse på en nabo' });
    expect(text(document.body)).toContain('Svaret er skjult.');
    expect(text(document.body)).toContain('Skjult: Navn og adresse på en nabo');
  });

  it('approves without a reason', async () => {
    const sent = await mountAt('/arbejdsrum/spoergeskema/fritekst', ['moderator'], reviewApi);
    buttonNamed(document.body, 'Godkend')!.click();
    await flushPromises();
    expect(sent.find((s) => s.method === 'POST')?.body).toEqual({ action: 'approve' });
    expect(text(document.body)).toContain('Svaret er godkendt.');
  });
});
