import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MySignupStatus } from '#shared/schemas/events';
import App from '../../frontend/src/App.vue';
import { resetProcessEvents } from '../../frontend/src/composables/events/useProcessEvents';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';
import { closedResults, eventProcess, festival, mySeat, pastMeeting, workshop } from './events-fixtures';

/** The events' public pages: the list, an event with its facts, calendar links, sign-up (seat, waiting list, every verdict), cancelling, and the live rounds' results. */
let wrapper: VueWrapper | undefined;

// The pages' chunk compiles on first use; on a busy machine that alone outlasts a test's 5 s.
beforeAll(() => import('../../frontend/src/pages/events/pages'), 60_000);
beforeEach(async () => {
  document.body.innerHTML = '';
  localStorage.clear();
  sessionStorage.clear();
  resetProcessCache();
  resetProcessEvents();
  await setLocale('da', false);
});
afterEach(async () => {
  wrapper?.unmount();
  wrapper = undefined;
  await signOut();
  vi.unstubAllGlobals();
});

const config = { apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'client-1', cognitoEndpoint: 'http://127.0.0.1:9229' };
const token = `h.${btoa(JSON.stringify({ sub: 'user-1' })).replace(/=+$/, '')}.s`;
const profileBody = { userId: 'user-1', displayName: 'Anna', participantType: 'employee', createdAt: '2026-11-27T10:00:00.000Z', updatedAt: '2026-11-27T10:00:00.000Z' };
const EVENT = '/api/processes/ai-i-gentofte/events/ai-festival';

interface Answers {
  status?: () => MySignupStatus;
  signUp?: (body: unknown) => Response;
  cancel?: () => Response;
}

function api(answers: Answers = {}) {
  return stubApi((url, init) => {
    const method = init?.method ?? 'GET';
    if (url.pathname === '/config.json') return json(config);
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(eventProcess);
    if (url.pathname === '/api/processes/ai-i-gentofte/events') return json({ items: [pastMeeting, festival, workshop] });
    if (url.pathname === EVENT) return json(festival);
    if (url.pathname === `${EVENT}/live-rounds`) return json({ items: [closedResults] });
    if (url.pathname === `${EVENT}/signup` && method === 'GET') return json(answers.status?.() ?? { signup: null, verdict: 'open' });
    if (url.pathname === `${EVENT}/signup` && method === 'POST') return answers.signUp?.(JSON.parse(String(init!.body))) ?? problem(500, 'x');
    if (url.pathname === `${EVENT}/signup` && method === 'DELETE') return answers.cancel?.() ?? new Response(null, { status: 204 });
    if (url.pathname === '/api/me') return json(profileBody);
    return problem(404, 'Ikke fundet');
  });
}

async function open(path: string) {
  const mounted = await mountInApp(App, { path });
  wrapper = mounted.wrapper;
  await flushPromises();
  return mounted;
}

describe('the list of events', () => {
  it('shows the coming events first, soonest first, then the held ones under their own heading, with seats or the waiting list', async () => {
    api();
    const { host } = await open('/forloeb/ai-i-gentofte/arrangementer');
    expect(host.querySelector('h1')?.textContent).toBe('Arrangementer');
    const headings = [...host.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['Kommende arrangementer', 'Afholdte arrangementer']);
    const cards = [...host.querySelectorAll('[data-testid="event-card"]')];
    expect(cards.map((c) => c.querySelector('h3')?.textContent?.trim())).toEqual(['Workshop om chatbots', 'AI-festival for medarbejdere', 'Udvalgsmøde, åben del']);
    expect(cards[0]!.querySelector('[data-testid="event-seats"]')?.textContent?.trim()).toBe('Ledige pladser: 15 af 20');
    expect(cards[1]!.querySelector('[data-testid="event-seats"]')?.textContent?.trim()).toBe('Fuldt – venteliste (2 venter)');
    expect(text(cards[1]!)).toContain('Temadag');
    expect(text(cards[1]!)).toContain('Byrådssalen, Bernstorffsvej 161, 2920 Charlottenlund');
    expect(text(cards[0]!)).toContain('Online');
    // A held event no longer offers seats, and says it was held.
    expect(cards[2]!.querySelector('[data-testid="event-seats"]')).toBeNull();
    expect(text(cards[2]!)).toContain('Afholdt');
    expect(cards[1]!.querySelector('a')?.getAttribute('href')).toBe('/forloeb/ai-i-gentofte/arrangementer/ai-festival');
  });

  it('is linked from the process page when the process has an event phase', async () => {
    api();
    const { host } = await open('/forloeb/ai-i-gentofte');
    const link = [...host.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Arrangementer');
    expect(link?.getAttribute('href')).toBe('/forloeb/ai-i-gentofte/arrangementer');
  });
});

describe('an event page', () => {
  it('shows its facts, accessibility as a list, calendar links, and the way to sign in and back', async () => {
    api();
    const { host } = await open('/forloeb/ai-i-gentofte/arrangementer/ai-festival?invitation=abcdefghijklmnopqrst');
    expect(host.querySelector('h1')?.textContent).toBe('AI-festival for medarbejdere');
    expect(host.querySelector('.event-page__description a')?.getAttribute('href')).toBe('https://gentofte.dk/ai-festival');
    expect([...host.querySelectorAll('[data-testid="access-features"] li')].map((li) => li.textContent)).toEqual(['Niveaufri adgang', 'Teleslynge']);
    expect(host.querySelector('[data-testid="seats-left"]')?.textContent).toBe('0');
    expect(host.querySelector('[data-testid="ics-link"]')?.getAttribute('href')).toBe(`${EVENT}/calendar`);
    const google = new URL(host.querySelector<HTMLAnchorElement>('[data-testid="google-link"]')!.href);
    expect(google.host).toBe('calendar.google.com');
    expect(google.searchParams.get('text')).toBe('AI-festival for medarbejdere');
    const signIn = host.querySelector<HTMLAnchorElement>('[data-testid="event-signup"] a.button')!;
    expect(new URL(signIn.href, 'http://x').searchParams.get('next')).toBe('/forloeb/ai-i-gentofte/arrangementer/ai-festival?invitation=abcdefghijklmnopqrst');
  });

  it('signs up with the needs typed and the invitation from the link, and then says the place on the waiting list', async () => {
    let sent: unknown;
    const calls = api({
      signUp: (body) => {
        sent = body;
        return json({ signup: mySeat({ state: 'waiting', position: 3, diet: ['vegan'], note: 'Jeg kommer lidt senere.' }), verdict: 'open' }, 201);
      },
    });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const { host } = await open('/forloeb/ai-i-gentofte/arrangementer/ai-festival?invitation=abcdefghijklmnopqrst');
    const form = host.querySelector<HTMLFormElement>('[data-testid="signup-form"]')!;
    expect(calls.find((c) => c.url.pathname === `${EVENT}/signup`)!.url.searchParams.get('invitation')).toBe('abcdefghijklmnopqrst');
    expect(text(form)).toContain('Alle pladser er taget.');
    expect(text(form)).toContain('Kun arrangørerne ser dette.');
    expect(form.querySelector('[data-testid="signup-gdpr"]')?.textContent).toBe('Oplysningerne slettes, når forløbets data slettes (30. juni 2027).');
    form.querySelector<HTMLInputElement>('#signup-diet-vegan')!.click();
    const note = form.querySelector<HTMLTextAreaElement>('#signup-note')!;
    note.value = '  Jeg kommer lidt senere.  ';
    note.dispatchEvent(new Event('input'));
    expect(buttonNamed(form, 'Skriv mig på ventelisten')).toBeDefined();
    form.requestSubmit();
    await flushPromises();
    expect(sent).toEqual({ diet: ['vegan'], note: 'Jeg kommer lidt senere.', invitation: 'abcdefghijklmnopqrst' });
    const state = host.querySelector('[data-testid="signup-state"]')!;
    expect(text(state)).toContain('Du er på ventelisten som nr. 3.');
    expect(document.activeElement?.id).toBe('signup-state-text');
  });

  it("puts the server's field messages at their fields and keeps what was typed", async () => {
    api({ signUp: () => new Response(JSON.stringify({ type: '/problems/validation', title: 'Ugyldige data', status: 400, errors: [{ path: 'body.dietNote', message: 'Højst 200 tegn' }] }), { status: 400, headers: { 'content-type': 'application/problem+json' } }) });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const { host } = await open('/forloeb/ai-i-gentofte/arrangementer/ai-festival');
    const form = host.querySelector<HTMLFormElement>('[data-testid="signup-form"]')!;
    const dietNote = form.querySelector<HTMLInputElement>('#signup-dietNote')!;
    dietNote.value = 'nødder';
    dietNote.dispatchEvent(new Event('input'));
    form.requestSubmit();
    await flushPromises();
    expect(host.querySelector('#signup-dietNote-error')?.textContent).toContain('Højst 200 tegn');
    expect(dietNote.getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector<HTMLInputElement>('#signup-dietNote')!.value).toBe('nødder');
    expect(host.querySelector('[data-testid="signup-state"]')).toBeNull();
  });

  it.each([
    ['not-open', 'Tilmeldingen er ikke åben endnu.'],
    ['closed', 'Tilmeldingen er lukket.'],
    ['cancelled', 'Arrangementet er aflyst, så du kan ikke tilmelde dig.'],
    ['not-employee', 'Arrangementet er kun for medarbejdere i Gentofte Kommune.'],
    ['needs-invitation', 'Arrangementet er kun for inviterede. Brug linket i din invitation.'],
    ['process-closed', 'Forløbet er afsluttet, så du kan ikke tilmelde dig.'],
  ] as const)('says why when the verdict is %s, without a form', async (verdict, words) => {
    api({ status: () => ({ signup: null, verdict }) });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const { host } = await open('/forloeb/ai-i-gentofte/arrangementer/ai-festival');
    expect(host.querySelector('[data-testid="signup-verdict"]')?.textContent).toContain(words);
    expect(host.querySelector('[data-testid="signup-form"]')).toBeNull();
  });

  it('cancels a seat only after asking, saying the seat goes to the waiting list, and then offers the form again', async () => {
    let cancelled = false;
    const calls = api({ status: () => (cancelled ? { signup: null, verdict: 'open' } : { signup: mySeat(), verdict: 'open' }), cancel: () => ((cancelled = true), new Response(null, { status: 204 })) });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const { host } = await open('/forloeb/ai-i-gentofte/arrangementer/ai-festival');
    expect(text(host.querySelector('[data-testid="signup-state"]')!)).toContain('Du er tilmeldt.');
    buttonNamed(host, 'Afmeld mig')!.click();
    await flushPromises();
    expect(calls.some((c) => c.init?.method === 'DELETE')).toBe(false);
    expect(document.activeElement?.textContent).toBe('Vil du afmelde dig?');
    expect(text(host.querySelector('[data-testid="signup-state"]')!)).toContain('Din plads går videre til den første på ventelisten.');
    buttonNamed(host, 'Ja, afmeld mig')!.click();
    await flushPromises();
    expect(calls.filter((c) => c.init?.method === 'DELETE')).toHaveLength(1);
    expect(host.querySelector('[data-testid="signup-form"]')).not.toBeNull();
    expect(host.querySelector('.site-notice-region')?.textContent).toContain('Du er afmeldt.');
  });

  it('shows the closed live rounds as bars with tables, the words as a table and the statements with their stances', async () => {
    api();
    const { host } = await open('/forloeb/ai-i-gentofte/arrangementer/ai-festival');
    const results = host.querySelector('[data-testid="event-live-results"]')!;
    expect(results.querySelector('h3')?.textContent).toBe('Morgenrunden');
    const [single, scale, words, statements] = [...results.querySelectorAll('[data-testid="live-result"]')];
    const rows = (el: Element) => [...el.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent?.trim()).join(' | '));
    expect(rows(single!)).toEqual(['Ja | 7 | 70 %', 'Nej | 3 | 30 %']);
    expect(single!.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(text(scale!)).toContain('Gennemsnit: 6,5');
    expect(scale!.querySelectorAll('tbody tr')).toHaveLength(11);
    expect(rows(words!)).toEqual(['tryghed | 4', 'tid | 2']);
    expect(rows(statements!)).toEqual(['Et menneske træffer altid afgørelsen. | 5 | 1 | 0', 'Vi bruger kun nødvendige data. | 2 | 2 | 2']);
  });

  it('says a cancelled event is cancelled, also to someone who was signed up, with no calendar links or cancel button', async () => {
    stubApi((url) => {
      if (url.pathname === '/config.json') return json(config);
      if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
      if (url.pathname === '/api/processes/ai-i-gentofte') return json(eventProcess);
      if (url.pathname === EVENT) return json({ ...festival, cancelledAt: festival.updatedAt });
      if (url.pathname === `${EVENT}/signup`) return json({ signup: mySeat(), verdict: 'cancelled' });
      if (url.pathname === '/api/me') return json(profileBody);
      return json({ items: [] });
    });
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const { host } = await open('/forloeb/ai-i-gentofte/arrangementer/ai-festival');
    expect(host.querySelector('[data-testid="event-cancelled"]')?.textContent).toBe('Arrangementet er aflyst.');
    expect(host.querySelector('[data-testid="signup-verdict"]')?.textContent).toContain('Arrangementet er aflyst, så du kan ikke tilmelde dig.');
    expect(host.querySelector('[data-testid="ics-link"]')).toBeNull();
    expect(buttonNamed(host, 'Afmeld mig')).toBeUndefined();
    // No seats to count for an event that will not take place.
    expect(host.querySelector('[data-testid="seats-left"]')).toBeNull();
    expect(text(host.querySelector('.event-facts')!)).not.toContain('Tilmeldingsfrist');
  });

  it('says plainly when there is no such event', async () => {
    stubApi((url) => (url.pathname === '/api/processes/ai-i-gentofte' ? json(eventProcess) : problem(404, 'Ikke fundet')));
    const { host } = await open('/forloeb/ai-i-gentofte/arrangementer/findes-ikke');
    expect(host.querySelector('h1')?.textContent).toBe('Arrangementet findes ikke');
  });
});
