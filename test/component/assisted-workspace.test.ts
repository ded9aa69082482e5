import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetVisit } from '../../frontend/src/composables/workspace/assisted/visit';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { profile } from '../../frontend/src/modules/session';
import { buttonNamed, json, problem, text } from './app';
import { BASE, common, IDEA_A, PERSON, person, receipt } from './assisted-fixtures';
import { mountPage, unmount } from './workspace-events-fixtures';

/**
 * The assistant's screens against a fake API: look the citizen up, register them (refused without
 * consent, the API's field errors at their fields with the input kept), act for them and see the
 * receipt with its code; and who sees the screens at all.
 */
vi.setConfig({ testTimeout: 60_000 });
beforeAll(() => import('../../frontend/src/pages/workspace/assisted/pages'), 60_000);
afterEach(() => {
  unmount();
  document.body.innerHTML = '';
  resetVisit();
  sessionStorage.clear();
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

const click = async (name: string) => {
  const button = buttonNamed(document.body, name);
  if (!button) throw new Error(`No button ${name}`);
  button.click();
  await flushPromises();
};
const fill = async (id: string, value: string) => {
  const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  if (!field) throw new Error(`No field ${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('change'));
  await flushPromises();
};
const tick = async (id: string) => {
  const box = document.getElementById(id) as HTMLInputElement | null;
  if (!box) throw new Error(`No box ${id}`);
  box.click();
  await flushPromises();
};
const submit = async (testid: string) => {
  document.querySelector<HTMLFormElement>(`[data-testid="${testid}"]`)!.requestSubmit();
  await flushPromises();
};
const nav = () => [...document.querySelectorAll('nav a')].map((a) => a.textContent?.trim());

describe('looking up and registering a citizen', () => {
  it('finds nobody, refuses to register without consent, then registers with it and opens the citizen', async () => {
    let created = false;
    const { of, router } = await mountPage(
      '/arbejdsrum/assisteret',
      (url, init) => {
        if (url.pathname === BASE && init?.method === 'POST') return (created = true), json(person(), 201);
        if (url.pathname === BASE) return json({ items: [] });
        if (url.pathname === `${BASE}/${PERSON}`) return json(person());
        return common(url) ?? problem(404, 'Ikke fundet');
      },
      ['assistant'],
    );
    expect(document.querySelector('h1')?.textContent).toBe('Hjælp en borger');
    // The form for a new citizen comes only after a search.
    expect(document.querySelector('[data-testid="assisted-register"]')).toBeNull();
    await fill('as-q', 'Jens Hansen');
    document.querySelector<HTMLFormElement>('form[role="search"]')!.requestSubmit();
    await flushPromises();
    expect(of('GET').find((s) => s.path === BASE)?.query).toBe('?q=Jens+Hansen');
    expect(text(document.querySelector('[data-testid="assisted-hits"]')!)).toContain('Ingen borgere passer på "Jens Hansen"');

    const form = document.querySelector('[data-testid="assisted-register"]')!;
    expect((document.getElementById('as-new-name') as HTMLInputElement).value).toBe('Jens Hansen');
    expect(text(form)).toContain('Jeg skriver dit navn og det, du vil dele, ind i Deltag for dig.');
    await fill('as-new-phone', '39 98 12 34');
    await tick('as-new-channel-assisted-phone');
    await submit('assisted-register');
    expect(of('POST')).toHaveLength(0);
    expect(document.getElementById('as-new-consent-error')?.textContent).toContain('Borgeren skal give samtykke');
    expect(text(document.querySelector('.error-summary')!)).toContain('Samtykke');

    await tick('as-new-consent');
    await submit('assisted-register');
    expect(created).toBe(true);
    expect(of('POST')[0]!.body).toEqual({ name: 'Jens Hansen', phone: '39 98 12 34', participantType: 'citizen', channel: 'assisted-phone', consent: true });
    expect(router.currentRoute.value.path).toBe(`/arbejdsrum/assisteret/ai-i-gentofte/borger/${PERSON}`);
    expect(document.querySelector('h1')?.textContent).toBe('Jens Hansen');
    // The channel chosen at registration carries on for the visit.
    expect((document.getElementById('as-visit-channel-assisted-phone') as HTMLInputElement).checked).toBe(true);
  });

  it("lists hits with their masked contact to confirm, and puts the API's field errors at their fields keeping the input", async () => {
    await mountPage(
      '/arbejdsrum/assisteret',
      (url, init) => {
        if (url.pathname === BASE && init?.method === 'POST')
          return new Response(JSON.stringify({ type: '/problems/validation', title: 'Ugyldige data', status: 400, errors: [{ path: 'body.phone', message: 'Et telefonnummer har 8 til 15 cifre' }] }), {
            status: 400,
            headers: { 'content-type': 'application/problem+json' },
          });
        if (url.pathname === BASE) return json({ items: [person()] });
        return common(url) ?? problem(404, 'Ikke fundet');
      },
      ['assistant'],
    );
    await fill('as-q', '1234');
    document.querySelector<HTMLFormElement>('form[role="search"]')!.requestSubmit();
    await flushPromises();
    const hits = document.querySelector('[data-testid="assisted-hits"]')!;
    expect(text(hits)).toContain('Er det den rigtige?');
    expect(text(hits)).toContain('•• •• 12 34');
    expect(hits.querySelector('a')?.getAttribute('href')).toBe(`/arbejdsrum/assisteret/ai-i-gentofte/borger/${PERSON}`);

    await fill('as-new-name', 'Karen Holm');
    await fill('as-new-phone', '1234 5678');
    await tick('as-new-consent');
    await submit('assisted-register');
    expect(document.getElementById('as-new-phone-error')?.textContent).toContain('Et telefonnummer har 8 til 15 cifre');
    expect((document.getElementById('as-new-phone') as HTMLInputElement).value).toBe('1234 5678');
    expect((document.getElementById('as-new-name') as HTMLInputElement).value).toBe('Karen Holm');
  });
});

describe('acting for the citizen', () => {
  it('shares an idea through the visit channel and shows the receipt with the claim code, kept over a reload', async () => {
    const { of, router } = await mountPage(
      `/arbejdsrum/assisteret/ai-i-gentofte/borger/${PERSON}`,
      (url, init) => {
        if (url.pathname === `${BASE}/${PERSON}/ideas` && init?.method === 'POST') return json({ idea: {}, receipt: receipt() }, 201);
        if (url.pathname === `${BASE}/${PERSON}`) return json(person());
        return common(url) ?? problem(404, 'Ikke fundet');
      },
      ['assistant'],
    );
    expect(text(document.querySelector('[data-testid="assisted-consent"]')!)).toContain('Birgit B.');
    await click('Del en idé for borgeren');
    await submit('assisted-idea');
    expect(of('POST')).toHaveLength(0);
    expect(document.getElementById('as-idea-title-error')).toBeTruthy();

    await fill('as-idea-title', 'Hjælp til ansøgninger');
    await fill('as-idea-body', 'En AI kan hjælpe ældre med at udfylde ansøgninger om hjælpemidler.');
    await fill('as-idea-area', 'boern-og-unge');
    await tick('as-idea-effects');
    await tick('as-idea-beneficiaries');
    await submit('assisted-idea');
    expect(of('POST')[0]!.body).toMatchObject({ title: 'Hjælp til ansøgninger', area: 'boern-og-unge', effects: ['kvalitet'], beneficiaries: ['citizens'], channel: 'assisted-in-person' });
    expect(router.currentRoute.value.path).toBe('/arbejdsrum/assisteret/kvittering');
    const shown = document.querySelector('[data-testid="receipt"]')!;
    expect(text(shown)).toContain('Tak, Jens Hansen');
    expect(text(shown)).toContain('Din idé: Hjælp til ansøgninger');
    expect([...shown.querySelectorAll('[data-testid="receipt-code"] span')].map((s) => s.textContent)).toEqual(['7K3M', 'Q9PX', '2DRT']);
    expect(shown.querySelector('[data-testid="receipt-follow"]')?.textContent).toBe('https://deltag.gentofte.dk/ideer/01JXQ8ZP6B00000000000000CC');
    expect(shown.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe('QR-kode til siden');
    expect(text(shown)).toContain('Opret en konto på deltag.gentofte.dk');

    const print = vi.fn();
    vi.stubGlobal('print', print);
    await click('Udskriv kvittering');
    expect(print).toHaveBeenCalledOnce();

    // A reload (a new page from the same tab's storage) keeps the receipt.
    unmount();
    await mountPage('/arbejdsrum/assisteret/kvittering', () => problem(404, 'Ikke fundet'), ['assistant']);
    expect(text(document.querySelector('[data-testid="receipt"]')!)).toContain('7K3M');
  });

  it('votes and takes back a vote for the citizen, counting what is left, and prints a receipt for the votes', async () => {
    const { of } = await mountPage(
      `/arbejdsrum/assisteret/ai-i-gentofte/borger/${PERSON}`,
      (url, init) => {
        if (url.pathname === `${BASE}/${PERSON}/votes/${IDEA_A}`) return json({ vote: { voteCount: init?.method === 'PUT' ? 5 : 4, voted: init?.method === 'PUT' } });
        if (url.pathname === `${BASE}/${PERSON}/receipt`) return json({ receipt: receipt({ items: [{ kind: 'vote', ideaId: IDEA_A, title: 'Chatbot på borger.dk' }] }) }, 201);
        if (url.pathname === `${BASE}/${PERSON}`) return json(person());
        return common(url) ?? problem(404, 'Ikke fundet');
      },
      ['assistant'],
    );
    await click('Stem for borgeren');
    expect(text(document.querySelector('[data-testid="assisted-votes"]')!)).toContain('Borgeren kan stemme på alle de idéer, de vil.');
    await click('Stem på Chatbot på borger.dk');
    expect(of('PUT')[0]!.body).toEqual({ channel: 'assisted-in-person' });
    expect(text(document.querySelector('[data-testid="assisted-votes"]')!)).toContain('5 stemmer');
    await click('Fjern stemmen på Chatbot på borger.dk');
    expect(of('DELETE')).toHaveLength(1);
    await click('Stem på Chatbot på borger.dk');
    await click('Udskriv kvittering for stemmerne');
    expect(text(document.querySelector('[data-testid="receipt"]')!)).toContain('Din stemme på: Chatbot på borger.dk');
  });

  it('comments and answers the survey for the citizen, each with its receipt; a 409 keeps the comment typed', async () => {
    let comments = 0;
    const { of, router } = await mountPage(
      `/arbejdsrum/assisteret/ai-i-gentofte/borger/${PERSON}`,
      (url) => {
        if (url.pathname === `${BASE}/${PERSON}/comments`)
          return comments++ === 0 ? problem(409, 'Fasen er lukket', 'Der kan ikke kommenteres nu') : json({ comment: {}, receipt: receipt({ items: [{ kind: 'comment', ideaId: IDEA_A, ideaTitle: 'Chatbot på borger.dk', excerpt: 'God idé' }] }) }, 201);
        if (url.pathname === `${BASE}/${PERSON}/survey-answers`) return json({ answered: true, day: '2026-12-01', receipt: receipt({ items: [{ kind: 'survey', day: '2026-12-01' }] }) }, 201);
        if (url.pathname === `${BASE}/${PERSON}`) return json(person());
        return common(url, true) ?? problem(404, 'Ikke fundet');
      },
      ['assistant'],
    );
    await click('Kommentér for borgeren');
    await fill('as-comment-ideaId', IDEA_A);
    await fill('as-comment-body', 'God idé');
    await submit('assisted-comment');
    expect(text(document.querySelector('[data-testid="assisted-comment"]')!)).toContain('Fasen er lukket');
    expect((document.getElementById('as-comment-body') as HTMLTextAreaElement).value).toBe('God idé');
    await submit('assisted-comment');
    expect(of('POST').at(-1)!.body).toEqual({ ideaId: IDEA_A, body: 'God idé', channel: 'assisted-in-person' });
    expect(text(document.querySelector('[data-testid="receipt"]')!)).toContain('Din kommentar til Chatbot på borger.dk: God idé');

    await router.push(`/arbejdsrum/assisteret/ai-i-gentofte/borger/${PERSON}`);
    await flushPromises();
    await click('Besvar spørgeskemaet for borgeren');
    await tick('q-tryg-1');
    await submit('assisted-survey');
    expect(of('POST').at(-1)!.body).toEqual({ answers: { tryg: 'nej' }, channel: 'assisted-in-person' });
    expect(text(document.querySelector('[data-testid="receipt"]')!)).toContain('Dine svar på spørgeskemaet');
  });

  it('does nothing more for a citizen who has claimed their contributions into an account', async () => {
    await mountPage(`/arbejdsrum/assisteret/ai-i-gentofte/borger/${PERSON}`, (url) => (url.pathname === `${BASE}/${PERSON}` ? json(person({ claimed: true })) : (common(url) ?? problem(404, 'Ikke fundet'))), ['assistant']);
    expect(text(document.body)).toContain('Borgeren har selv en konto nu');
    expect(buttonNamed(document.body, 'Del en idé for borgeren')).toBeUndefined();
    expect(buttonNamed(document.body, 'Slet borgerens data')).toBeUndefined();
  });

  it('erases the citizen only after the question', async () => {
    const { of, router } = await mountPage(
      `/arbejdsrum/assisteret/ai-i-gentofte/borger/${PERSON}`,
      (url, init) => {
        if (url.pathname === `${BASE}/${PERSON}` && init?.method === 'DELETE') return new Response(null, { status: 204 });
        if (url.pathname === `${BASE}/${PERSON}`) return json(person());
        return common(url) ?? problem(404, 'Ikke fundet');
      },
      ['assistant'],
    );
    await click('Slet borgerens data');
    expect(of('DELETE')).toHaveLength(0);
    expect(document.activeElement?.textContent).toBe('Vil du slette alt om Jens Hansen?');
    await click('Ja, slet data');
    expect(of('DELETE')).toHaveLength(1);
    expect(router.currentRoute.value.path).toBe('/arbejdsrum/assisteret');
  });
});

describe('who sees the assisted screens', () => {
  it('gives an assistant only the assisted part of the workspace', async () => {
    await mountPage('/arbejdsrum', () => problem(404, 'Ikke fundet'), ['assistant']);
    expect(nav()).toEqual(['Arbejdsrum', 'Hjælp en borger']);
  });

  it.each([[['moderator']], [['admin']], [[]]] as const)('shows %j no assisted screen and no link to it', async (roles) => {
    await mountPage('/arbejdsrum/assisteret', () => problem(404, 'Ikke fundet'), [...roles]);
    expect(document.querySelector('h1')?.textContent).not.toBe('Hjælp en borger');
    expect(document.querySelector('[data-testid="assisted-register"]')).toBeNull();
    expect(nav()).not.toContain('Hjælp en borger');
  });
});
