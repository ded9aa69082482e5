import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { signingKey } from '#functions/adapters/dynamodb/signing-key';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { signUnsubscribe } from '#functions/domain/follows/unsubscribe-token';
import { startStack } from '#local/stack';
import { at } from '../helpers/assisted-persons';
import { collectPageErrors, launchBrowser, type BrowserSession } from '../helpers/browser';
import type { User } from '../helpers/participation';
import { aRecommendation, createRecommendation, processWithIdeas, setStatus } from '../helpers/recommendations';
import { TestStack } from '../helpers/stack';

/**
 * The follow-up's public pages in the built SPA against a whole local stack (issue 16). Through the
 * API the committee writes a recommendation on two ideas, tags it and one idea with the AI Act lens,
 * has it adopted and gives it an initiative with two progress updates. In the browser, signed out:
 * the process page's links, the list, the recommendation, the register, in Danish and English with
 * axe 0 and nothing sideways at 320 px. Signed in: a citizen follows the idea with the keyboard alone
 * (aria-pressed), finds it on Min side under "Mails fra Deltag" and stops it there. Unsubscribing from
 * a mail's link with the keyboard, signed out, turns the digest off. Screenshots in /tmp/shots16/.
 */
const PID = 'opfoelgning-e2e';
const SHOTS = '/tmp/shots16';
let stack: TestStack;
let session: BrowserSession;
let citizen: User;
let ideas: string[];
let recId: string;

const ok = (r: { status: number; json: unknown }, status: number) => expect(r.status, JSON.stringify(r.json)).toBe(status);
const day = (days: number) => at(days).slice(0, 10);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  const [admin, moderator, committee, author] = await Promise.all([
    stack.user({ role: 'admin', name: 'Ada Admin' }),
    stack.user({ role: 'moderator', name: 'Moderator Mads' }),
    stack.user({ role: 'committee', name: 'Udvalgsmedlem Ulla' }),
    stack.user({ name: 'Idéforfatter Ida' }),
  ]);
  citizen = await stack.user({ name: 'Borger Bo' });
  ideas = await processWithIdeas(stack, PID, admin, moderator, author, 2);
  const R = `/processes/${PID}/recommendations`;
  let rec = await createRecommendation(stack, PID, committee, aRecommendation(ideas, { title: 'AI til at besvare spørgsmål i Borgerservice' }));
  recId = rec.id;
  const lens = { aiActCategory: 'high-risk', highRiskArea: 'essential-services', dpiaNeeded: true, ethicsNote: 'Borgeren skal altid kunne tale med et menneske.' };
  const lensed = await stack.api(`${R}/${rec.id}/ai-lens`, { method: 'PUT', token: moderator.token, body: { lens, expectedUpdatedAt: rec.updatedAt } });
  ok(lensed, 200);
  rec = await setStatus(stack, PID, committee, lensed.json as typeof rec, 'adopted', 'Vedtaget i Kultur-, Unge- og Fritidsudvalget.');
  ok(await stack.api(`${R}/${rec.id}/initiative`, { method: 'PUT', token: committee.token, body: { owner: 'Digitalisering og IT', startsOn: day(-30), endsOn: day(200), state: 'in-progress' } }), 200);
  ok(await stack.api(`${R}/${rec.id}/progress`, { method: 'POST', token: committee.token, body: { on: day(-20), text: 'Projektgruppen er sat.' } }), 201);
  ok(await stack.api(`${R}/${rec.id}/progress`, { method: 'POST', token: committee.token, body: { on: day(-1), text: 'Første prøve i Borgerservice er i gang.' } }), 201);
  const idea = await stack.api(`/ideas/${ideas[0]}`);
  ok(await stack.api(`/ideas/${ideas[0]}/ai-lens`, { method: 'PUT', token: moderator.token, body: { lens: { aiActCategory: 'transparency', digitalExclusion: true }, expectedUpdatedAt: idea.json.updatedAt } }), 200);
}, 240_000);

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Waits for the h1 and the spinners to go; then axe, nothing sideways at 320 px, and screenshots at 1280 and 320 px. */
async function checkPage(page: Page, heading: string | RegExp, name: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  const fits = await page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth);
  expect({ page: name, width: 320, fits }).toEqual({ page: name, width: 320, fits: true });
  expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
  await page.screenshot({ path: `${SHOTS}/${name}-320.png`, fullPage: true });
  await page.setViewportSize(size);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function signIn(page: Page, user: User, next: string) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === next.split(/[?#]/)[0]);
}

/** Presses Tab until `selector` has focus (at most 80 times). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`never reached ${selector} with Tab`);
}

describe('the recommendations and the register, signed out', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`reads the process's links, the list, the recommendation and the register (${lang}), axe 0 at 1280 and 320 px`, async () => {
      const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
      if (lang === 'en') await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
      const errors = collectPageErrors(page);
      const en = lang === 'en';
      await page.goto(`${stack.info.webUrl}/forloeb/${PID}`);
      const links = page.locator('[data-testid="follow-up-links"]');
      await links.getByRole('link', { name: en ? "The committee's recommendations" : 'Udvalgets anbefalinger' }).click();
      await checkPage(page, en ? "The committee's recommendations" : 'Udvalgets anbefalinger', `recommendations-${lang}`);
      await page.getByRole('link', { name: 'AI til at besvare spørgsmål i Borgerservice' }).click();
      await checkPage(page, 'AI til at besvare spørgsmål i Borgerservice', `recommendation-${lang}`);
      expect(await page.locator('[data-testid="recommendation-status"]').innerText()).toContain(en ? 'Adopted by the political committee' : 'Vedtaget af det politiske udvalg');
      expect(await page.locator('[data-testid="effect-weights"]').innerText()).toContain(en ? 'Large' : 'Stor');
      expect(await page.locator('[data-testid="linked-ideas"] li').count()).toBe(2);
      // A lens tag opens its explanation with the keyboard (a native <details>).
      const summary = page.locator('[data-testid="ai-lens"] summary').first();
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-testid="ai-lens"] details').first().getAttribute('open')).not.toBeNull();
      expect(await page.locator('[data-testid="progress"] li').first().innerText()).toContain('Første prøve i Borgerservice er i gang.');
      await page.getByRole('link', { name: en ? 'See the recommendation in the follow-up' : 'Se anbefalingen i opfølgningen' }).click();
      await checkPage(page, en ? 'Follow-up on the recommendations' : 'Opfølgning på anbefalingerne', `register-${lang}`);
      const item = page.locator('[data-testid="register"] > li').first();
      expect(await item.locator('[data-testid="standing"]').innerText()).toBe(en ? 'On track' : 'Følger planen');
      expect(await item.locator('[data-testid="risk"]').innerText()).toContain(en ? 'High-risk under the AI Act' : 'Højrisiko efter AI-forordningen');
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }
});

describe('following, signed in', () => {
  it('follows the idea with the keyboard, sees it on Min side under Mails fra Deltag, and stops it there', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const ideaPath = `/forloeb/${PID}/ideer/${ideas[0]}`;
    await signIn(page, citizen, ideaPath);
    const button = page.locator('[data-testid="follow-button"]');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('[data-testid="taken-up"]').innerText()).toContain('Taget op i anbefaling: AI til at besvare spørgsmål i Borgerservice');
    await checkPage(page, /Idé nummer 1/, 'idea-follow-da');
    await tabTo(page, '[data-testid="follow-button"]');
    await page.keyboard.press('Space');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-testid="follow-state"]').innerText()).toContain('Du har selv valgt at følge den.');
    const state = await stack.api(`/ideas/${ideas[0]}/follow`, { token: citizen.token });
    expect(state.json).toEqual({ following: true, reason: 'explicit' });
    await page.screenshot({ path: `${SHOTS}/idea-followed-da.png`, fullPage: true });

    await page.goto(`${stack.info.webUrl}/min-side`);
    const row = page.locator('[data-testid="my-follow"]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await page.locator('[data-testid="mail-settings"] input[value="weekly"]').isChecked()).toBe(true);
    await page.locator('[data-testid="mail-settings"]').scrollIntoViewIfNeeded();
    await checkPage(page, /Borger Bo/, 'my-mails-da');
    await tabTo(page, '[data-testid="my-follow"] button');
    await page.keyboard.press('Enter');
    await page.getByText('Du har ikke selv valgt at følge noget endnu.').waitFor();
    expect((await stack.api(`/ideas/${ideas[0]}/follow`, { token: citizen.token })).json).toEqual({ following: false });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('unsubscribing from a mail, signed out', () => {
  it('explains, unsubscribes with the keyboard, and the digest is off; a changed link is refused in plain words (da and en, axe 0)', async () => {
    const key = await signingKey(createDocumentClient(stack.info.dynamodbEndpoint), mainTable.localName).get();
    const token = signUnsubscribe(key, citizen.userId, 'digest');
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/afmeld?token=${token}`);
    await checkPage(page, 'Afmeld mails', 'unsubscribe-da');
    await tabTo(page, '[data-testid="unsubscribe-button"]');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="unsubscribe-done"]').waitFor();
    expect(await page.locator('[data-testid="unsubscribe-done"]').innerText()).toContain('Du er afmeldt.');
    await page.screenshot({ path: `${SHOTS}/unsubscribed-da.png`, fullPage: true });
    expect((await stack.api('/me/mail-settings', { token: citizen.token })).json).toMatchObject({ digest: 'never' });

    const en = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await en.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    const errorsEn = collectPageErrors(en);
    await en.goto(`${stack.info.webUrl}/afmeld?token=${token.slice(0, -2)}xx`);
    await checkPage(en, 'Unsubscribe from mails', 'unsubscribe-en');
    await en.getByRole('button', { name: 'Unsubscribe' }).click();
    expect(await en.locator('[data-testid="unsubscribe-error"]').innerText()).toContain('The link does not work.');
    await en.screenshot({ path: `${SHOTS}/unsubscribe-refused-en.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(errorsEn).toEqual([]);
    await page.close();
    await en.close();
  }, 120_000);
});
