import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { TestStack } from '../helpers/stack';
import { totp } from '../helpers/totp';

/**
 * Two-step verification in the browser against the real local stack (issue 17, A2): a moderator made
 * without TOTP is told in the workspace, follows the link to Min side, scans (here: reads) the key,
 * confirms a code computed from it, and from then on the sign-in asks for the app's code, refusing a
 * wrong one. cognito-local answers every call the AWS pool would.
 */
let stack: TestStack;
let session: BrowserSession;

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
}, 120_000);

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

async function passwordStep(page: Page, user: { email: string; password: string }, next: string) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

describe('two-step verification', () => {
  it('is set up from the workspace notice on Min side, and then the sign-in asks for the code', async () => {
    const moderator = await stack.user({ role: 'moderator', name: 'Mona Moderator' });
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);

    await passwordStep(page, moderator, '/arbejdsrum');
    await page.waitForURL((url) => url.pathname === '/arbejdsrum');
    const notice = page.getByTestId('mfa-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Slå totrinsbekræftelse til');
    await notice.getByRole('link', { name: 'Slå det til på Min side' }).click();
    await page.waitForURL((url) => url.pathname === '/min-side');

    await page.getByRole('button', { name: 'Slå totrinsbekræftelse til' }).click();
    await page.getByRole('img', { name: 'QR-kode til godkendelses-appen' }).waitFor();
    const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('mfa-setup-1280.png'), fullPage: true });
    await page.getByLabel('Kode fra appen (6 cifre)').fill(totp(secret));
    await page.getByRole('button', { name: 'Bekræft kode' }).click();
    await page.getByTestId('mfa-on').waitFor();
    const found = await stack.api(`/users?email=${encodeURIComponent(moderator.email)}`, { token: (await stack.user({ role: 'admin' })).token });
    expect(found.json).toMatchObject({ mfa: true });

    await page.getByRole('button', { name: 'Log ud' }).click();
    await passwordStep(page, moderator, '/arbejdsrum');
    const code = page.getByLabel('Kode på 6 cifre');
    await code.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const wrong = String((Number(totp(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Bekræft og log ind' }).click();
    await page.getByRole('alert').filter({ hasText: 'Koden er forkert' }).waitFor();
    await code.fill(totp(secret));
    await page.getByRole('button', { name: 'Bekræft og log ind' }).click();
    await page.waitForURL((url) => url.pathname === '/arbejdsrum');
    await page.getByRole('heading', { level: 1, name: 'Arbejdsrum' }).waitFor();
    await page.getByRole('button', { name: 'Log ud' }).waitFor();
    expect(await page.getByTestId('mfa-notice').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
