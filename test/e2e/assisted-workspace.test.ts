import { copyFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { aDefinition } from '../fixtures/process-definitions';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import type { User } from '../helpers/participation';
import { TestStack } from '../helpers/stack';

/**
 * The assistant's screens in the built SPA against a whole local stack: an assistant looks a citizen
 * up (nobody), registers them with consent, shares an idea for them and gets the receipt with a claim
 * code; votes for them; types a paper form in. The idea's public page carries its channel. Axe 0 and
 * nothing sideways at 320 px on each screen; screenshots in /tmp/shots-assisted/.
 */
const ID = 'assisteret-arbejdsrum';
const DAY = 24 * 60 * 60 * 1000;
const SHOTS = '/tmp/shots-assisted';
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let stack: TestStack;
let session: BrowserSession;
let assistant: User;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  let admin: User;
  [admin, assistant] = await Promise.all([stack.user({ role: 'admin', name: 'Ada Admin' }), stack.user({ role: 'assistant', name: 'Birgit Borgerservice' })]);
  const phases = [
    { kind: 'ideas', title: { da: 'Idéer', en: 'Ideas' }, startsAt: at(-1), endsAt: at(30) },
    { kind: 'closed', title: { da: 'Afsluttet', en: 'Closed' }, startsAt: at(30) },
  ];
  const created = await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition(ID, { phases: phases as never }) });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function check(page: Page, heading: string | RegExp, name: string, shot?: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect({ page: name, violations: violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })) }).toEqual({ page: name, violations: [] });
  if (shot) {
    await page.screenshot({ path: screenshotPath(shot), fullPage: true });
    copyFileSync(screenshotPath(shot), `${SHOTS}/${shot}`);
  }
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  const wide = await page.evaluate(() => document.scrollingElement!.scrollWidth > document.scrollingElement!.clientWidth);
  expect({ page: name, wide }).toEqual({ page: name, wide: false });
  await page.setViewportSize(size);
}

describe("the assistant's screens", () => {
  it('registers a citizen with consent, shares an idea and a vote for them, prints the receipt, and types in a paper form', async () => {
    const page = await session.newPage({ viewport: { width: 1100, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(`/arbejdsrum/assisteret?forloeb=${ID}`)}`);
    await page.getByLabel('E-mailadresse').fill(assistant.email);
    await page.getByLabel('Adgangskode', { exact: true }).fill(assistant.password);
    await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL((url) => url.pathname === '/arbejdsrum/assisteret');
    await expect(page.getByRole('navigation', { name: /arbejdsrum/i }).getByRole('link').allTextContents()).resolves.toEqual(['Arbejdsrum', 'Hjælp en borger']);

    await page.getByLabel('Navn, e-mail eller telefonnummer').fill('Jens Hansen');
    await page.getByRole('button', { name: 'Søg' }).click();
    await page.getByText('Ingen borgere passer på "Jens Hansen"').waitFor();
    await page.getByLabel('Telefonnummer (valgfri)').fill('39 98 12 34');
    await check(page, 'Hjælp en borger', 'lookup', 'e2e-workspace-lookup.png');
    await page.getByRole('button', { name: 'Opret borgeren' }).click();
    await page.getByText('Borgeren skal give samtykke, før noget gemmes').first().waitFor();
    await page.getByLabel('Borgeren har sagt ja').check();
    await page.getByRole('button', { name: 'Opret borgeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jens Hansen' }).waitFor();

    await page.getByRole('button', { name: 'Del en idé for borgeren' }).click();
    await page.getByLabel('Overskrift').fill('Hjælp til at søge om hjælpemidler');
    await page.getByLabel('Beskriv idéen').fill('En AI kan hjælpe ældre med at udfylde ansøgninger om hjælpemidler, så de får svar hurtigere.');
    await page.getByLabel('Område').selectOption({ index: 1 });
    await page.locator('#as-idea-effects').check();
    await page.getByLabel('Borgere', { exact: true }).check();
    await check(page, 'Jens Hansen', 'person', 'e2e-workspace-person.png');
    await page.getByRole('button', { name: 'Del idéen' }).click();
    await page.waitForURL((url) => url.pathname === '/arbejdsrum/assisteret/kvittering');
    await check(page, 'Kvittering', 'receipt', 'e2e-receipt.png');
    const receipt = page.getByTestId('receipt');
    await expect(receipt.getByRole('heading', { name: 'Tak, Jens Hansen' }).isVisible()).resolves.toBe(true);
    const code = (await page.getByTestId('receipt-code').textContent())!.replace(/\s+/g, '');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    const follow = (await page.getByTestId('receipt-follow').textContent())!;
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/e2e-receipt-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The idea's public page names the channel.
    const publicPage = await session.newPage();
    await publicPage.goto(new URL(new URL(follow).pathname, stack.info.webUrl).href);
    await publicPage.getByText('Indsendt via Borgerservice').first().waitFor();

    await page.getByRole('link', { name: 'Tilbage til borgeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jens Hansen' }).waitFor();
    await page.getByRole('button', { name: 'Stem for borgeren' }).click();
    await page.getByRole('button', { name: 'Stem på Hjælp til at søge om hjælpemidler' }).click();
    await page.getByRole('button', { name: 'Fjern stemmen på Hjælp til at søge om hjælpemidler' }).waitFor();
    await page.getByRole('button', { name: 'Udskriv kvittering for stemmerne' }).click();
    await page.getByText('Din stemme på: Hjælp til at søge om hjælpemidler').waitFor();

    await page.goto(`${stack.info.webUrl}/arbejdsrum/assisteret/${ID}/papir`);
    await page.getByLabel('Borgerens navn').fill('Else Marie Holm');
    await page.getByLabel('Samtykke givet på papirskemaet').check();
    await page.getByLabel('Overskrift').fill('Læs kommunens breve højt');
    await page.getByLabel('Beskriv idéen').fill('AI kan læse breve fra kommunen højt for folk, der ser dårligt.');
    await page.getByLabel('Område').selectOption({ index: 1 });
    await page.locator('#pp-idea-effects').check();
    await page.getByLabel('Borgere', { exact: true }).check();
    await check(page, 'Skriv et papirskema ind', 'paper', 'e2e-paper-typing.png');
    await page.getByRole('button', { name: 'Gem og skriv det næste' }).click();
    await page.getByTestId('paper-saved').waitFor();
    await expect(page.getByLabel('Borgerens navn').inputValue()).resolves.toBe('');
    expect(errors).toEqual([]);
  }, 240_000);
});
