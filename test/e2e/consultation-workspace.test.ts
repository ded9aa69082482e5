import { copyFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { consultationSetupSchema, draftSchema, responseListSchema, versionSchema } from '#shared/schemas/consultation';
import { aDefinition } from '../fixtures/process-definitions';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { TestStack } from '../helpers/stack';

/**
 * The consultation's workspace in the built SPA against a whole local stack: an admin sets up the
 * reference list and the follow-group's and the public round and invites by e-mail; creates a
 * document, adds a paragraph and publishes version 1; a follow-group member (joined by the round's
 * link token) comments on § 1; the admin changes § 1 and publishes version 2 naming that comment; the
 * secretariat answers it; the report shows the comment with its answer and prints as a PDF. axe finds
 * nothing on the five pages in Danish and English, and they fit 320 px. Screenshots in
 * /tmp/shots-consult/ws-*.png.
 */
type User = Awaited<ReturnType<TestStack['user']>>;

const ID = 'hoering-ai';
const DOC = 'etik';
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
/** A day as the datetime field takes it, at noon (far from any time-zone edge). */
const day = (days: number) => `${at(days).slice(0, 10)}T12:00`;
const SHOTS = '/tmp/shots-consult';
const q = `?forloeb=${ID}`;

let stack: TestStack;
let session: BrowserSession;
let admin: User;
let member: User;

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'none' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [admin, member] = await Promise.all([stack.user({ role: 'admin', name: 'Ada Admin' }), stack.user({ type: 'employee', name: 'Mette Medarbejder' })]);
  const phases = [
    { kind: 'consultation', title: { da: 'Høring' }, startsAt: at(-1), endsAt: at(40) },
    { kind: 'closed', title: { da: 'Slut' }, startsAt: at(90) },
  ];
  const r = await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition(ID, { phases: phases as never }) });
  expect(r.status).toBe(201);
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

async function signIn(page: Page, user: User, next: string, lang: 'da' | 'en' = 'da') {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: lang === 'da' ? 'Log ind' : 'Sign in' }).waitFor();
  await page.getByLabel(lang === 'da' ? 'E-mailadresse' : 'Email address').fill(user.email);
  await page.getByLabel(lang === 'da' ? 'Adgangskode' : 'Password', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: lang === 'da' ? 'Log ind' : 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** Waits for the h1 and every spinner to go; then axe, 320 px, and screenshots. */
async function checkPage(page: Page, heading: string | RegExp, shot: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect({ page: shot, violations: await axeViolations(page) }).toEqual({ page: shot, violations: [] });
  const save = async (name: string) => {
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
    copyFileSync(screenshotPath(name), `${SHOTS}/${name}`);
  };
  await save(`${shot}.png`);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  expect({ page: shot, fits: await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth) }).toEqual({ page: shot, fits: true });
  await save(`${shot}-320.png`);
  await page.setViewportSize(size);
}

const draftNow = async () => draftSchema.parse((await stack.api(`/processes/${ID}/documents/${DOC}/draft`, { token: admin.token })).json);

describe('the consultation in the workspace', () => {
  it('is set up by an admin: reference list, the follow-group round and the public round, an invitation by e-mail', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, admin, `/arbejdsrum/hoering/opsaetning${q}`);
    await page.getByText('Høringen er ikke sat op endnu.').waitFor();
    await page.locator('#cs-references-name-da').fill('Gentofte Kommunes dataetiske kompas');
    await page.getByRole('button', { name: 'Tilføj princip' }).click();
    await page.locator('#cs-references-items-0-id').fill('aabenhed');
    await page.locator('#cs-references-items-0-label-da').fill('Åbenhed');
    await page.locator('#cs-references-items-0-description-da').fill('Vi fortæller, når AI indgår i en opgave.');
    await page.getByRole('button', { name: 'Tilføj runde' }).click();
    await page.locator('#cs-rounds-0-title-da').fill('Følgegruppen');
    await page.locator('#cs-rounds-0-description-da').fill('Medarbejdernes følgegruppe kommenterer først. Deres input vises for sig.');
    await page.locator('#cs-rounds-0-startsAt').fill(day(-1));
    await page.locator('#cs-rounds-0-endsAt').fill(day(10));
    await page.getByRole('button', { name: 'Tilføj runde' }).click();
    await page.locator('#cs-rounds-1-title-da').fill('Offentlig høring');
    await page.locator('#cs-rounds-1-startsAt').fill(day(11));
    await page.locator('#cs-rounds-1-endsAt').fill(day(39));
    await page.getByRole('button', { name: 'Gem runder og referenceliste' }).click();
    await page.getByText('Høringens opsætning er gemt.').waitFor();

    const setup = consultationSetupSchema.parse((await stack.api(`/processes/${ID}/consultation`, { token: admin.token })).json);
    expect(setup.references?.items.map((i) => i.id)).toEqual(['aabenhed']);
    expect(setup.rounds.map((r) => [r.id, r.kind])).toEqual([
      ['foelgegruppe', 'invited'],
      ['offentlig', 'public'],
    ]);
    const token = setup.rounds[0]!.inviteToken!;
    expect(await page.locator('#cs-rounds-0-link').inputValue()).toBe(`${stack.info.webUrl}/forloeb/${ID}/hoering/runde/foelgegruppe?token=${token}`);

    await page.locator('#cs-rounds-0-emails').fill('ny.medarbejder@example.dk\nanden@example.dk');
    await page.getByRole('button', { name: 'Send invitationer' }).click();
    await page.getByText('2 inviteret. 0 var allerede medlemmer.').waitFor();
    await checkPage(page, 'Høringens runder og referenceliste', 'ws-setup');

    // The follow-group member joins by the link's token (the public join page is tested with the public side).
    const joined = await stack.api(`/processes/${ID}/consultation/rounds/foelgegruppe/join`, { method: 'POST', token: member.token, body: { token } });
    expect(joined.status).toBe(200);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('has a document created, written and published, then changed because of a comment', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, admin, `/arbejdsrum/hoering${q}`);
    await page.getByText('Forløbet har ingen dokumenter i høring endnu.').waitFor();
    await page.locator('#cd-id').fill(DOC);
    await page.locator('#cd-title-da').fill('Etiske retningslinjer for brug af AI');
    await page.getByRole('button', { name: 'Opret dokumentet' }).click();
    await page.getByText('Dokumentet "Etiske retningslinjer for brug af AI" er oprettet.').waitFor();
    await page.getByRole('link', { name: /^Redigér udkastet\W+Etiske retningslinjer for brug af AI$/ }).click();

    await page.getByRole('heading', { level: 1, name: /Udkast til høringsdokument/ }).waitFor();
    await page.getByRole('button', { name: 'Tilføj afsnit' }).click();
    await page.locator('#de-blocks-1-text-da').fill('Vi bruger kun AI, når det gavner borgerne.');
    await page.locator('#de-blocks-1-cite-aabenhed').check();
    await page.getByRole('button', { name: 'Tilføj afsnit' }).click();
    await page.locator('#de-blocks-2-text-da').fill('Et menneske træffer altid afgørelsen.');
    await page.getByRole('button', { name: 'Gem udkastet' }).click();
    await page.getByText('Udkastet er gemt.').waitFor();
    expect((await draftNow()).blocks.map((b) => (b.kind === 'paragraph' ? b.no : b.kind))).toEqual(['heading', 1, 2]);

    await page.getByRole('button', { name: 'Offentliggør ny version' }).click();
    await page.getByRole('heading', { name: 'Offentliggør version 1' }).waitFor();
    await page.locator('#dp-note-da').fill('Første udkast til følgegruppen.');
    await page.getByRole('button', { name: 'Offentliggør', exact: true }).click();
    await page.getByText('Version 1 er offentliggjort.').waitFor();

    // The follow-group member comments on § 1.
    const created = await stack.api(`/processes/${ID}/documents/${DOC}/responses`, {
      method: 'POST',
      token: member.token,
      body: { roundId: 'foelgegruppe', paragraphNo: 1, position: 'disagree', comment: 'Skriv også, hvem der har ansvaret for AI-løsningen.' },
    });
    expect(created.status).toBe(201);
    const responseId = (created.json as { id: string }).id;

    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Udkast til høringsdokument/ }).waitFor();
    await page.getByText('Bygger på version 1.').waitFor();
    await page.locator('#de-blocks-1-text-da').fill('Vi bruger kun AI, når det gavner borgerne, og en navngiven leder har ansvaret.');
    await page.getByText('(ændret siden version 1)').waitFor();
    await page.getByRole('button', { name: 'Gem udkastet' }).click();
    await page.getByText('Udkastet er gemt.').waitFor();
    await page.getByRole('button', { name: 'Offentliggør ny version' }).click();
    await page.getByRole('heading', { name: 'Offentliggør version 2' }).waitFor();
    await page.getByLabel(/Skriv også, hvem der har ansvaret/).check();
    await page.locator('#dp-note-da').fill('§ 1 siger nu, hvem der har ansvaret.');
    await checkPage(page, /Udkast til høringsdokument/, 'ws-editor-publish');
    await page.getByRole('button', { name: 'Offentliggør', exact: true }).click();
    await page.getByText('Version 2 er offentliggjort.').waitFor();

    const v2 = versionSchema.parse((await stack.api(`/processes/${ID}/documents/${DOC}`)).json.version);
    expect(v2.version).toBe(2);
    expect(v2.changes).toEqual([{ paragraphNo: 1, responseIds: [responseId] }]);
    await page.getByRole('link', { name: 'Ændringer fra version 1 til 2' }).waitFor();
    await checkPage(page, /Udkast til høringsdokument/, 'ws-editor');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('has every comment answered by the secretariat, and the report shows it and prints on A4', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, admin, `/arbejdsrum/hoering/${DOC}/kommentarer`);
    await page.getByText('Skriv også, hvem der har ansvaret for AI-løsningen.').waitFor();
    await page.getByText('0 af 1 besvaret').first().waitFor();
    // The comment was made on version 1: the paragraph's count sums every version's.
    await page.getByText('§ 1: 0 af 1 besvaret').waitFor();
    await checkPage(page, /Kommentarer til høringsdokument/, 'ws-comments');
    await page.getByLabel('Delvist taget med').check();
    await page.getByLabel('Kort svar').fill('Vi har tilføjet, at en navngiven leder har ansvaret.');
    await page.getByRole('button', { name: 'Gem svaret' }).click();
    await page.getByText('Svaret er gemt.').waitFor();
    const listed = responseListSchema.parse((await stack.api(`/processes/${ID}/consultation/documents/${DOC}/responses`, { token: admin.token })).json);
    expect(listed.items[0]!.answer).toMatchObject({ status: 'partly', text: 'Vi har tilføjet, at en navngiven leder har ansvaret.' });

    await page.goto(`${stack.info.webUrl}/arbejdsrum/hoering/${DOC}/rapport${q}`);
    await page.getByText('Udvalgets svar: Delvist taget med.').waitFor();
    // The follow-group's position was on version 1; the report counts it there, and the comment as answered.
    await page.getByRole('row', { name: /Version 1 · Følgegruppen, Medarbejdere\s+0\s+0\s+1/ }).waitFor();
    await page.getByRole('heading', { name: 'Kommentarer (1 af 1 besvaret)' }).waitFor();
    await checkPage(page, /Høringsrapport: Etiske retningslinjer/, 'ws-report');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ws-nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Udskriv rapporten' }).isVisible()).toBe(false);
    await page.pdf({ path: `${SHOTS}/ws-report.pdf`, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Excel (XLSX)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('has no axe violations on the five pages in English, and they fit 320 px', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    const errors = collectPageErrors(page);
    await signIn(page, admin, `/arbejdsrum/hoering${q}`, 'en');
    await page.getByText('1 of 1 answered').waitFor();
    await checkPage(page, 'Consultation', 'ws-overview-en');
    const pages: [string, string | RegExp, string][] = [
      ['/arbejdsrum/hoering/opsaetning', 'Consultation rounds and reference list', 'ws-setup-en'],
      [`/arbejdsrum/hoering/${DOC}`, /Draft of a consultation document/, 'ws-editor-en'],
      [`/arbejdsrum/hoering/${DOC}/kommentarer`, /Comments on a consultation document/, 'ws-comments-en'],
      [`/arbejdsrum/hoering/${DOC}/rapport`, /Consultation report/, 'ws-report-en'],
    ];
    for (const [path, heading, shot] of pages) {
      await page.goto(`${stack.info.webUrl}${path}${q}`);
      await checkPage(page, heading, shot);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
