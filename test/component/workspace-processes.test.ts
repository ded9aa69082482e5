import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router';
import type { Process } from '#shared/schemas/process';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { profile, setProfile } from '../../frontend/src/modules/session';
import { workspaceRoutes } from '../../frontend/src/pages/workspace/routes';
import { buttonNamed, json, stubApi, text } from './app';
import { process as first } from './fixtures';

/**
 * The workspace's processes against a fake API: the process choice that follows the admin from view
 * to view in the address, and the process form: the phase rules before anything is sent, the
 * API's field errors at their fields, an edit that met someone else's, and archiving with an open phase.
 */

const day = 86_400_000;
const second: Process = {
  ...first,
  id: 'ai-runde-2',
  title: { da: 'AI i Gentofte Kommune, anden runde' },
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
};

type Answer = (url: URL, init: RequestInit | undefined) => Response | Promise<Response>;
interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

/** The workspace as the app routes it, signed in as an admin and moderator, at `path`. */
async function mountAt(path: string, answer: Answer): Promise<{ router: Router; sent: Sent[] }> {
  await setLocale('da', false);
  setProfile({ userId: 'user-ada', displayName: 'Ada Admin', participantType: 'employee', roles: ['admin', 'moderator'], createdAt: '', updatedAt: '' });
  const sent: Sent[] = [];
  stubApi((url, init) => {
    sent.push({ method: init?.method ?? 'GET', path: url.pathname, query: url.searchParams, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return answer(url, init);
  });
  const empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [...workspaceRoutes, { path: '/', name: 'home', component: empty }, { path: '/forloeb/:processId', name: 'process', component: empty }],
  });
  await router.push(path);
  await router.isReady();
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount({ render: () => h(RouterView) }, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return { router, sent };
}

const views: Answer = (url) => {
  if (url.pathname === '/api/processes') return json({ items: [first, second] });
  if (url.pathname === '/api/processes/ai-runde-2') return json(second);
  if (url.pathname === '/api/moderation/queue') return json({ items: [], nextCursor: null, counts: { pending: 0, flagged: 0 } });
  if (url.pathname === '/api/moderation/log') return json({ items: [], nextCursor: null, actors: [] });
  if (url.pathname === '/api/moderation/overdue') return json({ items: [] });
  return json({});
};

const field = (id: string) => wrapper!.find(`#${id}`);
const errorAt = (id: string) => document.getElementById(`${id}-error`)?.textContent?.replace(/\s+/g, ' ').trim();
const submit = async () => {
  await wrapper!.find('form.pf').trigger('submit');
  await flushPromises();
};
const writes = (sent: Sent[]) => sent.filter((s) => s.method !== 'GET');
const click = async (name: string) => {
  const button = buttonNamed(wrapper!.element, name);
  expect(button, name).toBeDefined();
  button!.click();
  await flushPromises();
};

describe('the process choice', () => {
  it('starts at the newest active process, and keeps the chosen one in the address from view to view', async () => {
    const { router, sent } = await mountAt('/arbejdsrum/moderation', views);
    const queued = () => sent.filter((s) => s.path === '/api/moderation/queue').map((s) => s.query.get('processId'));
    expect(queued()).toEqual(['ai-runde-2']);
    expect((field('workspace-process').element as HTMLSelectElement).value).toBe('ai-runde-2');

    // Moving the select changes nothing until the admin asks for it.
    await field('workspace-process').setValue('ai-i-gentofte');
    expect(router.currentRoute.value.query).toEqual({});
    await wrapper!.find('form.ws-process-picker').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ forloeb: 'ai-i-gentofte' });
    expect(queued()).toEqual(['ai-runde-2', 'ai-i-gentofte']);

    // The menu's links carry the choice, and so does a link that knows nothing of it.
    const logLink = wrapper!.findAll('.ws-nav a').find((a) => a.text() === 'Revisionslog')!;
    expect(logLink.attributes('href')).toBe('/arbejdsrum/log?forloeb=ai-i-gentofte');
    (logLink.element as HTMLAnchorElement).click();
    // The log page is its own chunk: the navigation waits for it.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/arbejdsrum/log?forloeb=ai-i-gentofte'));
    await vi.waitFor(() => expect(sent.filter((s) => s.path === '/api/moderation/log').map((s) => s.query.get('processId'))).toEqual(['ai-i-gentofte']));

    await router.push({ name: 'workspace-overdue' });
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/arbejdsrum/svarfrister?forloeb=ai-i-gentofte');
    await vi.waitFor(() => expect(sent.filter((s) => s.path === '/api/moderation/overdue').map((s) => s.query.get('processId'))).toEqual(['ai-i-gentofte']));
    // A process's own admin page names its process in its path; the views after it go on with that one.
    await router.push('/arbejdsrum/forloeb/ai-runde-2');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/arbejdsrum/forloeb/ai-runde-2');
    expect(wrapper!.findAll('.ws-nav a').find((a) => a.text() === 'Revisionslog')!.attributes('href')).toBe('/arbejdsrum/log?forloeb=ai-runde-2');
    await router.push({ name: 'workspace-queue' });
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/arbejdsrum/moderation?forloeb=ai-runde-2');

    // The process list was asked for once, whatever the number of views.
    expect(sent.filter((s) => s.path === '/api/processes')).toHaveLength(1);
    // Four page chunks load on the way: on a busy machine that takes more than the default 5 s.
  }, 30_000);
});

describe('creating a process', () => {
  const create: Answer = (url) => (url.pathname === '/api/processes' ? json({ items: [first] }) : json({}));

  it('shows the phase rules at the dates as they are typed, and sends nothing while they fail', async () => {
    const { sent } = await mountAt('/arbejdsrum/forloeb/nyt', create);
    await field('pf-phases-0-startsAt').setValue('2027-03-01T10:00');
    await field('pf-phases-0-endsAt').setValue('2027-02-01T10:00');
    expect(errorAt('pf-phases-0-endsAt')).toBe('Fejl: Slutdatoen skal ligge efter startdatoen');

    await field('pf-phases-0-endsAt').setValue('2027-04-01T10:00');
    expect(errorAt('pf-phases-0-endsAt')).toBeUndefined();
    // Personal data erased while ideas are still being collected: the retention rule says so too.
    await field('pf-settings-personalDataUntil').setValue('2027-03-15');
    expect(errorAt('pf-settings-personalDataUntil')).toBe('Fejl: Opbevaringsfristen skal ligge efter den sidste fase, hvor man kan deltage');
    await click('Tilføj fase');
    await field('pf-phases-1-kind').setValue('ideas');
    await field('pf-phases-1-startsAt').setValue('2027-03-15T10:00');
    expect(errorAt('pf-phases-1-startsAt')).toBe('Fejl: Overlapper en anden fase af samme type');

    await submit();
    const summary = text(wrapper!.find('.error-summary').element);
    expect(summary).toContain('Fase 2: Starter: Overlapper en anden fase af samme type');
    expect(summary).toContain('Titel (dansk): Skal udfyldes');
    expect(summary).toContain('Persondata slettes fra: Opbevaringsfristen skal ligge efter den sidste fase, hvor man kan deltage');
    expect(writes(sent)).toEqual([]);
  });

  it('suggests the address from the Danish title, sends the whole definition in Danish time, and shows a taken address at its field', async () => {
    const { sent } = await mountAt('/arbejdsrum/forloeb/nyt', (url, init) =>
      init?.method === 'POST'
        ? new Response(JSON.stringify({ type: '/problems/process-exists', title: 'Kan ikke udføres lige nu', status: 409, detail: 'Adressen er i brug.', errors: [{ path: 'body.id', message: 'Der findes allerede et forløb med adressen ai-anden-runde' }] }), {
            status: 409,
            headers: { 'content-type': 'application/problem+json' },
          })
        : create(url, init),
    );
    await field('pf-title-da').setValue('AI – anden runde');
    expect((field('pf-id').element as HTMLInputElement).value).toBe('ai-anden-runde');
    await field('pf-summary-da').setValue('Hvad har vi lært?');
    await field('pf-description-da').setValue('Anden runde af udvalgets arbejde.');
    await field('pf-charter-tasks-da').setValue('Se på erfaringerne.');
    await field('pf-charter-outcome-da').setValue('Udvalget skriver en rapport.');
    await field('pf-phases-0-title-da').setValue('Idéer');
    await field('pf-phases-0-startsAt').setValue('2027-07-01T09:00');
    await field('pf-areas-0-name-da').setValue('Børn og unge');
    await field('pf-effects-0-name-da').setValue('Kvalitet');
    await field('pf-settings-personalDataUntil').setValue('2029-01-01');
    await submit();

    const post = writes(sent);
    expect(post.map((s) => [s.method, s.path])).toEqual([['POST', '/api/processes']]);
    expect(post[0]!.body).toMatchObject({
      id: 'ai-anden-runde',
      title: { da: 'AI – anden runde' },
      phases: [{ kind: 'ideas', title: { da: 'Idéer' }, startsAt: '2027-07-01T07:00:00.000Z' }],
      areas: [{ id: 'boern-og-unge', name: { da: 'Børn og unge' } }],
      settings: { moderation: 'post', flagThreshold: 3, votesPerPerson: null, personalDataUntil: '2028-12-31T23:00:00.000Z' },
    });
    expect(errorAt('pf-id')).toBe('Fejl: Der findes allerede et forløb med adressen ai-anden-runde');
    expect(text(wrapper!.find('.error-summary').element)).toContain('Adresse (id): Der findes allerede et forløb med adressen ai-anden-runde');
    // Nothing the admin typed is gone.
    expect((field('pf-summary-da').element as HTMLTextAreaElement).value).toBe('Hvad har vi lært?');
  });
});

describe('editing a process', () => {
  const problem = (status: number, errors?: { path: string; message: string }[]) =>
    new Response(JSON.stringify({ type: '/problems/conflict', title: 'Kan ikke udføres lige nu', status, detail: 'Forløbet er ændret.', ...(errors ? { errors } : {}) }), {
      status,
      headers: { 'content-type': 'application/problem+json' },
    });

  it('sends only what changed, and shows an area the server will not remove at the areas, with a way back', async () => {
    const inUse = "Området 'Erhverv' bruges af idéer og kan ikke slettes — markér det som udgået i stedet";
    const { sent } = await mountAt('/arbejdsrum/forloeb/ai-i-gentofte', (url, init) => {
      if (init?.method === 'PATCH') return problem(409, [{ path: 'body.areas', message: inUse }]);
      return url.pathname === '/api/processes' ? json({ items: [first] }) : json(first);
    });
    expect(wrapper!.find('h1').text()).toBe('AI i Gentofte Kommune');
    await click('Fjern "Erhverv"');
    expect(text(wrapper!.element)).toContain('"Erhverv" fjernes, når du gemmer.');
    await submit();

    const patch = writes(sent);
    expect(patch).toHaveLength(1);
    expect(patch[0]!.path).toBe('/api/processes/ai-i-gentofte');
    expect(patch[0]!.body).toEqual({ expectedUpdatedAt: first.updatedAt, areas: [{ id: 'boern-og-unge', name: { da: 'Børn og unge', en: 'Children and young people' } }] });
    expect(document.getElementById('pf-areas')?.textContent).toBe(inUse);
    expect(text(wrapper!.find('.error-summary').element)).toContain(`Områder: ${inUse}`);

    await wrapper!.findAll('.pf-removed button').at(0)!.trigger('click');
    expect((field('pf-areas-1-name-da').element as HTMLInputElement).value).toBe('Erhverv');
  });

  it('after someone else saved meanwhile, keeps the input, and loads the latest version with the changes on top', async () => {
    const latest: Process = { ...first, summary: { da: 'Et nyt resumé fra en anden' }, updatedAt: '2026-11-29T10:00:00.000Z' };
    let stored = first;
    const { sent } = await mountAt('/arbejdsrum/forloeb/ai-i-gentofte', (url, init) => {
      if (init?.method === 'PATCH') {
        const body = JSON.parse(String(init.body)) as { expectedUpdatedAt: string; title?: Process['title'] };
        // As the API says it (functions/src/domain/process-admin/record.ts).
        if (body.expectedUpdatedAt !== latest.updatedAt) return problem(409, [{ path: 'body.expectedUpdatedAt', message: 'Forløbet er ændret af en anden i mellemtiden.' }]);
        return json({ ...latest, title: body.title ?? latest.title, updatedAt: '2026-11-30T10:00:00.000Z' });
      }
      if (url.pathname === '/api/processes') return json({ items: [stored] });
      const answer = json(stored);
      stored = latest;
      return answer;
    });
    await field('pf-title-da').setValue('AI i Gentofte – ny titel');
    await submit();
    expect(text(wrapper!.find('.alert--error').element)).toContain('En anden har ændret forløbet, efter du åbnede det.');
    expect((field('pf-title-da').element as HTMLInputElement).value).toBe('AI i Gentofte – ny titel');

    await click('Hent den nyeste udgave, og behold mine ændringer');
    expect((field('pf-summary-da').element as HTMLTextAreaElement).value).toBe('Et nyt resumé fra en anden');
    expect((field('pf-title-da').element as HTMLInputElement).value).toBe('AI i Gentofte – ny titel');
    expect(text(wrapper!.element)).toContain('Dine ændringer af Titel står stadig i formularen');

    await submit();
    const patches = writes(sent);
    expect(patches).toHaveLength(2);
    expect(patches[1]!.body).toEqual({ expectedUpdatedAt: latest.updatedAt, title: { da: 'AI i Gentofte – ny titel', en: 'AI in Gentofte Municipality' } });
    expect(text(wrapper!.element)).toContain('Ændringerne er gemt.');
    expect(wrapper!.find('h1').text()).toBe('AI i Gentofte – ny titel');
  });

  it('asks before archiving a process with an open phase, and then confirms it to the server', async () => {
    const open: Process = { ...first, phases: [{ kind: 'ideas', title: { da: 'Idéer og stemmer' }, startsAt: new Date(Date.now() - day).toISOString() }] };
    const { sent } = await mountAt('/arbejdsrum/forloeb/ai-i-gentofte', (url, init) => {
      if (init?.method === 'POST') return json({ ...open, archivedAt: new Date().toISOString(), updatedAt: '2026-11-30T10:00:00.000Z' });
      return url.pathname === '/api/processes' ? json({ items: [open] }) : json(open);
    });
    await click('Arkivér forløbet');
    expect(writes(sent)).toEqual([]);
    expect(document.activeElement?.id).toBe('archive-confirm');
    expect(text(document.getElementById('archive-confirm')!)).toContain('Forløbet har en åben fase: Idéer og stemmer.');

    await click('Ja, arkivér forløbet');
    expect(writes(sent).map((s) => [s.path, s.body])).toEqual([['/api/processes/ai-i-gentofte/archive', { archived: true, confirm: true }]]);
    expect(text(wrapper!.element)).toContain('Forløbet er arkiveret.');
    expect(buttonNamed(wrapper!.element, 'Hent forløbet frem fra arkivet')).toBeDefined();
  });
});
