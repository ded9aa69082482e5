import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { myDataExportSchema } from '#shared/schemas/me';
import { surveyExportSchema, type SurveySave } from '#shared/schemas/survey';
import { aDefinition } from '../fixtures/process-definitions';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { TestStack } from '../helpers/stack';

/**
 * The survey's remaining browser paths, in the built SPA against a whole local stack: a survey
 * only signed-in people may answer (a receipt, and a second attempt by the same person from
 * another browser refused with a clear message); the answering and public results pages at 200 %
 * zoom; publishing and withdrawing the public results from the workspace; the answers' XLSX and
 * JSON downloads; the committee annex's survey section in Danish and English; and the privacy
 * page's survey section. axe-core finds nothing on any of them.
 */
type User = Awaited<ReturnType<TestStack['user']>>;

const ID = 'flere-svar';
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const SHOTS = '/tmp/shots-survey';

const definition: SurveySave = {
  title: { da: 'Din holdning til AI', en: 'Your view of AI' },
  intro: { da: 'Kun for borgere, der er logget ind.', en: 'Only for signed-in citizens.' },
  anonymous: false,
  sections: [
    {
      id: 'holdning',
      title: { da: 'Holdning', en: 'View' },
      questions: [
        { id: 'tillid', kind: 'likert', text: { da: 'Jeg har tillid til kommunens brug af AI', en: "I trust the municipality's use of AI" }, required: true, lowLabel: { da: 'Meget uenig', en: 'Strongly disagree' }, highLabel: { da: 'Meget enig', en: 'Strongly agree' } },
        {
          id: 'kontakt',
          kind: 'single',
          text: { da: 'Vil du kunne tale med et menneske, når kommunen bruger AI i din sag?', en: 'Do you want to be able to talk to a person when the municipality uses AI in your case?' },
          required: false,
          options: [
            { id: 'ja', label: { da: 'Ja, altid', en: 'Yes, always' } },
            { id: 'nej', label: { da: 'Nej, ikke nødvendigvis', en: 'No, not necessarily' } },
          ],
        },
        { id: 'bekymring', kind: 'long-text', text: { da: 'Hvad bekymrer dig ved AI i kommunen?', en: 'What worries you about AI in the municipality?' }, required: false, maxLength: 500 },
        {
          id: 'bydel',
          kind: 'single',
          demographic: 'district',
          text: { da: 'Hvor bor du?', en: 'Where do you live?' },
          help: { da: 'Vi spørger for at se, om bydelene mener noget forskelligt.', en: 'We ask to see whether districts differ.' },
          required: false,
          options: [
            { id: 'hellerup', label: { da: 'Hellerup', en: 'Hellerup' } },
            { id: 'charlottenlund', label: { da: 'Charlottenlund', en: 'Charlottenlund' } },
          ],
        },
      ],
    },
  ],
};

let stack: TestStack;
let session: BrowserSession;
let admin: User;
let committee: User;
let citizen: User;

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'none' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  [admin, committee, citizen] = await Promise.all([
    stack.user({ role: 'admin', name: 'Ada Admin' }),
    stack.user({ role: 'committee', name: 'Udvalgsmedlem Ulla' }),
    stack.user({ name: 'Borger Bent' }),
  ]);
  const phases = [
    { kind: 'survey', title: { da: 'Spørgeskema', en: 'Survey' }, startsAt: at(-1), endsAt: at(29) },
    { kind: 'closed', title: { da: 'Slut', en: 'Closed' }, startsAt: at(90) },
  ];
  expect((await stack.api('/processes', { method: 'POST', token: admin.token, body: aDefinition(ID, { phases: phases as never }) })).status).toBe(201);
  // Signed in only: the survey's own setting, chosen by whoever builds it.
  expect((await stack.api(`/processes/${ID}/survey`, { method: 'PUT', token: admin.token, body: definition })).status).toBe(200);
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  copyFileSync(screenshotPath(name), `${SHOTS}/${name}`);
}

/** Waits for the h1 and every spinner to go; then axe, no sideways scrolling, and a screenshot. */
async function checkPage(page: Page, heading: string | RegExp, name: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ui-status__spinner'));
  expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
  const fits = await page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth);
  expect({ page: name, fits }).toEqual({ page: name, fits: true });
  await shot(page, `${name}.png`);
}

async function signIn(page: Page, user: User, next: string, lang: 'da' | 'en' = 'da') {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent(next)}`);
  await page.getByRole('heading', { level: 1, name: lang === 'da' ? 'Log ind' : 'Sign in' }).waitFor();
  await page.getByLabel(lang === 'da' ? 'E-mailadresse' : 'Email address').fill(user.email);
  await page.getByLabel(lang === 'da' ? 'Adgangskode' : 'Password', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: lang === 'da' ? 'Log ind' : 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** A page in English (the language choice is kept in localStorage). */
async function englishPage(options: Parameters<BrowserSession['newPage']>[0] = {}) {
  const page = await session.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  await page.addInitScript(() => localStorage.setItem('deltag.locale', 'en'));
  return page;
}

const surveyPath = `/forloeb/${ID}/spoergeskema`;
const answerCount = async () => (await stack.api(`/moderation/surveys/${ID}/results`, { token: admin.token })).json.answerCount as number;

/** Starts the survey and answers its one section (without sending). */
async function fillIn(page: Page, worry: string) {
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByText('Del 1 af 1').waitFor();
  await page.locator('#q-tillid-3').check();
  await page.locator('#q-kontakt-0').check();
  await page.locator('#q-bekymring').fill(worry);
  await page.locator('#q-bydel-0').check();
}

/** The tables' one-word headings ('Antal', 'Andel') that the browser broke across two lines. */
const splitWords = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main table th')]
      .filter((th) => {
        const text = th.textContent?.trim() ?? '';
        if (/\s/.test(text)) return false;
        const range = document.createRange();
        range.selectNodeContents(th);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      })
      .map((th) => th.textContent),
  );

async function downloaded(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

describe('a survey only signed-in people may answer', () => {
  it('sends a signed-out reader to sign in, gives a receipt, and refuses a second answer from another browser with a clear message', async () => {
    // Two browsers of the same person, both with the survey filled in before either sends.
    const first = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const second = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [...collectPageErrors(first), ...collectPageErrors(second)];

    await first.goto(`${stack.info.webUrl}${surveyPath}`);
    await first.getByText('Log ind for at svare.').waitFor();
    expect(await first.getByRole('button', { name: 'Start' }).count()).toBe(0);
    await checkPage(first, 'Din holdning til AI', 'more-signed-in-only-signed-out');
    await first.getByRole('main').getByRole('link', { name: 'Log ind' }).click();
    await first.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    await first.getByLabel('E-mailadresse').fill(citizen.email);
    await first.getByLabel('Adgangskode', { exact: true }).fill(citizen.password);
    await first.getByRole('main').getByRole('button', { name: 'Log ind' }).click();
    await first.waitForURL((url) => url.pathname === surveyPath);
    await fillIn(first, 'At ingen kan forklare en afgørelse');

    await signIn(second, citizen, surveyPath);
    await fillIn(second, 'Et andet svar fra samme person');

    await first.getByRole('button', { name: 'Send svar' }).click();
    await checkPage(first, 'Tak for dit svar', 'more-signed-in-receipt');
    expect(await first.locator('main').innerText()).toMatch(/Vi har modtaget dit svar den \d+\. \w+/);

    await second.getByRole('button', { name: 'Send svar' }).click();
    await second.getByText('Du har allerede svaret på spørgeskemaet.').waitFor();
    // The refusal is said where a screen reader is: the page's heading takes the focus.
    await second.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await checkPage(second, 'Din holdning til AI', 'more-signed-in-second-refused');
    expect(await second.getByRole('button', { name: 'Send svar' }).count()).toBe(0);

    expect(await answerCount()).toBe(1);
    expect(errors).toEqual([]);
    await Promise.all([first.close(), second.close()]);
  }, 120_000);
});

describe('my data (GDPR)', () => {
  it("lists the survey the citizen answered, by process only, in the file from 'Hent mine data'", async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, citizen, '/min-side');
    await page.getByRole('button', { name: 'Hent mine data' }).click();
    const link = page.getByRole('link', { name: 'Filen er klar: gem dine data' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const data = myDataExportSchema.parse(JSON.parse((await downloaded(download)).toString('utf8')));
    expect(data.surveys.answered).toEqual([{ processId: ID, processTitle: { da: `Forløb ${ID}`, en: `Process ${ID}` } }]);
    expect(data.surveys.note.da).toContain('kan ikke føres tilbage til dig');
    // Nothing of the answer is in the file.
    expect(JSON.stringify(data)).not.toContain('At ingen kan forklare en afgørelse');
    expect(JSON.stringify(data)).not.toContain('tillid');

    await page.getByRole('button', { name: 'Slet min konto' }).click();
    const confirm = page.locator('.alert', { has: page.getByRole('heading', { name: 'Når du sletter din konto, sker følgende:' }) });
    expect(await confirm.innerText()).toContain('Markeringen af, hvilke spørgeskemaer du har besvaret, slettes.');
    await checkPage(page, /^Hej /, 'more-my-page-delete-survey');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('at 200 % zoom (a 1280 px window shown at twice the size)', () => {
  const zoomed = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };

  it('the answering page fits without sideways scrolling and passes axe, in Danish and English', async () => {
    const other = await stack.user({ name: 'Zoom Zenia' });
    const page = await session.newPage(zoomed);
    const errors = collectPageErrors(page);
    await signIn(page, other, surveyPath);
    await checkPage(page, 'Din holdning til AI', 'more-zoom-survey-intro');
    await fillIn(page, 'Fejl i afgørelser');
    await checkPage(page, 'Holdning', 'more-zoom-survey-section');

    const en = await englishPage(zoomed);
    await signIn(en, await stack.user(), surveyPath, 'en');
    await checkPage(en, 'Your view of AI', 'more-zoom-survey-intro-en');
    await en.getByRole('button', { name: 'Start' }).click();
    await en.getByRole('button', { name: 'Send answer' }).click();
    // The error summary too, where a long question text meets a long message.
    await en.locator('.error-summary').waitFor();
    await checkPage(en, 'View', 'more-zoom-survey-errors-en');

    await page.getByRole('button', { name: 'Send svar' }).click();
    await checkPage(page, 'Tak for dit svar', 'more-zoom-survey-receipt');
    expect(await answerCount()).toBe(2);
    expect(errors).toEqual([]);
    await Promise.all([page.close(), en.close()]);
  }, 120_000);
});

describe('the public results, published and withdrawn from the workspace', () => {
  it('shows the results once an admin publishes them, and says they are not published once withdrawn', async () => {
    const ws = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const reader = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [...collectPageErrors(ws), ...collectPageErrors(reader)];
    const resultsPath = `${stack.info.webUrl}${surveyPath}/resultater`;

    await reader.goto(resultsPath);
    await reader.getByRole('heading', { level: 1, name: 'Resultaterne er ikke offentliggjort endnu' }).waitFor();

    await signIn(ws, admin, `/arbejdsrum/spoergeskema/resultater?forloeb=${ID}`);
    await ws.getByText('Resultaterne er ikke offentlige.').waitFor();
    await ws.getByRole('button', { name: 'Offentliggør resultaterne' }).click();
    await ws.getByRole('status').getByText('Resultaterne er offentliggjort.').waitFor();
    await ws.getByText(/Resultaterne er offentlige siden/).waitFor();
    await checkPage(ws, 'Spørgeskemaets resultater', 'more-ws-published');

    await reader.reload();
    await checkPage(reader, 'Resultater: Din holdning til AI', 'more-results-published');
    expect(await reader.locator('main').innerText()).toContain('2 svar');

    await ws.getByRole('button', { name: 'Træk resultaterne tilbage' }).click();
    await ws.getByRole('status').getByText('Resultaterne er trukket tilbage.').waitFor();
    await ws.getByText('Resultaterne er ikke offentlige.').waitFor();
    expect((await stack.api(`/processes/${ID}/survey/results`)).status).toBe(404);

    await reader.reload();
    await checkPage(reader, 'Resultaterne er ikke offentliggjort endnu', 'more-results-withdrawn');
    expect(await reader.locator('main').innerText()).not.toContain('2 svar');

    // Published again for the pages below.
    await ws.getByRole('button', { name: 'Offentliggør resultaterne' }).click();
    await ws.getByRole('status').getByText('Resultaterne er offentliggjort.').waitFor();
    expect(errors).toEqual([]);
    await Promise.all([ws.close(), reader.close()]);
  }, 120_000);

  it('the public results page fits at 200 % zoom and passes axe, with and without a breakdown, in Danish and English', async () => {
    const zoomed = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };
    const page = await session.newPage(zoomed);
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}${surveyPath}/resultater`);
    await checkPage(page, 'Resultater: Din holdning til AI', 'more-zoom-results');
    await page.getByLabel('Opdel efter').selectOption('bydel');
    await page.getByText('Færre end 5 svar — vises ikke').first().waitFor();
    await checkPage(page, 'Resultater: Din holdning til AI', 'more-zoom-results-breakdown');
    expect(await splitWords(page)).toEqual([]);

    const en = await englishPage(zoomed);
    await en.goto(`${stack.info.webUrl}${surveyPath}/resultater`);
    await checkPage(en, 'Results: Your view of AI', 'more-zoom-results-en');
    expect(errors).toEqual([]);
    await Promise.all([page.close(), en.close()]);
  }, 120_000);
});

describe("the survey's answers downloaded from the workspace", () => {
  it('downloads the XLSX (a zip workbook with a row per answer) and the JSON (valid against the shared schema)', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await signIn(page, admin, `/arbejdsrum/spoergeskema/resultater?forloeb=${ID}`);
    await page.getByRole('heading', { level: 2, name: 'Eksport af svar' }).waitFor();

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-format="xlsx"]').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = await downloaded(xlsx);
    expect(book.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(book.buffer.slice(book.byteOffset, book.byteOffset + book.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(2);
    // One header row and one row per answer on the answers' sheet.
    expect(workbook.worksheets[0]!.actualRowCount).toBe(3);
    await page.getByRole('status').getByText(`Filen ${xlsx.suggestedFilename()} er hentet.`).waitFor();

    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-format="json"]').click()]);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const data = surveyExportSchema.parse(JSON.parse((await downloaded(json)).toString('utf8')));
    expect(data.processId).toBe(ID);
    expect(data.rows).toHaveLength(2);
    expect(data.questions.map((q) => q.id)).toEqual(['tillid', 'kontakt', 'bekymring', 'bydel']);
    expect(data.rows.map((r) => r.answers.tillid)).toEqual([4, 4]);
    // Free texts nobody has reviewed yet are not in the file.
    expect(JSON.stringify(data.rows)).not.toContain('At ingen kan forklare en afgørelse');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe("the committee annex's survey section", () => {
  for (const lang of ['da', 'en'] as const) {
    it(`stands beside the ideas with the answer count, the period and what it cannot show, axe 0 (${lang})`, async () => {
      const page = lang === 'en' ? await englishPage() : await session.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = collectPageErrors(page);
      await signIn(page, committee, `/arbejdsrum/bilag?forloeb=${ID}`, lang);
      const section = page.getByTestId('annex-survey');
      await section.waitFor();
      const text = await section.innerText();
      if (lang === 'en') {
        expect(text).toContain("Citizens' attitudes");
        expect(text).toContain('Your view of AI');
        expect(text).toContain("I trust the municipality's use of AI");
      } else {
        expect(text).toContain('Borgernes holdning');
        expect(text).toContain('Din holdning til AI');
        expect(text).toContain('Hvad undersøgelsen kan og ikke kan vise');
      }
      expect(text).toMatch(/\b2\b/);
      await checkPage(page, lang === 'en' ? 'Committee annex' : 'Udvalgsbilag', `more-annex-survey-${lang}`);
      await section.screenshot({ path: `${SHOTS}/more-annex-survey-section-${lang}.png` });
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }
});

describe('the privacy page', () => {
  it('says what a survey stores, in Danish and English, with axe 0', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${stack.info.webUrl}/privatliv`);
    await page.getByRole('heading', { level: 2, name: 'Spørgeskemaer' }).waitFor();
    const da = await page.locator('main').innerText();
    expect(da).toContain('kun dagen');
    expect(da).toContain('hash af nummeret');
    expect(da).toContain('under 5 svar');
    await checkPage(page, /Privatliv/, 'more-privacy-da');

    const en = await englishPage();
    await en.goto(`${stack.info.webUrl}/privatliv`);
    await en.getByRole('heading', { level: 2, name: 'Surveys' }).waitFor();
    expect(await en.locator('main').innerText()).toContain('fewer than 5 answers');
    await checkPage(en, /Privacy/, 'more-privacy-en');
    await Promise.all([page.close(), en.close()]);
  }, 120_000);
});
