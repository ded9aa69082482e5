import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { surveySchema } from '#shared/schemas/survey';
import { aDefinition } from '../fixtures/process-definitions';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { TestStack } from '../helpers/stack';

/**
 * The survey in the workspace, in the built SPA against a whole local stack: an admin builds a
 * survey with a few question kinds and saves it (the API stores what was built); citizens answer it;
 * a moderator hides a free text by keyboard with a reason; the results page breaks the answers down
 * with the small group suppressed. The builder keeps the admin's work: removing asks first, a
 * conflict with someone else's save keeps the draft until the admin chooses, leaving with unsaved
 * changes asks. axe finds nothing on the builder (its questions and its conflict panel included),
 * review and results pages in Danish and English, and they fit 320 px.
 */
type User = Awaited<ReturnType<TestStack['user']>>;

const ID = 'holdning-til-ai';
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const SHOTS = '/tmp/shots-survey';

let stack: TestStack;
let session: BrowserSession;
let admin: User;
let moderator: User;

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'none' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [admin, moderator] = await Promise.all([stack.user({ role: 'admin', name: 'Ada Admin' }), stack.user({ role: 'moderator', name: 'Mona Moderator' })]);
  const phases = [
    { kind: 'survey', title: { da: 'Spørgeskema' }, startsAt: at(-1), endsAt: at(29) },
    { kind: 'closed', title: { da: 'Slut' }, startsAt: at(90) },
  ];
  const r = await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition(ID, { phases: phases as never }) });
  expect(r.status).toBe(201);
  mkdirSync(SHOTS, { recursive: true });
});

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

/** Waits for the h1 and every spinner to go; then axe, 320 px, and screenshots (also under /tmp/shots-survey). */
async function checkPage(page: Page, heading: string, shot: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect({ page: shot, violations: await axeViolations(page) }).toEqual({ page: shot, violations: [] });
  const save = async (name: string) => {
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
    copyFileSync(screenshotPath(name), `${SHOTS}/${name}`);
  };
  await save(`${shot}-1280.png`);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  expect({ page: shot, fits: await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth) }).toEqual({ page: shot, fits: true });
  await save(`${shot}-320.png`);
  await page.setViewportSize(size);
}

const field = (page: Page, path: string) => page.locator(`#sb-${path.replace(/\./g, '-')}`);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

/** Someone else saves the survey meanwhile (its title only, so the structure the later steps use stays). */
async function saveElsewhere(title: { da: string; en?: string }) {
  const { intro, sections, anonymous, updatedAt } = surveySchema.parse((await stack.api(`/processes/${ID}/survey`)).json);
  const r = await stack.api(`/processes/${ID}/survey`, { method: 'PUT', token: moderator.token, body: { title, intro, sections, anonymous, expectedUpdatedAt: updatedAt } });
  expect(r.status).toBe(200);
}

describe('the survey in the workspace', () => {
  it('is built by an admin with several question kinds and saved as built', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, admin, `/arbejdsrum/spoergeskema?forloeb=${ID}`);
    await page.getByText('Forløbet har intet spørgeskema endnu').waitFor();
    await checkPage(page, 'Spørgeskema', 'ws-survey-builder-da-empty');

    // Saving the empty survey is refused in the page: nothing is sent, the summary names the fields.
    await page.getByRole('button', { name: 'Gem spørgeskemaet' }).click();
    await page.locator('.error-summary').waitFor();
    expect((await stack.api(`/processes/${ID}/survey`)).status).toBe(404);

    await field(page, 'title.da').fill('Borgernes holdning til AI');
    await field(page, 'title.en').fill("Citizens' attitudes to AI");
    await field(page, 'intro.da').fill('Det tager fem minutter. Dine svar kan ikke kobles til dig.');
    await field(page, 'sections.0.title.da').fill('Tillid');
    await field(page, 'sections.0.newKind').selectOption('likert');
    await page.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
    await field(page, 'sections.0.questions.0.text.da').fill('Jeg har tillid til kommunens brug af AI');
    await field(page, 'sections.0.questions.0.lowLabel.da').fill('Helt uenig');
    await field(page, 'sections.0.questions.0.highLabel.da').fill('Helt enig');
    await field(page, 'sections.0.newKind').selectOption('long-text');
    await page.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
    await field(page, 'sections.0.questions.1.text.da').fill('Hvad bekymrer dig mest?');
    await field(page, 'sections.0.newKind').selectOption('single');
    await page.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
    await field(page, 'sections.0.questions.2.text.da').fill('Din alder');
    await field(page, 'sections.0.questions.2.demographic').selectOption('age-band');
    await field(page, 'sections.0.questions.2.options.0.label.da').fill('Under 30');
    await field(page, 'sections.0.questions.2.options.1.label.da').fill('30 eller derover');
    await page.getByLabel('Man kan svare uden at logge ind').check();
    await page.getByRole('button', { name: 'Gem spørgeskemaet' }).click();
    await page.getByText('Spørgeskemaet er gemt.').waitFor();

    const saved = surveySchema.parse((await stack.api(`/processes/${ID}/survey`)).json);
    expect(saved.title).toEqual({ da: 'Borgernes holdning til AI', en: "Citizens' attitudes to AI" });
    expect(saved.anonymous).toBe(true);
    expect(saved.sections[0]!.questions.map((q) => [q.kind, q.text.da])).toEqual([
      ['likert', 'Jeg har tillid til kommunens brug af AI'],
      ['long-text', 'Hvad bekymrer dig mest?'],
      ['single', 'Din alder'],
    ]);
    expect(saved.sections[0]!.questions[2]).toMatchObject({ demographic: 'age-band', required: false });
    await checkPage(page, 'Spørgeskema', 'ws-survey-builder-da-saved');
    expect(errors).toEqual([]);
  }, 180_000);

  it('asks before removing a question, keeps the draft on a conflict until the admin chooses, and asks before leaving unsaved changes', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, admin, `/arbejdsrum/spoergeskema?forloeb=${ID}`);
    await field(page, 'sections.0.questions.1.text.da').waitFor();

    // By keyboard: the question asks in place, with the focus on it; Escape keeps the question.
    await page.locator('#sb-sections-0-questions-1-remove').focus();
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('sb-sections-0-questions-1-confirm');
    await checkPage(page, 'Spørgeskema', 'ws-survey-builder-da-confirm');
    await page.keyboard.press('Escape');
    expect(await focusedId(page)).toBe('sb-sections-0-questions-1-remove');
    expect(await field(page, 'sections.0.questions.1.text.da').inputValue()).toBe('Hvad bekymrer dig mest?');

    // A conflict: the admin's text stays; they see the latest version, then take it after a second question.
    await field(page, 'sections.0.title.da').fill('Tillid og tryghed');
    await saveElsewhere({ da: 'Borgernes holdning til kunstig intelligens', en: "Citizens' attitudes to AI" });
    await page.getByRole('button', { name: 'Gem spørgeskemaet' }).click();
    await page.getByRole('heading', { name: 'En anden har ændret spørgeskemaet' }).waitFor();
    expect(await field(page, 'sections.0.title.da').inputValue()).toBe('Tillid og tryghed');
    await page.getByRole('button', { name: 'Se den nyeste version' }).click();
    await page.locator('#sb-latest').getByText('Borgernes holdning til kunstig intelligens').waitFor();
    expect(await focusedId(page)).toBe('sb-latest');
    await checkPage(page, 'Spørgeskema', 'ws-survey-builder-da-conflict');
    await page.getByRole('button', { name: 'Brug den nyeste version i stedet' }).click();
    expect(await focusedId(page)).toBe('sb-take-confirm');
    await page.getByRole('button', { name: 'Ja, kassér mine ændringer' }).click();
    expect(await field(page, 'title.da').inputValue()).toBe('Borgernes holdning til kunstig intelligens');
    expect(await field(page, 'sections.0.title.da').inputValue()).toBe('Tillid');

    // Unsaved input: following a link asks; staying keeps the input.
    await field(page, 'intro.da').fill('Et udkast, der ikke er gemt');
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('.ws-nav').getByRole('link', { name: 'Arbejdsrum', exact: true }).click();
    await expect.poll(() => asked).toEqual(['Du har ændringer i spørgeskemaet, der ikke er gemt. Vil du forlade siden alligevel?']);
    expect(new URL(page.url()).pathname).toBe('/arbejdsrum/spoergeskema');
    expect(await field(page, 'intro.da').inputValue()).toBe('Et udkast, der ikke er gemt');
    expect(errors).toEqual([]);
  }, 180_000);

  it('takes answers, and a moderator hides a free text by keyboard with a reason', async () => {
    const questions = surveySchema.parse((await stack.api(`/processes/${ID}/survey`)).json).sections[0]!.questions;
    const [trust, worry, age] = questions.map((q) => q.id) as [string, string, string];
    const ageOptions = (questions[2] as { options: { id: string }[] }).options.map((o) => o.id);
    const people = await Promise.all(Array.from({ length: 7 }, (_, i) => stack.user({ name: `Borger ${i + 1}` })));
    for (const [i, person] of people.entries()) {
      const answers: Record<string, unknown> = { [trust]: (i % 5) + 1, [age]: i < 2 ? ageOptions[0] : ageOptions[1] };
      if (i === 0) answers[worry] = 'Min nabo Jens Hansen på Strandvejen bliver overvåget';
      if (i === 1) answers[worry] = 'At der laves fejl i afgørelser';
      const r = await stack.api(`/processes/${ID}/survey/answers`, { method: 'POST', token: person.token, body: { answers } });
      expect(r.status).toBe(201);
    }

    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, moderator, `/arbejdsrum/spoergeskema/fritekst?forloeb=${ID}`);
    await page.getByText('Min nabo Jens Hansen').waitFor();
    await checkPage(page, 'Gennemgå fritekstsvar', 'ws-survey-review-da');

    const item = page.locator('li', { hasText: 'Min nabo Jens Hansen' });
    const reason = item.getByLabel('Begrundelse for at skjule');
    await reason.focus();
    await page.keyboard.type('Navn og adresse på en nabo');
    // Tab past the approve button to hide, and press it with the keyboard.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skjul');
    await page.keyboard.press('Enter');
    await item.getByText('Svaret er skjult.').waitFor();
    const texts = (await stack.api(`/moderation/surveys/${ID}/texts?state=hidden`, { token: moderator.token })).json as { items: { text: string; reason?: string }[] };
    expect(texts.items.map((t) => [t.text, t.reason])).toEqual([['Min nabo Jens Hansen på Strandvejen bliver overvåget', 'Navn og adresse på en nabo']]);

    await page.goto(`${stack.info.webUrl}/arbejdsrum/spoergeskema/resultater?forloeb=${ID}`);
    await page.getByText('Antal svar: 7').waitFor();
    await checkPage(page, 'Spørgeskemaets resultater', 'ws-survey-results-da');
    await page.getByLabel('Opdel efter baggrundsspørgsmål').selectOption(age);
    await page.getByText('30 eller derover: 5 svar').waitFor();
    // The small group is named, with neither its size nor its figures.
    await page.getByRole('heading', { level: 2, name: 'Under 30', exact: true }).waitFor();
    expect(await page.getByText('Færre end 5 svar: tallene vises ikke.').count()).toBe(1);
    await checkPage(page, 'Spørgeskemaets resultater', 'ws-survey-results-da-breakdown');

    // The export is fetched with the moderator's token and saved under the server's name: one column
    // per question, and free texts only once approved (the hidden one and the unreviewed one are not in it).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent CSV (Excel, dansk)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Hvad bekymrer dig mest?');
    expect(csv).not.toContain('Jens Hansen');
    expect(csv).not.toContain('At der laves fejl');
    expect(errors).toEqual([]);
  }, 180_000);

  it('has no axe violations on the builder, review and results pages in English, and they fit 320 px', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    const errors = collectPageErrors(page);
    await signIn(page, admin, `/arbejdsrum/spoergeskema?forloeb=${ID}`, 'en');
    await page.getByText('The first answer arrived').waitFor();
    await checkPage(page, 'Survey', 'ws-survey-builder-en-locked');
    expect(await page.getByRole('button', { name: 'Add question' }).isDisabled()).toBe(true);
    // The conflict panel and its question, in English.
    await field(page, 'intro.en').fill('Five minutes.');
    await saveElsewhere({ da: 'Borgernes holdning til AI', en: "Citizens' views on AI" });
    await page.getByRole('button', { name: 'Save the survey' }).click();
    await page.getByRole('button', { name: 'See the latest version' }).click();
    await page.locator('#sb-latest').getByText("Citizens' views on AI").waitFor();
    await page.getByRole('button', { name: 'Use the latest version instead' }).click();
    await checkPage(page, 'Survey', 'ws-survey-builder-en-conflict');
    await page.getByRole('button', { name: 'Yes, discard my changes' }).click();
    await page.getByText('The form now shows the latest version.').waitFor();
    await page.goto(`${stack.info.webUrl}/arbejdsrum/spoergeskema/resultater?forloeb=${ID}`);
    await page.getByText('Answers: 7').waitFor();
    await checkPage(page, 'Survey results', 'ws-survey-results-en');
    expect(errors).toEqual([]);

    const mod = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await mod.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
    await signIn(mod, moderator, `/arbejdsrum/spoergeskema/fritekst?forloeb=${ID}`, 'en');
    await mod.getByText('At der laves fejl').waitFor();
    await checkPage(mod, 'Review free-text answers', 'ws-survey-review-en');
  }, 180_000);
});
