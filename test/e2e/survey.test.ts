import { copyFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import type { SurveySave } from '#shared/schemas/survey';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { TestStack } from '../helpers/stack';

/**
 * The citizens' survey in the built SPA against a whole local stack: an admin gives the first
 * process a survey and opens its survey phase through the API; a citizen answers it with the
 * keyboard alone (Tab, arrow keys, Space, Enter), gets a receipt, and a second visit says it is
 * answered; once published, the results page shows the answer and withholds the small groups.
 * axe-core finds nothing on either page, in Danish and English, and both fit 320 px.
 */
const ID = 'ai-i-gentofte';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const definition: SurveySave = {
  title: { da: 'Holdninger til AI', en: 'Attitudes to AI' },
  intro: { da: 'Fortæl os, hvad du mener om AI i kommunen.', en: 'Tell us what you think of AI in the municipality.' },
  anonymous: true,
  sections: [
    {
      id: 'holdninger',
      title: { da: 'Dine holdninger', en: 'Your views' },
      questions: [
        { id: 'tillid', kind: 'likert', text: { da: 'Jeg har tillid til AI i kommunen', en: 'I trust AI in the municipality' }, required: true, lowLabel: { da: 'Meget uenig', en: 'Strongly disagree' }, highLabel: { da: 'Meget enig', en: 'Strongly agree' } },
        {
          id: 'omraader',
          kind: 'multiple',
          text: { da: 'Hvor skal AI bruges?', en: 'Where should AI be used?' },
          required: false,
          maxChoices: 2,
          options: [
            { id: 'skole', label: { da: 'Skole', en: 'School' } },
            { id: 'aeldre', label: { da: 'Ældrepleje', en: 'Elderly care' } },
            { id: 'sager', label: { da: 'Sagsbehandling', en: 'Casework' } },
          ],
        },
        { id: 'ord', kind: 'short-text', text: { da: 'Ét ord om AI', en: 'One word about AI' }, required: false, maxLength: 40 },
      ],
    },
    {
      id: 'om-dig',
      title: { da: 'Om dig', en: 'About you' },
      questions: [
        {
          id: 'alder',
          kind: 'single',
          demographic: 'age-band',
          text: { da: 'Din alder', en: 'Your age' },
          help: { da: 'Vi spørger for at se, om aldersgrupperne mener noget forskelligt.', en: 'We ask to see whether age groups differ.' },
          required: false,
          options: [
            { id: 'under-40', label: { da: 'Under 40', en: 'Under 40' } },
            { id: 'over-40', label: { da: '40 eller derover', en: '40 or over' } },
          ],
        },
      ],
    },
  ],
};

let stack: TestStack;
let session: BrowserSession;
let admin: Awaited<ReturnType<TestStack['user']>>;

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  admin = await stack.user({ role: 'admin', name: 'Ada Admin' });
  // The seed may have given the process a survey already: this one replaces it (nothing is answered yet).
  const seeded = await stack.api(`/processes/${ID}/survey`);
  const expected = seeded.status === 200 ? { expectedUpdatedAt: seeded.json.updatedAt as string } : {};
  const saved = await stack.api(`/processes/${ID}/survey`, { method: 'PUT', token: admin.token, body: { ...definition, ...expected } });
  expect(saved.status).toBe(200);
  // The survey phase opens an hour ago; the process closes after it.
  const process = (await stack.api(`/processes/${ID}`)).json;
  const now = Date.now();
  const patched = await stack.api(`/processes/${ID}`, {
    method: 'PATCH',
    token: admin.token,
    body: {
      expectedUpdatedAt: process.updatedAt,
      phases: [
        { kind: 'survey', title: { da: 'Spørgeskema', en: 'Survey' }, startsAt: new Date(now - HOUR).toISOString(), endsAt: new Date(now + 20 * DAY).toISOString() },
        { kind: 'closed', title: { da: 'Afsluttet', en: 'Closed' }, startsAt: new Date(now + 20 * DAY).toISOString() },
      ],
    },
  });
  expect(patched.status).toBe(200);
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** axe, 320 px and screenshots (also to /tmp/shots-survey/ for the report). */
async function checkPage(page: Page, heading: string | RegExp, shot: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect({ page: shot, violations: await axeViolations(page) }).toEqual({ page: shot, violations: [] });
  const size = page.viewportSize()!;
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    expect({ page: shot, width, fits: await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth) }).toEqual({ page: shot, width, fits: true });
    const path = screenshotPath(`${shot}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    copyFileSync(path, `/tmp/shots-survey/${shot}-${width}.png`);
  }
  await page.setViewportSize(size);
}

/** Presses Tab until the focused element matches `selector` (fails after 80 presses). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}
const checked = (page: Page, id: string) => page.locator(`#${id}`).isChecked();

describe('the survey, answered by keyboard', () => {
  it('is answered section by section with the keyboard alone, gives a receipt, and says answered on a second visit', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/forloeb/${ID}/spoergeskema`);
    await checkPage(page, 'Holdninger til AI', 'survey-intro');

    await tabTo(page, 'button.button');
    await page.keyboard.press('Enter');
    await page.getByText('Del 1 af 2').waitFor();
    await checkPage(page, 'Dine holdninger', 'survey-section-1');

    // Next without the required answer: the error summary takes focus and links to the question.
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.locator('.error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.locator('.error-summary').innerText()).toContain('Jeg har tillid til AI i kommunen: Besvar dette spørgsmål');
    await checkPage(page, 'Dine holdninger', 'survey-section-1-errors');

    // The Likert scale: into the group, then the arrow keys choose 4.
    await tabTo(page, '#q-tillid-0');
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await checked(page, 'q-tillid-3')).toBe(true);
    // Two boxes at most: the third cannot be reached or ticked.
    await tabTo(page, '#q-omraader-0');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.locator('#q-omraader-2').isDisabled()).toBe(true);
    await tabTo(page, '#q-ord');
    await page.keyboard.type('Spændende');
    await page.getByText('31 af 40 tegn tilbage.').waitFor();
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByText('Del 2 af 2').waitFor();

    // A reload keeps the section and what was answered.
    await page.reload();
    await page.getByText('Del 2 af 2').waitFor();
    await checkPage(page, 'Om dig', 'survey-section-2');
    await tabTo(page, '#q-alder-0');
    await page.keyboard.press('Space');
    expect(await checked(page, 'q-alder-0')).toBe(true);
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await checkPage(page, 'Tak for dit svar', 'survey-receipt');

    await page.goto(`${stack.info.webUrl}/forloeb/${ID}/spoergeskema`);
    await page.getByText('Du har allerede svaret på spørgeskemaet.').waitFor();
    expect(await page.getByRole('button', { name: 'Start' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the published results with the small groups of a breakdown withheld', async () => {
    expect((await stack.api(`/processes/${ID}/survey/publish`, { method: 'POST', token: admin.token, body: { published: true } })).status).toBe(200);
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/forloeb/${ID}/spoergeskema/resultater`);
    await checkPage(page, 'Resultater: Holdninger til AI', 'survey-results');
    expect(await page.locator('main').innerText()).toContain('1 svar');
    const likert = page.locator('table').first();
    expect(await likert.locator('tbody tr').nth(3).innerText()).toMatch(/4\s+1/);

    await page.getByLabel('Opdel efter').selectOption('alder');
    await page.getByText('Færre end 5 svar — vises ikke').first().waitFor();
    await checkPage(page, 'Resultater: Holdninger til AI', 'survey-results-breakdown');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('passes axe in English too', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    await page.goto(`${stack.info.webUrl}/forloeb/${ID}/spoergeskema`);
    await checkPage(page, 'Attitudes to AI', 'survey-intro-en');
    await page.goto(`${stack.info.webUrl}/forloeb/${ID}/spoergeskema/resultater`);
    await checkPage(page, 'Results: Attitudes to AI', 'survey-results-en');
    await page.close();
  });
});
