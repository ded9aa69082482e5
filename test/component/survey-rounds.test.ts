import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../frontend/src/App.vue';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { json, mountInApp, problem, stubApi, text } from './app';
import { currentResults, previousResults, previousSurvey } from './survey-rounds-fixtures';
import { survey, surveyProcess } from './survey-fixtures';

/**
 * The public results page of a second round (a process cloned from an earlier one): the earlier
 * round's published figures beside this round's for the questions both asked the same way; nothing
 * of the earlier round when its results are not published.
 */
const PATH = '/forloeb/ai-i-gentofte/spoergeskema/resultater';
let wrapper: VueWrapper | undefined;

beforeEach(async () => {
  document.body.innerHTML = '';
  localStorage.clear();
  resetProcessCache();
  await setLocale('da', false);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

function api(previousPublished: boolean) {
  return stubApi((url) => {
    switch (url.pathname) {
      case '/api/processes/ai-i-gentofte':
        return json({ ...surveyProcess(), clonedFrom: 'ai-2024' });
      case '/api/processes/ai-i-gentofte/survey':
        return json(survey);
      case '/api/processes/ai-i-gentofte/survey/results':
        return json(currentResults);
      case '/api/processes/ai-2024':
        return json({ ...surveyProcess(), id: 'ai-2024', title: { da: 'AI i Gentofte 2024', en: 'AI in Gentofte 2024' } });
      case '/api/processes/ai-2024/survey':
        return json(previousSurvey);
      case '/api/processes/ai-2024/survey/results':
        return previousPublished ? json(previousResults) : problem(404, 'Resultaterne er ikke offentliggjort');
      default:
        return problem(404, 'Ikke fundet');
    }
  });
}

async function open() {
  const mounted = await mountInApp(App, { path: PATH });
  wrapper = mounted.wrapper;
  await flushPromises();
  return mounted.host;
}

/** A row's cells as read, the figures' no-break spaces as plain ones. */
const cells = (tr: Element) => [...tr.children].map((c) => c.textContent?.replaceAll('\u00a0', ' ').trim());
const tables = (host: Element) => [...host.querySelectorAll('[data-testid="round-comparison"] table')].map((t) => [...t.querySelectorAll('tr')].map(cells));

// The first mount compiles the lazily loaded page: more than vitest's 5 s on a busy machine.
describe('a second round’s results page', { timeout: 30_000 }, () => {
  it('names the earlier round, both counts and that the samples are separate, then the shared questions side by side', async () => {
    api(true);
    const host = await open();
    const section = host.querySelector('[data-testid="round-comparison"]')!;
    expect(section).not.toBeNull();
    expect(section.querySelector('h2')?.textContent).toBe('Sammenligning med forrige runde');
    expect(section.querySelector('a')?.getAttribute('href')).toBe('/forloeb/ai-2024/spoergeskema/resultater');
    expect(section.querySelector('a')?.textContent).toBe('AI i Gentofte 2024');
    expect(text(section)).toContain('Forrige runde: 20 svar fra 1. maj 2024 til 31. maj 2024. Denne runde: 12 svar fra 28. november 2026 til 30. november 2026.');
    expect(text(section)).toContain('ikke de samme personer spurgt to gange');

    const [tillid, alder] = tables(host) as [string[][], string[][]];
    expect(tables(host)).toHaveLength(2);
    expect(tillid).toEqual([
      ['Svar', 'Forrige runde (1. maj 2024–31. maj 2024)', 'Denne runde'],
      ['1 – Meget uenig', '2 (10 %)', '2 (17 %)'],
      ['2', '4 (20 %)', '0 (0 %)'],
      ['3', '6 (30 %)', '2 (17 %)'],
      ['4', '6 (30 %)', '6 (50 %)'],
      ['5 – Meget enig', '2 (10 %)', '2 (17 %)'],
      ['Har svaret på spørgsmålet', '20', '12'],
      ['Gennemsnit', '3,1', '3,5'],
    ]);
    expect(alder.slice(1)).toEqual([
      ['Under 30', '9 (50 %)', '4 (40 %)'],
      ['30 eller derover', '9 (50 %)', '6 (60 %)'],
      ['Har svaret på spørgsmålet', '18', '10'],
    ]);
    // The chart is for the eye; the table is what a screen reader reads.
    expect([...section.querySelectorAll('svg')].every((svg) => svg.getAttribute('aria-hidden') === 'true')).toBe(true);
    // A choice question with other options, and the questions the earlier round did not ask, are this round's only.
    expect([...section.querySelectorAll('[data-testid="only-this-round"] li')].map((li) => li.textContent)).toEqual([
      'Hvor nyttigt er AI?',
      'Bruger du AI?',
      'Hvor skal AI bruges?',
      'Ét ord om AI',
    ]);
  });

  it('says it in English', async () => {
    api(true);
    const host = await open();
    await setLocale('en', false);
    await flushPromises();
    const section = host.querySelector('[data-testid="round-comparison"]')!;
    expect(section.querySelector('h2')?.textContent).toBe('Compared with the previous round');
    expect(text(section)).toContain('not the same people asked twice');
    expect(tables(host)[0]![0]).toEqual(['Answer', expect.stringMatching(/^Previous round \(1 May 2024–31 May 2024\)$/), 'This round']);
    expect(tables(host)[0]!.at(-1)).toEqual(['Mean', '3.1', '3.5']);
  });

  it('shows nothing of the earlier round while its results are not published', async () => {
    const calls = api(false);
    const host = await open();
    expect(host.querySelector('h1')?.textContent).toContain('Resultater');
    expect(host.querySelectorAll('.survey-result').length).toBeGreaterThan(0);
    expect(host.querySelector('[data-testid="round-comparison"]')).toBeNull();
    expect(text(host)).not.toContain('Forrige runde');
    expect(text(host)).not.toContain('AI i Gentofte 2024');
    // Only the public route was asked: a reader never gets the earlier round's internal figures.
    expect(calls.some((c) => c.url.pathname === '/api/processes/ai-2024/survey/results')).toBe(true);
    expect(calls.some((c) => c.url.pathname.startsWith('/api/moderation/'))).toBe(false);
  });
});
