import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_TEXT, longSentences } from '#shared/rules/assisted';
import type { Process } from '#shared/schemas/process';
import App from '../../frontend/src/App.vue';
import paperDa from '../../frontend/src/locales/paper/da';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { buttonNamed, json, mountInApp, problem, stubApi, text } from './app';
import { process } from './fixtures';
import { survey } from './survey-fixtures';

/** The printable paper form: made from the process (plain intro, open areas and effects), the survey when there is one, and the consent. */
let wrapper: VueWrapper | undefined;

beforeAll(() => import('../../frontend/src/pages/paper/PaperFormPage.vue'), 60_000);
beforeEach(async () => {
  document.body.innerHTML = '';
  resetProcessCache();
  await setLocale('da', false);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

const withPlainIntro: Process = {
  ...process,
  plainIntro: { da: 'Kommunen vil bruge AI. Fortæl os, hvor det kan hjælpe dig.' },
  areas: [...process.areas, { id: 'gammelt', name: { da: 'Gammelt område' }, retired: true }],
  effects: [...process.effects, { id: 'udgaaet', name: { da: 'Udgået effekt' }, retired: true }],
};

function api(p: Process, withSurvey: boolean) {
  return stubApi((url) => {
    if (url.pathname === '/config.json') return json({ apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'c', cognitoEndpoint: 'http://127.0.0.1:9229' });
    if (url.pathname === `/api/processes/${p.id}`) return json(p);
    if (url.pathname === `/api/processes/${p.id}/survey`) return withSurvey ? json(survey) : problem(404, 'Ikke fundet');
    return problem(404, 'Ikke fundet');
  });
}

async function open(p: Process, withSurvey: boolean) {
  const calls = api(p, withSurvey);
  const mounted = await mountInApp(App, { path: `/forloeb/${p.id}/papirskema` });
  wrapper = mounted.wrapper;
  await flushPromises();
  await flushPromises();
  return { ...mounted, calls };
}

const choicesUnder = (host: HTMLElement, label: string) => {
  const field = [...host.querySelectorAll('.paper-field')].find((f) => f.querySelector('.paper-field__label')?.textContent?.trim() === label);
  return [...(field?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.trim());
};

describe('the paper form', () => {
  it('is made from the process: the plain intro, the three steps, the fields, the open areas and effects, the consent and where to hand it in', async () => {
    const { host } = await open(withPlainIntro, false);
    expect(host.querySelector('h1')?.textContent).toBe('Papirskema: AI i Gentofte Kommune');
    expect(document.title).toContain('Papirskema: AI i Gentofte Kommune');
    expect(host.querySelector('.paper-form__intro')?.textContent).toBe('Kommunen vil bruge AI. Fortæl os, hvor det kan hjælpe dig.');
    expect([...host.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Sådan gør du', 'Om dig', 'Din idé', 'Samtykke', 'Her afleverer du skemaet']);
    expect(host.querySelectorAll('.paper-form__steps li')).toHaveLength(3);
    const labels = [...host.querySelectorAll('.paper-field__label')].map((l) => l.textContent?.trim());
    expect(labels).toEqual(expect.arrayContaining(['Dit navn', 'Din e-mail eller dit telefonnummer', 'Overskrift på din idé', 'Din idé', 'Din idé sagt kort og enkelt', 'Er der noget, du er bekymret for?', 'Underskrift', 'Dato']));
    expect(text(host)).toContain('Kun hvis du vil have besked.');
    expect(text(host)).toContain('Højst 300 tegn.');
    expect(choicesUnder(host, 'Jeg er')).toEqual(['Borger', 'Erhvervsdrivende', 'Medarbejder i Gentofte Kommune']);
    // Retired areas and effects are not offered to new ideas, so not on paper either.
    expect(choicesUnder(host, 'Hvilket område handler idéen om?')).toEqual(['Børn og unge', 'Erhverv']);
    expect(choicesUnder(host, 'Hvad bliver bedre?')).toEqual(['Kvalitet', 'Hastighed']);
    expect(choicesUnder(host, 'Hvem får gavn af idéen?')).toHaveLength(4);
    expect(host.querySelector('.paper-consent__text')?.textContent).toBe(CONSENT_TEXT.da);
    expect(text(host)).toContain('Borgerservice på Gentofte Rådhus');
    // The lines and boxes are for the pen: hidden from screen readers, which hear how much room there is instead.
    for (const drawn of host.querySelectorAll('.paper-lines, .paper-box')) expect(drawn.getAttribute('aria-hidden')).toBe('true');
    expect(text(host)).toContain('Plads til at skrive: 12 linjer');
    expect(host.querySelector('.paper-section--survey')).toBeNull();
  });

  it('falls back to the summary without a plain intro, and prints with the browser', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { host } = await open(process, false);
    expect(host.querySelector('.paper-form__intro')?.textContent).toBe('Hvor og hvordan skal kommunen bruge AI?');
    buttonNamed(host, 'Udskriv')!.click();
    expect(print).toHaveBeenCalledOnce();
  });

  it("carries the survey's questions: a box per option and per point on the scale, lines for free text", async () => {
    const { host } = await open(process, true);
    const section = host.querySelector<HTMLElement>('.paper-section--survey')!;
    expect(section.querySelector('h2')?.textContent).toBe('Spørgeskema: Holdninger til AI');
    expect([...section.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Dine holdninger', 'Om dig']);
    expect(choicesUnder(section, 'Jeg har tillid til AI i kommunen')).toEqual(['1', '2', '3', '4', '5']);
    expect(choicesUnder(section, 'Hvor nyttigt er AI?')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(choicesUnder(section, 'Bruger du AI?')).toEqual(['Ja', 'Nej']);
    expect(choicesUnder(section, 'Hvor skal AI bruges?')).toEqual(['Skole', 'Ældrepleje', 'Sagsbehandling']);
    expect(text(section)).toContain('Sæt højst 2 kryds.');
    expect(text(section)).toContain('1 = Meget uenig til 5 = Meget enig');
    const long = [...section.querySelectorAll('.paper-field')].find((f) => f.textContent?.includes('Hvad bekymrer dig?'))!;
    expect(long.querySelectorAll('.paper-lines__line')).toHaveLength(6);
    // The survey comes before the consent, which closes the form.
    const h2s = [...host.querySelectorAll('h2')].map((h) => h.textContent);
    expect(h2s.indexOf('Spørgeskema: Holdninger til AI')).toBeLessThan(h2s.indexOf('Samtykke'));
  });

  it('in English marks the texts that have only Danish with lang="da"', async () => {
    const { host } = await open(process, false);
    await setLocale('en');
    await flushPromises();
    expect(host.querySelector('h1')?.textContent).toBe('Paper form: AI in Gentofte Municipality');
    expect(host.querySelector('h1')?.getAttribute('lang')).toBeNull();
    const erhverv = [...host.querySelectorAll('li span')].find((s) => s.textContent === 'Erhverv');
    expect(erhverv?.getAttribute('lang')).toBe('da');
    const children = [...host.querySelectorAll('li span')].find((s) => s.textContent === 'Children and young people');
    expect(children?.getAttribute('lang')).toBeNull();
    expect(host.querySelector('.paper-consent__text')?.textContent).toBe(CONSENT_TEXT.en);
    expect(host.querySelector('.paper-form__intro')?.getAttribute('lang')).toBe('da');
  });

  it('says so when the process does not exist', async () => {
    stubApi(() => problem(404, 'Ikke fundet'));
    const mounted = await mountInApp(App, { path: '/forloeb/findes-ikke/papirskema' });
    wrapper = mounted.wrapper;
    await flushPromises();
    expect(mounted.host.querySelector('h1')?.textContent).toBe('Forløbet findes ikke');
  });
});

describe('plain Danish', () => {
  const leaves = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? v.split(' | ') : leaves(v)));
  it('keeps every sentence on the paper form and the claim page under 20 words', () => {
    const texts = leaves(paperDa);
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.flatMap((s) => longSentences(s))).toEqual([]);
  });
});
