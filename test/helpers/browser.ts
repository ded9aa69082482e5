import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * The system Chromium (Debian's `chromium` package) driven by playwright-core: no browser download.
 * The flags keep it headless and quiet: no sandbox (tests run as root in a container), no GPU, and
 * none of the background traffic that would try to leave the machine.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  browser: Browser;
  /**
   * A page in a fresh context of its own (no shared cookies or storage between tests).
   * @axe-core/playwright needs such a page: it does not work with `browser.newPage()`.
   */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Closes every context this session opened, then the browser. Safe to call twice. */
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const contexts = new Set<BrowserContext>();
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', ...options });
      contexts.add(context);
      context.once('close', () => contexts.delete(context));
      return context.newPage();
    },
    async close() {
      await Promise.all([...contexts].map((c) => c.close().catch(() => undefined)));
      if (browser.isConnected()) await browser.close();
    },
  };
}

/**
 * Collects what went wrong in a page: uncaught exceptions, console errors (a CSP violation shows up
 * there), failed requests and server errors (5xx). Assert it is empty at the end of a test.
 * Not counted: 4xx answers, which the app expects and handles (GET /api/me is 404 until the
 * profile exists), and the browser's own "Failed to load resource" line that repeats them; and
 * requests the app aborted on purpose because a newer one superseded them.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`http ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') errors.push(`requestfailed: ${request.url()} ${reason}`);
  });
  return errors;
}

/** Where screenshots go (`.test-artifacts/screenshots/`, git-ignored); the folder is created. */
export function screenshotPath(fileName: string): string {
  const dir = resolve('.test-artifacts/screenshots');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, fileName);
}
