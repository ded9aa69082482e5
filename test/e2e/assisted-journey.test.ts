import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { normaliseClaimCode } from '#shared/rules/assisted';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { fillProfile, signIn as signInAs, signUp, uniqueEmail } from '../helpers/journey';
import { TestStack } from '../helpers/stack';

/**
 * The assisted journey in the built SPA against a whole local stack (issue 15): an assistant at
 * Borgerservice signs in, looks a citizen up (not found), registers them (refused without consent,
 * then with it), submits an idea for them and gets the receipt with a claim code; the receipt prints
 * alone. Then the citizen makes an account of their own, types the code on Min side → "Hent bidrag",
 * and finds the idea among their own ideas; its public page says it came in through Borgerservice.
 * Axe 0 on every screen, the receipt also at 320 px; screenshots in /tmp/shots-assisted/journey-*.png.
 */
const PROCESS = 'ai-i-gentofte';
const SHOTS = '/tmp/shots-assisted';
const CITIZEN = 'Grethe Testesen';
const IDEA = {
  title: 'Hjælp til at udfylde skemaer på biblioteket',
  body: 'Jeg har svært ved at udfylde skemaer på nettet. En AI kunne stille mig spørgsmålene ét ad gangen, mens en bibliotekar sidder ved siden af.',
};

let stack: TestStack;
let session: BrowserSession;
let assistant: Awaited<ReturnType<TestStack['user']>>;
/** What the receipt said, for the second half. */
let code = '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  assistant = await stack.user({ role: 'assistant', type: 'employee', name: 'Bodil Borgerservice' });
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Waits for the h1 and the spinners to go; axe 0; a screenshot (full page) in the shots folder. */
async function checkPage(page: Page, heading: string | RegExp, shot: string) {
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect({ page: shot, violations: await axeViolations(page) }).toEqual({ page: shot, violations: [] });
  await page.screenshot({ path: screenshotPath(shot), fullPage: true });
  copyFileSync(screenshotPath(shot), `${SHOTS}/${shot}`);
}

/** Nothing sticks out sideways at 320 px (WCAG reflow), named when it does. */
async function fitsAt320(page: Page, name: string) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  const wide = await page.evaluate(() =>
    document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth
      ? []
      : [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className}`),
  );
  expect({ page: name, wide }).toEqual({ page: name, wide: [] });
  await page.setViewportSize(size);
}

describe('assisted participation in the browser', () => {
  it('lets an assistant look a citizen up, register them with consent, submit an idea for them and print the receipt', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent('/arbejdsrum/assisteret')}`);
    await signInAs(page, assistant.email, assistant.password);
    await page.waitForURL((url) => url.pathname === '/arbejdsrum/assisteret');
    await page.goto(`${stack.info.webUrl}/arbejdsrum/assisteret?forloeb=${PROCESS}`);
    await checkPage(page, 'Hjælp en borger', 'journey-1-lookup.png');

    // 1. Look the citizen up first: not found, so the form for a new citizen opens with the name.
    await page.getByLabel('Navn, e-mail eller telefonnummer').fill(CITIZEN);
    await page.getByRole('search').getByRole('button', { name: 'Søg' }).click();
    await page.getByRole('status').filter({ hasText: `Ingen borgere passer på "${CITIZEN}"` }).waitFor();
    const form = page.getByTestId('assisted-register');
    expect(await form.getByLabel('Borgerens navn').inputValue()).toBe(CITIZEN);
    await form.getByLabel('Telefonnummer (valgfri)').fill('39 98 00 00');
    await form.getByLabel('Fremmøde i Borgerservice').check();

    // 2. Without the consent box nothing is stored.
    await form.getByRole('button', { name: 'Opret borgeren' }).click();
    await form.getByText('Borgeren skal give samtykke, før noget gemmes').first().waitFor();
    await checkPage(page, 'Hjælp en borger', 'journey-2-consent-missing.png');
    const none = await stack.api(`/processes/${PROCESS}/assisted/persons?q=${encodeURIComponent(CITIZEN)}`, { token: assistant.token });
    expect(none.json).toEqual({ items: [] });

    // 3. The consent read aloud and ticked: the citizen is registered, and their page opens.
    await form.getByLabel('Borgeren har sagt ja').check();
    await form.getByRole('button', { name: 'Opret borgeren' }).click();
    await page.waitForURL((url) => url.pathname.startsWith(`/arbejdsrum/assisteret/${PROCESS}/borger/`));
    await checkPage(page, CITIZEN, 'journey-3-citizen.png');

    // 4. An idea for them, through the visit's channel.
    await page.getByRole('button', { name: 'Del en idé for borgeren' }).click();
    const idea = page.getByTestId('assisted-idea');
    await idea.getByLabel('Overskrift').fill(IDEA.title);
    await idea.getByLabel('Beskriv idéen').fill(IDEA.body);
    await idea.getByLabel('Område').selectOption('borgerservice-administration');
    await idea.getByLabel('Bedre service').check();
    await idea.getByRole('group', { name: 'Hvem gavner det?' }).getByLabel('Borgere', { exact: true }).check();
    await checkPage(page, CITIZEN, 'journey-4-idea-form.png');
    await idea.getByRole('button', { name: 'Del idéen' }).click();

    // 5. The receipt: what was submitted, where to follow it, and the claim code.
    await page.waitForURL((url) => url.pathname === '/arbejdsrum/assisteret/kvittering');
    await checkPage(page, 'Kvittering', 'journey-5-receipt.png');
    const receipt = page.getByTestId('receipt');
    expect(await receipt.innerText()).toContain(IDEA.title);
    // Shown in three groups of four (read aloud and copied group by group).
    const groups = await page.getByTestId('receipt-code').locator('span').allInnerTexts();
    expect(groups.map((g) => g.trim())).toEqual([expect.stringMatching(/^[0-9A-Z]{4}$/), expect.stringMatching(/^[0-9A-Z]{4}$/), expect.stringMatching(/^[0-9A-Z]{4}$/)]);
    code = groups.map((g) => g.trim()).join('-');
    await fitsAt320(page, 'receipt');

    // 6. Printed: only the receipt shows (no header, menu, heading or buttons), on one A4 page.
    await page.emulateMedia({ media: 'print' });
    expect(await receipt.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Udskriv kvittering' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1, name: 'Kvittering' }).isVisible()).toBe(false);
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await page.getByRole('navigation').filter({ visible: true }).count()).toBe(0);
    expect(await page.getByTestId('receipt-code').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/journey-6-receipt-printed.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${SHOTS}/journey-receipt.pdf`, pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });

    // Every act is audited with the assistant and the channel; the idea carries the channel.
    const found = await stack.api(`/processes/${PROCESS}/assisted/persons?q=${encodeURIComponent(CITIZEN)}`, { token: assistant.token });
    const person = await stack.api(`/processes/${PROCESS}/assisted/persons/${found.json.items[0].id}`, { token: assistant.token });
    expect(person.json).toMatchObject({ name: CITIZEN, claimed: false, consent: { assistantName: 'Bodil Borgerservice', channel: 'assisted-in-person' } });
    expect(person.json.ideas).toEqual([expect.objectContaining({ title: IDEA.title, channel: 'assisted-in-person' })]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('lets the citizen claim the idea into a new account with the code, and shows where it came from', async () => {
    expect(normaliseClaimCode(code)).toBeDefined();
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(stack.info.webUrl);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const email = uniqueEmail('grethe');
    await signUp(page, stack.stack, email);
    await signInAs(page, email);
    await fillProfile(page, CITIZEN);
    // No ideas of the account's own yet.
    expect(await page.getByRole('link', { name: IDEA.title }).count()).toBe(0);

    // Min side → "Hent bidrag": the code typed as people do (lower case, without dashes).
    await page.getByRole('link', { name: 'Hent bidrag fra en kvittering' }).click();
    await page.waitForURL((url) => url.pathname === '/min-side/hent-bidrag');
    await checkPage(page, 'Hent dine bidrag', 'journey-7-claim.png');
    await page.getByLabel('Koden fra kvitteringen').fill(code.replace(/-/g, '').toLowerCase());
    await page.getByTestId('claim-hint').filter({ hasText: `Koden ser rigtig ud: ${code}` }).waitFor();
    await page.getByRole('button', { name: 'Hent bidrag' }).click();
    const done = page.getByTestId('claim-result');
    await done.getByRole('heading', { name: 'Dine bidrag er flyttet' }).waitFor();
    expect(await done.innerText()).toContain('1 idé');
    await checkPage(page, 'Hent dine bidrag', 'journey-8-claimed.png');

    // The idea is now among the account's own on Min side.
    await done.getByRole('link', { name: 'Se dine bidrag på Min side' }).click();
    await page.getByRole('heading', { level: 1, name: `Hej ${CITIZEN}` }).waitFor();
    const mine = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Mine idéer' }) });
    await mine.getByRole('link', { name: IDEA.title }).waitFor();
    await checkPage(page, `Hej ${CITIZEN}`, 'journey-9-my-page.png');

    // Its public page says openly how it came in.
    await mine.getByRole('link', { name: IDEA.title }).click();
    await page.getByRole('heading', { level: 1, name: IDEA.title }).waitFor();
    await page.getByText('Indsendt via Borgerservice', { exact: true }).waitFor();
    await checkPage(page, IDEA.title, 'journey-10-idea-page.png');

    // The assistant sees the citizen as claimed: no more acts for them.
    const found = await stack.api(`/processes/${PROCESS}/assisted/persons?q=${encodeURIComponent(CITIZEN)}`, { token: assistant.token });
    expect(found.json.items).toEqual([expect.objectContaining({ name: CITIZEN, claimed: true })]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
