import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetVisit } from '../../frontend/src/composables/workspace/assisted/visit';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { profile } from '../../frontend/src/modules/session';
import { buttonNamed, json, problem, text } from './app';
import { BASE, common, PERSON, person, receipt } from './assisted-fixtures';
import { mountPage, unmount } from './workspace-events-fixtures';

/**
 * The paper form typed in: one form (citizen with the paper's consent, idea, survey), saved as
 * `paper` in order; bad input sends nothing; a refused step keeps the input and a second save does
 * not register the citizen twice; "Gem og skriv det næste" empties the form for the next one.
 */
vi.setConfig({ testTimeout: 60_000 });
beforeAll(() => import('../../frontend/src/pages/workspace/assisted/pages'), 60_000);
afterEach(() => {
  unmount();
  document.body.innerHTML = '';
  resetVisit();
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

const fill = async (id: string, value: string) => {
  const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('change'));
  await flushPromises();
};
const tick = async (id: string) => {
  (document.getElementById(id) as HTMLInputElement).click();
  await flushPromises();
};
async function typeForm() {
  await fill('pp-person-name', 'Else Marie Holm');
  await tick('pp-person-consent');
  await fill('pp-idea-title', 'Læs breve højt for mig');
  await fill('pp-idea-body', 'AI kan læse breve fra kommunen højt for folk, der ser dårligt.');
  await fill('pp-idea-area', 'erhverv');
  await tick('pp-idea-effects');
  await tick('pp-idea-beneficiaries');
  await tick('q-tryg-0');
}

describe('the paper form', () => {
  it('says the consent is given on paper, sends nothing without it, then saves citizen, idea and answers as paper and empties for the next', async () => {
    const { of } = await mountPage(
      '/arbejdsrum/assisteret/ai-i-gentofte/papir',
      (url, init) => {
        if (url.pathname === BASE && init?.method === 'POST') return json(person({ name: 'Else Marie Holm' }), 201);
        if (url.pathname === `${BASE}/${PERSON}/ideas`) return json({ idea: {}, receipt: receipt({ channel: 'paper' }) }, 201);
        if (url.pathname === `${BASE}/${PERSON}/survey-answers`) return json({ answered: true, day: '2026-12-01', receipt: receipt({ channel: 'paper' }) }, 201);
        if (url.pathname === `${BASE}/${PERSON}/receipt`) return json({ receipt: receipt({ channel: 'paper', name: 'Else Marie Holm' }) }, 201);
        return common(url, true) ?? problem(404, 'Ikke fundet');
      },
      ['assistant'],
    );
    expect(document.querySelector('h1')?.textContent).toBe('Skriv et papirskema ind');
    expect(text(document.querySelector('[data-testid="paper-form"]')!)).toContain('Samtykke givet på papirskemaet');
    expect(document.getElementById('pp-person-channel')).toBeNull();
    await typeForm();
    await tick('pp-person-consent');
    buttonNamed(document.body, 'Gem og skriv det næste')!.click();
    await flushPromises();
    expect(of('POST')).toHaveLength(0);
    expect(document.getElementById('pp-person-consent-error')?.textContent).toContain('samtykke');
    expect((document.getElementById('pp-idea-title') as HTMLInputElement).value).toBe('Læs breve højt for mig');

    await tick('pp-person-consent');
    buttonNamed(document.body, 'Gem og skriv det næste')!.click();
    await flushPromises();
    const posts = of('POST');
    expect(posts.map((p) => p.path)).toEqual([BASE, `${BASE}/${PERSON}/ideas`, `${BASE}/${PERSON}/survey-answers`, `${BASE}/${PERSON}/receipt`]);
    expect(posts[0]!.body).toMatchObject({ name: 'Else Marie Holm', channel: 'paper', consent: true });
    expect(posts[1]!.body).toMatchObject({ title: 'Læs breve højt for mig', channel: 'paper' });
    expect(posts[2]!.body).toEqual({ answers: { tryg: 'ja' }, channel: 'paper' });
    expect(posts[3]!.body).toEqual({ channel: 'paper' });
    expect(text(document.querySelector('[data-testid="paper-saved"]')!)).toContain('Skemaet er gemt.');
    expect((document.getElementById('pp-person-name') as HTMLInputElement).value).toBe('');
    expect(document.activeElement?.id).toBe('pp-person-name');
    expect(JSON.parse(sessionStorage.getItem('deltag.assisted.receipt')!).name).toBe('Else Marie Holm');
  });

  it("shows the API's refusal of the idea at its field, keeps everything, and on the next save does not register the citizen again", async () => {
    let ideaTries = 0;
    const { of, router } = await mountPage(
      '/arbejdsrum/assisteret/ai-i-gentofte/papir',
      (url, init) => {
        if (url.pathname === BASE && init?.method === 'POST') return json(person(), 201);
        if (url.pathname === `${BASE}/${PERSON}/ideas`)
          return ideaTries++ === 0
            ? new Response(JSON.stringify({ type: '/problems/validation', title: 'Ugyldige data', status: 400, errors: [{ path: 'body.title', message: 'Overskriften findes allerede' }] }), { status: 400, headers: { 'content-type': 'application/problem+json' } })
            : json({ idea: {}, receipt: receipt({ channel: 'paper' }) }, 201);
        if (url.pathname === `${BASE}/${PERSON}/survey-answers`) return json({ answered: true, day: '2026-12-01', receipt: receipt({ channel: 'paper' }) }, 201);
        if (url.pathname === `${BASE}/${PERSON}/receipt`) return json({ receipt: receipt({ channel: 'paper' }) }, 201);
        return common(url, true) ?? problem(404, 'Ikke fundet');
      },
      ['assistant'],
    );
    await typeForm();
    document.querySelector<HTMLFormElement>('[data-testid="paper-form"]')!.requestSubmit();
    await flushPromises();
    expect(document.getElementById('pp-idea-title-error')?.textContent).toContain('Overskriften findes allerede');
    expect(text(document.body)).toContain('Borgeren er oprettet, men resten blev ikke gemt.');
    expect((document.getElementById('pp-idea-body') as HTMLTextAreaElement).value).toContain('læse breve');
    await fill('pp-idea-title', 'Læs kommunens breve højt');
    document.querySelector<HTMLFormElement>('[data-testid="paper-form"]')!.requestSubmit();
    await flushPromises();
    expect(of('POST').filter((p) => p.path === BASE)).toHaveLength(1);
    expect(router.currentRoute.value.path).toBe('/arbejdsrum/assisteret/kvittering');
  });
});
