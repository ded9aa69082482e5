import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { ideaListSchema } from '#shared/schemas/idea';
import { moderatedIdeaSchema } from '#shared/schemas/moderation';
import { validIdea } from '../fixtures/ideas';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { eventually } from '../helpers/eventually';
import { TestStack } from '../helpers/stack';

/**
 * Search in the built SPA against the local stack (issue 18): ideas posted through the API reach the
 * index through the table's stream; the list finds "chatbotten" in a "Chatbot" title with the hit
 * marked and HTML in a title kept as text; the new-idea wizard shows the similar idea while the
 * author writes, and the idea posted anyway carries what was shown; the moderator sees it under
 * "Mulige dubletter" and finds a hidden idea on the workspace search page. axe-core finds nothing.
 */
type User = Awaited<ReturnType<TestStack['user']>>;
const PROCESS = 'ai-i-gentofte';
const HOSTILE = 'Skolen <img src=x onerror=alert(1)> chatbot';

let stack: TestStack;
let session: BrowserSession;
let author: User;
let writer: User;
let moderator: User;
const ids: Record<string, string> = {};


async function post(user: User, title: string, body: string): Promise<string> {
  const r = await stack.api(`/processes/${PROCESS}/ideas`, { method: 'POST', token: user.token, body: validIdea({ title, body }) });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return (r.json as { id: string }).id;
}

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

async function signIn(page: Page, user: User, next: string) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

beforeAll(async () => {
  // The built SPA (frontend/dist) served by the gateway, as in the other browser tests.
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [author, writer, moderator] = await Promise.all([stack.user({ name: 'Anna Borger' }), stack.user({ name: 'Carl Borger' }), stack.user({ role: 'moderator', name: 'Mona Moderator' })]);
  ids.chatbot = await post(author, 'Chatbot til borgerservice', 'En chatbot kan svare på spørgsmål om pas og kørekort hele døgnet.');
  ids.hostile = await post(author, HOSTILE, 'En chatbot i skolen hjælper eleverne med lektier om aftenen.');
  ids.hidden = await post(author, 'Droner over søerne', 'Droner med glimmerkrokodille-sensorer måler vandstanden.');
  const hide = await stack.api(`/ideas/${ids.hidden}/moderation`, { method: 'POST', token: moderator.token, body: { action: 'hide', reason: 'Personoplysninger i teksten' } });
  expect(hide.status, JSON.stringify(hide.json)).toBe(200);
  // The stream and the projector have indexed the two public ideas once the list's search finds them.
  await eventually('chatbotten finds both', async () => {
    const r = await stack.api(`/processes/${PROCESS}/ideas?q=chatbotten`);
    const found = ideaListSchema.parse(r.json).items.map((i) => i.id);
    return found.includes(ids.chatbot!) && found.includes(ids.hostile!) ? found : undefined;
  });
}, 180_000);

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

describe('search in the SPA', () => {
  it('finds "chatbotten" in the list, sorted by relevance, with the hit marked and HTML as text', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    let alerted = false;
    page.on('dialog', (dialog) => {
      alerted = true;
      void dialog.dismiss();
    });
    await page.goto(`${stack.info.webUrl}/forloeb/${PROCESS}/ideer?q=chatbotten`);
    await page.getByRole('heading', { level: 1, name: 'Idéer' }).waitFor();
    await page.getByText('Sorteret efter relevans').waitFor();
    const chatbot = page.getByRole('article', { name: 'Chatbot til borgerservice' });
    await chatbot.waitFor();
    expect(await chatbot.locator('mark').first().innerText()).toBe('Chatbot');
    const hostile = page.getByRole('article', { name: HOSTILE });
    await hostile.waitFor();
    expect(await page.locator('article img').count()).toBe(0);
    expect(await page.getByLabel('Søg i idéer').inputValue()).toBe('chatbotten');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('search-list.png'), fullPage: true });

    await page.getByLabel('Søg i idéer').fill('glimmerkrokodille');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.getByText('Vi fandt ingen idéer, der passer til din søgning').waitFor();
    expect(page.url()).toContain('q=glimmerkrokodille');
    expect(alerted).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the similar idea while an idea is written, and the idea posted anyway names it to the moderator', async () => {
    const page = await session.newPage({ viewport: { width: 375, height: 800 } });
    const errors = collectPageErrors(page);
    await signIn(page, writer, `/forloeb/${PROCESS}/ideer/ny`);
    await page.getByRole('heading', { level: 1, name: 'Del en idé' }).waitFor();
    await page.getByLabel('Overskrift').fill('Chatbot for borgerne');
    await page.getByLabel('Beskrivelse').pressSequentially('En chatbot svarer borgerne om pas. Hele døgnet.', { delay: 10 });
    const panel = page.getByRole('region', { name: 'Ligner din idé en af disse?' });
    await panel.waitFor();
    await panel.locator('summary', { hasText: 'Chatbot til borgerservice' }).waitFor();
    expect(await page.locator('[aria-live="polite"]').filter({ hasText: 'Vi fandt' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: screenshotPath('search-similar-375.png'), fullPage: true });

    await page.getByRole('button', { name: 'Min idé er en anden – fortsæt' }).click();
    await page.getByRole('heading', { level: 2, name: /Område og effekter/ }).waitFor();
    await page.getByRole('group', { name: 'Område' }).getByRole('radio').first().check();
    await page.getByRole('group', { name: 'Forventede effekter' }).getByRole('checkbox').first().check();
    await page.getByRole('group', { name: 'Hvem gavner det?' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByRole('heading', { level: 2, name: /Bekymringer/ }).waitFor();
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByRole('button', { name: 'Send idéen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chatbot for borgerne' }).waitFor();
    ids.posted = /\/ideer\/([0-9A-Z]{26})/.exec(page.url())![1]!;

    const r = await stack.api(`/moderation/ideas/${ids.posted}`, { token: moderator.token });
    expect(r.status).toBe(200);
    expect(moderatedIdeaSchema.parse(r.json).similar?.shownToAuthor.map((s) => s.id)).toContain(ids.chatbot);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a moderator see possible duplicates at review and find a hidden idea in the workspace search', async () => {
    expect(ids.posted, 'the wizard test posted an idea').toBeDefined();
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, moderator, `/arbejdsrum/ideer/${ids.posted}`);
    const duplicates = page.getByRole('region', { name: 'Mulige dubletter' });
    await duplicates.waitFor();
    await duplicates.getByRole('link', { name: 'Chatbot til borgerservice' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${stack.info.webUrl}/arbejdsrum/soeg?forloeb=${PROCESS}`);
    await page.getByRole('heading', { level: 1, name: 'Søg i idéer og kommentarer' }).waitFor();
    await page.getByLabel('Søgeord').fill('glimmerkrokodille');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    const hit = page.getByRole('article', { name: 'Droner over søerne' });
    await hit.waitFor();
    expect(await hit.locator('.tag').innerText()).toBe('Skjult af moderator');
    expect(await hit.getByRole('link').getAttribute('href')).toBe(`/arbejdsrum/ideer/${ids.hidden}`);
    expect(page.url()).toContain('q=glimmerkrokodille');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('search-workspace.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
