import { copyFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { consultationSetupSchema, responseListSchema, versionSchema } from '#shared/schemas/consultation';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { TestStack } from '../helpers/stack';

/**
 * The seeded Gentofte consultation end to end, in the built SPA against a whole local stack: a
 * follow-group member joins by the round's link and comments on § 7 of the ethical guidelines; a
 * citizen cannot respond in that round; the secretariat answers the comment in the workspace; an
 * admin publishes version 2 with § 7 changed because of it; the diff page shows the change with the
 * comment behind it. axe finds nothing on the pages visited, in Danish and English. Screenshots in
 * /tmp/shots-consult/e2e-*.png.
 */
type User = Awaited<ReturnType<TestStack['user']>>;

const ID = 'ai-i-gentofte';
const DOC = 'etiske-retningslinjer';
const ROUND = 'foelgegruppen';
const DAY = 24 * 60 * 60 * 1000;
const SHOTS = '/tmp/shots-consult';
const COMMENT = 'Skriv, at det skal stå i selve brevet, når AI har skrevet udkastet.';
const ANSWER = 'Vi skriver det ind i § 7 i version 2.';
const NEW_7 =
  'Når du er i kontakt med kommunen, skal det være tydeligt, om du skriver eller taler med en AI-løsning. Tekster, som AI har skrevet et udkast til, læses igennem af en medarbejder, før de sendes, og det står i brevet.';

let stack: TestStack;
let session: BrowserSession;
let admin: User;
let secretariat: User;
let member: User;
let citizen: User;
let joinToken: string;

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [admin, secretariat, member, citizen] = await Promise.all([
    stack.user({ role: 'admin', name: 'Ada Admin' }),
    stack.user({ role: 'moderator', name: 'Sofie Sekretariat' }),
    stack.user({ type: 'employee', name: 'Mette Medarbejder' }),
    stack.user({ type: 'citizen', name: 'Carl Borger' }),
  ]);
  // The seeded follow-group round lies months ahead (the file's dates, moved to a process opened
  // today): the secretariat moves it to now, as it would when the drafts are ready early.
  const setup = consultationSetupSchema.parse((await stack.api(`/processes/${ID}/consultation`, { token: admin.token })).json);
  const rounds = setup.rounds.map(({ inviteToken: _token, memberCount: _count, ...round }) =>
    round.id === ROUND ? { ...round, startsAt: new Date(Date.now() - DAY).toISOString(), endsAt: new Date(Date.now() + 14 * DAY).toISOString() } : round,
  );
  const saved = await stack.api(`/processes/${ID}/consultation`, { method: 'PUT', token: admin.token, body: { references: setup.references, rounds, expectedUpdatedAt: setup.updatedAt } });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
  joinToken = setup.rounds.find((r) => r.id === ROUND)!.inviteToken!;
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return { page: name, violations: violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })) };
}

/** Every spinner gone, then axe and a screenshot. */
async function check(page: Page, name: string) {
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect(await axeViolations(page, name)).toEqual({ page: name, violations: [] });
  await page.screenshot({ path: screenshotPath(`consultation-${name}.png`), fullPage: true });
  copyFileSync(screenshotPath(`consultation-${name}.png`), `${SHOTS}/e2e-${name}.png`);
}

async function signIn(page: Page, user: User, next: string) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

const docPath = `/forloeb/${ID}/hoering/${DOC}`;
let responseId: string;

describe('the Gentofte consultation, end to end', () => {
  it('lets a follow-group member join by the link and comment on § 7 of the ethical guidelines', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, member, `/forloeb/${ID}/hoering/runde/${ROUND}?token=${encodeURIComponent(joinToken)}`);
    await page.getByRole('heading', { level: 1, name: 'Følgegruppens runde' }).waitFor();
    await check(page, 'join-da');
    await page.getByRole('button', { name: 'Deltag i runden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Høring over udvalgets udkast' }).waitFor();
    await page.getByRole('link', { name: /Etiske retningslinjer for brug af AI i Gentofte Kommune/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Etiske retningslinjer for brug af AI i Gentofte Kommune' }).waitFor();

    const form = page.locator('[data-testid="response-form-7"]');
    await form.waitFor();
    await page.locator(`#p-7-${ROUND}-position-disagree`).check();
    await page.locator(`#p-7-${ROUND}-comment`).fill(COMMENT);
    await form.getByRole('button', { name: 'Send dit svar' }).click();
    await page.locator('[data-testid="mine-7"]').getByText('Din holdning: Uenig').waitFor();
    await check(page, 'document-member-da');

    const mine = await stack.api('/me/consultation-responses', { token: member.token });
    const response = mine.json.items.find((r: { paragraphNo: number }) => r.paragraphNo === 7);
    expect(response).toMatchObject({ roundId: ROUND, roundKind: 'invited', position: 'disagree', comment: COMMENT, authorType: 'employee', version: 1 });
    responseId = response.id;
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('gives a citizen no form in the follow-group round, and the API refuses one', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, citizen, docPath);
    await page.getByRole('heading', { level: 1, name: 'Etiske retningslinjer for brug af AI i Gentofte Kommune' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
    expect(await page.locator('[data-testid^="response-form-"]').count()).toBe(0);
    const refused = await stack.api(`/processes/${ID}/documents/${DOC}/responses`, {
      method: 'POST',
      token: citizen.token,
      body: { roundId: ROUND, paragraphNo: 7, position: 'agree', comment: 'Jeg er ikke med i følgegruppen.' },
    });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ type: '/problems/not-member' });
    const listed = responseListSchema.parse((await stack.api(`/processes/${ID}/consultation/documents/${DOC}/responses`, { token: admin.token })).json);
    expect(listed.items.map((r) => r.id)).toEqual([responseId]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('has the secretariat answer the comment in the workspace', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, secretariat, `/arbejdsrum/hoering/${DOC}/kommentarer`);
    await page.getByText(COMMENT).waitFor();
    await check(page, 'ws-comments-da');
    await page.getByLabel('Taget med', { exact: true }).check();
    await page.getByLabel('Kort svar').fill(ANSWER);
    await page.getByRole('button', { name: 'Gem svaret' }).click();
    await page.getByText('Svaret er gemt.').waitFor();
    const listed = responseListSchema.parse((await stack.api(`/processes/${ID}/documents/${DOC}/responses?paragraph=7`)).json);
    expect(listed.items[0]).toMatchObject({ id: responseId, answer: { status: 'adopted', text: ANSWER } });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('has an admin publish version 2 with § 7 changed because of the comment', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, admin, `/arbejdsrum/hoering/${DOC}`);
    await page.getByRole('heading', { level: 1, name: /Udkast til høringsdokument/ }).waitFor();
    await page.getByText('Bygger på version 1.').waitFor();
    // Headings and paragraphs in order: § 7 is the tenth block (three headings before it).
    await page.locator('#de-blocks-9-text-da').fill(NEW_7);
    await page.getByText('(ændret siden version 1)').waitFor();
    await page.getByRole('button', { name: 'Gem udkastet' }).click();
    await page.getByText('Udkastet er gemt.').waitFor();
    await page.getByRole('button', { name: 'Offentliggør ny version' }).click();
    await page.getByRole('heading', { name: 'Offentliggør version 2' }).waitFor();
    await page.getByLabel(new RegExp(COMMENT.slice(0, 30))).check();
    await page.locator('#dp-note-da').fill('Følgegruppens kommentar til § 7 er taget med.');
    await check(page, 'ws-publish-da');
    await page.getByRole('button', { name: 'Offentliggør', exact: true }).click();
    await page.getByText('Version 2 er offentliggjort.').waitFor();
    const v2 = versionSchema.parse((await stack.api(`/processes/${ID}/documents/${DOC}`)).json.version);
    expect(v2.version).toBe(2);
    expect(v2.changes).toEqual([{ paragraphNo: 7, responseIds: [responseId] }]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('shows the change on the diff page with the comment behind it, in Danish and English', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}${docPath}/aendringer?fra=1&til=2`);
    await page.getByRole('heading', { level: 1, name: 'Ændringer fra version 1 til 2' }).waitFor();
    const changed = page.locator('[data-testid="diff-entry"]', { hasText: '§ 7' });
    expect(await changed.locator('ins').first().innerText()).toMatch(/^Tilføjet:/);
    expect(await changed.locator('.diff-entry__because').innerText()).toContain(COMMENT);
    expect(await page.locator('[data-testid="diff-entry"] ins').count()).toBe(await changed.locator('ins').count());
    await check(page, 'diff-da');
    // The comment's link leads to it under § 7 on the document page, with the committee's answer.
    await changed.locator('.diff-entry__because a').first().click();
    await page.locator(`#svar-${responseId}`).getByText(ANSWER).waitFor();
    await check(page, 'document-da');

    const en = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await en.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    const enErrors = collectPageErrors(en);
    for (const [path, name] of [
      [`${docPath}/aendringer?fra=1&til=2`, 'diff-en'],
      [docPath, 'document-en'],
      [`/forloeb/${ID}/hoering/runde/${ROUND}?token=${encodeURIComponent(joinToken)}`, 'join-en'],
    ] as const) {
      await en.goto(`${stack.info.webUrl}${path}`);
      await en.getByRole('heading', { level: 1 }).first().waitFor().catch(async (error: Error) => {
        throw new Error(`${name}: ${error.message}\n${await en.locator('body').innerText()}`);
      });
      expect(await en.locator('html').getAttribute('lang')).toBe('en');
      await check(en, name);
    }
    expect([...errors, ...enErrors]).toEqual([]);
    await page.close();
    await en.close();
  }, 240_000);

  it('passes axe on the workspace pages in English', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(`/arbejdsrum/hoering/${DOC}/kommentarer`)}`);
    await page.getByLabel('Email address').fill(secretariat.email);
    await page.getByLabel('Password', { exact: true }).fill(secretariat.password);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    // Answered now: the list opens at the comments still waiting, so it says there are none.
    await page.getByRole('heading', { level: 1, name: /Comments on a consultation document/ }).waitFor();
    await check(page, 'ws-comments-en');
    await page.goto(`${stack.info.webUrl}/arbejdsrum/hoering`);
    await page.getByRole('heading', { level: 1, name: 'Consultation' }).waitFor();
    await page.getByText('1 of 1 answered').waitFor();
    await check(page, 'ws-overview-en');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
