import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import type { Survey } from '#shared/schemas/survey';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { profile, setProfile } from '../../frontend/src/modules/session';
import { workspaceRoutes } from '../../frontend/src/pages/workspace/routes';
import { buttonNamed, json, problem, stubApi, text } from './app';
import { process } from './fixtures';

/**
 * The survey builder against a fake API: a survey built from nothing and saved whole, nothing sent
 * while the shared schema refuses it, the API's field errors at their fields, a conflict that keeps
 * the input until the admin chooses, leaving with unsaved changes asks first, removing a section or a
 * question asks first, and the structure locked after the first answer.
 */

const saved: Survey = {
  processId: process.id,
  title: { da: 'Borgernes holdning til AI' },
  intro: { da: 'Svar på få minutter.' },
  anonymous: false,
  sections: [
    {
      id: 'afsnit-1',
      title: { da: 'Tillid' },
      questions: [{ id: 'spm-1', kind: 'likert', text: { da: 'Jeg har tillid til kommunens brug af AI' }, required: false, lowLabel: { da: 'Helt uenig' }, highLabel: { da: 'Helt enig' } }],
    },
  ],
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

type Answer = (url: URL, init?: RequestInit) => Response;
async function mountBuilder(answer: Answer) {
  await setLocale('da', false);
  setProfile({ userId: 'user-mo', displayName: 'Mo', participantType: 'employee', roles: ['moderator'], createdAt: '', updatedAt: '' });
  const sent: { method: string; path: string; body: unknown }[] = [];
  stubApi((url, init) => {
    sent.push({ method: init?.method ?? 'GET', path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url.pathname === '/api/processes') return json({ items: [process] });
    return answer(url, init);
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [...workspaceRoutes, { path: '/', name: 'home', component: { render: () => null } }] });
  await router.push('/arbejdsrum/spoergeskema');
  await router.isReady();
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount({ render: () => h(RouterView) }, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return { sent, router, puts: () => sent.filter((s) => s.method === 'PUT') };
}

const fill = async (id: string, value: string | number) => wrapper!.find(`#${id}`).setValue(value);
const click = async (name: string) => {
  const button = buttonNamed(document.body, name);
  if (!button) throw new Error(`No button ${name}`);
  button.click();
  await flushPromises();
};
const errorAt = (id: string) => document.getElementById(`${id}-error`)?.textContent?.trim();

describe('the survey builder', () => {
  it('builds a survey from nothing and saves it whole', async () => {
    const { puts } = await mountBuilder((url, init) => (init?.method === 'PUT' ? json({ ...saved, ...JSON.parse(String(init.body)), updatedAt: '2026-11-02T10:00:00.000Z' }) : problem(404, 'Ikke fundet')));
    expect(text(document.body)).toContain('Forløbet har intet spørgeskema endnu');
    await fill('sb-title-da', 'Borgernes holdning til AI');
    await fill('sb-title-en', "Citizens' attitudes to AI");
    await fill('sb-intro-da', 'Svar på få minutter.');
    await fill('sb-sections-0-title-da', 'Tillid');
    await fill('sb-sections-0-newKind', 'multiple');
    await click('Tilføj spørgsmål');
    expect(document.activeElement?.id).toBe('sb-sections-0-questions-0-text-da');
    await fill('sb-sections-0-questions-0-text-da', 'Hvor er AI velkommen?');
    await fill('sb-sections-0-questions-0-options-0-label-da', 'Trafik');
    await fill('sb-sections-0-questions-0-options-1-label-da', 'Sundhed');
    await click('Tilføj svarmulighed');
    await fill('sb-sections-0-questions-0-options-2-label-da', 'Skole');
    await fill('sb-sections-0-questions-0-maxChoices', 2);
    await fill('sb-sections-0-newKind', 'short-text');
    await click('Tilføj spørgsmål');
    await fill('sb-sections-0-questions-1-text-da', 'Hvad bekymrer dig?');
    await fill('sb-sections-0-questions-1-maxLength', 150);
    // Moved above the first: the order is what is saved.
    await click('Flyt op: Spørgsmål 2: Kort tekst');
    await wrapper!.find('#sb-anonymous').setValue(true);
    await click('Gem spørgeskemaet');

    expect(puts()).toHaveLength(1);
    expect(puts()[0]!.body).toEqual({
      title: { da: 'Borgernes holdning til AI', en: "Citizens' attitudes to AI" },
      intro: { da: 'Svar på få minutter.' },
      anonymous: true,
      sections: [
        {
          id: 'afsnit-1',
          title: { da: 'Tillid' },
          questions: [
            { id: 'spm-2', kind: 'short-text', text: { da: 'Hvad bekymrer dig?' }, required: false, maxLength: 150 },
            {
              id: 'spm-1',
              kind: 'multiple',
              text: { da: 'Hvor er AI velkommen?' },
              required: false,
              options: [
                { id: 'svar-1', label: { da: 'Trafik' } },
                { id: 'svar-2', label: { da: 'Sundhed' } },
                { id: 'svar-3', label: { da: 'Skole' } },
              ],
              maxChoices: 2,
            },
          ],
        },
      ],
    });
    expect(text(document.body)).toContain('Spørgeskemaet er gemt.');
  });

  it('sends nothing while the schema refuses the survey, and shows each problem at its field', async () => {
    const { puts } = await mountBuilder(() => problem(404, 'Ikke fundet'));
    await click('Gem spørgeskemaet');
    expect(puts()).toHaveLength(0);
    expect(errorAt('sb-title-da')).toBeTruthy();
    expect(document.getElementById('sb-title-da')!.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.classList.contains('error-summary')).toBe(true);
    expect(document.querySelector('.error-summary a[href="#sb-title-da"]')?.textContent).toContain('Titel (dansk)');
    expect(document.querySelector('.error-summary a[href="#sb-sections-0-title-da"]')?.textContent).toContain('Afsnit 1, Afsnittets titel (dansk)');
  });

  it('puts the API’s field errors at their fields', async () => {
    let status = 422;
    const { puts } = await mountBuilder((url, init) => {
      if (init?.method !== 'PUT') return json(saved);
      return status === 422
        ? new Response(JSON.stringify({ type: '/problems/validation', title: 'Ugyldigt input', status: 422, errors: [{ path: 'body.sections.0.title.da', message: 'Titlen findes allerede' }] }), { status: 422, headers: { 'content-type': 'application/problem+json' } })
        : new Response(JSON.stringify({ type: '/problems/conflict', title: 'Konflikt', status: 409 }), { status: 409, headers: { 'content-type': 'application/problem+json' } });
    });
    await fill('sb-sections-0-title-da', 'Tillid og tryghed');
    await click('Gem spørgeskemaet');
    expect(puts()[0]!.body).toMatchObject({ expectedUpdatedAt: saved.updatedAt });
    expect(errorAt('sb-sections-0-title-da')).toBe('Titlen findes allerede');
  });

  it('locks the structure after the first answer: only texts can be corrected', async () => {
    const { puts } = await mountBuilder((url, init) => (init?.method === 'PUT' ? json({ ...saved, firstAnswerAt: '2026-11-03T10:00:00.000Z' }) : json({ ...saved, firstAnswerAt: '2026-11-03T10:00:00.000Z' })));
    expect(document.querySelector('[data-testid="survey-locked"]')).not.toBeNull();
    expect(buttonNamed(document.body, 'Tilføj spørgsmål')!.disabled).toBe(true);
    expect(buttonNamed(document.body, 'Tilføj afsnit')!.disabled).toBe(true);
    expect((document.getElementById('sb-anonymous') as HTMLInputElement).disabled).toBe(true);
    expect((document.getElementById('sb-sections-0-questions-0-text-da') as HTMLInputElement).disabled).toBe(false);
    await fill('sb-sections-0-questions-0-text-da', 'Jeg stoler på kommunens brug af AI');
    await click('Gem spørgeskemaet');
    expect(puts()).toHaveLength(1);
  });
});

describe('the survey builder cares for the admin’s work', () => {
  const theirs: Survey = { ...saved, title: { da: 'Holdninger til AI' }, updatedAt: '2026-11-05T14:30:00.000Z' };
  const conflict = () => new Response(JSON.stringify({ type: '/problems/conflict', title: 'Konflikt', status: 409, errors: [{ path: 'body.expectedUpdatedAt', message: 'Ændret af en anden' }] }), { status: 409, headers: { 'content-type': 'application/problem+json' } });
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

  /** The first save meets someone else's newer version; GETs after that return theirs. */
  async function mountConflicted() {
    let stored = saved;
    const mounted = await mountBuilder((url, init) => {
      if (init?.method !== 'PUT') return json(stored);
      const body = JSON.parse(String(init.body)) as { expectedUpdatedAt: string };
      if (body.expectedUpdatedAt !== theirs.updatedAt) {
        stored = theirs;
        return conflict();
      }
      return json({ ...theirs, ...body, updatedAt: '2026-11-06T09:00:00.000Z' });
    });
    await fill('sb-sections-0-title-da', 'Tillid og tryghed');
    await click('Gem spørgeskemaet');
    return mounted;
  }

  it('keeps the draft on a conflict, shows the latest version on request, and saves the admin’s own over it when they choose', async () => {
    const { puts } = await mountConflicted();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('En anden har gemt spørgeskemaet, efter du begyndte at rette i det');
    expect(value('sb-sections-0-title-da')).toBe('Tillid og tryghed');
    expect(value('sb-title-da')).toBe('Borgernes holdning til AI');

    await click('Se den nyeste version');
    const latest = document.getElementById('sb-latest')!;
    expect(document.activeElement).toBe(latest);
    expect(text(latest)).toContain('Den nyeste version, gemt 5. nov. 2026, 15.30');
    expect(text(latest)).toContain('Holdninger til AI');
    // Seeing it changes nothing in the form.
    expect(value('sb-title-da')).toBe('Borgernes holdning til AI');
    expect(value('sb-sections-0-title-da')).toBe('Tillid og tryghed');

    await click('Behold mine ændringer, og gem dem oven på den nyeste version');
    expect(puts()).toHaveLength(2);
    expect(puts()[1]!.body).toMatchObject({ expectedUpdatedAt: theirs.updatedAt, title: { da: 'Borgernes holdning til AI' }, sections: [{ title: { da: 'Tillid og tryghed' } }] });
    expect(text(document.body)).toContain('Spørgeskemaet er gemt.');
    expect(document.getElementById('sb-latest')).toBeNull();
    expect(document.activeElement?.id).toBe('sb-save');
  });

  it('takes the latest version only after asking, and a cancel keeps the draft', async () => {
    const { puts } = await mountConflicted();
    await click('Se den nyeste version');
    await click('Brug den nyeste version i stedet');
    expect(document.activeElement?.id).toBe('sb-take-confirm');
    expect(text(document.getElementById('sb-take-confirm')!)).toContain('Dine ændringer bliver kasseret');
    await click('Annuller');
    expect(document.activeElement?.id).toBe('sb-take-latest');
    expect(value('sb-sections-0-title-da')).toBe('Tillid og tryghed');

    await click('Brug den nyeste version i stedet');
    await click('Ja, kassér mine ændringer');
    expect(value('sb-title-da')).toBe('Holdninger til AI');
    expect(value('sb-sections-0-title-da')).toBe('Tillid');
    expect(text(document.body)).toContain('Formularen viser nu den nyeste version. Dine ændringer er kasseret.');
    expect(document.activeElement?.id).toBe('sb-title-da');
    expect(puts()).toHaveLength(1);
  });

  it('asks before leaving the page or choosing another process while the draft is not saved, and not after it is saved', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const { router } = await mountBuilder((url, init) => (init?.method === 'PUT' ? json({ ...saved, ...JSON.parse(String(init.body)), updatedAt: '2026-11-02T10:00:00.000Z' }) : json(saved)));
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    // Untouched: nothing to ask about.
    expect(unload()).toBe(false);

    await fill('sb-sections-0-title-da', 'Tillid og tryghed');
    expect(unload()).toBe(true);
    await router.push('/');
    expect(confirm).toHaveBeenCalledWith('Du har ændringer i spørgeskemaet, der ikke er gemt. Vil du forlade siden alligevel?');
    expect(router.currentRoute.value.name).not.toBe('home');
    expect(value('sb-sections-0-title-da')).toBe('Tillid og tryghed');
    // Another process in the picker (the same page, another query) would load its survey over the draft.
    await router.push({ path: router.currentRoute.value.path, query: { forloeb: 'et-andet-forloeb' } });
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(router.currentRoute.value.query.forloeb).not.toBe('et-andet-forloeb');

    await click('Gem spørgeskemaet');
    expect(unload()).toBe(false);
    await router.push('/');
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(router.currentRoute.value.name).toBe('home');
  });

  it('leaves when the admin confirms it, dropping the draft', async () => {
    vi.stubGlobal('confirm', vi.fn(() => true));
    const { router, puts } = await mountBuilder(() => json(saved));
    await fill('sb-title-da', 'Noget andet');
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('home');
    expect(puts()).toHaveLength(0);
  });

  it('asks before removing a section or a question; a cancel or Escape keeps it', async () => {
    const { puts } = await mountBuilder((url, init) => (init?.method === 'PUT' ? json({ ...saved, ...JSON.parse(String(init.body)), updatedAt: '2026-11-02T10:00:00.000Z' }) : json(saved)));
    await click('Tilføj afsnit');
    await fill('sb-sections-1-title-da', 'Om dig');

    await click('Fjern spørgsmålet: Spørgsmål 1: Enighed 1–5');
    const askQuestion = document.getElementById('sb-sections-0-questions-0-confirm')!;
    expect(document.activeElement).toBe(askQuestion);
    expect(askQuestion.getAttribute('role')).toBe('group');
    expect(text(askQuestion)).toContain('Vil du fjerne Spørgsmål 1: Enighed 1–5 (Jeg har tillid til kommunens brug af AI)?');
    await click('Annuller');
    expect(document.getElementById('sb-sections-0-questions-0-text-da')).not.toBeNull();
    expect(document.activeElement?.id).toBe('sb-sections-0-questions-0-remove');

    await click('Fjern afsnittet: Afsnit 1');
    const askSection = document.getElementById('sb-sections-0-confirm')!;
    expect(document.activeElement).toBe(askSection);
    expect(text(askSection)).toContain('Vil du fjerne Afsnit 1 (Tillid) med 1 spørgsmål?');
    askSection.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flushPromises();
    expect(document.getElementById('sb-sections-0-confirm')).toBeNull();
    expect(document.activeElement?.id).toBe('sb-sections-0-remove');
    expect(value('sb-sections-0-title-da')).toBe('Tillid');

    await click('Fjern spørgsmålet: Spørgsmål 1: Enighed 1–5');
    await click('Fjern spørgsmålet');
    expect(document.getElementById('sb-sections-0-questions-0-text-da')).toBeNull();
    expect(document.activeElement?.id).toBe('sb-sections-0-heading');
    expect(text(document.body)).toContain('Afsnit 1, Spørgsmål 1: Enighed 1–5 er fjernet.');

    await click('Fjern afsnittet: Afsnit 1');
    await click('Fjern afsnittet');
    expect(value('sb-sections-0-title-da')).toBe('Om dig');
    expect(document.activeElement?.id).toBe('sb-sections-0-heading');
    expect(text(document.body)).toContain('Afsnit 1 er fjernet.');
    expect(puts()).toHaveLength(0);
  });
});
