import { flushPromises, type VueWrapper } from '@vue/test-utils';
import axe from 'axe-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../frontend/src/App.vue';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { setLocale } from '../../frontend/src/modules/i18n';
import { json, mountInApp, problem, stubApi, text } from './app';
import { process } from './fixtures';
import { adopted, adoptedId, ideaA, proposed, proposedId, RECS, register, report, revisit } from './recommendations-fixtures';

/**
 * The committee's recommendations and the follow-through register, as citizens see them (issue 16):
 * the list, one recommendation (status, rationale, weighted effects in words, linked ideas with votes,
 * the AI Act lens with each tag's plain explanation, the initiative and its progress newest first),
 * the register with standing and risk class, and the revisit's status report; axe 0 in both languages.
 */
let wrapper: VueWrapper | undefined;

beforeAll(() => import('../../frontend/src/pages/follow-up/pages'), 60_000);
beforeEach(async () => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  resetProcessCache();
  await setLocale('da', false);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

async function violations(root: Element) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

function api(options: { cloned?: boolean; list?: unknown[] } = {}) {
  return stubApi((url) => {
    if (url.pathname === '/config.json') return json({ apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'c', cognitoEndpoint: 'http://127.0.0.1:9229' });
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(options.cloned ? revisit : process);
    if (url.pathname === RECS) return json({ items: options.list ?? [adopted, proposed] });
    if (url.pathname === `${RECS}/${adoptedId}`) return json(adopted);
    if (url.pathname === `${RECS}/${proposedId}`) return json(proposed);
    if (url.pathname === '/api/processes/ai-i-gentofte/register') return json(register);
    if (url.pathname === '/api/processes/ai-i-gentofte/register/status-report') return json(options.cloned ? report : { processId: 'ai-i-gentofte', today: '2026-12-02', items: [] });
    if (url.pathname.startsWith('/api/ideas/')) return json({ ...proposed, id: ideaA });
    return problem(404, 'Ikke fundet');
  });
}

async function open(path: string) {
  const mounted = await mountInApp(App, { path });
  wrapper = mounted.wrapper;
  // The not-found page loads the follow-up's route table first (modules/lazy-routes.ts), then the page.
  await vi.waitFor(() => expect(mounted.host.querySelector('h1')).not.toBeNull(), { timeout: 10_000 });
  await flushPromises();
  return mounted;
}

describe('the list of recommendations', () => {
  it('lists each recommendation with its status and how many ideas it builds on, and links the register', async () => {
    api();
    const { host } = await open('/forloeb/ai-i-gentofte/anbefalinger');
    expect(host.querySelector('h1')?.textContent).toBe('Udvalgets anbefalinger');
    const items = [...host.querySelectorAll('[data-testid="recommendation-list"] > li')];
    expect(items.map((i) => i.querySelector('h2')?.textContent?.trim())).toEqual(['Chatbot til spørgsmål om affald', 'Hjælp til at sortere post']);
    expect(text(items[0]!)).toContain('Vedtaget af det politiske udvalg');
    expect(text(items[0]!)).toContain('Bygger på 2 idéer');
    expect(text(items[1]!)).toContain('Foreslået af udvalget');
    expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe(`/forloeb/ai-i-gentofte/anbefalinger/${adoptedId}`);
    expect([...host.querySelectorAll('a')].some((a) => a.getAttribute('href') === '/forloeb/ai-i-gentofte/opfoelgning')).toBe(true);
    expect(await violations(host)).toEqual([]);
  });

  it('says so when the committee has written none', async () => {
    api({ list: [] });
    const { host } = await open('/forloeb/ai-i-gentofte/anbefalinger');
    expect(text(host)).toContain('Udvalget har ikke skrevet nogen anbefalinger endnu.');
  });
});

describe('one recommendation', () => {
  it('shows status, rationale as paragraphs, effects in words, ideas with votes, the lens explained and the initiative with progress newest first', async () => {
    api();
    const { host } = await open(`/forloeb/ai-i-gentofte/anbefalinger/${adoptedId}`);
    expect(host.querySelector('h1')?.textContent).toBe('Chatbot til spørgsmål om affald');
    expect(document.title).toContain('Chatbot til spørgsmål om affald');
    expect(host.querySelector('[data-testid="recommendation-status"]')?.textContent).toContain('Vedtaget af det politiske udvalg');
    const rationale = host.querySelector('[aria-labelledby="rationale-heading"]')!;
    expect([...rationale.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Mange borgere spørger om det samme.', 'En chatbot kan svare døgnet rundt.']);
    const rows = [...host.querySelectorAll('[data-testid="effect-weights"] tbody tr')].map((r) => text(r).trim());
    expect(rows).toEqual(['Kvalitet Nogen', 'Hastighed Stor']);
    const ideas = [...host.querySelectorAll('[data-testid="linked-ideas"] li')];
    expect(ideas[0]!.querySelector('a')?.getAttribute('href')).toBe(`/forloeb/ai-i-gentofte/ideer/${ideaA}`);
    expect(text(ideas[0]!)).toContain('12 stemmer');
    expect(text(ideas[1]!)).toContain('1 stemme');
    const lens = host.querySelector('[data-testid="ai-lens"]')!;
    const tags = [...lens.querySelectorAll('details')];
    expect(tags.map((d) => d.querySelector('summary')?.textContent?.trim())).toEqual([
      'Højrisiko efter AI-forordningen (bilag III): Adgang til offentlige ydelser og vigtige tjenester',
      'Konsekvensanalyse (DPIA) nødvendig',
    ]);
    expect(tags[1]!.querySelector('p')?.textContent).toContain('konsekvensanalyse');
    // The ethics note is text: its markup shows as typed, never as HTML.
    expect(lens.querySelector('b')).toBeNull();
    expect(text(lens)).toContain('<b>Husk</b> borgere uden MitID.');
    const facts = host.querySelector('[data-testid="initiative-facts"]')!;
    expect(text(facts)).toContain('Digitalisering og IT');
    expect(text(facts)).toContain('I gang');
    expect(host.querySelector('[data-testid="risk"]')?.textContent).toContain('Højrisiko');
    const progress = [...host.querySelectorAll('[data-testid="progress"] li')].map((li) => text(li));
    expect(progress[0]).toContain('Chatbotten er sat i drift.');
    expect(progress[1]).toContain('Første udgave er afprøvet.');
    expect(await violations(host)).toEqual([]);
  });

  it('says a proposed one is not assessed and has no initiative, and links the register', async () => {
    api();
    const { host } = await open(`/forloeb/ai-i-gentofte/anbefalinger/${proposedId}`);
    expect(text(host)).toContain('Ikke vurderet endnu.');
    expect(text(host)).toContain('Udvalget har ikke vurderet effekten endnu.');
    expect(host.querySelector('[data-testid="initiative-facts"]')).toBeNull();
    expect(text(host)).toContain('Log ind for at følge med');
    expect([...host.querySelectorAll('a')].some((a) => a.getAttribute('href') === '/forloeb/ai-i-gentofte/opfoelgning')).toBe(true);
  });

  it('says when there is no such recommendation', async () => {
    api();
    const { host } = await open('/forloeb/ai-i-gentofte/anbefalinger/01JREC00000000000000000099');
    expect(host.querySelector('h1')?.textContent).toBe('Anbefalingen findes ikke');
  });

  it('is in English for an English reader, axe 0', async () => {
    api();
    const { host } = await open(`/forloeb/ai-i-gentofte/anbefalinger/${adoptedId}`);
    await setLocale('en', false);
    await flushPromises();
    expect(host.querySelector('[data-testid="recommendation-status"]')?.textContent).toContain('Adopted by the political committee');
    expect(text(host)).toContain('Why the committee recommends it');
    expect(text(host)).toContain('High-risk under the AI Act (Annex III)');
    expect(text(host)).toContain('Large');
    expect(await violations(host)).toEqual([]);
  });
});

describe('the register and the status report', () => {
  it('shows each adopted recommendation with owner, period, state, standing and risk class, progress newest first', async () => {
    api();
    const { host } = await open('/forloeb/ai-i-gentofte/opfoelgning');
    expect(host.querySelector('h1')?.textContent).toBe('Opfølgning på anbefalingerne');
    const item = host.querySelector('[data-testid="register"] > li')!;
    expect(item.id).toBe(`r-${adoptedId}`);
    // Its end date (2026-06-30) passed before the register's day (2026-12-02) while in progress: late.
    expect(item.querySelector('[data-testid="standing"]')?.textContent).toBe('Forsinket');
    expect(text(item)).toContain('Digitalisering og IT');
    expect(text(item)).toContain('1. januar 2026 til 30. juni 2026');
    expect(item.querySelector('[data-testid="risk"]')?.textContent).toContain('Højrisiko efter AI-forordningen');
    expect(text(item.querySelector('[data-testid="progress"] li')!)).toContain('Chatbotten er sat i drift.');
    // Not a revisit: no status report.
    expect([...host.querySelectorAll('a')].some((a) => a.getAttribute('href')?.endsWith('/statusrapport'))).toBe(false);
    expect(await violations(host)).toEqual([]);
    await setLocale('en', false);
    await flushPromises();
    expect(item.querySelector('[data-testid="standing"]')?.textContent).toBe('Late');
    expect(await violations(host)).toEqual([]);
  });

  it('links the status report in a revisit, which shows each earlier initiative as it stands, printable', async () => {
    api({ cloned: true });
    const { host, router } = await open('/forloeb/ai-i-gentofte/opfoelgning');
    const link = [...host.querySelectorAll('a')].find((a) => a.getAttribute('href') === '/forloeb/ai-i-gentofte/opfoelgning/statusrapport');
    expect(link).toBeDefined();
    await router.push('/forloeb/ai-i-gentofte/opfoelgning/statusrapport');
    await flushPromises();
    await flushPromises();
    expect(host.querySelector('h1')?.textContent).toBe('Statusrapport');
    expect(text(host)).toContain('«AI i Gentofte 2024»');
    const item = host.querySelector('[data-testid="status-report-item"]')!;
    expect(item.querySelector('[data-testid="standing"]')?.textContent).toBe('Gennemført');
    expect(text(item)).toContain('Krav om åbenhed efter AI-forordningen');
    expect(text(item)).toContain('2 opdateringer');
    expect(text(item)).toContain('Chatbotten er sat i drift.');
    const print = vi.fn();
    vi.stubGlobal('print', print);
    [...host.querySelectorAll('button')].find((b) => b.textContent?.includes('Udskriv'))!.click();
    expect(print).toHaveBeenCalled();
    expect(await violations(host)).toEqual([]);
  });

  it('says a process that is not a revisit has no status report', async () => {
    api();
    const { host } = await open('/forloeb/ai-i-gentofte/opfoelgning/statusrapport');
    expect(text(host)).toContain('Dette forløb er ikke en opfølgning på en tidligere runde.');
  });
});
