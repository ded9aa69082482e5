import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import type { Process } from '#shared/schemas/process';
import { toCopenhagenInput } from '../../frontend/src/lib/copenhagenInput';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { ideaPoster, publicIds } from '../helpers/moderation';
import { TestStack } from '../helpers/stack';

/**
 * The browser test, in the built SPA against a whole local stack: an admin creates a process
 * through the workspace's form (the phase rules answer before anything is sent), a citizen finds it
 * in the list of processes, opens it and posts an idea in it; a moderator finds that idea in the
 * queue of the new process only and publishes it; the first process is unaffected. axe-core finds
 * nothing on the new workspace pages, in Danish and in English, and they fit 320 px.
 */
type User = Awaited<ReturnType<TestStack['user']>>;

const FIRST = 'ai-i-gentofte';
const NEW = 'borgerpanel-om-klima';
const TITLE = 'Borgerpanel om klima';
const IDEA = 'Delebiler ved alle stationer';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let stack: TestStack;
let session: BrowserSession;
let admin: User;
let moderator: User;
let citizen: User;
let firstBefore: string[];

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [admin, moderator, citizen] = await Promise.all([
    stack.user({ role: 'admin', name: 'Ada Admin' }),
    stack.user({ role: 'moderator', name: 'Mona Moderator' }),
    stack.user({ name: 'Carl Borger' }),
  ]);
  // The first process has ideas of its own before the second one exists.
  const post = ideaPoster(stack, FIRST);
  await post({ title: 'Chatbot på borger.dk' });
  await post({ title: 'AI til journalnotater' });
  firstBefore = await publicIds(stack, FIRST);
  expect(firstBefore).toHaveLength(2);
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

async function signInThroughUi(page: Page, user: User, next: string, lang: 'da' | 'en' = 'da') {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: lang === 'da' ? 'Log ind' : 'Sign in' }).waitFor();
  await page.getByLabel(lang === 'da' ? 'E-mailadresse' : 'Email address').fill(user.email);
  await page.getByLabel(lang === 'da' ? 'Adgangskode' : 'Password', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: lang === 'da' ? 'Log ind' : 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** Waits for the page's h1 and for every spinner to go; then axe, 320 px and a screenshot. */
async function checkPage(page: Page, heading: string | RegExp, shot: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect({ page: shot, violations: await axeViolations(page) }).toEqual({ page: shot, violations: [] });
  await page.screenshot({ path: screenshotPath(`${shot}-1280.png`), fullPage: true });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  expect({ page: shot, fits: await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth) }).toEqual({ page: shot, fits: true });
  await page.screenshot({ path: screenshotPath(`${shot}-320.png`), fullPage: true });
  await page.setViewportSize(size);
}

/** A field of the process form by its id (several fields are labelled "Dansk", one per text). */
const field = (page: Page, id: string) => page.locator(`#pf-${id}`);

describe('a process made in the workspace', () => {
  it('is created by an admin through the form, which answers the phase rules before anything is sent', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signInThroughUi(page, admin, '/arbejdsrum/forloeb/nyt');
    await checkPage(page, 'Opret forløb', 'workspace-process-new');

    // Nothing filled in: the summary names what is missing, and nothing is sent.
    await page.getByRole('button', { name: 'Opret forløbet' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Titel (dansk): Skal udfyldes');
    await checkPage(page, 'Opret forløb', 'workspace-process-new-errors');

    const now = Date.now();
    await page.getByRole('group', { name: 'Titel', exact: true }).first().getByLabel('Dansk').fill(TITLE);
    expect(await field(page, 'id').inputValue()).toBe(NEW);
    await page.getByRole('group', { name: 'Titel', exact: true }).first().getByLabel('Engelsk (valgfri)').fill('Citizens’ panel on climate');
    await field(page, 'summary-da').fill('Hvordan når Gentofte sine klimamål, og hvad kan borgerne selv gøre?');
    await field(page, 'description-da').fill('Udvalget vil høre jeres idéer til klimaindsatsen.\n\n- Transport\n- Energi i boliger');
    await field(page, 'charter-tasks-da').fill('Udvalget skal pege på de tiltag, der giver mest klima for pengene.');
    await field(page, 'charter-outcome-da').fill('Udvalget læser alle idéer og svarer på de mest støttede.');
    await page.getByRole('button', { name: 'Tilføj medlem' }).click();
    await field(page, 'charter-members-0-name').fill('Anne Andersen');
    await field(page, 'charter-members-0-role-da').fill('Formand');
    await page.getByRole('button', { name: 'Tilføj møde' }).click();
    await field(page, 'charter-meetings-0-at').fill(toCopenhagenInput(new Date(now + 40 * DAY).toISOString()));
    await field(page, 'charter-meetings-0-title-da').fill('Første møde');

    // The phase's end before its start: the form says so at once, with the server's rule.
    await field(page, 'phases-0-title-da').fill('Idéer og stemmer');
    await field(page, 'phases-0-startsAt').fill(toCopenhagenInput(new Date(now + 2 * DAY).toISOString()));
    await field(page, 'phases-0-endsAt').fill(toCopenhagenInput(new Date(now - DAY).toISOString()));
    await page.locator('#pf-phases-0-endsAt-error').getByText('Slutdatoen skal ligge efter startdatoen').waitFor();
    const opensAt = toCopenhagenInput(new Date(now - HOUR).toISOString());
    await field(page, 'phases-0-startsAt').fill(opensAt);
    await field(page, 'phases-0-endsAt').fill(toCopenhagenInput(new Date(now + 30 * DAY).toISOString()));
    await page.locator('#pf-phases-0-endsAt-error').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Tilføj fase' }).click();
    expect(await field(page, 'phases-1-kind').inputValue()).toBe('review');
    await field(page, 'phases-1-title-da').fill('Udvalget behandler idéerne');

    await field(page, 'areas-0-name-da').fill('Transport');
    await page.getByRole('button', { name: 'Tilføj område' }).click();
    await field(page, 'areas-1-name-da').fill('Energi i boliger');
    await field(page, 'effects-0-name-da').fill('Mindre CO₂');
    await page.getByLabel('Idéer vises, når en moderator har godkendt dem').check();
    await field(page, 'settings-personalDataUntil').fill(toCopenhagenInput(new Date(now + 730 * DAY).toISOString(), true));

    await page.getByRole('button', { name: 'Opret forløbet' }).click();
    await page.waitForURL(`${stack.info.webUrl}/arbejdsrum/forloeb/${NEW}`);
    await page.getByText(`Forløbet "${TITLE}" er oprettet.`).waitFor();
    await checkPage(page, TITLE, 'workspace-process-edit');

    const stored = (await stack.api(`/processes/${NEW}`)).json as Process;
    expect(stored.settings.moderation).toBe('pre');
    expect(stored.areas.map((a) => a.id)).toEqual(['transport', 'energi-i-boliger']);
    expect(toCopenhagenInput(stored.phases[0]!.startsAt)).toBe(opensAt);
    expect(stored.phases[1]).toMatchObject({ kind: 'review', startsAt: stored.phases[0]!.endsAt });
    expect(stored.phases[1]!.endsAt).toBeUndefined();

    // Its definition, as the JSON file setup imports.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent definition (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe(`${NEW}.json`);
    const definition = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(definition).toMatchObject({ id: NEW, title: { da: TITLE } });
    expect(definition).not.toHaveProperty('createdAt');

    // Its creation in the audit log, field by field, under the process's own log.
    await page.getByRole('link', { name: 'Ændringer i revisionsloggen' }).click();
    await page.waitForURL(`${stack.info.webUrl}/arbejdsrum/log?forloeb=${NEW}`);
    const row = page.locator('tbody tr', { hasText: 'Forløb oprettet' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Faser og datoer');
    expect(await row.innerText()).toContain('Udvalget behandler idéerne');
    await checkPage(page, 'Revisionslog', 'workspace-process-log');

    await page.getByRole('navigation', { name: 'Arbejdsrummet' }).getByRole('link', { name: 'Forløb', exact: true }).click();
    const list = page.getByRole('region', { name: 'Alle forløb, nyeste først' });
    await list.getByRole('link', { name: TITLE, exact: true }).waitFor();
    await list.getByRole('link', { name: 'AI i Gentofte Kommune', exact: true }).waitFor();
    await checkPage(page, 'Forløb', 'workspace-processes');
    expect(errors).toEqual([]);
    // Five pages with axe at two widths, on a shared two-core machine.
  }, 240_000);

  it('is found by a citizen in the list of processes, who posts an idea in it', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signInThroughUi(page, citizen, '/forloeb');
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`${stack.info.webUrl}/forloeb/${NEW}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    await page.getByRole('link', { name: 'Del din idé' }).click();
    await page.getByRole('heading', { level: 1, name: 'Del en idé' }).waitFor();
    await page.getByLabel('Overskrift').fill(IDEA);
    await page.getByLabel('Beskrivelse').fill('Flere delebiler ved stationerne gør det lettere at lade bilen stå.');
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByRole('group', { name: 'Område' }).getByLabel('Transport').check();
    await page.getByRole('group', { name: 'Forventede effekter' }).getByLabel('Mindre CO₂').check();
    await page.getByRole('group', { name: 'Hvem gavner det?' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByRole('heading', { level: 2, name: /Bekymringer/ }).waitFor();
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByRole('button', { name: 'Send idéen' }).click();
    // The process is pre-moderated: the idea waits for a moderator, and the author is told so.
    await page.waitForURL(`${stack.info.webUrl}/min-side`);
    expect(await publicIds(stack, NEW)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('puts the idea in the new process’s queue only; published, it is in that process alone, and the first is unaffected', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signInThroughUi(page, moderator, `/arbejdsrum/moderation?forloeb=${NEW}`);
    const entry = page.locator('[data-testid="queue-list"] > li', { hasText: IDEA });
    await entry.waitFor();
    expect(await page.getByRole('tab', { name: 'Venter på godkendelse (1)' }).count()).toBe(1);
    await checkPage(page, 'Moderationskø', 'workspace-process-queue');

    // The first process's queue, chosen above the queue: the idea is not there.
    await page.getByLabel('Forløb', { exact: true }).selectOption(FIRST);
    await page.getByRole('button', { name: 'Vis forløbet' }).click();
    await page.waitForURL(`${stack.info.webUrl}/arbejdsrum/moderation?forloeb=${FIRST}`);
    await page.getByRole('tab', { name: 'Venter på godkendelse (0)' }).waitFor();
    expect(await entry.count()).toBe(0);

    await page.getByLabel('Forløb', { exact: true }).selectOption(NEW);
    await page.getByRole('button', { name: 'Vis forløbet' }).click();
    await entry.getByRole('checkbox').check();
    await page.getByLabel('Handling').selectOption('publish');
    await page.getByRole('button', { name: 'Udfør for de valgte' }).click();
    await page.getByText('Udført for 1 af 1.').waitFor();

    const published = await publicIds(stack, NEW);
    expect(published).toHaveLength(1);
    expect(await publicIds(stack, FIRST)).toEqual(firstBefore);
    // As a reader sees the two lists.
    await page.goto(`${stack.info.webUrl}/forloeb/${NEW}/ideer`);
    await page.getByRole('heading', { level: 2, name: IDEA }).or(page.getByRole('heading', { level: 3, name: IDEA })).first().waitFor();
    await page.goto(`${stack.info.webUrl}/forloeb/${FIRST}/ideer`);
    await page.getByText('Chatbot på borger.dk').first().waitFor();
    expect(await page.getByText(IDEA).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it('is changed by its admin: an area in use can only be retired, a rule change is logged, a copy is made and the process archived', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signInThroughUi(page, admin, `/arbejdsrum/forloeb/${NEW}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // The idea uses "Transport": the server refuses to remove it, in Danish, at the areas.
    await page.getByRole('button', { name: 'Fjern "Transport"' }).click();
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    const inUse = page.locator('#pf-areas');
    await inUse.waitFor();
    expect(await inUse.innerText()).toContain("Området 'Transport' bruges af idéer");
    expect(((await stack.api(`/processes/${NEW}`)).json as Process).areas.map((a) => a.id)).toEqual(['transport', 'energi-i-boliger']);
    await page.locator('.pf-removed').getByRole('button', { name: /Fortryd/ }).click();
    await page.getByLabel('Transport: Udgået: kan ikke vælges til nye idéer').check();
    await field(page, 'settings-flagThreshold').fill('5');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByText('Ændringerne er gemt.').waitFor();
    const stored = (await stack.api(`/processes/${NEW}`)).json as Process;
    expect(stored.areas[0]).toMatchObject({ id: 'transport', retired: true });
    expect(stored.settings.flagThreshold).toBe(5);

    await page.getByRole('link', { name: 'Ændringer i revisionsloggen' }).click();
    const changed = page.locator('tbody tr', { hasText: 'Forløb ændret' });
    await changed.waitFor();
    expect(await changed.innerText()).toContain('Anmeldelser, før et indlæg tages ud til moderation');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // A copy for the next round: a new address, a title and a start; it opens on its own page.
    await page.getByLabel('Det nye forløbs titel').fill('Borgerpanel om klima 2028');
    expect(await page.getByLabel('Det nye forløbs adresse (id)').inputValue()).toBe('borgerpanel-om-klima-2028');
    await page.getByLabel('Første fase starter (dansk tid)').fill('2028-03-01T09:00');
    await page.getByRole('button', { name: 'Kopiér forløbet' }).click();
    // The copy's page; the workspace's views go on with the copy.
    await page.waitForURL(`${stack.info.webUrl}/arbejdsrum/forloeb/borgerpanel-om-klima-2028`);
    await page.getByRole('heading', { level: 1, name: 'Borgerpanel om klima 2028' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Arbejdsrummet' }).getByRole('link', { name: 'Revisionslog' }).getAttribute('href')).toBe('/arbejdsrum/log?forloeb=borgerpanel-om-klima-2028');
    const copy = (await stack.api('/processes/borgerpanel-om-klima-2028')).json as Process;
    expect(toCopenhagenInput(copy.phases[0]!.startsAt)).toBe('2028-03-01T09:00');
    expect(copy.areas.map((a) => a.id)).toEqual(['energi-i-boliger']);

    // Archiving the original while its ideas phase is open asks first.
    await page.goto(`${stack.info.webUrl}/arbejdsrum/forloeb/${NEW}`);
    await page.getByRole('button', { name: 'Arkivér forløbet' }).click();
    await page.getByText('Forløbet har en åben fase: Idéer og stemmer.').waitFor();
    expect(((await stack.api(`/processes/${NEW}`)).json as Process).archivedAt).toBeUndefined();
    await page.getByRole('button', { name: 'Ja, arkivér forløbet' }).click();
    await page.getByText('Forløbet er arkiveret.').waitFor();
    expect(((await stack.api(`/processes/${NEW}`)).json as Process).archivedAt).toBeDefined();
    await page.screenshot({ path: screenshotPath('workspace-process-archived-1280.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 180_000);

  it('has no axe violations on the new workspace pages in English, and they fit 320 px', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    const errors = collectPageErrors(page);
    await signInThroughUi(page, admin, '/arbejdsrum/forloeb', 'en');
    await checkPage(page, 'Processes', 'workspace-en-processes');
    await page.getByRole('link', { name: 'Create process' }).click();
    await checkPage(page, 'Create process', 'workspace-en-process-new');
    await page.getByRole('button', { name: 'Create the process' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary').innerText()).toContain('Title (Danish): Required');
    await checkPage(page, 'Create process', 'workspace-en-process-new-errors');
    await page.goto(`${stack.info.webUrl}/arbejdsrum/forloeb/${NEW}`);
    await checkPage(page, 'Citizens’ panel on climate', 'workspace-en-process-edit');
    await page.goto(`${stack.info.webUrl}/arbejdsrum/log?forloeb=${NEW}`);
    await page.locator('tbody tr', { hasText: 'Process created' }).waitFor();
    await checkPage(page, 'Audit log', 'workspace-en-process-log');
    expect(errors).toEqual([]);
  }, 240_000);
});
