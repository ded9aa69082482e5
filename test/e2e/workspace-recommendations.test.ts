import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { validIdea } from '../fixtures/ideas';
import { collectPageErrors, launchBrowser, type BrowserSession } from '../helpers/browser';
import { TestStack } from '../helpers/stack';

/**
 * The committee's workspace for issue 16 against the whole local stack: a committee member creates a
 * recommendation with weighted effects and an idea found by search, sets its AI lens, records its
 * adoption, sets its initiative and adds a progress update; then freezes the annex and sees version 1
 * with the hash the API stored. Axe 0 on both pages in Danish and English, nothing sideways at 320 px.
 * Screenshots in /tmp/shots16/.
 */
type User = Awaited<ReturnType<TestStack['user']>>;
const PROCESS = 'ai-i-gentofte';
const SHOTS = '/tmp/shots16';
const IDEA = 'AI der sorterer indgående post i Borgerservice';
const REC = 'AI-hjælp til at sortere post';

let stack: TestStack;
let session: BrowserSession;
let committee: User;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  let author: User;
  [committee, author] = await Promise.all([stack.user({ role: 'committee', name: 'Ulla Udvalg' }), stack.user({ name: 'Anna Forfatter' })]);
  const r = await stack.api(`/processes/${PROCESS}/ideas`, { method: 'POST', token: author.token, body: validIdea({ title: IDEA }) });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
}, 300_000);

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
/** Axe, nothing sideways at 320 px, a screenshot; then the same in English and back to Danish. */
async function check(page: Page, heading: string, english: string, shot: string) {
  for (const [locale, name] of [['da', heading], ['en', english]] as const) {
    await page.evaluate((l) => localStorage.setItem('deltag.locale', l), locale);
    await page.reload();
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
    expect({ shot, locale, violations: await axe(page) }).toEqual({ shot, locale, violations: [] });
    await page.screenshot({ path: `${SHOTS}/${shot}-${locale}.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    const wide = await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
    expect({ shot, locale, wide }).toEqual({ shot, locale, wide: 0 });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  // Back to Danish for whatever comes next (read at the next load).
  await page.evaluate(() => localStorage.setItem('deltag.locale', 'da'));
}

describe("the committee's recommendations and the frozen annex", () => {
  it('creates, assesses, adopts and tracks a recommendation, then freezes the annex', { timeout: 300_000 }, async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const process = (await stack.api(`/processes/${PROCESS}`)).json as { effects: { id: string; retired?: boolean }[] };
    const effect = process.effects.find((e) => !e.retired)!.id;
    const start = `/arbejdsrum/anbefalinger/ny`;
    await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(`${start}?forloeb=${PROCESS}`)}`);
    await page.getByLabel('E-mailadresse').fill(committee.email);
    await page.getByLabel('Adgangskode', { exact: true }).fill(committee.password);
    await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny anbefaling' }).waitFor();

    // 1. The recommendation: text, an effect weighted 3 (Stor), the idea found by search.
    await page.locator('#rec-title').fill(REC);
    await page.locator('#rec-rationale').fill('Borgerservice bruger mange timer på at sortere post. AI kan foreslå modtageren.');
    await page.locator(`label[for="rec-effects-${effect}-3"]`).click();
    await page.locator('#rec-idea-q').fill('sorterer');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Tilføj ${IDEA}` }).click();
    await page.getByRole('button', { name: 'Opret anbefaling' }).click();
    await page.getByText('Anbefalingen er oprettet.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Ret anbefaling' }).waitFor();
    const recId = new URL(page.url()).pathname.split('/').pop()!;

    // 2. The lens: high-risk in an Annex III area, DPIA needed.
    await page.locator('label[for="rec-lens-category-high-risk"]').click();
    await page.locator('#rec-lens-area').selectOption('essential-services');
    await page.locator('label[for="rec-lens-dpia"]').click();
    await page.getByRole('button', { name: 'Gem vurdering' }).click();
    await page.getByText('Vurderingen er gemt.').waitFor();

    // 3. Adopted by the political committee.
    await page.locator('label[for="rec-status-adopted"]').click();
    await page.locator('#rec-status-note').fill('Økonomiudvalget 3. december 2026, punkt 4');
    await page.getByRole('button', { name: 'Gem status' }).click();
    await page.getByText('Status er gemt: Vedtaget af det politiske udvalg.').waitFor();

    // 4. The initiative, then a progress update.
    await page.locator('#rec-init-owner').fill('Digitalisering og IT');
    await page.locator('#rec-init-startsOn').fill('2026-12-01');
    await page.locator('#rec-init-endsOn').fill('2027-06-30');
    await page.locator('#rec-init-state').selectOption('in-progress');
    await page.getByRole('button', { name: 'Gem initiativet' }).click();
    await page.getByText('Initiativet er gemt.').waitFor();
    await page.locator('#rec-progress-text').fill('Første afprøvning med to sagsbehandlere er i gang.');
    await page.getByRole('button', { name: 'Tilføj opdatering' }).click();
    await page.locator('[data-testid="rec-progress"]').getByText('Første afprøvning').waitFor();

    const saved = (await stack.api(`/processes/${PROCESS}/recommendations/${recId}`)).json as Record<string, unknown>;
    expect(saved).toMatchObject({
      title: REC,
      status: 'adopted',
      effects: { [effect]: 3 },
      aiLens: { aiActCategory: 'high-risk', highRiskArea: 'essential-services', dpiaNeeded: true },
      initiative: { owner: 'Digitalisering og IT', startsOn: '2026-12-01', endsOn: '2027-06-30', state: 'in-progress' },
    });
    expect((saved.ideas as { title: string }[]).map((i) => i.title)).toEqual([IDEA]);
    expect((saved.progress as { text: string }[]).map((p) => p.text)).toEqual(['Første afprøvning med to sagsbehandlere er i gang.']);
    await check(page, 'Ret anbefaling', 'Edit recommendation', 'workspace-recommendation');

    // 5. The annex: the recommendation in it; frozen as version 1 with its hash.
    await page.goto(`${stack.info.webUrl}/arbejdsrum/bilag?forloeb=${PROCESS}`);
    await page.getByRole('heading', { level: 1, name: 'Udvalgsbilag' }).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="annex-recommendation"]').getByText(REC).waitFor();
    await page.locator('#annex-journal').fill('00.01.00-P20-1-26');
    await page.getByRole('button', { name: 'Lås bilaget' }).click();
    await page.getByText('Version 1 er låst.').waitFor();
    const versions = (await stack.api(`/processes/${PROCESS}/annex/versions`, { token: committee.token })).json as { items: { version: number; sha256: string }[] };
    expect(versions.items.map((v) => v.version)).toEqual([1]);
    expect(await page.locator('[data-version="1"] code').textContent()).toBe(versions.items[0]!.sha256);
    await check(page, 'Udvalgsbilag', 'Committee annex', 'workspace-annex-frozen');
    expect(errors).toEqual([]);
  });
});
