import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { profile } from '../../frontend/src/modules/session';
import { buttonNamed, json, problem, text } from './app';
import { process as baseProcess } from './fixtures';
import { event, mountPage, unmount } from './workspace-events-fixtures';

/**
 * The events' list and form against a fake API: the list with its counts and links, the nav link only
 * for a process with an event phase, a new event checked by the shared schema before anything is sent
 * (errors at their fields), times sent as Danish wall time, the invitation link, a conflict that keeps
 * the admin's input, and a cancellation only after the question.
 */
vi.setConfig({ testTimeout: 60_000 });
afterEach(() => {
  unmount();
  document.body.innerHTML = '';
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
const nav = () => [...document.querySelectorAll('nav a')].map((a) => a.textContent?.trim());

describe('the events list', () => {
  it('shows every event with seats, waiting list and check-ins, and links to its pages', async () => {
    await mountPage('/arbejdsrum/arrangementer', (url) => (url.pathname.endsWith('/organiser/events') ? json({ items: [event] }) : problem(404, 'Ikke fundet')));
    const item = document.querySelector('[data-testid="event-ai-festival"]')!;
    expect(text(item)).toContain('AI-festival for medarbejdere');
    expect(text(item)).toContain('40 af 40');
    expect(text(item)).toMatch(/Venteliste\s*3/);
    expect(text(item)).toMatch(/Mødt op\s*12/);
    expect(item.querySelector('a[href^="/arbejdsrum/arrangementer/ai-festival/tilmeldinger"]')).toBeTruthy();
    expect(item.querySelector('a[href^="/arbejdsrum/arrangementer/ai-festival/live"]')).toBeTruthy();
    expect(nav()).toContain('Arrangementer');
  });

  it('gives a moderator no form link, and the menu no events link for a process without an event phase', async () => {
    await mountPage('/arbejdsrum/arrangementer', () => json({ items: [event] }), ['moderator'], [baseProcess]);
    expect(text(document.body)).not.toContain('Opret arrangement');
    expect(document.querySelector('a[href^="/arbejdsrum/arrangementer/ai-festival?"]')).toBeNull();
    expect(nav()).not.toContain('Arrangementer');
    expect(text(document.body)).toContain('Forløbet har ingen arrangementsfase');
  });
});

describe('the event form', () => {
  it('sends nothing while the schema refuses it, then creates the event in Danish time', async () => {
    const { of, router } = await mountPage('/arbejdsrum/arrangementer/ny', (url, init) => {
      if (init?.method === 'POST') return json({ ...event, ...JSON.parse(String(init.body)), audience: 'everyone', invitationToken: undefined }, 201);
      if (url.pathname.endsWith('/organiser/events')) return json({ items: [event] });
      return problem(404, 'Ikke fundet');
    });
    await click('Opret arrangement');
    expect(of('POST')).toHaveLength(0);
    expect(document.getElementById('ev-id-error')).toBeTruthy();
    expect(document.getElementById('ev-title-da-error')).toBeTruthy();
    expect(text(document.querySelector('.error-summary')!)).toContain('Antal pladser');

    await fill('ev-capacity', 'fyrre');
    await click('Opret arrangement');
    expect(document.getElementById('ev-capacity-error')?.textContent).toContain('helt tal');

    await fill('ev-id', 'ai-festival');
    await fill('ev-title-da', 'AI-festival for medarbejdere');
    await fill('ev-description-da', 'En dag om AI i hverdagen.');
    await fill('ev-startsAt', '2026-12-10T09:00');
    await fill('ev-endsAt', '2026-12-10T08:00');
    await fill('ev-capacity', '40');
    await click('Opret arrangement');
    expect(of('POST')).toHaveLength(0);
    expect(document.getElementById('ev-endsAt-error')?.textContent).toContain('Sluttidspunktet skal ligge efter starten');
    expect(document.getElementById('ev-place-address-error')?.textContent).toContain('Angiv et sted eller et link');

    await fill('ev-place-address', 'Bernstorffsvej 161, 2920 Charlottenlund');
    await fill('ev-endsAt', '2026-12-10T16:00');
    await click('Opret arrangement');
    expect(of('POST')).toHaveLength(1);
    expect(of('POST')[0]!.body).toEqual({
      id: 'ai-festival',
      type: 'theme-day',
      title: { da: 'AI-festival for medarbejdere' },
      description: { da: 'En dag om AI i hverdagen.' },
      place: { address: 'Bernstorffsvej 161, 2920 Charlottenlund' },
      startsAt: '2026-12-10T08:00:00.000Z',
      endsAt: '2026-12-10T15:00:00.000Z',
      audience: 'everyone',
      capacity: 40,
      accessFeatures: [],
      published: false,
    });
    expect(router.currentRoute.value.path).toBe('/arbejdsrum/arrangementer/ai-festival');
  });

  it('shows the invitation link, keeps the input on a conflict, and cancels only when confirmed', async () => {
    const latest = { ...event, capacity: 60, updatedAt: '2026-11-21T10:00:00.000Z' };
    let reads = 0;
    const { of } = await mountPage('/arbejdsrum/arrangementer/ai-festival', (url, init) => {
      if (init?.method === 'PATCH') {
        const body = JSON.parse(String(init.body)) as { expectedUpdatedAt: string; cancelled?: true };
        if (body.expectedUpdatedAt === event.updatedAt) return problem(409, 'Gemt af en anden');
        return json({ ...latest, capacity: 45, ...(body.cancelled ? { cancelledAt: '2026-11-22T10:00:00.000Z' } : {}), updatedAt: '2026-11-22T10:00:00.000Z' });
      }
      if (url.pathname.endsWith('/organiser/events')) return json({ items: [reads++ === 0 ? event : latest] });
      return problem(404, 'Ikke fundet');
    });
    expect((document.getElementById('ev-invitation-link') as HTMLInputElement).value).toMatch(/\/forloeb\/ai-i-gentofte\/arrangementer\/ai-festival\?invitation=inv-0123456789abcdef$/);
    expect((document.getElementById('ev-startsAt') as HTMLInputElement).value).toBe('2026-12-10T09:00');

    await fill('ev-capacity', '45');
    await click('Gem ændringer');
    expect(of('PATCH')).toHaveLength(1);
    expect(text(document.body)).toContain('En anden har gemt imens');
    expect((document.getElementById('ev-capacity') as HTMLInputElement).value).toBe('45');
    await click('Se den seneste version');
    await click('Behold mine ændringer og gem dem oven i');
    expect(of('PATCH')).toHaveLength(2);
    expect(of('PATCH')[1]!.body).toMatchObject({ capacity: 45, expectedUpdatedAt: latest.updatedAt, startsAt: event.startsAt });
    expect(text(document.body)).toContain('Ændringerne er gemt.');

    await click('Aflys arrangementet');
    expect(of('PATCH')).toHaveLength(2);
    expect(text(document.body)).toContain('De 43 tilmeldte får besked');
    await click('Ja, aflys');
    expect(of('PATCH')).toHaveLength(3);
    expect(of('PATCH')[2]!.body).toMatchObject({ cancelled: true, capacity: 45 });
    expect(text(document.body)).toContain('Arrangementet blev aflyst');
  });
});
