import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigests } from '#local/digests';
import { startStack } from '#local/stack';
import { mailSettingsSchema } from '#shared/schemas/follows';
import { validIdea } from '../fixtures/ideas';
import { collectPageErrors, launchBrowser, type BrowserSession } from '../helpers/browser';
import { decideOk, parseEml } from '../helpers/moderation';
import { TestStack } from '../helpers/stack';

/**
 * The loop issue 16 closes, walked as people would: a citizen signs in and follows an idea with the
 * button on its page; a moderator gives the idea a new status; the digest run (the same function
 * `npm run digests` calls) mails the citizen, and the .eml in the stack's outbox says what happened in
 * Danish, carries the RFC 8058 headers and an unsubscribe link; the link, opened in a browser that is
 * not signed in, unsubscribes with one button press; and the next run sends the citizen nothing,
 * though there is news about the idea again. Screenshots in /tmp/shots16/.
 */
type User = Awaited<ReturnType<TestStack['user']>>;

const PROCESS = 'ai-i-gentofte';
const SHOTS = '/tmp/shots16';
const TITLE = 'AI-hjælp til at sortere post i Borgerservice';

let stack: TestStack;
let session: BrowserSession;
let citizen: User;
let moderator: User;
let ideaId: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  let author: User;
  [citizen, moderator, author] = await Promise.all([
    stack.user({ name: 'Carla Borger' }),
    stack.user({ role: 'moderator', name: 'Mona Moderator' }),
    stack.user({ name: 'Anna Forfatter' }),
  ]);
  const r = await stack.api(`/processes/${PROCESS}/ideas`, { method: 'POST', token: author.token, body: validIdea({ title: TITLE }) });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  ideaId = r.json.id as string;
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

interface Eml {
  file: string;
  to: string;
  subject: string;
  text: string;
  /** The raw header block, unfolded. */
  headers: string;
}

/** The mails to one address in the stack's outbox, decoded, with their headers. */
async function mailsTo(address: string): Promise<Eml[]> {
  const dir = stack.stack.outboxDir;
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  const mails = await Promise.all(
    files.map(async (f) => {
      const raw = await readFile(join(dir, f), 'utf8');
      return { ...parseEml(f, raw), headers: raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ') };
    }),
  );
  return mails.filter((m) => m.to === address);
}

const header = (mail: Eml, name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(mail.headers)?.[1]?.trim();

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function signInThroughUi(page: Page, user: User, next: string) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

describe('following an idea, being told, and unsubscribing', () => {
  it('a citizen follows an idea, hears of its new status in the digest, and unsubscribes from the mail with one button', { timeout: 300_000 }, async () => {
    // 1. The citizen follows the idea on its page.
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const ideaPath = `/forloeb/${PROCESS}/ideer/${ideaId}`;
    await signInThroughUi(page, citizen, ideaPath);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // One toggle button whose name stays the same: a screen reader hears "pressed" (aria-pressed), by keyboard too.
    const follow = page.getByRole('button', { name: 'Følg idéen', exact: true });
    await page.locator('[data-testid="follow-button"][aria-pressed="false"]:not([aria-disabled])').waitFor();
    await follow.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="follow-button"][aria-pressed="true"]').waitFor();
    await page.getByText('Du følger idéen. Du har selv valgt at følge den.').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/follow-idea.png`, fullPage: true });
    const state = await stack.api(`/ideas/${ideaId}/follow`, { token: citizen.token });
    expect(state.json).toEqual({ following: true, reason: 'explicit' });

    // 2. A moderator gives the idea a new status, with the committee's answer.
    await decideOk(stack, moderator.token, ideaId, {
      action: 'set-status',
      status: 'under_review',
      officialAnswer: 'Udvalget ser på idéen på sit næste møde.',
    });

    // 3. The digest run, as `npm run digests` starts it (on the local stack it reads every event so far:
    // no queue, so no minute left to settle as in AWS).
    expect(await mailsTo(citizen.email)).toEqual([]);
    await runDigests();
    const mails = await mailsTo(citizen.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    // What happened, in Danish: the idea, its new status in the words the site uses, the answer, a link to it.
    expect(mail.text).toContain(TITLE);
    expect(mail.text).toContain('Status er ændret til: under behandling.');
    expect(mail.text).toMatch(/Udvalget har svaret:\s+> Udvalget ser på idéen på sit næste møde\./);
    expect(mail.text).toContain(`${stack.info.webUrl}${ideaPath}`);
    // RFC 8058: a one-click POST address and the header saying so.
    expect(header(mail, 'List-Unsubscribe')).toMatch(new RegExp(`^<${escape(stack.info.webUrl)}/api/unsubscribe\\?token=[A-Za-z0-9_.%-]+>$`));
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const link = new RegExp(`${escape(stack.info.webUrl)}/afmeld\\?token=[A-Za-z0-9_.%-]+`).exec(mail.text)?.[0];
    expect(link, mail.text).toBeDefined();
    // For the note: the digest as the citizen got it.
    writeFileSync(`${SHOTS}/follow-digest-mail.txt`, `${mail.headers}\n\n${mail.text}\n`);

    // An immediate second run mails nobody anything: this week's digest is claimed in the mail log.
    const files = async () => (await readdir(stack.stack.outboxDir)).filter((f) => f.endsWith('.eml')).sort();
    const before = await files();
    await runDigests();
    expect(await files()).toEqual(before);

    // News again, before the citizen reads the mail: the idea is selected.
    await decideOk(stack, moderator.token, ideaId, { action: 'set-status', status: 'selected' });

    // 4. The link, opened where nobody is signed in (at 320 px): one button unsubscribes.
    const reader = await session.newPage({ viewport: { width: 320, height: 800 } });
    const readerErrors = collectPageErrors(reader);
    await reader.goto(link!);
    await reader.getByRole('heading', { level: 1, name: 'Afmeld mails' }).waitFor();
    expect(await axe(reader)).toEqual([]);
    // Nothing changes by opening the link (mail scanners open links): only the button unsubscribes.
    expect(mailSettingsSchema.parse((await stack.api('/me/mail-settings', { token: citizen.token })).json).digest).toBe('weekly');
    expect(await reader.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
    await reader.screenshot({ path: `${SHOTS}/follow-unsubscribe-page.png`, fullPage: true });
    const button = reader.getByRole('button', { name: 'Afmeld', exact: true });
    await button.focus();
    await reader.keyboard.press('Enter');
    await reader.getByRole('status').filter({ hasText: 'Du er afmeldt. Du får ikke flere samlede mails fra Deltag.' }).waitFor();
    await reader.screenshot({ path: `${SHOTS}/follow-unsubscribed.png`, fullPage: true });
    expect(await axe(reader)).toEqual([]);
    const settings = await stack.api('/me/mail-settings', { token: citizen.token });
    expect(mailSettingsSchema.parse(settings.json).digest).toBe('never');

    // 5. The next run takes the news about the idea to its followers, and the citizen gets nothing more.
    const next = await runDigests();
    expect(next.fanned.find((f) => f.processId === PROCESS)?.events).toBeGreaterThan(0);
    expect((next.sent ?? []).filter((m) => m.message.userId === citizen.userId)).toEqual([]);
    expect((await mailsTo(citizen.email)).map((m) => m.file)).toEqual([mail.file]);
    expect(errors).toEqual([]);
    expect(readerErrors).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
