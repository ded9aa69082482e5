import { copyFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { validIdea } from '../fixtures/ideas';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import type { User } from '../helpers/participation';
import { TestStack } from '../helpers/stack';

/**
 * Read aloud and 200 % zoom (issue 15): every public page of the seeded process, in the built SPA
 * against a whole local stack, at 640 × 900 CSS pixels with two device pixels to each, which is
 * what a 1280 px wide window shows at 200 % zoom. On each page: nothing scrolls sideways; no image
 * carries words (an <img> is decorative with alt="" or a logo or QR code with its text alternative);
 * <html lang> names the language, and the other language's words (the language switch) carry their
 * own lang, so the browser's read-aloud picks the right voice. The paper form prints on A4 portrait
 * (PDF); it and the claim page have axe 0 in Danish and English and fit 320 px. Screenshots in
 * /tmp/shots-assisted/.
 */
const ID = 'ai-i-gentofte';
const SHOTS = '/tmp/shots-assisted';

let stack: TestStack;
let session: BrowserSession;
let citizen: User;
let ideaId: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  citizen = await stack.user({ type: 'citizen', name: 'Birthe Borger' });
  const posted = await stack.api(`/processes/${ID}/ideas`, { method: 'POST', token: citizen.token, body: validIdea() });
  expect(posted.status, JSON.stringify(posted.json)).toBe(201);
  ideaId = posted.json.id;
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

interface Visit {
  name: string;
  path: () => string;
  h1: RegExp;
  signedIn?: boolean;
}

const visits: Visit[] = [
  { name: 'processes', path: () => '/forloeb', h1: /Forløb/ },
  { name: 'process', path: () => `/forloeb/${ID}`, h1: /AI i Gentofte Kommune/ },
  { name: 'ideas', path: () => `/forloeb/${ID}/ideer`, h1: /Idéer/ },
  { name: 'idea', path: () => `/forloeb/${ID}/ideer/${ideaId}`, h1: /AI-assistent til journalnotater/ },
  { name: 'survey', path: () => `/forloeb/${ID}/spoergeskema`, h1: /./ },
  { name: 'consultation', path: () => `/forloeb/${ID}/hoering`, h1: /./ },
  { name: 'events', path: () => `/forloeb/${ID}/arrangementer`, h1: /Arrangementer/ },
  { name: 'event', path: () => `/forloeb/${ID}/arrangementer/ai-festival`, h1: /AI-festival/ },
  { name: 'live-code', path: () => '/live', h1: /./ },
  { name: 'sign-in', path: () => '/log-ind', h1: /Log ind/ },
  { name: 'paper-form', path: () => `/forloeb/${ID}/papirskema`, h1: /Papirskema/ },
  { name: 'new-idea', path: () => `/forloeb/${ID}/ideer/ny`, h1: /./, signedIn: true },
  { name: 'my-page', path: () => '/min-side', h1: /Birthe Borger|Min side/, signedIn: true },
  { name: 'claim', path: () => '/min-side/hent-bidrag', h1: /Hent dine bidrag/, signedIn: true },
];

async function signIn(page: Page, user: User) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=%2Fmin-side`);
  await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === '/min-side');
}

async function settle(page: Page, h1: RegExp) {
  await page.getByRole('heading', { level: 1, name: h1 }).first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  // Lists and sections that load after the heading; a page that polls never goes idle, so at most 5 s.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
}

/** What read-aloud and zoom depend on, measured in the page. */
const readAloudFacts = () => {
  const root = document.documentElement;
  const images = [...document.images].map((img) => ({
    src: img.getAttribute('src') ?? '',
    alt: img.getAttribute('alt'),
    // A logo or a QR code may have a text alternative; any other image with words would be text in an image.
    named: /logo|qr/i.test(`${img.className} ${img.getAttribute('src')} ${img.dataset.kind ?? ''}`),
  }));
  const langSwitch = [...document.querySelectorAll('button, a')].filter((el) => ['English', 'Dansk'].includes(el.textContent!.trim()));
  return {
    overflow: root.scrollWidth - root.clientWidth,
    // Elements that stick out past the right edge, for the message when the page scrolls sideways.
    wide: [...document.querySelectorAll<HTMLElement>('main *, header *, footer *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
    lang: root.lang,
    badImages: images.filter((i) => i.alt === null || (i.alt !== '' && !i.named)),
    switchLangs: langSwitch.map((el) => ({ text: el.textContent!.trim(), lang: el.closest('[lang]')?.getAttribute('lang') })),
    // CSS background images carry no text alternative at all: only decoration may use them.
    backgroundImages: [...document.querySelectorAll<HTMLElement>('main *')].filter((el) => /url\(/.test(getComputedStyle(el).backgroundImage)).length,
  };
};

describe('read aloud and 200 % zoom on every public page', () => {
  it('nothing scrolls sideways at 640 CSS px (1280 px at 200 %), no text in images, and every language is named', async () => {
    const page = await session.newPage({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 });
    const errors = collectPageErrors(page);
    const results: unknown[] = [];
    let signedIn = false;
    for (const visit of visits) {
      if (visit.signedIn && !signedIn) {
        await signIn(page, citizen);
        signedIn = true;
      }
      await page.goto(`${stack.info.webUrl}${visit.path()}`);
      await settle(page, visit.h1);
      const { overflow, wide, ...facts } = await page.evaluate(readAloudFacts);
      results.push({ page: visit.name, fits: overflow <= 1 ? true : wide, ...facts });
      await page.screenshot({ path: `${SHOTS}/zoom-200-${visit.name}.png`, fullPage: true });
    }
    // The control: the same measurement sees a box wider than the window and an image that carries words.
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', '<div style="inline-size: 1400px">bred</div><img src="/tekst.png" alt="Del din idé">');
    });
    const control = await page.evaluate(readAloudFacts);
    expect({ overflow: control.overflow > 1, badImages: control.badImages.length }).toEqual({ overflow: true, badImages: 1 });
    // All pages first, then one comparison: a failure lists every page that fell short, not only the first.
    expect(results).toEqual(
      visits.map((v) => ({ page: v.name, fits: true, lang: 'da', badImages: [], backgroundImages: 0, switchLangs: [{ text: 'English', lang: 'en' }] })),
    );
    expect(errors).toEqual([]);
  }, 480_000);

  it('in English too: <html lang="en">, the switch back says lang="da", and the longer words still fit', async () => {
    const page = await session.newPage({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/forloeb/${ID}`);
    await settle(page, /AI i Gentofte Kommune/);
    await page.getByRole('button', { name: 'English' }).click();
    await settle(page, /AI in Gentofte Municipality/);
    for (const path of [`/forloeb/${ID}`, `/forloeb/${ID}/ideer/${ideaId}`, `/forloeb/${ID}/papirskema`, `/forloeb/${ID}/arrangementer`]) {
      await page.goto(`${stack.info.webUrl}${path}`);
      await page.waitForFunction(() => document.documentElement.lang === 'en' && !document.querySelector('.ui-status__spinner') && document.querySelector('main h1'));
      const facts = await page.evaluate(readAloudFacts);
      expect({ path, overflow: facts.overflow <= 1 ? 'fits' : facts.wide, lang: facts.lang, switchLangs: facts.switchLangs }).toEqual({
        path,
        overflow: 'fits',
        lang: 'en',
        switchLangs: [{ text: 'Dansk', lang: 'da' }],
      });
    }
    await page.screenshot({ path: `${SHOTS}/zoom-200-events-en.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

async function fitsAt320(page: Page) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  await page.setViewportSize(size);
  return fits;
}

describe('the paper form and the claim page', () => {
  it('the paper form: axe 0 in Danish and English, 320 px, and a print on A4 portrait without the site around it', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/forloeb/${ID}/papirskema`);
    await settle(page, /Papirskema/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsAt320(page)).toBe(true);
    await page.screenshot({ path: screenshotPath('paper-form.png'), fullPage: true });
    copyFileSync(screenshotPath('paper-form.png'), `${SHOTS}/paper-form.png`);
    // The seeded process has a survey: its questions are on the form, before the consent.
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings[0]).toBe('Sådan gør du');
    expect(headings.some((h) => h.startsWith('Spørgeskema:'))).toBe(true);
    expect(headings.at(-2)).toBe('Samtykke');

    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.site-header')!).display,
      footer: getComputedStyle(document.querySelector('.site-footer')!).display,
      buttons: [...document.querySelectorAll('main button')].filter((b) => b.getClientRects().length > 0).map((b) => b.textContent!.trim()),
      fontPt: (parseFloat(getComputedStyle(document.querySelector('.paper-form')!).fontSize) * 72) / 96,
      color: getComputedStyle(document.querySelector('.paper-form h1')!).color,
      surveyBreak: getComputedStyle(document.querySelector('.paper-section--survey')!).breakBefore,
    }));
    expect(print).toEqual({ header: 'none', footer: 'none', buttons: [], fontPt: 12, color: 'rgb(0, 0, 0)', surveyBreak: 'page' });
    await page.screenshot({ path: `${SHOTS}/paper-form-print.png`, fullPage: true });
    const pdf = await page.pdf({ path: `${SHOTS}/paper-form.pdf`, preferCSSPageSize: true, printBackground: true });
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    // A4 portrait (595 × 842 pt) on every page; the form with the survey takes several.
    expect(boxes.length).toBeGreaterThan(2);
    for (const box of boxes) expect(box).toEqual([595, 842]);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'English' }).click();
    await settle(page, /Paper form/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);

  it('the claim page: axe 0 in Danish and English with the instant hint and an error at the field, 320 px', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, citizen);
    await page.getByRole('link', { name: 'Hent bidrag fra en kvittering' }).click();
    await settle(page, /Hent dine bidrag/);
    const field = page.getByLabel('Koden fra kvitteringen');
    await field.fill('7k3m-q9px');
    await expect.poll(() => page.getByTestId('claim-hint').innerText()).toBe('Koden har 8 af 12 tegn.');
    await field.press('Enter');
    await page.locator('#claim-code-error').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitsAt320(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/claim-page.png`, fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await settle(page, /Claim your contributions/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
