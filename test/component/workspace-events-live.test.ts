import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { profile } from '../../frontend/src/modules/session';
import { buttonNamed, json, problem, text } from './app';
import { event, mountPage, round, unmount } from './workspace-events-fixtures';

/**
 * The live-round builder against a fake API: nothing sent while the schema refuses the round (each
 * problem at its field), one question of each kind, statements fetched from a consultation
 * document's paragraphs, created as a draft, opened, and closed only after the question.
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
  const field = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
  if (!field) throw new Error(`No field ${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('change'));
  await flushPromises();
};
const base = '/api/processes/ai-i-gentofte/organiser/events/ai-festival/live-rounds';

describe('the live rounds', () => {
  it('builds a round with one question of each kind, creates, opens and closes it', async () => {
    const draft = { ...round, state: 'draft' as const, code: undefined, openedAt: undefined };
    let stored: typeof round | undefined;
    const { of } = await mountPage('/arbejdsrum/arrangementer/ai-festival/live', (url, init) => {
      if (init?.method === 'POST' && url.pathname === base) {
        stored = { ...draft, ...(JSON.parse(String(init.body)) as object) };
        return json(stored, 201);
      }
      if (init?.method === 'POST' && url.pathname.endsWith('/state')) {
        const { state } = JSON.parse(String(init.body)) as { state: 'open' | 'closed' };
        stored = { ...stored!, state, ...(state === 'open' ? { code: 'K7M3QA' } : { closedAt: '2026-12-10T10:00:00.000Z' }) };
        return json(stored);
      }
      if (url.pathname === base) return json({ items: [] });
      if (url.pathname.endsWith('/organiser/events')) return json({ items: [event] });
      if (url.pathname === '/api/processes/ai-i-gentofte/documents') return json({ items: [{ id: 'ambition', title: { da: 'Ambitionen' }, currentVersion: 2, comments: 0 }] });
      if (url.pathname === '/api/processes/ai-i-gentofte/documents/ambition')
        return json({ version: { blocks: [{ kind: 'heading', text: { da: 'Formål' } }, { kind: 'paragraph', no: 1, text: { da: 'AI skal frigøre tid\ntil kerneopgaven.' } }, { kind: 'paragraph', no: 3, text: { da: 'Et menneske beslutter.', en: 'A human decides.' } }] } });
      return problem(404, 'Ikke fundet');
    });
    expect(text(document.body)).toContain('Arrangementet har ingen live-runder endnu.');
    await click('Ny live-runde');
    await click('Opret runden');
    expect(of('POST')).toHaveLength(0);
    expect(document.getElementById('lr-title-da-error')).toBeTruthy();
    expect(text(document.querySelector('.error-summary')!)).toContain('Rundens titel');

    await fill('lr-title-da', 'Salens stemning');
    await click('Tilføj spørgsmål: Ét valg');
    await click('Tilføj spørgsmål: Skala 0–10');
    await click('Tilføj spørgsmål: Ordsky');
    await click('Tilføj spørgsmål: Enig/uenig i udsagn');
    await fill('lr-questions-0-text-da', 'Hvad er vigtigst?');
    await fill('lr-questions-0-items-0-da', 'Tid');
    await click('Opret runden');
    expect(of('POST')).toHaveLength(0);
    expect(document.getElementById('lr-questions-0-items-1-da-error')).toBeTruthy();
    expect(text(document.querySelector('.error-summary')!)).toContain('Spørgsmål 1, Svarmulighed 2');
    expect(text(document.querySelector('.error-summary')!)).toContain('Spørgsmål 2, Tekst ved 0');

    await fill('lr-questions-0-items-1-da', 'Kvalitet');
    await fill('lr-questions-1-text-da', 'Hvor tryg er du ved AI?');
    await fill('lr-questions-1-lowLabel-da', 'Utryg');
    await fill('lr-questions-1-highLabel-da', 'Tryg');
    await fill('lr-questions-2-text-da', 'Ét ord om AI');
    await fill('lr-questions-2-maxWords', '2');
    await fill('lr-questions-3-text-da', 'Ambitionen');
    await click('Hent afsnit fra et høringsdokument');
    await click('Hent afsnittene');
    expect(text(document.body)).toContain('2 afsnit er hentet som udsagn.');
    await click('Opret runden');
    expect(of('POST')).toHaveLength(1);
    expect(of('POST')[0]!.body).toEqual({
      title: { da: 'Salens stemning' },
      questions: [
        { id: 'q1', kind: 'single', text: { da: 'Hvad er vigtigst?' }, options: [{ id: 'o1', label: { da: 'Tid' } }, { id: 'o2', label: { da: 'Kvalitet' } }] },
        { id: 'q2', kind: 'scale', text: { da: 'Hvor tryg er du ved AI?' }, lowLabel: { da: 'Utryg' }, highLabel: { da: 'Tryg' } },
        { id: 'q3', kind: 'words', text: { da: 'Ét ord om AI' }, maxWords: 2 },
        { id: 'q4', kind: 'statements', text: { da: 'Ambitionen' }, statements: [{ id: 'p1', text: { da: 'AI skal frigøre tid til kerneopgaven.' } }, { id: 'p3', text: { da: 'Et menneske beslutter.', en: 'A human decides.' } }] },
      ],
    });
    expect(text(document.body)).toContain('Runden er oprettet som kladde.');
    expect(text(document.body)).toContain('Status: Kladde');

    await click('Åbn runden: Salens stemning');
    expect(text(document.body)).toContain('Runden er åben med koden K7M3QA.');
    expect(document.querySelector(`a[href^="/arbejdsrum/arrangementer/ai-festival/live/${round.id}/praesentation"]`)).toBeTruthy();

    await click('Luk runden: Salens stemning');
    expect(of('POST').filter((s) => s.path.endsWith('/state'))).toHaveLength(1);
    await click('Ja, luk runden');
    expect(of('POST').filter((s) => s.path.endsWith('/state')).map((s) => s.body)).toEqual([{ state: 'open' }, { state: 'closed' }]);
    expect(text(document.body)).toContain('Status: Lukket');
  });
});
