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
 * The events' workspace in the built SPA against a whole local stack. An admin creates an event in
 * the form; a person signs up (through the API) and is checked in on the door list; a moderator builds
 * a live round with one question of each kind, opens it; answers arrive from phones (through the
 * API); the presenter view shows the counts; the round is closed and its results are in the
 * committee's annex. Axe 0 on each page in Danish and English, nothing sideways at 320 px (the
 * presenter at 1280 px); screenshots in /tmp/shots-events/.
 */
const ID = 'arrangementer-arbejdsrum';
const EVENT = 'ai-festival';
const DAY = 24 * 60 * 60 * 1000;
const SHOTS = '/tmp/shots-events';
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const q = `?forloeb=${ID}`;

let stack: TestStack;
let session: BrowserSession;
let admin: User;
let moderator: User;
let guest: User;
let committee: User;

const ok = (r: { status: number; json: unknown }, status: number) => expect(r.status, JSON.stringify(r.json)).toBe(status);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [admin, moderator, guest, committee] = await Promise.all([
    stack.user({ role: 'admin', name: 'Ada Admin' }),
    stack.user({ role: 'moderator', name: 'Mads Moderator' }),
    stack.user({ type: 'employee', name: 'Frida Fremmødt' }),
    stack.user({ role: 'committee', name: 'Karen Udvalg' }),
  ]);
  const phases = [
    { kind: 'ideas', title: { da: 'Idéer', en: 'Ideas' }, startsAt: at(-1), endsAt: at(30) },
    { kind: 'event', title: { da: 'Temadag', en: 'Theme day' }, startsAt: at(-1), endsAt: at(30) },
    { kind: 'closed', title: { da: 'Afsluttet', en: 'Closed' }, startsAt: at(30) },
  ];
  ok(await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition(ID, { phases: phases as never }) }), 201);
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Waits for the h1 and the spinners to go; then axe and (unless `wide`) no sideways scrolling at 320 px; a screenshot when named. */
async function checkPage(page: Page, heading: string | RegExp, name: string, options: { shot?: string; wide?: boolean } = {}) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
  if (options.shot) {
    await page.screenshot({ path: screenshotPath(options.shot), fullPage: true });
    copyFileSync(screenshotPath(options.shot), `${SHOTS}/${options.shot}`);
  }
  if (options.wide) return;
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  // What sticks out, named, so a failure says where.
  const wide = await page.evaluate(() =>
    document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth
      ? []
      : [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.parentElement?.closest('.ws-table-wrap'))
          .slice(0, 5).map((e) => `${e.tagName}.${e.className}#${e.id}`),
  );
  expect({ page: name, width: 320, wide }).toEqual({ page: name, width: 320, wide: [] });
  await page.setViewportSize(size);
}

/** The same page in English: axe again, then back to Danish. */
async function checkEnglish(page: Page, heading: string | RegExp, name: string, wide = false) {
  await page.evaluate(() => localStorage.setItem('deltag.locale', 'en'));
  await page.reload();
  await checkPage(page, heading, `${name}-en`, { wide });
  await page.evaluate(() => localStorage.setItem('deltag.locale', 'da'));
  await page.reload();
}

async function signIn(page: Page, user: User, next: string) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === next.split(/[?#]/)[0]);
}

const datetime = (days: number, hour: string) => `${new Date(Date.now() + days * DAY).toISOString().slice(0, 10)}T${hour}`;

describe('the events workspace', () => {
  let roundId = '';
  let code = '';

  it('lets an admin create an event, and checks a signed-up person in at the door', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, admin, '/arbejdsrum/arrangementer/ny');
    await page.goto(`${stack.info.webUrl}/arbejdsrum/arrangementer/ny${q}`);
    await checkPage(page, 'Opret arrangement', 'event-form-da');
    await page.locator('#ev-id').fill(EVENT);
    await page.locator('#ev-title-da').fill('AI-festival for medarbejdere');
    await page.locator('#ev-title-en').fill('AI festival for employees');
    await page.locator('#ev-description-da').fill('En dag om AI i hverdagen.');
    await page.locator('#ev-place-address').fill('Bernstorffsvej 161, 2920 Charlottenlund');
    await page.locator('#ev-place-room').fill('Byrådssalen');
    await page.locator('#ev-startsAt').fill(datetime(7, '09:00'));
    await page.locator('#ev-endsAt').fill(datetime(7, '15:00'));
    await page.locator('#ev-capacity').fill('40');
    await page.getByLabel('Teleslynge').check();
    await page.locator('#ev-published').check();
    await page.screenshot({ path: `${SHOTS}/event-form.png`, fullPage: true });
    await page.getByRole('button', { name: 'Opret arrangement' }).click();
    await page.getByText('Arrangementet er oprettet.').waitFor();
    await page.waitForURL((url) => url.pathname === `/arbejdsrum/arrangementer/${EVENT}`);
    await checkEnglish(page, 'Edit event', 'event-form');
    const listed = await stack.api(`/processes/${ID}/organiser/events`, { token: admin.token });
    expect(listed.json).toMatchObject({ items: [{ id: EVENT, capacity: 40, accessFeatures: ['hearing-loop'], published: true, place: { room: 'Byrådssalen' } }] });

    ok(await stack.api(`/processes/${ID}/events/${EVENT}/signup`, { method: 'POST', token: guest.token, body: { diet: ['vegetarian'], note: 'Kommer med toget.' } }), 201);
    await page.goto(`${stack.info.webUrl}/arbejdsrum/arrangementer${q}`);
    await checkPage(page, 'Arrangementer', 'events-da');
    await page.getByRole('link', { name: 'Tilmeldinger til AI-festival for medarbejdere' }).click();
    await checkPage(page, /Tilmeldinger: AI-festival/, 'signups-da');
    const box = page.getByRole('checkbox', { name: 'Frida Fremmødt er mødt op' });
    await box.focus();
    await page.keyboard.press('Space');
    await page.getByText('Frida Fremmødt er markeret som mødt op.').waitFor();
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/signup-list.png`, fullPage: true });
    const rows = await stack.api(`/processes/${ID}/organiser/events/${EVENT}/signups`, { token: admin.token });
    expect(rows.json).toMatchObject({ items: [{ name: 'Frida Fremmødt', state: 'seat', diet: ['vegetarian'], checkedInAt: expect.any(String) }] });
    await checkEnglish(page, /Sign-ups: AI festival/, 'signups');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('lets a moderator build and open a live round, shows the answers on the presenter view, and puts the closed round in the annex', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const livePath = `/arbejdsrum/arrangementer/${EVENT}/live`;
    await signIn(page, moderator, livePath);
    await page.goto(`${stack.info.webUrl}${livePath}${q}`);
    await checkPage(page, /Live-runder: AI-festival/, 'live-da');
    await page.getByRole('button', { name: 'Ny live-runde' }).click();
    await page.locator('#lr-title-da').fill('Salens stemning');
    for (const kind of ['Ét valg', 'Skala 0–10', 'Ordsky', 'Enig/uenig i udsagn']) await page.getByRole('button', { name: `Tilføj spørgsmål: ${kind}` }).click();
    await page.locator('#lr-questions-0-text-da').fill('Hvad er vigtigst?');
    await page.locator('#lr-questions-0-items-0-da').fill('Tid');
    await page.locator('#lr-questions-0-items-1-da').fill('Kvalitet');
    await page.locator('#lr-questions-1-text-da').fill('Hvor tryg er du ved AI?');
    await page.locator('#lr-questions-1-lowLabel-da').fill('Utryg');
    await page.locator('#lr-questions-1-highLabel-da').fill('Tryg');
    await page.locator('#lr-questions-2-text-da').fill('Ét ord om AI');
    await page.locator('#lr-questions-3-text-da').fill('Ambitionen');
    await page.locator('#lr-questions-3-items-0-da').fill('AI skal frigøre tid til kerneopgaven.');
    await page.getByRole('button', { name: 'Tilføj udsagn' }).click();
    await page.locator('#lr-questions-3-items-1-da').fill('Et menneske træffer altid afgørelsen.');
    await checkPage(page, /Live-runder: AI-festival/, 'live-builder-da', { shot: 'live-builder.png' });
    await page.getByRole('button', { name: 'Opret runden' }).click();
    await page.getByText('Runden er oprettet som kladde.').waitFor();
    await page.getByRole('button', { name: /^Åbn runden/ }).click();
    const opened = page.getByText(/Runden er åben med koden [A-Z0-9]{6}\./);
    await opened.waitFor();
    code = /koden ([A-Z0-9]{6})/.exec(await opened.innerText())![1]!;
    const rounds = await stack.api(`/processes/${ID}/organiser/events/${EVENT}/live-rounds`, { token: moderator.token });
    roundId = (rounds.json as { items: { id: string; code?: string }[] }).items.find((r) => r.code === code)!.id;
    await checkEnglish(page, /Live rounds: AI festival/, 'live');

    // Three phones answer every question; a fourth only the first.
    const phone = (n: number) => `phone-token-${n}-0123456789abcdef`;
    const answers: [string, unknown][][] = [
      [['q1', 'o1'], ['q2', 8], ['q3', ['Tid', 'etik']], ['q4', { s1: 'agree', s2: 'agree' }]],
      [['q1', 'o1'], ['q2', 6], ['q3', ['tid']], ['q4', { s1: 'agree', s2: 'disagree' }]],
      [['q1', 'o2'], ['q2', 7], ['q3', ['Ansvar']], ['q4', { s1: 'neutral', s2: 'agree' }]],
      [['q1', 'o2']],
    ];
    for (const [n, list] of answers.entries()) {
      for (const [questionId, answer] of list) ok(await stack.api(`/live/${code}/answers`, { method: 'POST', body: { token: phone(n), questionId, answer } }), 201);
    }

    await page.goto(`${stack.info.webUrl}${livePath}/${roundId}/praesentation${q}`);
    await page.locator('[data-testid="code"]').getByText(code).waitFor();
    expect(await page.locator('[data-testid="lr-q-q1-count"]').innerText()).toBe('4 svar');
    expect(await page.locator('[data-testid="bar-value"]').allInnerTexts()).toEqual(['2', '2']);
    expect(await page.getByRole('img', { name: new RegExp(`^QR-kode til http://127\\.0\\.0\\.1:\\d+/live/${code}$`) }).count()).toBe(1);
    await checkPage(page, /Præsentation: Salens stemning/, 'presenter-da', { shot: 'presenter-view.png', wide: true });
    // A phone answers while the view is up: the next poll shows it.
    ok(await stack.api(`/live/${code}/answers`, { method: 'POST', body: { token: phone(9), questionId: 'q1', answer: 'o1' } }), 201);
    await expect.poll(() => page.locator('[data-testid="bar-value"]').allInnerTexts(), { timeout: 10_000 }).toEqual(['3', '2']);
    await page.keyboard.press('ArrowRight');
    await page.getByText('Gennemsnit: 7,0').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('[data-testid="s2-disagree"]').innerText()).toBe('1');
    expect(await page.locator('[data-testid="s1-agree"]').innerText()).toBe('2');
    await checkEnglish(page, /Presentation: Salens stemning/, 'presenter', true);

    await page.goto(`${stack.info.webUrl}${livePath}${q}`);
    await page.getByRole('button', { name: /^Luk runden/ }).click();
    await page.getByRole('button', { name: 'Ja, luk runden' }).click();
    await page.getByText('Runden er lukket, og resultaterne er gemt.').waitFor();
    expect(errors).toEqual([]);
    await page.close();

    const annex = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(annex, committee, '/arbejdsrum/bilag');
    await annex.goto(`${stack.info.webUrl}/arbejdsrum/bilag${q}`);
    const section = annex.locator('[data-testid="annex-live"]');
    await section.getByRole('heading', { name: 'Temadag og arrangementer: live-runder' }).waitFor();
    expect(await section.innerText()).toContain('AI-festival for medarbejdere');
    expect(await section.locator('[data-testid="annex-' + roundId + '-q1-count"]').innerText()).toBe('5 svar');
    expect(await section.locator('[data-testid="s2-disagree"]').innerText()).toBe('1');
    await annex.screenshot({ path: `${SHOTS}/annex-live-rounds.png`, fullPage: true });
    await annex.close();
  }, 300_000);
});
