import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { startStack } from '#local/stack';
import { gentofteAt } from '../fakes/records';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { ideaPoster } from '../helpers/moderation';
import type { User } from '../helpers/participation';
import { TestStack } from '../helpers/stack';

/**
 * Votes in the built SPA: a supporter of a merged idea sees where the vote went, on the idea page and
 * under "Mine stemmer" on Min side (Danish and English, 320 px, axe 0); in a process that lets each
 * person vote for one idea, the button says how many votes are left and refuses the next in words.
 * Screenshots go to .test-artifacts/screenshots/.
 */

const ONE_VOTE = 'en-stemme-hver';
let stack: TestStack;
let session: BrowserSession;
let voter: User;
const ids = { source: '', target: '', first: '', second: '' };

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  // Before any request reads it: the functions cache a process for 30 s.
  const seeded = gentofteAt(new Date());
  await processStore(createDocumentClient(stack.info.dynamodbEndpoint), mainTable.localName).put({
    ...seeded,
    id: ONE_VOTE,
    title: { da: 'Forløb med én stemme hver', en: 'One vote each' },
    settings: { ...seeded.settings, votesPerPerson: 1 },
  });
  const [moderator, other] = await Promise.all([stack.user({ role: 'moderator' }), stack.user()]);
  voter = await stack.user({ name: 'Vera Vælger' });
  const post = ideaPoster(stack);
  ids.source = (await post({ title: 'Chatbot om affald om aftenen' })).id;
  ids.target = (await post({ title: 'Svar på de simple spørgsmål døgnet rundt' })).id;
  const limited = ideaPoster(stack, ONE_VOTE);
  ids.first = (await limited({ title: 'Første idé i forløbet med én stemme' })).id;
  ids.second = (await limited({ title: 'Anden idé i forløbet med én stemme' })).id;
  for (const [idea, who] of [[ids.source, voter], [ids.source, other], [ids.target, other]] as const) {
    const r = await stack.api(`/ideas/${idea}/vote`, { method: 'PUT', token: who.token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
  }
  const merged = await stack.api(`/ideas/${ids.source}/moderation`, {
    method: 'POST',
    token: moderator.token,
    body: { action: 'merge', targetId: ids.target, reason: 'Samme forslag som en anden idé.' },
  });
  expect(merged.status, JSON.stringify(merged.json)).toBe(200);
}, 180_000);

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function signedIn(page: Page, next: string) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mailadresse').fill(voter.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(voter.password);
  await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

const english = async (page: Page) => {
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('html[lang="en"]').waitFor();
};

describe('a supporter of a merged idea', () => {
  it('sees on the idea page where the vote counts now, and the target counts both supporters once', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signedIn(page, `/forloeb/ai-i-gentofte/ideer/${ids.source}`);

    const note = page.getByTestId('my-vote-note');
    await note.waitFor();
    expect((await note.innerText()).replace(/\s+/g, ' ')).toBe('Din stemme tæller nu med på Svar på de simple spørgsmål døgnet rundt');
    await page.screenshot({ path: screenshotPath('merged-vote-note.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await note.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Svar på de simple spørgsmål døgnet rundt' }).waitFor();
    // The voter and the other supporter, each once (the other voted for both).
    expect(await page.getByTestId('vote-count').innerText()).toBe('2 stemmer');
    // The carried vote is the voter's own: the button shows it pressed (and would take it back).
    await page.locator('.idea-vote__button[aria-pressed="true"]').waitFor();
    expect(errors).toEqual([]);
  });

  it('finds it under "Mine stemmer" on Min side, in Danish and English, at 320 px too', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signedIn(page, '/min-side');
    const section = page.locator('section[aria-labelledby="votes-heading"]');
    const item = section.getByTestId('my-vote').filter({ hasText: 'Chatbot om affald om aftenen' });
    await item.waitFor();

    expect((await item.locator('.my-votes__where').innerText()).replace(/\s+/g, ' ')).toBe('Din stemme tæller nu med på Svar på de simple spørgsmål døgnet rundt');
    expect(await item.getByRole('link', { name: 'Svar på de simple spørgsmål døgnet rundt' }).getAttribute('href')).toBe(`/forloeb/ai-i-gentofte/ideer/${ids.target}`);
    expect(await section.getByTestId('my-vote-count').innerText()).toBe('Du har stemt på 1 idé.');
    await section.screenshot({ path: screenshotPath('my-votes.png') });
    expect(await axeViolations(page)).toEqual([]);

    await english(page);
    expect((await item.locator('.my-votes__where').innerText()).replace(/\s+/g, ' ')).toBe('Your vote now counts for Svar på de simple spørgsmål døgnet rundt');
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await section.screenshot({ path: screenshotPath('my-votes-320-en.png') });
    expect(errors).toEqual([]);
  });
});

describe('a process with one vote each', () => {
  it('tells the votes left at the button and refuses a second vote in words, by keyboard', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signedIn(page, `/forloeb/${ONE_VOTE}/ideer/${ids.first}`);
    await page.getByTestId('my-vote-note').waitFor();
    expect(await page.getByTestId('my-vote-note').innerText()).toBe('Du har 1 stemme tilbage i dette forløb.');

    const vote = page.getByRole('button', { name: /Stem på Første idé/ });
    await vote.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('votes-left').waitFor();
    expect(await page.getByTestId('votes-left').innerText()).toBe('Du har ikke flere stemmer i dette forløb.');
    expect(await vote.getAttribute('aria-pressed')).toBe('true');

    await page.goto(`${stack.info.webUrl}/forloeb/${ONE_VOTE}/ideer/${ids.second}`);
    const second = page.getByRole('button', { name: /Stem på Anden idé/ });
    await second.focus();
    await page.keyboard.press('Enter');
    const alert = page.locator('.idea-vote [role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Du har brugt din stemme i dette forløb. Tag den tilbage for at stemme på en anden idé.');
    expect(await second.getAttribute('aria-pressed')).toBe('false');
    await page.screenshot({ path: screenshotPath('vote-limit.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    // A 409 is the app's expected answer, not a page error.
    expect(errors).toEqual([]);
  });
});
