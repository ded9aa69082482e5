import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import type { ExportDocument } from '#shared/schemas/export';
import type { IdeaList, IdeaListItem } from '#shared/schemas/idea';
import { validIdea } from '../fixtures/ideas';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { TEST_DEMO_PARTICIPANTS, TestStack } from '../helpers/stack';
import { exportIdeaTable } from '../helpers/csv';

/**
 * The workspace in the built SPA against a full local stack with the demo ideas: three citizens flag
 * an idea so it is held in the flagged queue; a moderator signs in through the UI and hides it with a
 * reason, sets another idea's status with an official answer and a deadline, merges a duplicate
 * into it, and blocks an author (hiding what they wrote) and lifts the block; a committee member downloads the CSV and XLSX exports and finds the top ideas in the API's
 * order, and opens the printable annex; an admin grants a role. axe-core finds nothing on any
 * workspace page; screenshots at 1280 and 375 px go to .test-artifacts/screenshots/.
 */
type User = Awaited<ReturnType<TestStack['user']>>;

const PROCESS = 'ai-i-gentofte';
const REASON = 'Indlægget er krænkende over for en navngiven person.';

let stack: TestStack;
let session: BrowserSession;
let moderator: User;
let committee: User;
let target: IdeaListItem;

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'demo', demoParticipants: TEST_DEMO_PARTICIPANTS }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [moderator, committee] = await Promise.all([
    stack.user({ role: 'moderator', name: 'Mona Moderator' }),
    stack.user({ role: 'committee', name: 'Ulla Udvalg' }),
  ]);

  // The newest demo idea, flagged by three different citizens: the process's threshold holds it.
  const list = await stack.api(`/processes/${PROCESS}/ideas?sort=new&limit=1`);
  expect(list.status).toBe(200);
  target = (list.json as IdeaList).items[0]!;
  const flaggers = await Promise.all([0, 1, 2].map(() => stack.user()));
  for (const flagger of flaggers) {
    const r = await stack.api(`/ideas/${target.id}/flags`, { method: 'POST', token: flagger.token, body: { reason: 'offensive' } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  }
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

async function signInThroughUi(page: Page, user: User, next: string) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** Opens a workspace page in the same tab (the session stays), waits for its h1, checks axe, and screenshots it. */
async function checkPage(page: Page, path: string, heading: string, shot: string) {
  await page.goto(`${stack.info.webUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.locator('[role="status"] .ui-status__spinner').waitFor({ state: 'detached' });
  expect(await axeViolations(page), path).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} fits`).toBe(true);
  await page.screenshot({ path: screenshotPath(`${shot}.png`), fullPage: true });
}

describe('the workspace', () => {
  it('lets a moderator hide a flagged idea from the queue, with a reason', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);

    await signInThroughUi(page, moderator, '/arbejdsrum');
    await page.getByRole('heading', { level: 1, name: 'Arbejdsrum' }).waitFor();
    expect(await page.title()).toBe('Arbejdsrum – Deltag – Gentofte Kommune');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('workspace-home-1280.png'), fullPage: true });

    // In English too: the workspace's own messages follow the language switch.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workspace' }).waitFor();
    expect(await page.title()).toBe('Workspace – Deltag – Gentofte Municipality');
    expect(await page.getByRole('navigation', { name: 'The workspace' }).getByRole('link', { name: 'Moderation queue' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbejdsrum' }).waitFor();

    await page.getByRole('navigation', { name: 'Arbejdsrummet' }).getByRole('link', { name: 'Moderationskø' }).click();
    await page.getByRole('heading', { level: 1, name: 'Moderationskø' }).waitFor();
    const flaggedTab = page.getByRole('tab', { name: /^Anmeldt \(\d+\)$/ });
    await flaggedTab.waitFor();
    // The demo's own flagged idea and comment wait there too.
    const flagged = (await stack.api(`/moderation/queue?processId=${PROCESS}&kind=flagged`, { token: moderator.token })).json.counts.flagged as number;
    expect(flagged).toBeGreaterThan(1);
    expect(await flaggedTab.innerText()).toBe(`Anmeldt (${flagged})`);
    await flaggedTab.click();
    expect(await flaggedTab.getAttribute('aria-selected')).toBe('true');
    expect(page.url()).toContain('kind=flagged');

    const entry = page.locator('[data-testid="queue-list"] > li', { hasText: target.title });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Anmeldelser: 3');
    expect(await entry.innerText()).toContain('Krænkende eller stødende: 3');
    // Who flagged is never shown.
    expect(await entry.innerText()).not.toContain('Testbruger');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('workspace-queue-flagged-1280.png'), fullPage: true });

    // Hide without a reason: refused, and the error summary takes focus.
    await entry.getByRole('checkbox').check();
    await page.getByLabel('Handling').selectOption('hide');
    await page.getByRole('button', { name: 'Udfør for de valgte' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Skriv en begrundelse');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);

    await page.getByRole('textbox', { name: 'Begrundelse' }).fill(REASON);
    await page.getByRole('button', { name: 'Udfør for de valgte' }).click();
    await page.getByText('Udført for 1 af 1.').waitFor();
    await entry.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: `Anmeldt (${flagged - 1})` }).waitFor();
    // The tabs work by keyboard: the arrow keys move between them.
    await flaggedTab.focus();
    await page.keyboard.press('ArrowLeft');
    const pendingTab = page.getByRole('tab', { name: /^Venter på godkendelse/ });
    await page.waitForFunction(() => document.activeElement?.id === 'queue-tab-pending');
    expect(await pendingTab.getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: screenshotPath('workspace-queue-1280.png'), fullPage: true });

    const moderated = await stack.api(`/moderation/ideas/${target.id}`, { token: moderator.token });
    expect(moderated.json.status).toBe('hidden');
    expect(moderated.json.moderationReason).toBe(REASON);
    expect(moderated.json.history[0]).toMatchObject({ action: 'hide', reason: REASON, actorName: 'Mona Moderator' });

    // The idea's moderation view shows it hidden, with the decision in its history.
    await checkPage(page, `/arbejdsrum/ideer/${target.id}`, target.title, 'workspace-idea-1280');
    expect(await page.locator('.tag--status').first().innerText()).toBe('Skjult af moderator');
    const history = page.locator('table.ws-history tbody tr').first();
    expect(await history.innerText()).toContain('Mona Moderator');
    expect(await history.innerText()).toContain(REASON);

    await checkPage(page, '/arbejdsrum/log', 'Revisionslog', 'workspace-log-1280');
    expect(await page.locator('table.ws-history tbody tr').first().innerText()).toContain(REASON);
    await checkPage(page, '/arbejdsrum/svarfrister', 'Overskredne svarfrister', 'workspace-overdue-1280');
    // A moderator is no admin: the roles page explains instead of showing the form.
    await page.goto(`${stack.info.webUrl}/arbejdsrum/roller`);
    await page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne del af arbejdsrummet' }).waitFor();

    await page.setViewportSize({ width: 375, height: 800 });
    await checkPage(page, '/arbejdsrum/moderation', 'Moderationskø', 'workspace-queue-375');
    await checkPage(page, `/arbejdsrum/ideer/${target.id}`, target.title, 'workspace-idea-375');
    expect(errors).toEqual([]);
  });

  it('lets a moderator set the status with an official answer and a deadline, and merge a duplicate found by search', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const list = await stack.api(`/processes/${PROCESS}/ideas?sort=new&limit=5`);
    const [main, duplicate] = (list.json as IdeaList).items.filter((i) => i.id !== target.id);

    await signInThroughUi(page, moderator, `/arbejdsrum/ideer/${main!.id}`);
    await page.getByRole('heading', { level: 1, name: main!.title }).waitFor();
    const statusForm = page.locator('form', { has: page.getByRole('heading', { name: 'Status og officielt svar' }) });
    await statusForm.getByLabel('Ny status').selectOption('under_review');
    await statusForm.getByLabel('Officielt svar (vises på idéen)').fill('Udvalget ser på idéen på mødet i december.');
    await statusForm.getByLabel('Svarfrist (valgfri)').fill('2027-01-15');
    await statusForm.getByRole('button', { name: 'Sæt status' }).click();
    await page.getByText('Beslutningen er gemt: Status ændret.').waitFor();
    expect(await page.locator('.tag--status').first().innerText()).toBe('Under behandling');

    const afterStatus = await stack.api(`/moderation/ideas/${main!.id}`, { token: moderator.token });
    expect(afterStatus.json).toMatchObject({ status: 'under_review', officialAnswer: 'Udvalget ser på idéen på mødet i december.', answerDeadline: '2027-01-15' });

    // Merge the duplicate into it: find the main idea by searching from the duplicate's page.
    await page.goto(`${stack.info.webUrl}/arbejdsrum/ideer/${duplicate!.id}`);
    await page.getByRole('heading', { level: 1, name: duplicate!.title }).waitFor();
    const mergeForm = page.locator('form', { has: page.getByRole('heading', { name: 'Læg sammen med en anden idé' }) });
    await mergeForm.getByLabel('Søg blandt offentlige idéer').fill(main!.title.split(' ').slice(0, 3).join(' '));
    await mergeForm.getByRole('button', { name: 'Søg', exact: true }).click();
    await mergeForm.getByRole('button', { name: `Vælg "${main!.title}"` }).click();
    expect(await mergeForm.getByLabel('Id på den idé, den skal lægges sammen med').inputValue()).toBe(main!.id);
    await mergeForm.getByRole('textbox', { name: 'Begrundelse' }).fill('Samme forslag som en tidligere idé.');
    expect(await axeViolations(page)).toEqual([]);
    await mergeForm.getByRole('button', { name: 'Læg sammen' }).click();
    await page.getByText('Beslutningen er gemt: Lagt sammen.').waitFor();
    expect(await page.locator('.tag--status').first().innerText()).toBe('Lagt sammen med en anden idé');
    expect(await page.getByRole('link', { name: main!.id }).isVisible()).toBe(true);

    const merged = await stack.api(`/moderation/ideas/${duplicate!.id}`, { token: moderator.token });
    expect(merged.json).toMatchObject({ status: 'merged', mergedInto: main!.id });
    expect(errors).toEqual([]);
  });

  it("lets a moderator block an idea's author with a reason, hiding what they wrote, and lift the block again", async () => {
    const author = await stack.user({ name: 'Troels Trold' });
    const posted = await stack.api(`/processes/${PROCESS}/ideas`, { method: 'POST', token: author.token, body: validIdea({ title: 'En idé fra en bruger, der skal blokeres' }) });
    expect(posted.status, JSON.stringify(posted.json)).toBe(201);
    const ideaId = (posted.json as { id: string }).id;
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);

    await signInThroughUi(page, moderator, `/arbejdsrum/ideer/${ideaId}`);
    await page.getByRole('heading', { level: 1, name: 'En idé fra en bruger, der skal blokeres' }).waitFor();
    const blockForm = page.locator('form', { has: page.getByRole('heading', { name: 'Forfatterens konto' }) });
    // No reason: the form says so and sends nothing.
    await blockForm.getByRole('button', { name: 'Bloker forfatteren' }).click();
    await blockForm.locator('.error-summary').waitFor();
    expect(await blockForm.locator('.error-summary').innerText()).toContain('Begrundelse');
    expect((await stack.api(`/moderation/ideas/${ideaId}`, { token: moderator.token })).json).toMatchObject({ author: { userId: author.userId, blocked: false } });

    await blockForm.getByRole('textbox', { name: 'Begrundelse' }).fill('Gentagne personangreb i kommentarerne.');
    await blockForm.getByLabel('Skjul også alt, forfatteren har skrevet (idéer og kommentarer)').check();
    expect(await axeViolations(page)).toEqual([]);
    await blockForm.getByRole('button', { name: 'Bloker forfatteren' }).click();
    await page.getByText('Forfatteren er blokeret, og 1 indlæg er skjult.').waitFor();
    expect(await page.locator('.tag--status').first().innerText()).toBe('Skjult af moderator');
    const blocked = await stack.api(`/moderation/ideas/${ideaId}`, { token: moderator.token });
    expect(blocked.json).toMatchObject({ status: 'hidden', author: { userId: author.userId, blocked: true } });
    // The author can no longer write.
    expect((await stack.api(`/processes/${PROCESS}/ideas`, { method: 'POST', token: author.token, body: validIdea() })).status).toBe(403);

    await blockForm.getByRole('button', { name: 'Ophæv blokeringen' }).click();
    await page.getByText('Blokeringen er ophævet.').waitFor();
    expect((await stack.api(`/moderation/ideas/${ideaId}`, { token: moderator.token })).json).toMatchObject({ status: 'hidden', author: { blocked: false } });
    expect(errors).toEqual([]);
  });

  it('lets a committee member download the top ideas as CSV and XLSX, in the order of the API, and open the annex', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const errors = collectPageErrors(page);
    const api = await stack.api(`/processes/${PROCESS}/export?format=json&top=20`, { token: committee.token });
    expect(api.status).toBe(200);
    const expected = (api.json as ExportDocument).rows;
    expect(expected.length).toBeGreaterThan(3);
    expect(expected.map((r) => r.id)).not.toContain(target.id);

    await signInThroughUi(page, committee, '/arbejdsrum/eksport');
    await page.getByRole('heading', { level: 1, name: 'Eksport til udvalget' }).waitFor();
    // A committee member sees export, overdue answers, the survey, the consultation and the recommendations, not the queue or the log.
    const nav = page.getByRole('navigation', { name: 'Arbejdsrummet' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Arbejdsrum', 'Overskredne svarfrister', 'Eksport til udvalget', 'Spørgeskemaets resultater', 'Høring', 'Anbefalinger']);
    expect(await page.getByLabel('Antal idéer (top N)').inputValue()).toBe('20');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('workspace-export-1280.png'), fullPage: true });

    const dir = mkdtempSync(join(tmpdir(), 'deltag-export-'));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent CSV (Excel, dansk)' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^deltag-ai-i-gentofte-top20-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvPath = join(dir, csv.suggestedFilename());
    await csv.saveAs(csvPath);
    const text = readFileSync(csvPath, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const { header, rows } = exportIdeaTable(text);
    expect(rows.map((r) => r[header.indexOf('Id')])).toEqual(expected.map((r) => r.id));
    await page.getByText(`Filen ${csv.suggestedFilename()} er hentet.`).waitFor();

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent Excel-fil (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsxPath = join(dir, xlsx.suggestedFilename());
    await xlsx.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.getWorksheet('Idéer')!;
    const titles: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) titles.push(String(row.getCell(3).text));
    });
    expect(titles).toEqual(expected.map((r) => r.title));

    // Top 5 in one area gives the annex for that area.
    await page.getByLabel('Antal idéer (top N)').fill('5');
    await page.getByRole('link', { name: 'Åbn udvalgsbilaget til udskrift' }).click();
    await page.getByRole('heading', { level: 1, name: 'Udvalgsbilag' }).waitFor();
    expect(page.url()).toContain('top=5');
    // One row per idea (the first of its section; an official answer has a row beneath it).
    const annexRows = page.locator('[data-testid="annex-ranking"] tbody tr:first-child');
    expect(await annexRows.count()).toBe(Math.min(5, expected.length));
    expect(await annexRows.locator('th').allInnerTexts()).toEqual(expected.slice(0, 5).map((r) => r.title));
    for (const id of ['chart-ideas-by-area', 'chart-votes-by-area', 'chart-votes-by-type']) {
      const chart = page.getByTestId(id);
      expect(await chart.locator('svg[role="img"]').getAttribute('aria-labelledby')).toBe(`${id}-title`);
      expect(await chart.locator('details table tbody tr').count()).toBeGreaterThan(0);
    }
    expect(await page.getByRole('heading', { level: 2, name: 'Automatisk behandling' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('workspace-annex-1280.png'), fullPage: true });

    // In print: no navigation or buttons, and the page is A4 with black text on white.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.ws-nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Udskriv' }).isVisible()).toBe(false);
    expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).color)).toBe('rgb(0, 0, 0)');
    await page.screenshot({ path: screenshotPath('workspace-annex-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize({ width: 375, height: 800 });
    await checkPage(page, '/arbejdsrum/eksport', 'Eksport til udvalget', 'workspace-export-375');
    await checkPage(page, '/arbejdsrum/bilag?top=5', 'Udvalgsbilag', 'workspace-annex-375');
    expect(errors).toEqual([]);
  });

  it('lets an admin find a user by e-mail and grant a role, effective at their next sign-in', async () => {
    const admin = await stack.user({ role: 'admin', name: 'Ada Admin' });
    const someone = await stack.user({ name: 'Bo Borger' });
    await stack.setUpTotp(someone); // a staff role needs an authenticator app
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);

    await signInThroughUi(page, admin, '/arbejdsrum/roller');
    await page.getByRole('heading', { level: 1, name: 'Roller' }).waitFor();
    await page.getByLabel('Brugerens e-mailadresse').fill(someone.email);
    await page.getByRole('button', { name: 'Find bruger' }).click();
    await page.getByRole('heading', { level: 2, name: someone.email }).waitFor();
    expect(await page.getByTestId('current-roles').innerText()).toBe('Ingen');
    await page.getByRole('checkbox', { name: /^Udvalgsmedlem/ }).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gem roller' }).click();
    await page.getByText('Rollerne er gemt. Ændringen virker, næste gang brugeren logger ind.').waitFor();
    expect(await page.getByTestId('current-roles').innerText()).toBe('Udvalgsmedlem');
    await page.screenshot({ path: screenshotPath('workspace-roles-1280.png'), fullPage: true });

    const found = await stack.api(`/users?email=${encodeURIComponent(someone.email)}`, { token: admin.token });
    expect(found.json.roles).toEqual(['committee']);
    expect(errors).toEqual([]);
  });
});
