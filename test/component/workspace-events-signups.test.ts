import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { profile } from '../../frontend/src/modules/session';
import { buttonNamed, json, problem, text } from './app';
import { event, mountPage, signup, unmount } from './workspace-events-fixtures';

/**
 * The door list against a fake API: seats, then the waiting list in order, with needs; check-in by
 * the row's box saved at once (a refused one put back); more rows by "Vis flere"; the list as a file.
 */
vi.setConfig({ testTimeout: 60_000 });
afterEach(() => {
  unmount();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

const base = '/api/processes/ai-i-gentofte/organiser/events/ai-festival/signups';

describe('the sign-up list', () => {
  it('shows seats then the waiting list with needs, checks people in and reads further pages', async () => {
    const first = [signup(1, { diet: ['vegetarian', 'other'], dietNote: 'Nødder', accessibility: 'Kørestol', note: 'Kommer kl. 10' }), signup(2)];
    const second = [signup(3, { state: 'waiting', position: 1 })];
    let refuse = false;
    const { of } = await mountPage('/arbejdsrum/arrangementer/ai-festival/tilmeldinger', (url, init) => {
      if (init?.method === 'PUT') {
        if (refuse) return problem(503, 'Prøv igen');
        const body = JSON.parse(String(init.body)) as { checkedIn: boolean };
        const id = url.pathname.split('/').at(-2)!;
        const row = [...first, ...second].find((r) => r.id === id)!;
        return json({ ...row, ...(body.checkedIn ? { checkedInAt: '2026-12-10T08:05:00.000Z' } : {}) });
      }
      if (url.pathname === base) return json(url.searchParams.get('cursor') ? { items: second } : { items: first, nextCursor: 'next' });
      if (url.pathname.endsWith('/organiser/events')) return json({ items: [event] });
      return problem(404, 'Ikke fundet');
    });
    const seats = document.getElementById('ev-seats')!;
    expect(seats.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(text(seats)).toContain('Kost: Vegetar, Andet, Nødder');
    expect(text(seats)).toContain('Tilgængelighed: Kørestol');
    expect(text(seats)).toContain('Note: Kommer kl. 10');
    expect(text(document.querySelector('[data-testid="signup-counts"]')!)).toContain('12 mødt op');

    const box = document.getElementById(`ev-seats-check-${first[0]!.id}`) as HTMLInputElement;
    expect(document.querySelector(`label[for="${box.id}"]`)?.textContent).toContain('Deltager 1 er mødt op');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await flushPromises();
    expect(of('PUT')).toHaveLength(1);
    expect(of('PUT')[0]!.path).toBe(`${base}/${first[0]!.id}/checkin`);
    expect(of('PUT')[0]!.body).toEqual({ checkedIn: true });
    expect(text(document.body)).toContain('Deltager 1 er markeret som mødt op.');
    expect((document.getElementById(box.id) as HTMLInputElement).checked).toBe(true);
    expect(text(document.querySelector('[data-testid="signup-counts"]')!)).toContain('13 mødt op');

    refuse = true;
    const other = document.getElementById(`ev-seats-check-${first[1]!.id}`) as HTMLInputElement;
    other.checked = true;
    other.dispatchEvent(new Event('change'));
    await flushPromises();
    expect((document.getElementById(`ev-seats-check-${first[1]!.id}`) as HTMLInputElement).checked).toBe(false);
    expect(document.querySelector('[role="alert"]')).toBeTruthy();

    expect(text(document.body)).toContain('Venteliste (0)');
    buttonNamed(document.body, 'Vis flere')!.click();
    await flushPromises();
    expect(text(document.getElementById('ev-waiting')!)).toContain('Deltager 3');
    expect(buttonNamed(document.body, 'Vis flere')).toBeUndefined();
  });

  it('downloads the list as CSV with the token', async () => {
    const saved: string[] = [];
    URL.createObjectURL = () => 'blob:x';
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(this.download);
    };
    await mountPage('/arbejdsrum/arrangementer/ai-festival/tilmeldinger', (url) => {
      if (url.pathname === `${base}/export`) return new Response('navn;email\n', { headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="tilmeldinger-ai-festival.csv"' } });
      if (url.pathname === base) return json({ items: [] });
      if (url.pathname.endsWith('/organiser/events')) return json({ items: [event] });
      return problem(404, 'Ikke fundet');
    });
    buttonNamed(document.body, 'Hent som CSV')!.click();
    await flushPromises();
    expect(saved).toEqual(['tilmeldinger-ai-festival.csv']);
  });
});
