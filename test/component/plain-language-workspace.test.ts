import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import type { Process } from '#shared/schemas/process';
import type { ModeratedIdea } from '../../frontend/src/api/workspace';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { profile, setProfile } from '../../frontend/src/modules/session';
import { workspaceRoutes } from '../../frontend/src/pages/workspace/routes';
import { buttonNamed, json, problem, stubApi, text } from './app';
import { idea, process } from './fixtures';

/**
 * Plain language in the workspace (issue 15): a moderator writes, changes or removes an idea's
 * "letlæst" summary on its moderation page (one action at a time, the history read again after),
 * and an admin gives a process a plain introduction in Danish and English, with a hint that follows
 * the typing and names the sentences over 20 words; an emptied one is removed with null.
 */
type Answer = (url: URL, init: RequestInit | undefined) => Response | Promise<Response> | undefined;
interface Sent {
  method: string;
  path: string;
  body: unknown;
}

let wrapper: VueWrapper | undefined;
// The pages load lazily; the first load compiles them, which on a busy machine outlasts a test's 5 s.
beforeAll(() => Promise.all([import('../../frontend/src/pages/workspace/IdeaModerationPage.vue'), import('../../frontend/src/pages/workspace/ProcessEditPage.vue')]), 60_000);
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

async function mountAt(path: string, answer: Answer) {
  await setLocale('da', false);
  setProfile({ userId: 'user-ada', displayName: 'Ada Admin', participantType: 'employee', roles: ['admin', 'moderator'], createdAt: '', updatedAt: '' });
  const sent: Sent[] = [];
  stubApi(async (url, init) => {
    sent.push({ method: init?.method ?? 'GET', path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return (await answer(url, init)) ?? (url.pathname === '/api/processes' ? json({ items: [process] }) : json({}));
  });
  const empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [...workspaceRoutes, { path: '/', name: 'home', component: empty }, { path: '/forloeb/:processId', name: 'process', component: empty }, { path: '/forloeb/:processId/ideer/:id', name: 'idea', component: empty }],
  });
  await router.push(path);
  await router.isReady();
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount({ render: () => h(RouterView) }, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return { host, sent, writes: () => sent.filter((s) => s.method !== 'GET') };
}

async function violations(root: Element) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const input = async (id: string, value: string) => {
  const el = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
  el.value = value;
  el.dispatchEvent(new Event('input'));
  await flushPromises();
};
const click = async (name: string) => {
  const button = buttonNamed(document.body, name);
  expect(button, name).toBeDefined();
  button!.click();
  await flushPromises();
};

// axe over a whole workspace page takes seconds on two shared cores.
describe("the moderator's letlæst summary", { timeout: 20_000 }, () => {
  const base = idea(1);
  const moderated = (overrides: Partial<ModeratedIdea> = {}): ModeratedIdea => ({
    ...base,
    body: 'Brug AI til at svare på borgernes spørgsmål.',
    updatedAt: base.createdAt,
    held: false,
    flagCount: 0,
    history: [],
    author: { userId: 'user-anna', blocked: false },
    ...overrides,
  });
  const entry = { id: '01JAUDIT000000000000000001', at: '2026-12-01T10:00:00.000Z', actorId: 'user-ada', actorName: 'Ada Admin', action: 'plain-summary', targetKind: 'idea', targetId: base.id } as ModeratedIdea['history'][number];

  it('writes one for the author, refuses an empty one before sending, and shows the change in the history', async () => {
    let stored = moderated();
    const { host, writes } = await mountAt(`/arbejdsrum/ideer/${base.id}`, (url, init) => {
      if (url.pathname === `/api/ideas/${base.id}/plain-summary` && init?.method === 'PUT') {
        const { plainSummary } = JSON.parse(String(init.body)) as { plainSummary: string | null };
        stored = { ...stored, ...(plainSummary ? { plainSummary } : {}), history: [entry] };
        return json({ ...base, body: stored.body, plainSummary, updatedAt: stored.updatedAt });
      }
      if (url.pathname === `/api/moderation/ideas/${base.id}`) return json(stored);
      return undefined;
    });
    const form = host.querySelector('form[aria-labelledby="plain-heading"]')!;
    expect(form.querySelector('h3')?.textContent).toBe('Letlæst resumé');
    expect(text(form)).toContain('Idéen har ikke et letlæst resumé endnu.');
    expect(await violations(host)).toEqual([]);

    await click('Gem resuméet');
    expect(writes()).toEqual([]);
    expect(document.getElementById('ws-plain-summary-error')?.textContent).toContain('Skriv resuméet, eller vælg "Fjern resuméet".');

    await input('ws-plain-summary', 'AI kan svare på enkle spørgsmål. Så kan medarbejderne tage de svære.');
    await click('Gem resuméet');
    expect(writes()).toEqual([{ method: 'PUT', path: `/api/ideas/${base.id}/plain-summary`, body: { plainSummary: 'AI kan svare på enkle spørgsmål. Så kan medarbejderne tage de svære.' } }]);
    expect(text(host.querySelector('.ws-idea__saved')!)).toBe('Det letlæste resumé er gemt.');
    expect(text(host.querySelector('#history-heading')!.parentElement!)).toContain('Letlæst resumé ændret');
    expect(buttonNamed(form, 'Fjern resuméet')).toBeDefined();
  });

  it("removes it with null, and shows the server's refusal in its own form", async () => {
    let refuse = true;
    const { host, writes } = await mountAt(`/arbejdsrum/ideer/${base.id}`, (url, init) => {
      if (init?.method === 'PUT') return refuse ? problem(403, 'Du må ikke ændre denne idé') : json({ ...base, body: 'x', updatedAt: base.createdAt });
      if (url.pathname === `/api/moderation/ideas/${base.id}`) return json(refuse ? moderated({ plainSummary: 'Kort og klart.' }) : moderated());
      return undefined;
    });
    expect((document.getElementById('ws-plain-summary') as HTMLTextAreaElement).value).toBe('Kort og klart.');
    await click('Fjern resuméet');
    const form = host.querySelector('form[aria-labelledby="plain-heading"]')!;
    expect(form.querySelector('[role="alert"]')?.textContent).toBe('Du må ikke ændre denne idé');
    refuse = false;
    await click('Fjern resuméet');
    expect(writes().map((w) => w.body)).toEqual([{ plainSummary: null }, { plainSummary: null }]);
    expect(text(host.querySelector('.ws-idea__saved')!)).toBe('Det letlæste resumé er fjernet.');
    expect((document.getElementById('ws-plain-summary') as HTMLTextAreaElement).value).toBe('');
  });
});

describe("the process form's plain introduction", { timeout: 20_000 }, () => {
  const LONG = 'Kommunen vil gerne høre fra så mange borgere, virksomheder og medarbejdere som muligt, fordi udvalget skal give gode råd om kunstig intelligens til byrådet.';

  it('names the sentences over 20 words as they are typed, in each language, and sends the text with the edit', async () => {
    let stored: Process = process;
    const { host, writes } = await mountAt('/arbejdsrum/forloeb/ai-i-gentofte', (url, init) => {
      if (init?.method === 'PATCH') {
        const body = JSON.parse(String(init.body)) as { plainIntro?: Process['plainIntro'] | null };
        const { plainIntro: _old, ...rest } = stored;
        stored = { ...rest, ...(body.plainIntro ? { plainIntro: body.plainIntro } : {}), updatedAt: new Date().toISOString() };
        return json(stored);
      }
      if (url.pathname === '/api/processes/ai-i-gentofte') return json(stored);
      return undefined;
    });
    const legend = [...host.querySelectorAll('legend')].find((l) => l.textContent === 'Letlæst udgave af introduktionen (valgfri)');
    expect(legend).toBeDefined();
    expect(document.getElementById('pf-plainIntro-da')).not.toBeNull();
    expect(document.getElementById('pf-plainIntro-en')).not.toBeNull();

    await input('pf-plainIntro-da', `Vi vil høre dig. ${LONG}`);
    const check = legend!.parentElement!.querySelector('.pf-plain__check')!;
    expect(text(check)).toContain('En sætning har over 20 ord:');
    expect([...check.querySelectorAll('li')].map((li) => li.textContent)).toEqual([LONG]);
    expect(check.querySelector('ul')?.getAttribute('lang')).toBe('da');
    await input('pf-plainIntro-da', 'Vi vil høre dig. Skriv, hvad du synes om AI.');
    expect(text(legend!.parentElement!)).toContain('Alle sætninger har højst 20 ord.');
    await input('pf-plainIntro-en', 'We want to hear from you.');
    expect(await violations(host)).toEqual([]);

    await host.querySelector<HTMLFormElement>('form.pf')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(writes()).toEqual([
      { method: 'PATCH', path: '/api/processes/ai-i-gentofte', body: { expectedUpdatedAt: process.updatedAt, plainIntro: { da: 'Vi vil høre dig. Skriv, hvad du synes om AI.', en: 'We want to hear from you.' } } },
    ]);

    // Emptied, it is removed: null, not an empty text.
    const savedAt = stored.updatedAt;
    await input('pf-plainIntro-da', '');
    await input('pf-plainIntro-en', '');
    await host.querySelector<HTMLFormElement>('form.pf')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(writes()[1]!.body).toEqual({ expectedUpdatedAt: savedAt, plainIntro: null });
    expect(stored.plainIntro).toBeUndefined();
  });

  it('an English text without a Danish one is refused at the Danish field, and nothing is sent', async () => {
    const { writes } = await mountAt('/arbejdsrum/forloeb/ai-i-gentofte', (url) => (url.pathname === '/api/processes/ai-i-gentofte' ? json(process) : undefined));
    await input('pf-plainIntro-en', 'Only English.');
    document.querySelector<HTMLFormElement>('form.pf')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(writes()).toEqual([]);
    expect(document.getElementById('pf-plainIntro-da-error')?.textContent).toContain('Skal udfyldes');
    expect(text(document.querySelector('.error-summary')!)).toContain('Letlæst udgave (dansk)');
  });
});
