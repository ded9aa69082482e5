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
 * The consultation's public pages in the built SPA against a whole local stack. Through the API an
 * admin sets up a process with a follow-group round and a public round, publishes a draft, a
 * follow-group member and a citizen respond, the secretariat answers the member's comment and
 * publishes version 2 naming that comment as the reason for the change. In the browser: the
 * document page (heat strip, figures, the follow-group's comments under their own heading with the
 * answer), the diff with the change linked to the comment, a response given with the keyboard
 * alone, and Min side's "Hvad skete der med dit input"; axe 0 in Danish and English, 320 px.
 */
const ID = 'hoering-e2e';
const DOC = 'etik';
const DAY = 24 * 60 * 60 * 1000;
const SHOTS = '/tmp/shots-consult';
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const D = `/processes/${ID}/documents`;

const blocksV1 = [
  { kind: 'heading', text: { da: 'Formål', en: 'Purpose' } },
  { kind: 'paragraph', no: 1, text: { da: 'Kommunen bruger AI, hvor det gør service bedre for borgerne.', en: 'The municipality uses AI where it improves services.' }, cites: ['gavn'] },
  { kind: 'paragraph', no: 2, text: { da: 'Et menneske træffer afgørelsen i sager om borgere.', en: 'A person makes the decision in cases about citizens.' }, cites: ['ansvar'] },
  { kind: 'heading', text: { da: 'Åbenhed', en: 'Openness' } },
  { kind: 'paragraph', no: 3, text: { da: 'Vi fortæller, når AI er brugt. Læs mere på https://www.gentofte.dk.', en: 'We say when AI has been used.' } },
];
const blocksV2 = [
  blocksV1[0],
  blocksV1[1],
  { ...blocksV1[2], text: { da: 'Et menneske træffer altid afgørelsen i sager om borgere, og navnet står i afgørelsen.', en: 'A person always makes the decision, and their name is in it.' } },
  blocksV1[3],
  blocksV1[4],
  { kind: 'paragraph', no: 4, text: { da: 'Medarbejdere lærer at bruge AI ansvarligt.' } },
];

let stack: TestStack;
let session: BrowserSession;
let admin: User;
let member: User;
let citizen: User;
let memberComment: string;
let joinToken: string;

const ok = (r: { status: number; json: unknown }, status: number) => expect(r.status, JSON.stringify(r.json)).toBe(status);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [admin, member, citizen] = await Promise.all([
    stack.user({ role: 'admin', name: 'Ada Admin' }),
    stack.user({ type: 'employee', name: 'Mette Medarbejder' }),
    stack.user({ type: 'citizen', name: 'Carl Borger' }),
  ]);
  const phases = [
    { kind: 'consultation', title: { da: 'Høring', en: 'Consultation' }, startsAt: at(-1), endsAt: at(30) },
    { kind: 'closed', title: { da: 'Afsluttet', en: 'Closed' }, startsAt: at(30) },
  ];
  ok(await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition(ID, { phases: phases as never }) }), 201);
  const setup = await stack.api(`/processes/${ID}/consultation`, {
    method: 'PUT',
    token: admin.token,
    body: {
      references: {
        name: { da: 'Det dataetiske kompas', en: 'The data-ethics compass' },
        items: [
          { id: 'gavn', label: { da: 'Gavn for borgerne', en: 'Benefit to citizens' } },
          { id: 'ansvar', label: { da: 'Ansvarlighed', en: 'Accountability' } },
        ],
      },
      rounds: [
        { id: 'foelgegruppe', kind: 'invited', title: { da: 'Følgegruppens runde', en: "The follow-group's round" }, startsAt: at(-1), endsAt: at(10) },
        { id: 'offentlig', kind: 'public', title: { da: 'Offentlig høring', en: 'Public consultation' }, startsAt: at(-1), endsAt: at(30) },
      ],
    },
  });
  ok(setup, 200);
  const created = await stack.api(D, { method: 'POST', token: admin.token, body: { id: DOC, title: { da: 'Etiske retningslinjer for AI', en: 'Ethical guidelines for AI' } } });
  ok(created, 201);
  await publish(blocksV1, created.json.updatedAt, [], 'Første udkast');

  joinToken = setup.json.rounds.find((r: { id: string }) => r.id === 'foelgegruppe').inviteToken as string;
  ok(await stack.api(`/processes/${ID}/consultation/rounds/foelgegruppe/join`, { method: 'POST', token: member.token, body: { token: joinToken } }), 200);
  const respond = (user: User, body: Record<string, unknown>) => stack.api(`${D}/${DOC}/responses`, { method: 'POST', token: user.token, body });
  // On version 1 the follow-group member objects to § 2; the secretariat answers and changes it in version 2.
  const mine = await respond(member, { roundId: 'foelgegruppe', paragraphNo: 2, position: 'disagree', comment: 'Skriv, at det altid er et menneske, og hvem.' });
  ok(mine, 201);
  memberComment = mine.json.id;
  ok(await stack.api(`/consultation-responses/${memberComment}/answer`, { method: 'PUT', token: admin.token, body: { status: 'adopted', text: 'Vi har skrevet "altid" ind, og at navnet står i afgørelsen.' } }), 200);
  const draft = await stack.api(`${D}/${DOC}/draft`, { token: admin.token });
  ok(draft, 200);
  await publish(blocksV2, draft.json.updatedAt, [{ paragraphNo: 2, responseIds: [memberComment] }], '§ 2 er skærpet efter følgegruppens kommentar, og § 4 er nyt.');
  // On version 2 (figures are per version): the member agrees with § 1, a citizen with § 2.
  ok(await respond(member, { roundId: 'foelgegruppe', paragraphNo: 1, position: 'agree' }), 201);
  ok(await respond(citizen, { roundId: 'offentlig', paragraphNo: 2, position: 'agree', comment: 'Godt, at et menneske har det sidste ord.' }), 201);
}, 180_000);

async function publish(blocks: unknown[], expectedUpdatedAt: string, changes: unknown[], note: string) {
  const saved = await stack.api(`${D}/${DOC}/draft`, {
    method: 'PUT',
    token: admin.token,
    body: { title: { da: 'Etiske retningslinjer for AI', en: 'Ethical guidelines for AI' }, summary: { da: 'Udvalgets udkast til, hvordan kommunen bruger AI ansvarligt.' }, blocks, expectedUpdatedAt },
  });
  ok(saved, 200);
  ok(await stack.api(`${D}/${DOC}/versions`, { method: 'POST', token: admin.token, body: { note: { da: note }, changes, expectedUpdatedAt: saved.json.updatedAt } }), 201);
}

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Waits for the h1 and the spinners to go; then axe, no sideways scrolling at 320 px, and a screenshot (also to /tmp/shots-consult/). */
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

/** Presses Tab until the focused element matches `selector` (fails after 150 presses). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const docPath = `/forloeb/${ID}/hoering/${DOC}`;

describe('the public consultation pages', () => {
  it("shows the document with its heat strip, figures, and the follow-group's comment with the committee's answer", async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}${docPath}`);
    await page.getByRole('heading', { level: 1, name: 'Etiske retningslinjer for AI' }).waitFor();

    const cells = page.locator('[data-testid="heat-cell"]');
    expect(await cells.count()).toBe(4);
    expect(await cells.nth(0).getAttribute('href')).toBe('#p-1');
    expect(await cells.nth(0).locator('.visually-hidden').innerText()).toBe('§ 1: 1 enige, 0 uenige, 0 neutrale');
    expect(await cells.nth(1).locator('.visually-hidden').innerText()).toBe('§ 2: 1 enige, 0 uenige, 0 neutrale');
    expect(await cells.nth(3).locator('.visually-hidden').innerText()).toBe('§ 4: ingen svar endnu');
    const p2 = page.locator('#p-2');
    expect(await p2.innerText()).toContain('Bygger på: Ansvarlighed');
    expect(await p2.innerText()).toContain('Offentlig høring: 1 enige, 0 neutrale, 0 uenige');
    expect(await p2.innerText()).toContain('0 af 1 kommentarer besvaret');
    await p2.getByRole('button', { name: 'Vis kommentarer (§ 2)' }).click();
    await p2.getByRole('heading', { name: 'Følgegruppens kommentarer' }).waitFor();
    const answer = page.locator(`#svar-${memberComment} [data-testid="answer"]`);
    expect(await answer.innerText()).toContain('Taget med');
    expect(await answer.innerText()).toContain('Vi har skrevet "altid" ind');
    expect(await p2.getByRole('heading', { name: 'Kommentarer', exact: true }).count()).toBe(1);
    expect(await page.locator('#p-3 .paragraph__text a').getAttribute('href')).toBe('https://www.gentofte.dk/');
    expect(await page.locator('#p-3 .paragraph__text a').innerText()).toBe('https://www.gentofte.dk');
    await checkPage(page, 'Etiske retningslinjer for AI', 'document-da');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the changes word by word, with the comment that led to them', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}${docPath}`);
    await page.getByRole('link', { name: 'Se ændringerne fra version 1 til 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ændringer fra version 1 til 2' }).waitFor();
    const changed = page.locator('[data-testid="diff-entry"]', { hasText: '§ 2' });
    expect(await changed.locator('ins').first().innerText()).toMatch(/^Tilføjet:/);
    expect(await changed.innerText()).toContain('Ændret på baggrund af:');
    expect(await page.locator('[data-testid="diff-entry"]', { hasText: '§ 4' }).innerText()).toContain('Nyt afsnit');
    await checkPage(page, 'Ændringer fra version 1 til 2', 'diff-da');

    // The link leads to the comment itself, opened and focused on the document page.
    const because = changed.locator('.diff-entry__because a');
    expect(await because.getAttribute('href')).toBe(`${docPath}?afsnit=2&svar=${memberComment}#svar-${memberComment}`);
    await because.click();
    await page.locator(`#svar-${memberComment}`).waitFor();
    await page.waitForFunction((id) => document.activeElement?.id === id, `svar-${memberComment}`, { timeout: 5000 });
    // The h1 waits up to a second for a late page (modules/page.ts); it must not take the focus back.
    await page.waitForTimeout(1200);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`svar-${memberComment}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes a response given with the keyboard alone, then shows "Din holdning"', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, citizen, docPath);
    await page.locator('[data-testid="response-form-3"]').waitFor();

    await tabTo(page, '#p-3-offentlig-position');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#p-3-offentlig-position-neutral').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p-3-offentlig-comment');
    await page.keyboard.type('Skriv også, hvor man kan se det.');
    await page.getByText('1968 af 2000 tegn tilbage.').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="mine-3"]').getByText('Din holdning: Neutral').waitFor();
    const mine = await stack.api('/me/consultation-responses', { token: citizen.token });
    expect(mine.json.items.map((r: { paragraphNo: number; position: string }) => [r.paragraphNo, r.position])).toContainEqual([3, 'neutral']);
    expect({ page: 'document-signed-in', violations: await axeViolations(page) }).toEqual({ page: 'document-signed-in', violations: [] });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists a member's input and the committee's answers on Min side", async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, member, '/min-side');
    const section = page.locator('[data-testid="my-consultation-input"]');
    await section.getByRole('heading', { name: 'Hvad skete der med dit input' }).waitFor();
    await section.locator('[data-testid="my-response"]').first().waitFor();
    const text = await section.innerText();
    expect(text).toContain('Etiske retningslinjer for AI, § 2');
    expect(text).toContain('Vi har skrevet "altid" ind');
    expect(text).toContain('Din holdning: Uenig');
    expect(text).toContain('Din holdning: Enig');
    await checkPage(page, /Mette Medarbejder/, 'my-input-da');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets an invited employee join the follow-group by the link: sign in first, back to the link, join, on to the drafts', async () => {
    const newcomer = await stack.user({ type: 'employee', name: 'Nina Ny' });
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const joinPath = `/forloeb/${ID}/hoering/runde/foelgegruppe?token=${encodeURIComponent(joinToken)}`;
    await page.goto(`${stack.info.webUrl}${joinPath}`);
    await checkPage(page, 'Følgegruppens runde', 'join-da');
    const signInHref = await page.getByRole('main').getByRole('link', { name: 'Log ind' }).getAttribute('href');
    expect(new URL(signInHref!, stack.info.webUrl).searchParams.get('next')).toBe(joinPath);
    await signIn(page, newcomer, joinPath);
    await page.getByRole('button', { name: 'Deltag i runden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Høring over udvalgets udkast' }).waitFor();
    const rounds = (await stack.api(`/processes/${ID}/consultation/me`, { token: newcomer.token })).json.rounds;
    expect(rounds.find((r: { roundId: string }) => r.roundId === 'foelgegruppe')).toMatchObject({ member: true, verdict: 'open' });

    // A wrong token says so plainly and joins nobody.
    await page.goto(`${stack.info.webUrl}/forloeb/${ID}/hoering/runde/foelgegruppe?token=forkert-kode-der-er-lang-nok`);
    await page.getByRole('button', { name: 'Deltag i runden' }).click();
    await page.getByText('Linket er ikke gyldigt eller er udløbet.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('passes axe in English too', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    await page.goto(`${stack.info.webUrl}${docPath}`);
    await page.locator('main h1').waitFor();
    expect(await page.locator('main h1').innerText()).toBe('Ethical guidelines for AI');
    await checkPage(page, 'Ethical guidelines for AI', 'document-en');
    expect(await page.locator('[data-testid="heat-cell"] .visually-hidden').first().innerText()).toBe('§ 1: 1 agree, 0 disagree, 0 neutral');
    await page.goto(`${stack.info.webUrl}${docPath}/aendringer?fra=1&til=2`);
    await checkPage(page, 'Changes from version 1 to 2', 'diff-en');
    await page.goto(`${stack.info.webUrl}/forloeb/${ID}/hoering`);
    await checkPage(page, "Consultation on the committee's drafts", 'consultation-en');
    await page.close();
  });
});
