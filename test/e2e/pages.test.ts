import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStack } from '#local/stack';
import type { IdeaList, IdeaListItem } from '#shared/schemas/idea';
import { TEST_DEMO_PARTICIPANTS } from '../helpers/stack';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { signIn } from '../helpers/journey';
import { initialBundle } from '../../frontend/scripts/bundle-size';

/**
 * Every page of the citizen app, in Danish and in English: axe-core finds no violations, the title
 * and `<html lang>` follow, nothing scrolls sideways at 375 px, and a screenshot of each page at
 * 1280 and 375 px goes to `.test-artifacts/screenshots/`. Also: the front page at 320 px, "Vis
 * flere" by keyboard, the 404 page and the page shown when the API is down.
 */
let stack: RunningStack;
let session: BrowserSession;
let idea: IdeaListItem;
/** The seeded process's pages. */
const PROCESS = '/forloeb/ai-i-gentofte';

beforeAll(async () => {
  [stack, session] = await Promise.all([startStack({ ports: 'auto', seed: 'demo', demoParticipants: TEST_DEMO_PARTICIPANTS }), launchBrowser()]);
  const response = await fetch(`${stack.info.apiUrl}/processes/ai-i-gentofte/ideas?limit=1`);
  idea = ((await response.json()) as IdeaList).items[0]!;
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

type Lang = 'da' | 'en';

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  // Ids and offending nodes only, so a failure says what to fix.
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

interface PageCheck {
  name: string;
  path: string;
  /** The h1 to wait for, per language. */
  h1: Record<Lang, string | RegExp>;
  /** Something to do after the page is open (e.g. send an empty form to show the errors). */
  act?: (page: Page, lang: Lang) => Promise<void>;
}

const publicPages = (): PageCheck[] => [
  { name: 'front', path: '/', h1: { da: 'AI i Gentofte Kommune', en: 'AI in Gentofte Municipality' } },
  { name: 'public-processes', path: '/forloeb', h1: { da: 'Forløb', en: 'Processes' } },
  { name: 'public-process', path: PROCESS, h1: { da: 'AI i Gentofte Kommune', en: 'AI in Gentofte Municipality' } },
  { name: 'public-process-changes', path: `${PROCESS}/aendringer`, h1: { da: 'Ændringer i forløbet', en: 'Changes to the process' } },
  { name: 'ideas', path: `${PROCESS}/ideer`, h1: { da: 'Idéer', en: 'Ideas' } },
  { name: 'ideas-random', path: `${PROCESS}/ideer?sort=random`, h1: { da: 'Idéer', en: 'Ideas' } },
  { name: 'idea', path: `${PROCESS}/ideer/${idea.id}`, h1: { da: idea.title, en: idea.title } },
  { name: 'public-process-not-found', path: '/forloeb/findes-ikke', h1: { da: 'Forløbet findes ikke', en: 'The process does not exist' } },
  { name: 'sign-in', path: '/log-ind', h1: { da: 'Log ind', en: 'Sign in' } },
  {
    name: 'sign-up-errors',
    path: '/opret-konto',
    h1: { da: 'Opret konto', en: 'Create account' },
    act: async (page, lang) => {
      await page.getByRole('main').getByRole('button', { name: lang === 'da' ? 'Opret konto' : 'Create account' }).click();
      await page.locator('.error-summary').waitFor();
    },
  },
  { name: 'confirm', path: '/bekraeft?email=a%40example.dk', h1: { da: 'Bekræft din e-mailadresse', en: 'Confirm your email address' } },
  { name: 'forgot', path: '/glemt-adgangskode', h1: { da: 'Glemt adgangskode', en: 'Forgot password' } },
  {
    name: 'forgot-step-2',
    path: '/glemt-adgangskode',
    h1: { da: 'Glemt adgangskode', en: 'Forgot password' },
    act: async (page, lang) => {
      await page.getByLabel(lang === 'da' ? 'E-mailadresse' : 'Email address').fill('hanne.demo@example.dk');
      await page.getByRole('main').getByRole('button', { name: lang === 'da' ? 'Send kode' : 'Send code' }).click();
      await page.getByLabel(lang === 'da' ? 'Kode' : 'Code', { exact: true }).waitFor();
    },
  },
  { name: 'privacy', path: '/privatliv', h1: { da: 'Privatlivspolitik', en: 'Privacy policy' } },
  { name: 'accessibility', path: '/tilgaengelighed', h1: { da: 'Tilgængelighedserklæring', en: 'Accessibility statement' } },
  { name: 'not-found', path: '/findes-ikke', h1: { da: 'Siden findes ikke', en: 'Page not found' } },
];

const signedInPages = (): PageCheck[] => [
  { name: 'my-page', path: '/min-side', h1: { da: /^Hej /, en: /^Hello / } },
  { name: 'profile', path: '/min-side/profil', h1: { da: 'Din profil', en: 'Your profile' } },
  {
    name: 'idea-signed-in',
    path: `${PROCESS}/ideer/${idea.id}`,
    h1: { da: idea.title, en: idea.title },
    act: async (page, lang) => {
      // The flag form open, so its fields are checked too.
      await page.getByRole('button', { name: lang === 'da' ? 'Anmeld idéen' : 'Report the idea' }).click();
      await page.getByRole('group', { name: lang === 'da' ? 'Hvorfor anmelder du?' : 'Why are you reporting this?' }).first().waitFor();
    },
  },
  {
    name: 'idea-comment-edit',
    path: `${PROCESS}/ideer/${idea.id}`,
    h1: { da: idea.title, en: idea.title },
    act: async (page, lang) => {
      // A comment of my own, with its edit form open.
      const main = page.getByRole('main');
      await main.getByLabel(lang === 'da' ? 'Kommentar' : 'Comment', { exact: true }).fill(`En kommentar at rette (${lang})`);
      await main.getByRole('button', { name: lang === 'da' ? 'Send kommentar' : 'Send comment' }).click();
      await myComment(page, lang).getByRole('button', { name: lang === 'da' ? 'Redigér' : 'Edit' }).click();
      // (The text is in the form's field now, so the comment is found by its form.)
      await main.getByRole('button', { name: lang === 'da' ? 'Gem ændringer' : 'Save changes' }).waitFor();
    },
  },
  {
    name: 'idea-comment-delete',
    path: `${PROCESS}/ideer/${idea.id}`,
    h1: { da: idea.title, en: idea.title },
    act: async (page, lang) => {
      // The same comment (posted by the check before), with the delete question asked.
      await myComment(page, lang).getByRole('button', { name: lang === 'da' ? 'Slet' : 'Delete', exact: true }).click();
      await myComment(page, lang).getByRole('button', { name: lang === 'da' ? 'Ja, slet' : 'Yes, delete' }).waitFor();
    },
  },
  {
    name: 'my-page-delete-confirm',
    path: '/min-side',
    h1: { da: /^Hej /, en: /^Hello / },
    act: async (page, lang) => {
      await page.getByRole('button', { name: lang === 'da' ? 'Slet min konto' : 'Delete my account' }).click();
      await page.getByRole('button', { name: lang === 'da' ? 'Ja, slet min konto' : 'Yes, delete my account' }).waitFor();
    },
  },
  {
    name: 'new-idea-errors',
    path: `${PROCESS}/ideer/ny`,
    h1: { da: 'Del en idé', en: 'Share an idea' },
    act: async (page, lang) => {
      await page.getByRole('button', { name: lang === 'da' ? 'Næste' : 'Next' }).click();
      await page.locator('.error-summary').waitFor();
    },
  },
  {
    name: 'new-idea-step-2',
    path: `${PROCESS}/ideer/ny`,
    h1: { da: 'Del en idé', en: 'Share an idea' },
    act: async (page, lang) => {
      await page.getByLabel(lang === 'da' ? 'Overskrift' : 'Title').fill('En overskrift til testen');
      await page.getByLabel(lang === 'da' ? 'Beskrivelse' : 'Description').fill('En beskrivelse, der er lang nok til testen.');
      await page.getByRole('button', { name: lang === 'da' ? 'Næste' : 'Next' }).click();
      await page.getByRole('group').first().waitFor();
    },
  },
];

const myComment = (page: Page, lang: Lang) => page.locator('article.comment', { hasText: `En kommentar at rette (${lang})` });

const pagesChecked: string[] = [];

async function check(page: Page, lang: Lang, p: PageCheck, base: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(base + p.path);
  await page.getByRole('heading', { level: 1, name: p.h1[lang] }).first().waitFor();
  await p.act?.(page, lang);
  // Loaded: no spinner left (lists, comments and votes arrive after the h1).
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  expect(await page.title()).toMatch(lang === 'da' ? / – Deltag – Gentofte Kommune$/ : / – Deltag – Gentofte Municipality$/);
  expect({ page: p.name, lang, violations: await axeViolations(page) }).toEqual({ page: p.name, lang, violations: [] });
  pagesChecked.push(`${lang} ${p.path}${p.act ? ` (${p.name})` : ''}`);
  // Screenshots in Danish, the first language (English pages differ only in their words).
  if (lang === 'da') await page.screenshot({ path: screenshotPath(`${p.name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  expect({ page: p.name, overflow: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth) }).toEqual({ page: p.name, overflow: false });
  if (lang === 'da') await page.screenshot({ path: screenshotPath(`${p.name}-375.png`), fullPage: true });
}

describe.each<Lang>(['da', 'en'])('every page in %s', (lang) => {
  it('has no axe violations, the right title and lang, and fits 375 px (signed out)', async () => {
    const page = await session.newPage();
    if (lang === 'en') await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    const errors = collectPageErrors(page);
    for (const p of publicPages()) await check(page, lang, p, stack.info.webUrl);
    expect(errors).toEqual([]);
    // Sixteen pages, each loaded, checked by axe and shot twice: minutes on a busy two-core machine.
  }, 240_000);

  it('has no axe violations, the right title and lang, and fits 375 px (signed in)', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    if (lang === 'en') await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/log-ind`);
    await page.locator('h1').waitFor();
    if (lang === 'en') {
      await page.getByLabel('Email address').fill('birthe.demo@example.dk');
      await page.getByLabel('Password', { exact: true }).fill('Demo-adgang-2026');
      await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    } else {
      await signIn(page, 'birthe.demo@example.dk', 'Demo-adgang-2026');
    }
    for (const p of signedInPages()) await check(page, lang, p, stack.info.webUrl);
    expect(errors).toEqual([]);
  }, 240_000);
});

describe('the shell', () => {
  it('loads at most 50 kB (gzip) of JavaScript on a first visit, Danish messages included', () => {
    const { initialGzip, localeGzip } = initialBundle('frontend/dist');
    expect(localeGzip).toBeGreaterThan(0);
    expect(initialGzip + localeGzip).toBeLessThanOrEqual(50 * 1024);
  });

  it('opens the idea list whole in its first paint, from five scripts and two style sheets', async () => {
    const page = await session.newPage({ viewport: { width: 412, height: 823 } });
    const errors = collectPageErrors(page);
    // What the first frame with the heading shows (requestAnimationFrame runs just before that
    // frame is painted): the ideas come with it, not a loading state a moment before them.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('h1')) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          (window as unknown as { firstRender: unknown }).firstRender = { cards: document.querySelectorAll('article').length };
        });
      }).observe(document, { childList: true, subtree: true });
    });
    // A list that answers after the app's code is in: the first paint waits for it (up to a limit).
    await page.route('**/api/processes/*/ideas?*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    const files: string[] = [];
    page.on('request', (request) => {
      if (['script', 'stylesheet'].includes(request.resourceType())) files.push(`${request.resourceType()} ${new URL(request.url()).pathname}`);
    });

    await page.goto(`${stack.info.webUrl}${PROCESS}/ideer`);
    await page.getByRole('heading', { level: 1, name: 'Idéer' }).waitFor();
    await page.waitForLoadState('networkidle');

    expect(await page.evaluate(() => (window as unknown as { firstRender: unknown }).firstRender)).toEqual({ cards: 4 });
    expect(await page.locator('main article').count()).toBe(20);
    // index (entry), app (everything it imports), the Danish messages, browse (the landing pages),
    // and the one-line module the bundler makes for the route's dynamic import (fetched with browse).
    expect(files.filter((f) => f.startsWith('script')).map((f) => f.replace(/-[\w-]{8}\.js$/, '.js')).sort()).toEqual([
      'script /assets/IdeaListPage.js',
      'script /assets/app.js',
      'script /assets/browse.js',
      'script /assets/da.js',
      'script /assets/index.js',
    ]);
    // The shell's sheet is in the HTML (frontend/build/inline-shell-css.ts); the landing pages' own comes with their chunk.
    expect(files.filter((f) => f.startsWith('stylesheet')).map((f) => f.replace(/-[\w-]{8}\.css$/, '.css'))).toEqual(['stylesheet /assets/browse.css']);
    expect(await page.evaluate(() => [...document.head.querySelectorAll('style')].some((s) => s.textContent?.includes('.site-header')))).toBe(true);
    // The fonts come with the first request wave (preloaded), not after the first layout.
    expect(await page.locator('link[rel="preload"][as="font"]').count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks every chunk for eager compilation, on its first line', async () => {
    const chunks = (await readdir('frontend/dist/assets')).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect((await readFile(join('frontend/dist/assets', chunk), 'utf8')).split('\n', 1)[0], chunk).toBe('//# allFunctionsCalledOnLoad');
  });

  it('switches language with the button: messages, lang attribute and title follow', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}${PROCESS}/ideer`);
    await page.getByRole('heading', { level: 1, name: 'Idéer' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ideas' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Ideas – Deltag – Gentofte Municipality');
    expect(await page.getByRole('button', { name: 'Dansk' }).getAttribute('lang')).toBe('da');
    // A page titled by its data keeps its title, with the suffix in the new language.
    await page.locator('main article h3 a').first().click();
    await page.getByRole('heading', { level: 1, name: idea.title }).waitFor();
    expect(await page.title()).toBe(`${idea.title} – Deltag – Gentofte Municipality`);
    // The choice is remembered.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: idea.title }).waitFor();
    expect(await page.getByRole('link', { name: 'All ideas' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('link', { name: 'Alle idéer' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await page.title()).toBe(`${idea.title} – Deltag – Gentofte Kommune`);
    expect(errors).toEqual([]);
  });

  it('moves focus to the h1 and changes the title on navigation', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(stack.info.webUrl);
    await page.getByRole('heading', { level: 1, name: 'AI i Gentofte Kommune' }).waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privatlivspolitik' }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Privatlivspolitik');
    expect(await page.title()).toBe('Privatlivspolitik – Deltag – Gentofte Kommune');
  });

  it("leads an idea's old address, and the old idea list's, to their pages in the process, query and all", async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/ideer/${idea.id}?fra=mail`);
    await page.getByRole('heading', { level: 1, name: idea.title }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`${PROCESS}/ideer/${idea.id}?fra=mail`);
    // Back leaves the idea, not to the old address (which would only lead here again).
    await page.goto(`${stack.info.webUrl}/ideer?sort=top`);
    await page.getByRole('heading', { level: 1, name: 'Idéer' }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`${PROCESS}/ideer?sort=top`);
    await page.goto(stack.info.webUrl);
    await page.getByRole('heading', { level: 1, name: 'AI i Gentofte Kommune' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(PROCESS);
    expect(errors).toEqual([]);
  });

  it("prints a process's page as text: no menu, buttons or idea list, its address spelled out", async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${stack.info.webUrl}${PROCESS}`);
    await page.getByRole('heading', { level: 1, name: 'AI i Gentofte Kommune' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Se idéerne' }).first().isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 2, name: 'Nyeste idéer' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 2, name: 'Tidsplan' }).isVisible()).toBe(true);
    expect(await page.getByText(`Forløbet på nettet: ${stack.info.webUrl}${PROCESS}`).isVisible()).toBe(true);
    await page.pdf({ path: screenshotPath('public-process-print.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).isVisible()).toBe(true);
  });

  it('fits 320 px and 200 % zoom without horizontal scrolling', async () => {
    const narrow = await session.newPage({ viewport: { width: 320, height: 800 } });
    await narrow.goto(`${stack.info.webUrl}${PROCESS}/ideer/${idea.id}`);
    await narrow.getByRole('heading', { level: 1, name: idea.title }).waitFor();
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    for (const [path, h1] of [[PROCESS, 'AI i Gentofte Kommune'], ['/forloeb', 'Forløb'], [`${PROCESS}/aendringer`, 'Ændringer i forløbet']]) {
      await narrow.goto(`${stack.info.webUrl}${path}`);
      await narrow.getByRole('heading', { level: 1, name: h1 }).waitFor();
      await narrow.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
      expect({ path, width: await narrow.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ path, width: 320 });
    }
    // 200 % zoom of a 1280 px window is a 640 px viewport at device scale 2.
    const zoomed = await session.newPage({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    await zoomed.goto(`${stack.info.webUrl}${PROCESS}/ideer`);
    await zoomed.locator('main article').first().waitFor();
    expect(await zoomed.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
  });

  it('"Vis flere" appends the next page and moves focus to the first new idea', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}${PROCESS}/ideer`);
    await page.locator('main article').nth(19).waitFor();
    expect(await page.locator('main article').count()).toBe(20);
    await page.getByRole('button', { name: 'Vis flere' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('main article').length > 20);
    expect(await page.evaluate(() => document.activeElement?.closest('article') === document.querySelectorAll('main article')[20])).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows an error page with a retry button when the API is down, and recovers', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    let down = true;
    await page.route('**/api/**', (route) => (down ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' }) : route.continue()));
    await page.goto(`${stack.info.webUrl}${PROCESS}/ideer`);
    await page.getByRole('heading', { level: 1, name: 'Siden kunne ikke hentes' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Deltag svarer ikke lige nu');
    expect(await axeViolations(page)).toEqual([]);
    pagesChecked.push(`da ${PROCESS}/ideer (API down)`);
    await page.screenshot({ path: screenshotPath('api-down-1280.png'), fullPage: true });
    down = false;
    await page.getByRole('button', { name: 'Prøv igen' }).click();
    await page.locator('main article').first().waitFor();
  });

  afterAll(() => {
    console.log(`axe checked ${pagesChecked.length} page states:\n  ${pagesChecked.join('\n  ')}`);
  });
});
