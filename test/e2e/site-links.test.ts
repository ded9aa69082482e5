import { mkdtempSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { validIdea } from '../fixtures/ideas';
import { collectPageErrors, launchBrowser, type BrowserSession } from '../helpers/browser';
import { parseEml, type Mail } from '../helpers/moderation';
import { TestStack } from '../helpers/stack';
import { exportIdeaTable } from '../helpers/csv';

/**
 * Links that leave the site, followed as a person would: a moderator hides an idea in the workspace,
 * and the author's mail (an .eml in the local outbox) carries an absolute link to "Min side", which
 * opens there, idea listed, in a fresh browser; a committee member downloads the CSV in the workspace, and every cell of
 * its Link column is an absolute address of the idea's page that opens it.
 */
type User = Awaited<ReturnType<TestStack['user']>>;

const PROCESS = 'ai-i-gentofte';
const REASON = 'Teksten nævner en navngiven medarbejder.';

let stack: TestStack;
let session: BrowserSession;
let moderator: User;
let committee: User;
let author: User;
const ideas: { id: string; title: string }[] = [];

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [moderator, committee, author] = await Promise.all([
    stack.user({ role: 'moderator', name: 'Mona Moderator' }),
    stack.user({ role: 'committee', name: 'Ulla Udvalg' }),
    stack.user({ name: 'Anna Forfatter' }),
  ]);
  for (const title of ['Chatbot til borgerservice om affald', 'AI-hjælp til journalnotater i hjemmeplejen', 'Idé der skal skjules']) {
    const r = await stack.api(`/processes/${PROCESS}/ideas`, { method: 'POST', token: author.token, body: validIdea({ title }) });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    ideas.push({ id: r.json.id as string, title });
  }
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function signInThroughUi(page: Page, user: User, next: string) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/** Every mail in the outbox, decoded. */
async function outbox(): Promise<Mail[]> {
  const files = await readdir(stack.stack.outboxDir).catch(() => [] as string[]);
  return Promise.all(files.filter((f) => f.endsWith('.eml')).map(async (f) => parseEml(f, await readFile(join(stack.stack.outboxDir, f), 'utf8'))));
}

describe('links that leave the site', () => {
  it('a mail about a decision made in the workspace links absolutely, and the link opens "Min side"', async () => {
    const hidden = ideas[2]!;
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);

    await signInThroughUi(page, moderator, `/arbejdsrum/ideer/${hidden.id}`);
    await page.getByRole('heading', { level: 1, name: hidden.title }).waitFor();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Offentliggør, skjul, gendan eller afvis' }) });
    await form.getByLabel('Handling').selectOption('hide');
    await form.getByRole('textbox', { name: 'Begrundelse' }).fill(REASON);
    await form.getByRole('button', { name: 'Udfør' }).click();
    await page.getByText(/^Beslutningen er gemt: Skjul(t)?\.$/).waitFor();

    // The mail is written after the decision is stored: wait for it rather than for a fixed time.
    let mails: Mail[] = [];
    for (let i = 0; i < 50 && !mails.some((m) => m.to === author.email); i++) {
      mails = await outbox();
      if (!mails.some((m) => m.to === author.email)) await page.waitForTimeout(100);
    }
    const mail = mails.find((m) => m.to === author.email);
    expect(mail?.subject).toBe(`Din idé er skjult: ${hidden.title}`);
    const links = [...mail!.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
    expect(links).toEqual([`${stack.info.webUrl}/min-side`]);
    // No site-relative link anywhere in the mail.
    expect(mail!.text).not.toMatch(/(^|\s)\/(min-side|ideer)/m);

    // The author follows the link in a fresh browser: sign-in first, then "Min side" with the hidden idea.
    const reader = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const readerErrors = collectPageErrors(reader);
    await reader.goto(links[0]!);
    await reader.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    await reader.getByLabel('E-mailadresse').fill(author.email);
    await reader.getByLabel('Adgangskode', { exact: true }).fill(author.password);
    await reader.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
    await reader.waitForURL((url) => url.pathname === '/min-side');
    await reader.getByRole('heading', { level: 1, name: 'Hej Anna Forfatter' }).waitFor();
    await reader.getByRole('link', { name: hidden.title }).waitFor();
    // There the author reads why it was hidden (administrative law: decisions carry their reasons).
    await reader.getByText(`Moderatorens begrundelse: ${REASON}`).waitFor();
    expect(errors).toEqual([]);
    expect(readerErrors).toEqual([]);
  });

  it("the CSV a committee member downloads links each idea absolutely, and a link opens the idea's page", async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const errors = collectPageErrors(page);

    await signInThroughUi(page, committee, '/arbejdsrum/eksport');
    await page.getByRole('heading', { level: 1, name: 'Eksport til udvalget' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent CSV (Excel, dansk)' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'deltag-links-')), download.suggestedFilename());
    await download.saveAs(file);

    const { header, rows } = exportIdeaTable(readFileSync(file, 'utf8'));
    const id = header.indexOf('Id');
    const link = header.indexOf('Link');
    expect(link).toBeGreaterThan(-1);
    // The two public ideas (the hidden one is not exported), each with the absolute address of its page.
    expect(rows.map((r) => r[id]).sort()).toEqual([ideas[0]!.id, ideas[1]!.id].sort());
    for (const row of rows) expect(row[link]).toBe(`${stack.info.webUrl}/forloeb/${PROCESS}/ideer/${row[id]}`);

    const first = rows[0]!;
    await page.goto(first[link]!);
    const title = ideas.find((i) => i.id === first[id])!.title;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(errors).toEqual([]);
  });
});
