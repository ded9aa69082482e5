import { copyFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { anIdea, assistedProcess, register } from '../helpers/assisted-persons';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import type { User } from '../helpers/participation';
import { TestStack } from '../helpers/stack';

/**
 * What every citizen sees of issue 15, in the built SPA against a whole local stack: an idea's
 * letlæst summary first, swapped for the full text by keyboard; the channel of an idea and a comment
 * an assistant typed in ("Indsendt via Borgerservice"); the seeded process's plain introduction
 * behind its button; the wizard's summary field with its counter. Axe 0 in Danish and English,
 * nothing sideways at 320 px; screenshots in /tmp/shots-assisted/.
 */
const PID = 'letlaest-e2e';
const SHOTS = '/tmp/shots-assisted';
const SUMMARY = 'AI kan skrive referater af møder. Så får alle dem hurtigere. Medarbejderne læser dem igennem.';

let stack: TestStack;
let session: BrowserSession;
let author: User;
let plainIdeaId: string;
let assistedIdeaId: string;

const ok = (r: { status: number; json: unknown }, status: number) => expect(r.status, JSON.stringify(r.json)).toBe(status);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  const [admin, moderator, assistant, karen] = await Promise.all([
    stack.user({ role: 'admin', name: 'Ada Admin' }),
    stack.user({ role: 'moderator', name: 'Mona Moderator' }),
    stack.user({ role: 'assistant', name: 'Bente fra Borgerservice' }),
    stack.user({ type: 'citizen', name: 'Karen Kort' }),
  ]);
  author = karen;
  await assistedProcess(stack, PID, admin, moderator);
  const plain = await stack.api(`/processes/${PID}/ideas`, {
    method: 'POST',
    token: author.token,
    body: {
      ...anIdea('AI skriver referater'),
      body: 'Referater af møder tager lang tid at skrive. En AI-model kunne lave et udkast ud fra en optagelse, som en medarbejder derefter retter og godkender.\n\nDet sparer tid, og borgerne får referaterne hurtigere.',
      plainSummary: SUMMARY,
    },
  });
  ok(plain, 201);
  plainIdeaId = (plain.json as { id: string }).id;
  const personId = await register(stack, PID, assistant, { name: 'Jens Hansen' });
  const assisted = await stack.api(`/processes/${PID}/assisted/persons/${personId}/ideas`, {
    method: 'POST',
    token: assistant.token,
    body: { ...anIdea('Hjælp til at udfylde ansøgninger'), channel: 'assisted-in-person' },
  });
  ok(assisted, 201);
  assistedIdeaId = (assisted.json as { idea: { id: string } }).idea.id;
  const comment = await stack.api(`/processes/${PID}/assisted/persons/${personId}/comments`, {
    method: 'POST',
    token: assistant.token,
    body: { ideaId: plainIdeaId, body: 'Det lyder godt, hvis en medarbejder altid læser referatet.', channel: 'assisted-phone' },
  });
  ok(comment, 201);
}, 180_000);

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Axe, nothing sideways at 320 px; a screenshot at 1280 px when named. */
async function checkPage(page: Page, name: string, shot?: string) {
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  const fits = await page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth);
  expect({ page: name, width: 320, fits }).toEqual({ page: name, width: 320, fits: true });
  await page.setViewportSize(size);
  if (shot) {
    await page.screenshot({ path: screenshotPath(shot), fullPage: true });
    copyFileSync(screenshotPath(shot), `${SHOTS}/${shot}`);
  }
}

async function newPage(locale: 'da' | 'en' = 'da') {
  const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
  if (locale === 'en') await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
  return { page, errors: collectPageErrors(page) };
}

describe('an idea with a letlæst summary', () => {
  it('shows the summary first, and the keyboard swaps it for the full text and back', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${stack.info.webUrl}/forloeb/${PID}/ideer/${plainIdeaId}`);
    await page.getByRole('heading', { level: 1, name: 'AI skriver referater' }).waitFor();
    await expect(page.getByRole('heading', { level: 2, name: 'Letlæst' }).isVisible()).resolves.toBe(true);
    const region = page.locator('#idea-text');
    expect((await region.innerText()).trim()).toBe(SUMMARY);
    const toggle = page.getByRole('button', { name: 'Vis hele teksten' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await checkPage(page, 'idea-plain', 'idea-plain-summary.png');

    await toggle.focus();
    await page.keyboard.press('Enter');
    const back = page.getByRole('button', { name: 'Vis letlæst udgave' });
    await back.waitFor();
    expect(await back.getAttribute('aria-expanded')).toBe('true');
    expect(await region.innerText()).toContain('Referater af møder tager lang tid at skrive.');
    // The phone comment shows its channel in its header.
    await expect(page.locator('.comment .channel-note').innerText()).resolves.toBe('Indsendt via Borgerservice på telefon');
    // Remembered for the session: a reload keeps the full text.
    await page.reload();
    await page.getByRole('button', { name: 'Vis letlæst udgave' }).waitFor();
    await page.getByRole('button', { name: 'Vis letlæst udgave' }).press('Space');
    await page.getByRole('button', { name: 'Vis hele teksten' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('passes axe in English', async () => {
    const { page, errors } = await newPage('en');
    await page.goto(`${stack.info.webUrl}/forloeb/${PID}/ideer/${plainIdeaId}`);
    await page.getByRole('heading', { level: 2, name: 'Easy to read' }).waitFor();
    await checkPage(page, 'idea-plain-en');
    expect(errors).toEqual([]);
  });
});

describe('the channel of an assisted idea', () => {
  it('shows "Indsendt via Borgerservice" on its card and its page, in Danish and English', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${stack.info.webUrl}/forloeb/${PID}/ideer`);
    const card = page.locator('.idea-card', { has: page.getByRole('link', { name: 'Hjælp til at udfylde ansøgninger' }) });
    await card.waitFor();
    expect(await card.locator('.channel-note').innerText()).toBe('Indsendt via Borgerservice');
    const web = page.locator('.idea-card', { has: page.getByRole('link', { name: 'AI skriver referater' }) });
    expect(await web.locator('.channel-note').count()).toBe(0);
    await checkPage(page, 'ideas-channel');

    await page.goto(`${stack.info.webUrl}/forloeb/${PID}/ideer/${assistedIdeaId}`);
    await page.getByRole('heading', { level: 1, name: 'Hjælp til at udfylde ansøgninger' }).waitFor();
    expect(await page.locator('.idea-page__channel').innerText()).toBe('Indsendt via Borgerservice');
    await checkPage(page, 'idea-channel', 'idea-channel-label.png');

    const en = await newPage('en');
    await en.page.goto(`${stack.info.webUrl}/forloeb/${PID}/ideer/${assistedIdeaId}`);
    await en.page.locator('.idea-page__channel').waitFor();
    expect(await en.page.locator('.idea-page__channel').innerText()).toBe('Submitted through Citizen Service');
    await checkPage(en.page, 'idea-channel-en');
    expect([...errors, ...en.errors]).toEqual([]);
  }, 180_000);
});

describe("the seeded process's plain introduction", () => {
  it('opens behind "Læs en letlæst udgave", by keyboard, in Danish and English', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${stack.info.webUrl}/forloeb/ai-i-gentofte`);
    const open = page.getByRole('button', { name: 'Læs en letlæst udgave' });
    await open.waitFor();
    expect(await page.locator('#plain-intro-text').isVisible()).toBe(false);
    await open.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Letlæst udgave' }).waitFor();
    expect(await page.getByRole('button', { name: 'Skjul den letlæste udgave' }).getAttribute('aria-expanded')).toBe('true');
    await checkPage(page, 'process-plain', 'process-plain-intro.png');

    const en = await newPage('en');
    await en.page.goto(`${stack.info.webUrl}/forloeb/ai-i-gentofte`);
    await en.page.getByRole('button', { name: 'Read an easy-to-read version' }).click();
    await en.page.getByRole('heading', { level: 2, name: 'Easy-to-read version' }).waitFor();
    await checkPage(en.page, 'process-plain-en');
    expect([...errors, ...en.errors]).toEqual([]);
  }, 180_000);
});

describe("the wizard's summary field", () => {
  it('counts the characters left and passes axe', async () => {
    const { page, errors } = await newPage();
    const next = `/forloeb/${PID}/ideer/ny`;
    await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
    await page.getByLabel('E-mailadresse').fill(author.email);
    await page.getByLabel('Adgangskode', { exact: true }).fill(author.password);
    await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL((url) => url.pathname === next);
    await page.getByLabel('Overskrift').fill('AI læser høringssvar');
    await page.getByLabel('Beskrivelse').fill('Når mange skriver høringssvar, kan AI samle dem i grupper, så medarbejderne hurtigere får overblik.');
    await page.getByLabel('Letlæst resumé (valgfri)').fill('AI kan sortere høringssvar. Så får vi overblik hurtigere.');
    await expect(page.locator('.plain-summary-field__count').innerText()).resolves.toBe('Du har 243 tegn tilbage');
    await checkPage(page, 'wizard-plain', 'wizard-plain.png');
    expect(errors).toEqual([]);
  });
});
