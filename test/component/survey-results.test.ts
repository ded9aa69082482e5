import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../frontend/src/App.vue';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { json, mountInApp, problem, stubApi, text } from './app';
import { results, survey, surveyProcess } from './survey-fixtures';

/** The public results page: figures as bars and a table, the mean, reviewed texts as text, small groups withheld. */
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

function api(published = true) {
  return stubApi((url) => {
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(surveyProcess());
    if (url.pathname === '/api/processes/ai-i-gentofte/survey') return json(survey);
    if (url.pathname === '/api/processes/ai-i-gentofte/survey/results' && published) {
      if (url.searchParams.get('by') !== 'alder') return json(results);
      return json({
        ...results,
        breakdown: {
          by: 'alder',
          groups: [
            { value: 'under-30', count: 3, suppressed: true },
            { value: 'over-30', count: 9, suppressed: false, questions: [{ questionId: 'brug', kind: 'single', answered: 9, options: [{ id: 'ja', count: 6, share: 6 / 9 }, { id: 'nej', count: 3, share: 3 / 9 }] }] },
            { value: '', count: 0, suppressed: true },
          ],
        },
      });
    }
    return problem(404, 'Ikke fundet');
  });
}

async function open() {
  const mounted = await mountInApp(App, { path: PATH });
  wrapper = mounted.wrapper;
  await flushPromises();
  return mounted.host;
}

const rows = (table: Element) => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim()));

describe('the survey results page', () => {
  it('shows the count, the period, what a self-selected survey can show, and each question as bars and a table', async () => {
    api();
    const host = await open();

    expect(host.querySelector('.lead')?.textContent).toBe('12 svar fra 28. november 2026 til 30. november 2026');
    expect(text(host)).toContain('Alle kunne vælge at svare.');
    const tables = host.querySelectorAll('table');
    expect(rows(tables[0]!)).toEqual([['1 – Meget uenig', '2'], ['2', '0'], ['3', '2'], ['4', '6'], ['5 – Meget enig', '2']]);
    expect(rows(tables[1]!)).toEqual([['Ja', '7', '70 %'], ['Nej', '3', '30 %']]);
    expect(text(host)).toContain('Gennemsnit: 3,5');
    const bars = [...host.querySelectorAll('svg')[1]!.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    expect(bars[1]! / bars[0]!).toBeCloseTo(3 / 7, 2);
    expect(host.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    // A reviewed text is shown as the text it is, never as markup.
    expect(host.querySelector('.survey-result__texts li')?.textContent).toBe('<b>Overvågning</b>');
    expect(host.querySelector('.survey-result__texts b')).toBeNull();
  });

  it('breaks down by a background question and withholds groups under five answers, stating the rule', async () => {
    const calls = api();
    const host = await open();
    expect(text(host)).toContain('Grupper med færre end 5 svar vises ikke');

    const select = host.querySelector<HTMLSelectElement>('#survey-by')!;
    select.value = 'alder';
    select.dispatchEvent(new Event('change'));
    await flushPromises();

    expect(calls.some((c) => c.url.searchParams.get('by') === 'alder')).toBe(true);
    const groups = [...host.querySelectorAll('.survey-results__group')];
    expect(groups.map((g) => g.querySelector('h2')?.textContent)).toEqual(['Under 30', '30 eller derover', 'Ikke besvaret']);
    expect(text(groups[0]!)).toContain('Færre end 5 svar — vises ikke');
    expect(groups[0]!.querySelector('table')).toBeNull();
    expect(rows(groups[1]!.querySelector('table')!)).toEqual([['Ja', '6', '67 %'], ['Nej', '3', '33 %']]);
  });

  it('says the results are not published yet when the API has none', async () => {
    api(false);
    const host = await open();
    expect(host.querySelector('h1')?.textContent).toBe('Resultaterne er ikke offentliggjort endnu');
  });
});
