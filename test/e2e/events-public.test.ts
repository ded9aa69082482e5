import { copyFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { aDefinition } from '../fixtures/process-definitions';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import type { User } from '../helpers/participation';
import { TestStack } from '../helpers/stack';

/**
 * The events' public pages in the built SPA against a whole local stack. Through the API an admin
 * sets up a process with an open event phase and a theme day with one seat. In the browser: two
 * people sign up (the first gets the seat, the second is no. 1 on the waiting list), the first
 * cancels after confirming, and the second then holds the seat; a phone answers a live round by its
 * code with the keyboard alone, each kind of question once, without signing in. Axe 0 on the event
 * page, the sign-up form, /live and the phone view in Danish and English, nothing sideways at 320 px;
 * screenshots in /tmp/shots-events/.
 */
const ID = 'arrangementer-e2e';
const EVENT = 'temadag';
const DAY = 24 * 60 * 60 * 1000;
const SHOTS = '/tmp/shots-events';
const at = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString();
const eventPath = `/forloeb/${ID}/arrangementer/${EVENT}`;

let stack: TestStack;
let session: BrowserSession;
let admin: User;
let first: User;
let second: User;

const ok = (r: { status: number; json: unknown }, status: number) => expect(r.status, JSON.stringify(r.json)).toBe(status);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [admin, first, second] = await Promise.all([
    stack.user({ role: 'admin', name: 'Ada Admin' }),
    stack.user({ type: 'employee', name: 'Frida Først' }),
    stack.user({ type: 'citizen', name: 'Anders Anden' }),
  ]);
  const phases = [
    { kind: 'ideas', title: { da: 'Idéer', en: 'Ideas' }, startsAt: at(-1), endsAt: at(30) },
    { kind: 'event', title: { da: 'Temadag', en: 'Theme day' }, startsAt: at(-1), endsAt: at(30) },
    { kind: 'closed', title: { da: 'Afsluttet', en: 'Closed' }, startsAt: at(30) },
  ];
  ok(await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition(ID, { phases: phases as never }) }), 201);
  ok(
    await stack.api(`/processes/${ID}/events`, {
      method: 'POST',
      token: admin.token,
      body: {
        id: EVENT,
        type: 'theme-day',
        title: { da: 'AI-festival for medarbejdere', en: 'AI festival for employees' },
        description: { da: 'En dag om AI i hverdagen.\n\nProgram: https://www.gentofte.dk', en: 'A day about AI at work.' },
        place: { address: 'Bernstorffsvej 161, 2920 Charlottenlund', room: 'Byrådssalen' },
        startsAt: at(7, 0),
        endsAt: at(7, 6),
        audience: 'everyone',
        capacity: 1,
        accessFeatures: ['step-free', 'hearing-loop'],
        accessNote: { da: 'Indgang uden trin fra parkeringspladsen.' },
        published: true,
      },
    }),
    201,
  );
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Waits for the h1 and the spinners to go; then axe, no sideways scrolling at 320 px, and screenshots at 1280 and 320 px. */
async function checkPage(page: Page, heading: string | RegExp, name: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  const fits = await page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth);
  expect({ page: name, width: 320, fits }).toEqual({ page: name, width: 320, fits: true });
  await page.screenshot({ path: screenshotPath(`${name}-320.png`), fullPage: true });
  copyFileSync(screenshotPath(`${name}-320.png`), `${SHOTS}/${name}-320.png`);
  await page.setViewportSize(size);
  await page.screenshot({ path: screenshotPath(`${name}.png`), fullPage: true });
  copyFileSync(screenshotPath(`${name}.png`), `${SHOTS}/${name}.png`);
}

async function signIn(page: Page, user: User, next: string) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === next.split(/[?#]/)[0]);
}

const signupSection = (page: Page) => page.locator('[data-testid="event-signup"]');

describe('signing up for an event with one seat', () => {
  it('gives the seat to the first, the waiting list to the second, and the seat to the second when the first cancels', async () => {
    const one = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(one);
    await one.goto(`${stack.info.webUrl}${eventPath}`);
    await checkPage(one, 'AI-festival for medarbejdere', 'event-page-da');
    expect(await one.locator('[data-testid="access-features"]').innerText()).toContain('Teleslynge');
    expect(await one.locator('[data-testid="ics-link"]').getAttribute('href')).toBe(`/api/processes/${ID}/events/${EVENT}/calendar`);

    await signIn(one, first, eventPath);
    const form = one.locator('[data-testid="signup-form"]');
    await form.waitFor();
    await checkPage(one, 'AI-festival for medarbejdere', 'signup-da');
    await one.getByLabel('Vegetar').check();
    await one.getByLabel('Besked til arrangørerne').fill('Jeg kommer med toget.');
    await form.getByRole('button', { name: 'Tilmeld mig' }).click();
    await signupSection(one).getByText('Du er tilmeldt.').waitFor();
    await one.screenshot({ path: `${SHOTS}/signed-up-da.png`, fullPage: true });

    const two = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errorsTwo = collectPageErrors(two);
    await signIn(two, second, eventPath);
    const formTwo = two.locator('[data-testid="signup-form"]');
    await formTwo.getByText('Alle pladser er taget.').waitFor();
    await formTwo.getByRole('button', { name: 'Skriv mig på ventelisten' }).click();
    await signupSection(two).getByText('Du er på ventelisten som nr. 1.').waitFor();
    await two.screenshot({ path: `${SHOTS}/waiting-list-da.png`, fullPage: true });

    await signupSection(one).getByRole('button', { name: 'Afmeld mig' }).click();
    await signupSection(one).getByText('Din plads går videre til den første på ventelisten.').waitFor();
    await signupSection(one).getByRole('button', { name: 'Ja, afmeld mig' }).click();
    await signupSection(one).locator('[data-testid="signup-form"]').waitFor();

    await two.reload();
    await signupSection(two).getByText('Du er tilmeldt.').waitFor();
    const mine = await stack.api(`/processes/${ID}/events/${EVENT}/signup`, { token: second.token });
    expect(mine.json).toMatchObject({ signup: { state: 'seat' } });
    expect([...errors, ...errorsTwo]).toEqual([]);
    await one.close();
    await two.close();
  }, 180_000);

  it('passes axe in English on the event page and the sign-up form', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const newcomer = await stack.user({ type: 'citizen', name: 'Nina Ny' });
    // Signed in in Danish (the helper reads the Danish labels), then the page in English.
    await signIn(page, newcomer, eventPath);
    await page.evaluate(() => localStorage.setItem('deltag.locale', 'en'));
    await page.reload();
    await page.locator('[data-testid="signup-form"]').waitFor();
    await checkPage(page, 'AI festival for employees', 'signup-en');
    expect(await page.locator('[data-testid="signup-form"] button[type="submit"]').innerText()).toBe('Put me on the waiting list');
    await page.close();
    const signedOut = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await signedOut.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    await signedOut.goto(`${stack.info.webUrl}${eventPath}`);
    await checkPage(signedOut, 'AI festival for employees', 'event-page-en');
    await signedOut.close();
  }, 180_000);
});

/** Presses Tab until the focused element matches `selector` (fails after 80 presses). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('a live round on a phone', () => {
  it('takes the code and one answer to each kind of question with the keyboard alone, without signing in', async () => {
    const organiser = `/processes/${ID}/organiser/events/${EVENT}/live-rounds`;
    const created = await stack.api(organiser, {
      method: 'POST',
      token: admin.token,
      body: {
        title: { da: 'Hvad mener salen?', en: 'What does the room think?' },
        questions: [
          { id: 'brug', kind: 'single', text: { da: 'Bruger du AI i dit arbejde?', en: 'Do you use AI at work?' }, options: [{ id: 'ja', label: { da: 'Ja', en: 'Yes' } }, { id: 'nej', label: { da: 'Nej', en: 'No' } }] },
          { id: 'tryg', kind: 'scale', text: { da: 'Hvor tryg er du ved AI?', en: 'How safe do you feel with AI?' }, lowLabel: { da: 'Slet ikke', en: 'Not at all' }, highLabel: { da: 'Helt', en: 'Fully' } },
          { id: 'ord', kind: 'words', text: { da: 'Sig det med et ord', en: 'Say it in a word' }, maxWords: 2 },
          {
            id: 'afsnit',
            kind: 'statements',
            text: { da: 'Hvad mener du om udkastet?', en: 'What do you think of the draft?' },
            statements: [
              { id: 's1', text: { da: 'Et menneske træffer altid afgørelsen.', en: 'A person always decides.' } },
              { id: 's2', text: { da: 'Vi bruger kun nødvendige data.', en: 'We use only the data we need.' } },
            ],
          },
        ],
      },
    });
    ok(created, 201);
    const opened = await stack.api(`${organiser}/${created.json.id}/state`, { method: 'POST', token: admin.token, body: { state: 'open' } });
    ok(opened, 200);
    const code: string = opened.json.code;

    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/live`);
    await checkPage(page, 'Deltag i live-runden', 'live-code-da');
    await tabTo(page, '#live-code');
    await page.keyboard.type(code.toLowerCase());
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/live/${code}`);
    await checkPage(page, 'Hvad mener salen?', 'phone-view-da');

    // A single choice: the first radio takes focus, the arrow moves the choice to "Nej".
    await tabTo(page, '#q-brug');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Spørgsmål 2 af 4' }).waitFor();
    // The scale: 0 first, seven steps to the right.
    await tabTo(page, '#q-tryg');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    expect(await page.locator('#q-tryg-7').isChecked()).toBe(true);
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Spørgsmål 3 af 4' }).waitFor();
    // Words: Enter in the field sends them.
    await tabTo(page, '#q-ord');
    await page.keyboard.type('Tryghed');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Spørgsmål 4 af 4' }).waitFor();
    await checkPage(page, 'Hvad mener salen?', 'phone-statements-da');
    // Statements: Space agrees with the first; the second's group, two arrows on, disagrees.
    await tabTo(page, '#q-afsnit');
    await page.keyboard.press('Space');
    await tabTo(page, '#q-afsnit-s2-agree');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="live-done"]').waitFor();
    await checkPage(page, 'Hvad mener salen?', 'phone-done-da');

    const results = await stack.api(`${organiser}/${created.json.id}/results`, { token: admin.token });
    ok(results, 200);
    const byId = Object.fromEntries((results.json.results as { questionId: string }[]).map((r) => [r.questionId, r]));
    expect(byId.brug).toMatchObject({ count: 1, options: [{ id: 'ja', count: 0 }, { id: 'nej', count: 1 }] });
    expect(byId.tryg).toMatchObject({ count: 1, mean: 7 });
    expect(byId.ord).toMatchObject({ count: 1, words: [{ word: 'tryghed', count: 1 }] });
    expect(byId.afsnit).toMatchObject({ count: 1, statements: [{ id: 's1', agree: 1, neutral: 0, disagree: 0 }, { id: 's2', agree: 0, neutral: 0, disagree: 1 }] });

    // A reload remembers the answers; in English too.
    await page.evaluate(() => localStorage.setItem('deltag.locale', 'en'));
    await page.reload();
    await page.locator('[data-testid="live-answered"]').waitFor();
    await checkPage(page, 'What does the room think?', 'phone-view-en');
    await page.goto(`${stack.info.webUrl}/live/ACDEFG`);
    await page.getByText('There is no round with the code ACDEFG.').waitFor();
    await page.goto(`${stack.info.webUrl}/live`);
    await checkPage(page, 'Join the live round', 'live-code-en');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
