import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { commentMaker, flagBy, ideaMaker, type User } from '../helpers/participation';
import { TestStack } from '../helpers/stack';

/**
 * The audit log in the built SPA: two moderators' decisions on ideas, a comment and an account, read
 * as a log: titles linked to the moderator's idea view instead of ids, states in words, names and
 * titles never broken inside a word (at 1280 and 320 px), a filter by action and by moderator that
 * lives in the address. axe-core finds nothing; screenshots go to .test-artifacts/screenshots/.
 */

let stack: TestStack;
let session: BrowserSession;
let mona: User;
let mads: User;
const titles = {
  held: 'Kunstig intelligens til journalføring i hjemmeplejen, så medarbejderne får mere tid hos borgerne',
  review: 'Chatbot på borgerservice, der svarer på spørgsmål om affaldssortering og byggetilladelser',
  selected: 'Automatisk oversættelse af kommunens breve til de mest brugte sprog',
  duplicate: 'Chatbot til spørgsmål om affald',
};
const ids: Record<keyof typeof titles, string> = { held: '', review: '', selected: '', duplicate: '' };
const REASON = 'Indeholder oplysninger om en navngiven borgers helbred.';

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [mona, mads] = await Promise.all([
    stack.user({ role: 'moderator', name: 'Mona Moderator' }),
    stack.user({ role: 'moderator', name: 'Mads Kristoffer Andersen-Bøgh' }),
  ]);
  const post = ideaMaker(stack);
  for (const key of Object.keys(titles) as (keyof typeof titles)[]) ids[key] = (await post({ title: titles[key] })).id;
  const comment = commentMaker(stack);
  const remark = await comment(ids.review, 'Det her er en personlig bemærkning om en medarbejder.');
  // A user with a comment in the process: blocking them is logged with the process.
  const karl = await stack.user({ name: 'Karl Kommentator' });
  await comment(ids.selected, 'Endnu en grov bemærkning.', karl);
  await flagBy(stack, `/ideas/${ids.held}`, await Promise.all([0, 1, 2].map(() => stack.user())));

  const decide = async (who: User, path: string, body: unknown) => {
    const r = await stack.api(path, { method: 'POST', token: who.token, body });
    expect(r.status, `${path} ${JSON.stringify(r.json)}`).toBe(200);
  };
  await decide(mona, `/ideas/${ids.held}/moderation`, { action: 'hide', reason: REASON });
  await decide(mona, `/ideas/${ids.review}/moderation`, { action: 'set-status', status: 'under_review', reason: 'Sendt videre til udvalget.' });
  await decide(mona, `/ideas/${ids.duplicate}/moderation`, { action: 'merge', targetId: ids.review, reason: 'Samme forslag som en anden idé.' });
  await decide(mona, `/comments/${remark.id}/moderation`, { action: 'hide', reason: 'Personangreb på en medarbejder.' });
  await decide(mona, `/moderation/users/${karl.userId}`, { action: 'block', reason: 'Gentagne personangreb i debatten.' });
  await decide(mads, `/ideas/${ids.selected}/moderation`, { action: 'set-status', status: 'selected', reason: 'Udvalget går videre med idéen.' });
}, 180_000);

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function signIn(page: Page, user: User, next: string) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

async function openLog(page: Page, query = '') {
  await page.goto(`${stack.info.webUrl}/arbejdsrum/log${query}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('table.ws-history tbody tr').first().waitFor();
}

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Words (runs without spaces or hyphens) in the log's cells whose letters lie on more than one line. */
function splitWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const split: string[] = [];
    for (const cell of document.querySelectorAll('table.ws-history td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (const match of node.data.matchAll(/[^\s\-–/→]+/g)) {
          const tops = new Set<number>();
          for (let i = 0; i < match[0].length; i++) {
            const range = document.createRange();
            range.setStart(node, match.index + i);
            range.setEnd(node, match.index + i + 1);
            const box = [...range.getClientRects()].filter((r) => r.width > 0).pop();
            if (box) tops.add(Math.round(box.top));
          }
          const lines = [...tops].sort((a, b) => a - b).filter((top, i, all) => i === 0 || top - all[i - 1]! > 1);
          if (lines.length > 1) split.push(match[0]);
        }
      }
    }
    return split;
  });
}

const rowTexts = (page: Page) => page.locator('table.ws-history tbody tr').allInnerTexts();

describe('the audit log', () => {
  it('reads like a log: titles linked instead of ids, states in words, names whole, at 1280 and 320 px', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, mona, '/arbejdsrum/log');
    await openLog(page);

    const rows = await rowTexts(page);
    // Six decisions, and the setup's import that seeded the process: its creation, its survey's, its consultation's (setup, 2 × create, draft, publish),
    // its events' (2 × event created, the theme day's live round created).
    expect(rows).toHaveLength(18);
    expect(rows.filter((r) => r.includes('Opsætning'))).toHaveLength(12);
    expect(rows.filter((r) => r.includes('Arrangement oprettet'))).toHaveLength(2);
    expect(rows.filter((r) => r.includes('Live-runde oprettet'))).toHaveLength(1);
    const body = rows.join('\n');
    for (const id of Object.values(ids)) expect(body).not.toContain(id);
    const held = rows.find((r) => r.includes(titles.held))!;
    expect(held).toContain('Offentliggjort, tilbageholdt efter anmeldelser');
    expect(held).toContain('Skjult af moderator');
    expect(held).toContain(REASON);
    expect(rows.find((r) => r.includes('Kommentar skjult'))).toContain(`Kommentar til idéen\n${titles.review}`);
    expect(rows.find((r) => r.includes('Bruger blokeret'))).toContain('Karl Kommentator');
    expect(rows.find((r) => r.includes(titles.selected))).toContain('Mads Kristoffer Andersen-Bøgh');
    expect(await splitWords(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: screenshotPath('audit-log.png'), fullPage: true });

    await page.setViewportSize({ width: 320, height: 800 });
    expect(await splitWords(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page fits; the table scrolls in its box').toBe(true);
    await page.screenshot({ path: screenshotPath('audit-log-320.png'), fullPage: true });

    // The title opens the moderator's view of the idea.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('table.ws-history').getByRole('link', { name: titles.selected }).click();
    await page.getByRole('heading', { level: 1, name: titles.selected }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/arbejdsrum/ideer/${ids.selected}`);
    expect(errors).toEqual([]);
  });

  it('filters by action and by moderator with the form, in the address, by keyboard', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, mona, '/arbejdsrum/log');
    await openLog(page);

    await page.getByLabel('Handling').selectOption({ label: 'Status ændret' });
    await page.getByLabel('Moderator').selectOption({ label: 'Mads Kristoffer Andersen-Bøgh' });
    await page.getByRole('button', { name: 'Vis', exact: true }).press('Enter');
    await page.waitForURL((url) => url.searchParams.get('handling') === 'set-status');
    await page.waitForFunction(() => document.querySelectorAll('table.ws-history tbody tr').length === 1);

    expect(new URL(page.url()).searchParams.get('moderator')).toBe(mads.userId);
    expect((await rowTexts(page))[0]).toContain(titles.selected);
    expect((await page.locator('table.ws-history tbody td').last().innerText()).replace(/\s+/g, ' ')).toMatch(/^Offentliggjort → .*Udvalgt$/);
    expect(await axeViolations(page)).toEqual([]);

    // A linked filter opens as it was; one that matches nothing says so.
    await page.goto(`${stack.info.webUrl}/arbejdsrum/log?handling=unblock`);
    await page.getByText('Ingen beslutninger passer til filteret.').waitFor();
    expect(await page.getByLabel('Handling').inputValue()).toBe('unblock');
    await page.getByRole('button', { name: 'Vis alle' }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.ws-history tbody tr').length === 18);
    expect(errors).toEqual([]);
  });

  it('reads in English after a language switch', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, mona, '/arbejdsrum/log');
    await page.evaluate(() => localStorage.setItem('deltag.locale', 'en'));
    await openLog(page);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();

    const held = (await rowTexts(page)).find((r) => r.includes(titles.held))!;
    expect(held).toContain('Published, held after reports');
    expect(held).toContain('Hidden by a moderator');
    expect(await axeViolations(page)).toEqual([]);
  });
});
