import { copyFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { surveySchema, type Survey } from '#shared/schemas/survey';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { TestStack } from '../helpers/stack';

/**
 * The two-year revisit in the built SPA against a whole local stack: the seeded process's survey is
 * answered and published; an admin clones the process through the API (the clone brings the survey,
 * its survey phase open now) and adds a question; the second round is answered and published. Its
 * public results page then sets the first round's figures beside its own for the shared questions,
 * lists the new question as this round's only, and says the rounds are separate self-selected
 * samples. axe-core finds nothing, in Danish and English, and the page fits 320 px.
 */
const SOURCE = 'ai-i-gentofte';
const CLONE = 'ai-i-gentofte-2028';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let stack: TestStack;
let session: BrowserSession;
let admin: Awaited<ReturnType<TestStack['user']>>;

/** The `i`th respondent's answers to every question with figures (free texts left out), varied so the rounds differ. */
function answersFor(survey: Survey, i: number): Record<string, string | string[] | number> {
  const answers: Record<string, string | string[] | number> = {};
  for (const q of survey.sections.flatMap((s) => s.questions)) {
    if (q.kind === 'single') answers[q.id] = q.options[i % q.options.length]!.id;
    else if (q.kind === 'multiple') answers[q.id] = [q.options[i % q.options.length]!.id];
    else if (q.kind === 'likert') answers[q.id] = 1 + (i % 5);
    else if (q.kind === 'scale') answers[q.id] = (i * 3) % 11;
  }
  return answers;
}

async function answerRound(processId: string, respondents: number, offset: number) {
  const survey = surveySchema.parse((await stack.api(`/processes/${processId}/survey`)).json);
  for (let i = 0; i < respondents; i++) {
    const browserToken = crypto.randomUUID().replaceAll('-', '');
    const r = await stack.api(`/processes/${processId}/survey/anonymous-answers`, { method: 'POST', body: { answers: answersFor(survey, i + offset), browserToken } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  }
  const published = await stack.api(`/processes/${processId}/survey/publish`, { method: 'POST', token: admin.token, body: { published: true } });
  expect(published.status).toBe(200);
}

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  admin = await stack.user({ role: 'admin', name: 'Ada Admin' });

  // The first round: the seeded survey's phase opened an hour ago; four answers, then published.
  const source = (await stack.api(`/processes/${SOURCE}`)).json;
  const now = Date.now();
  const patched = await stack.api(`/processes/${SOURCE}`, {
    method: 'PATCH',
    token: admin.token,
    body: {
      expectedUpdatedAt: source.updatedAt,
      phases: [
        { kind: 'survey', title: { da: 'Spørgeskema', en: 'Survey' }, startsAt: new Date(now - HOUR).toISOString(), endsAt: new Date(now + 20 * DAY).toISOString() },
        { kind: 'closed', title: { da: 'Afsluttet', en: 'Closed' }, startsAt: new Date(now + 20 * DAY).toISOString() },
      ],
    },
  });
  expect(patched.status).toBe(200);
  await answerRound(SOURCE, 4, 0);

  // The second round: cloned with its survey, its first phase (the survey) open since half an hour.
  const cloned = await stack.api(`/processes/${SOURCE}/clone`, {
    method: 'POST',
    token: admin.token,
    body: { id: CLONE, title: { da: 'AI i Gentofte Kommune – 2028', en: 'AI in Gentofte Municipality – 2028' }, startsAt: new Date(now - HOUR / 2).toISOString() },
  });
  expect(cloned.status, JSON.stringify(cloned.json)).toBe(201);
  expect(cloned.json.clonedFrom).toBe(SOURCE);
  // A question the first round did not ask, added before anyone answers.
  const copy = surveySchema.parse((await stack.api(`/processes/${CLONE}/survey`)).json);
  const { processId: _p, createdAt: _c, updatedAt, firstAnswerAt: _f, resultsPublishedAt: _r, ...definition } = copy;
  const [first, ...rest] = definition.sections;
  const added = { id: 'ai-i-skolen', kind: 'likert', text: { da: 'AI bør bruges i skolen', en: 'AI should be used in schools' }, required: false, lowLabel: { da: 'Helt uenig', en: 'Strongly disagree' }, highLabel: { da: 'Helt enig', en: 'Strongly agree' } } as const;
  const saved = await stack.api(`/processes/${CLONE}/survey`, {
    method: 'PUT',
    token: admin.token,
    body: { ...definition, sections: [{ ...first!, questions: [...first!.questions, added] }, ...rest], expectedUpdatedAt: updatedAt },
  });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
  await answerRound(CLONE, 3, 2);
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** axe 0, fits 320 px, and a full-page screenshot (also to /tmp/shots-survey/ for the report). */
async function checkPage(page: Page, shot: string) {
  await page.locator('[data-testid="round-comparison"]').waitFor();
  expect({ page: shot, violations: await axeViolations(page) }).toEqual({ page: shot, violations: [] });
  await page.setViewportSize({ width: 320, height: 800 });
  expect({ page: shot, fits: await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth) }).toEqual({ page: shot, fits: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  const path = screenshotPath(`${shot}.png`);
  await page.screenshot({ path, fullPage: true });
  copyFileSync(path, `/tmp/shots-survey/${shot}.png`);
  // The comparison alone, legible at full size.
  const part = screenshotPath(`${shot}-comparison.png`);
  await page.locator('[data-testid="round-comparison"]').screenshot({ path: part });
  copyFileSync(part, `/tmp/shots-survey/${shot}-comparison.png`);
}

// axe over the whole results page (every question, then the comparison) takes a minute on a busy 2-core machine.
describe('the second round’s results beside the first', () => {
  it('compares the shared questions, names the first round and its count, and lists the new question', { timeout: 240_000 }, async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/forloeb/${CLONE}/spoergeskema/resultater`);
    const section = page.locator('[data-testid="round-comparison"]');
    await section.waitFor();
    const said = await section.innerText();
    expect(said).toContain('Sammenligning med forrige runde');
    expect(said).toMatch(/Forrige runde: 4 svar fra .+\. Denne runde: 3 svar fra .+\./);
    expect(said).toContain('ikke de samme personer spurgt to gange');
    expect(await section.getByRole('link', { name: 'AI i Gentofte Kommune' }).getAttribute('href', { timeout: 10_000 })).toBe(`/forloeb/${SOURCE}/spoergeskema/resultater`);
    // The first shared question (every respondent answered it): four answers before, three now.
    const first = section.locator('table').first();
    expect(await first.locator('thead').innerText()).toMatch(/Svar\s+Forrige runde \(.+\)\s+Denne runde/);
    expect(await first.getByRole('row', { name: /Har svaret på spørgsmålet/ }).innerText({ timeout: 10_000 })).toMatch(/Har svaret på spørgsmålet\s+4\s+3/);
    expect(await section.getByTestId('only-this-round').innerText({ timeout: 10_000 })).toBe('AI bør bruges i skolen');
    await checkPage(page, 'rounds-da');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('passes axe in English too', { timeout: 240_000 }, async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    await page.goto(`${stack.info.webUrl}/forloeb/${CLONE}/spoergeskema/resultater`);
    const section = page.locator('[data-testid="round-comparison"]');
    await section.waitFor();
    expect(await section.innerText()).toContain('Compared with the previous round');
    expect(await section.innerText()).toContain('Only in this round');
    await checkPage(page, 'rounds-en');
    await page.close();
  });
});
