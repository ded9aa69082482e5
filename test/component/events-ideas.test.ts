import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../frontend/src/App.vue';
import daEvents from '../../frontend/src/locales/events/da';
import enEvents from '../../frontend/src/locales/events/en';
import { resetProcessEvents } from '../../frontend/src/composables/events/useProcessEvents';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { eventWhen, splitByTime } from '../../frontend/src/lib/events/eventTimes';
import { setLocale } from '../../frontend/src/modules/i18n';
import { signIn, signOut } from '../../frontend/src/modules/session';
import { idea } from './fixtures';
import { json, mountInApp, problem, stubApi, text } from './app';
import { eventProcess, festival, mySeat, pastMeeting, workshop } from './events-fixtures';

/** Events beside the ideas and on Min side: an idea's origin (form, page, list filter), "Mine tilmeldinger", and the helpers and messages under them. */
let wrapper: VueWrapper | undefined;

beforeAll(() => Promise.all([import('../../frontend/src/pages/NewIdeaPage.vue'), import('../../frontend/src/pages/MyPage.vue'), import('../../frontend/src/pages/IdeaListPage.vue')]), 60_000);
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
const fromMeeting = idea(1, { eventId: 'udvalgsmoede' });

function api(posted: unknown[] = []) {
  return stubApi((url, init) => {
    if (url.pathname === '/config.json') return json(config);
    if (url.host === '127.0.0.1:9229') return json({ AuthenticationResult: { AccessToken: token, RefreshToken: 'r', ExpiresIn: 3600 } });
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(eventProcess);
    if (url.pathname === '/api/processes/ai-i-gentofte/events') return json({ items: [pastMeeting, workshop, festival] });
    if (url.pathname === '/api/processes/ai-i-gentofte/ideas' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return json({ ...fromMeeting, body: 'x', updatedAt: fromMeeting.createdAt }, 201);
    }
    if (url.pathname === '/api/processes/ai-i-gentofte/ideas') return json({ items: [fromMeeting], nextCursor: null });
    if (url.pathname === `/api/ideas/${fromMeeting.id}`) return json({ ...fromMeeting, body: 'Hele teksten.', updatedAt: fromMeeting.createdAt });
    if (url.pathname === '/api/me') return json(profileBody);
    if (url.pathname === '/api/me/event-signups') {
      return json({
        items: [
          { ...mySeat(), eventTitle: festival.title, startsAt: festival.startsAt, endsAt: festival.endsAt },
          { ...mySeat({ id: '01KB0000000000000000000011', eventId: 'workshop', state: 'waiting', position: 2 }), eventTitle: workshop.title, startsAt: workshop.startsAt, endsAt: workshop.endsAt },
        ],
      });
    }
    if (url.pathname.startsWith('/api/me/')) return json({ items: [], nextCursor: null });
    return problem(404, 'Ikke fundet');
  });
}

async function open(path: string) {
  const mounted = await mountInApp(App, { path });
  wrapper = mounted.wrapper;
  await flushPromises();
  return mounted;
}

describe("an idea's origin", () => {
  it('offers only the events that have begun in the form, and sends the one chosen', async () => {
    const posted: unknown[] = [];
    api(posted);
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const draft = { step: 1, title: 'AI til referater', body: 'Referaterne fra møderne kunne skrives af AI.', area: 'erhverv', effects: ['kvalitet'], beneficiaries: ['citizens'], concerns: '', eventId: '' };
    sessionStorage.setItem('deltag.ideaDraft.ai-i-gentofte', JSON.stringify(draft));
    const { host } = await open('/forloeb/ai-i-gentofte/ideer/ny');
    const select = host.querySelector<HTMLSelectElement>('#eventId')!;
    expect(host.querySelector('label[for="eventId"]')?.textContent).toBe('Kom idéen fra et arrangement?');
    expect([...select.options].map((o) => o.value)).toEqual(['', 'udvalgsmoede']);
    select.value = 'udvalgsmoede';
    select.dispatchEvent(new Event('change'));
    host.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await flushPromises();
    host.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await flushPromises();
    expect(text(host.querySelector('[data-testid="idea-origin"]')!)).toContain('Fra: Udvalgsmøde, åben del');
    host.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await flushPromises();
    expect(posted).toEqual([expect.objectContaining({ title: 'AI til referater', eventId: 'udvalgsmoede' })]);
  });

  it('shows "Fra:" with a link to the event on the idea page', async () => {
    api();
    const { host } = await open(`/forloeb/ai-i-gentofte/ideer/${fromMeeting.id}`);
    const origin = host.querySelector('[data-testid="idea-origin"]')!;
    expect(text(origin).trim()).toBe('Fra: Udvalgsmøde, åben del');
    expect(origin.querySelector('a')?.getAttribute('href')).toBe('/forloeb/ai-i-gentofte/arrangementer/udvalgsmoede');
  });

  it('filters the idea list by event through the address', async () => {
    const calls = api();
    const { host, router } = await open('/forloeb/ai-i-gentofte/ideer');
    const select = host.querySelector<HTMLSelectElement>('#event')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Alle arrangementer', 'Udvalgsmøde, åben del', 'Workshop om chatbots', 'AI-festival for medarbejdere']);
    select.value = 'udvalgsmoede';
    select.dispatchEvent(new Event('change'));
    await flushPromises();
    expect(router.currentRoute.value.query.event).toBe('udvalgsmoede');
    const last = calls.filter((c) => c.url.pathname === '/api/processes/ai-i-gentofte/ideas').at(-1)!;
    expect(last.url.searchParams.get('event')).toBe('udvalgsmoede');
  });
});

describe('Mine tilmeldinger', () => {
  it('lists my sign-ups with a seat or my number on the waiting list, and a way to cancel on the event page', async () => {
    api();
    await signIn('anna@example.dk', 'langt-kodeord-1');
    const { host } = await open('/min-side');
    const section = host.querySelector('[data-testid="my-signups"]')!;
    expect(section.querySelector('h2')?.textContent).toBe('Mine tilmeldinger');
    const rows = [...section.querySelectorAll('[data-testid="my-signup"]')];
    expect(text(rows[0]!)).toContain('AI-festival for medarbejdere');
    expect(text(rows[0]!)).toContain('Tilmeldt');
    expect(text(rows[1]!)).toContain('Venteliste, nr. 2');
    const cancel = [...rows[1]!.querySelectorAll('a')].find((a) => a.textContent?.startsWith('Afmeld'))!;
    expect(cancel.getAttribute('href')).toBe('/forloeb/ai-i-gentofte/arrangementer/workshop#signup-heading');
  });
});

describe('the helpers and messages', () => {
  it('write a one-day event with one date and a night-long one with both, in Gentofte time', () => {
    expect(eventWhen('2026-06-10T07:00:00.000Z', '2026-06-10T13:30:00.000Z', 'da')).toBe('10. jun. 2026, 09.00 – 15.30');
    expect(eventWhen('2026-12-10T17:00:00.000Z', '2026-12-11T08:00:00.000Z', 'en')).toBe('10 Dec 2026, 18:00 – 11 Dec 2026, 09:00');
  });

  it('put the coming events soonest first and the ended ones latest first', () => {
    const now = new Date('2026-12-01T12:00:00.000Z');
    const e = (id: string, start: string, end: string) => ({ id, startsAt: start, endsAt: end });
    const split = splitByTime([e('a', '2026-11-01T10:00:00Z', '2026-11-01T12:00:00Z'), e('b', '2026-12-05T10:00:00Z', '2026-12-05T12:00:00Z'), e('c', '2026-12-01T10:00:00Z', '2026-12-01T14:00:00Z'), e('d', '2026-11-20T10:00:00Z', '2026-11-20T12:00:00Z')], now);
    expect(split.upcoming.map((x) => x.id)).toEqual(['c', 'b']);
    expect(split.past.map((x) => x.id)).toEqual(['d', 'a']);
  });

  it('have the same keys in Danish and English', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
    expect(keys(enEvents).sort()).toEqual(keys(daEvents).sort());
  });
});
