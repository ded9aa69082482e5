import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { questionView } from '../../frontend/src/lib/events-workspace/liveResults';
import { qrPath } from '../../frontend/src/lib/events-workspace/qr';
import { profile } from '../../frontend/src/modules/session';
import { buttonNamed, json, problem, stubApi, text } from './app';
import { mountPage, results, round, unmount } from './workspace-events-fixtures';

/**
 * The presenter view against a fake API: the code, the join address and a QR code of the code's own
 * address; results with their numbers in text; asked again every 2 s while the round is open, not
 * while the tab is hidden, not after it closed; the arrow keys change the question.
 */
vi.setConfig({ testTimeout: 60_000 });
afterEach(() => {
  unmount();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
  profile.value = undefined;
});

const path = `/arbejdsrum/arrangementer/ai-festival/live/${round.id}/praesentation`;
const api = `/api/processes/ai-i-gentofte/organiser/events/ai-festival/live-rounds/${round.id}/results`;
const key = async (k: string) => {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: k }));
  await flushPromises();
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the presenter view', () => {
  it('shows code, address, QR code and each question\'s numbers, polling while open and shown', async () => {
    let answer = results();
    const { sent } = await mountPage(path, (url) => (url.pathname === api ? json(answer) : problem(404, 'Ikke fundet')), ['committee']);
    const polls = () => sent.filter((s) => s.path === api).length;
    expect(document.querySelector('[data-testid="code"]')?.textContent).toBe('K7M3QA');
    expect(text(document.body)).toMatch(/Gå til http:\/\/[^ ]+\/live og skriv koden/);
    expect(document.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toMatch(/^QR-kode til http:\/\/[^ ]+\/live\/K7M3QA$/);
    expect(text(document.body)).toContain('Spørgsmål 1 af 4');
    expect([...document.querySelectorAll('[data-testid="bar-value"]')].map((e) => e.textContent)).toEqual(['3', '2']);
    expect(text(document.body)).toContain('5 svar');

    await key('ArrowRight');
    expect(text(document.body)).toContain('Gennemsnit: 7,0');
    await key('ArrowRight');
    expect(text(document.querySelector('table')!)).toContain('tid3');
    await key('ArrowRight');
    expect(document.querySelector('[data-testid="a2-disagree"]')?.textContent).toBe('2');
    await key('ArrowRight');
    expect(text(document.body)).toContain('Spørgsmål 4 af 4');
    await key('ArrowLeft');
    await key('ArrowLeft');
    await key('ArrowLeft');
    expect(text(document.body)).toContain('Spørgsmål 1 af 4');

    const before = polls();
    answer = results({ results: [{ questionId: 'vigtigst', count: 6, options: [{ id: 'tid', count: 4 }, { id: 'kvalitet', count: 2 }] }] });
    await wait(2300);
    await flushPromises();
    expect(polls()).toBe(before + 1);
    expect([...document.querySelectorAll('[data-testid="bar-value"]')].map((e) => e.textContent)).toEqual(['4', '2']);

    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    await flushPromises();
    expect(text(document.body)).toContain('Opdateringen holder pause');
    const hidden = polls();
    await wait(2300);
    expect(polls()).toBe(hidden);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    answer = results({ state: 'closed', closedAt: '2026-12-10T10:00:00.000Z' });
    document.dispatchEvent(new Event('visibilitychange'));
    await flushPromises();
    expect(polls()).toBe(hidden + 1);
    expect(text(document.body)).toContain('Runden er lukket');
    await wait(2300);
    expect(polls()).toBe(hidden + 1);
    expect(buttonNamed(document.body, 'Forrige spørgsmål')?.disabled).toBe(true);
  });
});

describe('the results and the QR code as data', () => {
  it('turn counts into bars, words and statement shares', () => {
    const l = (t: { da: string }) => t.da;
    const [single, scale, words, statements] = round.questions.map((q, i) => questionView(q, results().results[i], l));
    expect(single).toMatchObject({ kind: 'single', count: 5, bars: [{ label: 'Tid', value: 3, width: 100 }, { label: 'Kvalitet', value: 2, width: 66.7 }] });
    expect(scale).toMatchObject({ kind: 'scale', mean: 7 });
    expect(scale!.kind === 'scale' && scale!.bars.map((b) => b.value)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1]);
    expect(words).toMatchObject({ kind: 'words', words: [{ word: 'tid', count: 3, step: 5 }, { word: 'etik', count: 1, step: 1 }] });
    expect(statements).toMatchObject({ kind: 'statements', rows: [{ id: 'a1', total: 4, widths: { agree: 75, neutral: 25, disagree: 0 } }, { id: 'a2', widths: { agree: 25, neutral: 25, disagree: 50 } }] });
    expect(questionView(round.questions[0]!, undefined, l)).toMatchObject({ count: 0, bars: [{ value: 0, width: 0 }, { value: 0, width: 0 }] });
  });

  it('draws a QR code with its quiet zone as unit squares', () => {
    const { size, path } = qrPath('https://deltag.gentofte.dk/live/K7M3QA');
    expect(size).toBeGreaterThanOrEqual(21 + 8);
    expect(path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    // The finder pattern's corner starts after the four-module border.
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true);
  });
});

describe('the annex section on live rounds', () => {
  it('prints each published event\'s closed rounds with their numbers, and nothing without any', async () => {
    const { mountInApp } = await import('./app');
    const { default: AnnexLiveRounds } = await import('../../frontend/src/components/workspace/events/AnnexLiveRounds.vue');
    const { event } = await import('./workspace-events-fixtures');
    const closed = results({ state: 'closed', closedAt: '2026-12-10T10:00:00.000Z' });
    stubApi((url) => {
      if (url.pathname === '/api/processes/ai-i-gentofte/events') return json({ items: [event, { ...event, id: 'andet', title: { da: 'Andet' } }] });
      if (url.pathname === '/api/processes/ai-i-gentofte/events/ai-festival/live-rounds') return json({ items: [closed] });
      if (url.pathname === '/api/processes/ai-i-gentofte/events/andet/live-rounds') return json({ items: [] });
      return problem(404, 'Ikke fundet');
    });
    const { wrapper } = await mountInApp(AnnexLiveRounds, { props: { processId: 'ai-i-gentofte' } });
    const section = document.querySelector('[data-testid="annex-live"]')!;
    expect(text(section)).toContain('Temadag og arrangementer: live-runder');
    expect(text(section)).toContain('AI-festival for medarbejdere');
    expect(text(section)).not.toContain('Andet');
    expect(text(section)).toContain('1. Hvad er vigtigst?');
    expect(text(section)).toContain('4. Ambitionen');
    expect(section.querySelector('[data-testid="a2-disagree"]')?.textContent).toBe('2');
    wrapper.unmount();

    stubApi((url) => (url.pathname.endsWith('/events') ? json({ items: [] }) : problem(404, 'Ikke fundet')));
    await mountInApp(AnnexLiveRounds, { props: { processId: 'ai-i-gentofte' } });
    expect(document.querySelectorAll('[data-testid="annex-live"]')).toHaveLength(0);
  });
});
