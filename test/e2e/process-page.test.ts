import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStack } from '#local/stack';
import type { IdeaList, IdeaListItem } from '#shared/schemas/idea';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';

/**
 * The built SPA (frontend/dist, made by `npm run build:web`) against a full local stack seeded with
 * the first process and the demo ideas, in the system Chromium.
 */
let stack: RunningStack | undefined;
let session: BrowserSession | undefined;
let newest: IdeaListItem;

beforeAll(async () => {
  stack = await startStack({ ports: 'auto', seed: 'demo' });
  session = await launchBrowser();
  const response = await fetch(`${stack.info.apiUrl}/processes/ai-i-gentofte/ideas?limit=1`);
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as IdeaList;
  expect(items).toHaveLength(1);
  newest = items[0]!;
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function openFrontPage(width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await session!.newPage({ viewport: { width, height: 900 } });
  const errors = collectPageErrors(page);
  await page.goto(stack!.info.webUrl);
  await page.getByRole('heading', { level: 1, name: 'AI i Gentofte Kommune' }).waitFor();
  await page.getByRole('heading', { level: 3, name: newest.title, exact: true }).waitFor();
  return { page, errors };
}

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  // Ids and offending nodes only, so a failure says what to fix.
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

describe('the front page', () => {
  it.each([1280, 375])('shows the process and its newest ideas with no axe violations at %i px', async (width) => {
    const { page, errors } = await openFrontPage(width);

    expect(await page.title()).toBe('AI i Gentofte Kommune – Deltag – Gentofte Kommune');
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    const card = page.locator('article', { has: page.getByRole('heading', { name: newest.title, exact: true }) });
    expect(await card.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2, name: 'Forløbets faser' }).isVisible()).toBe(true);
    expect(await page.getByText('Børn og unge').first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Nothing sideways to scroll, at any width down to a phone's.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.screenshot({ path: screenshotPath(`process-page-${width}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('fits 320 px without horizontal scrolling', async () => {
    const { page, errors } = await openFrontPage(320);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(errors).toEqual([]);
  });

  it('works by keyboard: the skip link reaches the main content and "Vis flere" appends the next page', async () => {
    const { page, errors } = await openFrontPage(1280);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til hovedindhold');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('indhold');

    const articles = page.locator('article');
    expect(await articles.count()).toBe(20);
    const more = page.getByRole('button', { name: 'Vis flere' });
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('article').length > 20);
    const focused = await page.evaluate(() => document.activeElement?.closest('article') === document.querySelectorAll('article')[20]);
    expect(focused).toBe(true);
    expect(errors).toEqual([]);
  });
});
