import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { signIn } from '../helpers/journey';
import { decideOk, ideaPoster } from '../helpers/moderation';
import { usersInBatches, type User } from '../helpers/participation';
import { TestStack } from '../helpers/stack';

/**
 * The committee annex as a secretariat prints it: twenty ideas with long Danish titles, areas and
 * official answers, opened by a committee member in the built SPA, printed to PDF on A4 and laid
 * out in print media at the width of the printed page. No table cell may split a word across two
 * lines ("sagsbehan/dling"): each word of each cell is measured with a Range, and a word whose
 * boxes lie on more than one line is a split. The Chromium here has no hyphenation dictionaries
 * (Linux Chromium downloads them as a component, which the test browser never does), so
 * `hyphens: auto` hyphenates nothing and every split counts; where a browser does hyphenate Danish
 * (a probe finds out), a split in a cell that asks for `hyphens: auto` is the dictionary's
 * syllable break and is allowed. Screenshots: annex-a4.png (print media, the printed page's width),
 * annex-1280.png, and the PDF in .test-artifacts/.
 */

/** A4 landscape, 15 mm margins (styles/print.css), in CSS pixels (96 per inch). */
const MM = 96 / 25.4;
const PRINT_WIDTH = Math.floor((297 - 2 * 15) * MM);
const PRINT_HEIGHT = Math.floor((210 - 2 * 15) * MM);

const TITLES: [title: string, area: string][] = [
  ['Kortere sagsbehandlingstid i Borgerservice med AI-understøttet journalisering af henvendelser', 'borgerservice-administration'],
  ['Automatisk oversættelse af kommunens breve til borgere med et andet modersmål end dansk', 'borgerservice-administration'],
  ['Digital selvbetjeningsassistent, der hjælper ældre borgere med MitID og Digital Post', 'aeldre-sundhed-omsorg'],
  ['Arbejdsmiljøorganisationen skal inddrages, før sprogmodeller tages i brug på arbejdspladserne', 'arbejdsplads-medarbejdere'],
  ['Tidlig opsporing af mistrivsel i dagtilbud gennem bedre dokumentationsværktøjer', 'boern-og-unge'],
  ['Ruteplanlægning i hjemmeplejen, så medarbejderne kører mindre og har mere tid hos borgerne', 'aeldre-sundhed-omsorg'],
  ['Hurtigere byggesagsbehandling med automatisk forhåndstjek af ansøgningernes fuldstændighed', 'erhverv'],
  ['Forudsigelse af oversvømmelser i kældre ved skybrud ud fra kommunens klimatilpasningsdata', 'by-miljoe-klima'],
  ['Talegenkendelse til journalnotater i socialforvaltningens beskæftigelsesindsats', 'social-beskaeftigelse'],
  ['Chatbot på biblioteket, der anbefaler bøger og arrangementer i kultur- og fritidstilbuddene', 'kultur-idraet-fritid'],
  ['Bedre overblik over ventelister til specialundervisning og pædagogisk-psykologisk rådgivning', 'boern-og-unge'],
  ['Sprogmodel, der skriver udkast til svar på aktindsigtsanmodninger til sagsbehandlerne', 'borgerservice-administration'],
  ['Energioptimering af kommunens bygninger med løbende analyse af varmeforbruget', 'by-miljoe-klima'],
  ['Virksomhedsservice: én indgang til erhvervsdrivendes spørgsmål om tilladelser og gebyrer', 'erhverv'],
  ['Træningsprogrammer i genoptræningen, der tilpasses den enkeltes fremskridt', 'aeldre-sundhed-omsorg'],
  ['Mindre dokumentationsbyrde for pædagoger gennem automatisk udfyldte skabeloner', 'arbejdsplads-medarbejdere'],
  ['Hjælp til at finde relevante tilbud i jobcentret for borgere på kanten af arbejdsmarkedet', 'social-beskaeftigelse'],
  ['Bookingsystem til idrætsfaciliteter, der foreslår ledige tider og samkørsel', 'kultur-idraet-fritid'],
  ['Gennemsigtighed: et offentligt register over alle kommunens algoritmer og deres formål', 'borgerservice-administration'],
  ['Affaldssortering med billedgenkendelse på genbrugspladserne', 'by-miljoe-klima'],
];

const ANSWERS = [
  'Udvalget har besluttet at lade Borgerservice afprøve løsningen i et afgrænset pilotprojekt med databeskyttelsesrådgiverens deltagelse. Sagsbehandlingstiden måles før og efter.',
  'Forslaget indgår i arbejdet med kommunens digitaliseringsstrategi. Arbejdsmiljøorganisationen og medarbejderrepræsentanterne høres, før der træffes beslutning.',
  'Udvalget vælger ikke forslaget nu: de nødvendige klimatilpasningsdata findes endnu ikke i tilstrækkelig kvalitet.',
];

let stack: TestStack;
let session: BrowserSession;
let committee: User;

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  const [moderator, member] = await Promise.all([stack.user({ role: 'moderator' }), stack.user({ role: 'committee', name: 'Ulla Udvalg' })]);
  committee = member;

  const post = ideaPoster(stack);
  const ids: string[] = [];
  for (const [title, area] of TITLES) ids.push((await post({ title, area })).id);

  // A realistic spread: the first ideas many votes, the last few; all three participant types.
  const voters = await usersInBatches(stack, 12, (i) => ({ type: (['citizen', 'business', 'employee'] as const)[i % 3] }));
  await Promise.all(
    voters.map(async (voter, v) => {
      for (const [i, id] of ids.entries()) {
        if (v >= 12 - Math.floor(i / 2)) continue;
        const r = await stack.api(`/ideas/${id}/vote`, { method: 'PUT', token: voter.token });
        expect(r.status, JSON.stringify(r.json)).toBe(200);
      }
    }),
  );
  const statuses = ['selected', 'under_review', 'not_selected'] as const;
  for (const [k, status] of statuses.entries()) {
    await decideOk(stack, moderator.token, ids[k * 3]!, { action: 'set-status', status, officialAnswer: ANSWERS[k] });
  }
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

interface Split {
  cell: string;
  word: string;
  lines: number;
}

/**
 * Every word of every cell under `selector` whose boxes lie on more than one line. A word is a run
 * without spaces; a hyphen, dash, slash or soft hyphen inside it ends a piece, since the line may
 * break after one ("AI-/understøttet", a header's "Virksom-/heder" at the seam the messages mark).
 * `allowHyphens`: the browser hyphenates Danish, so a cell with `hyphens: auto` may break a word at
 * a syllable (with the hyphen the browser draws).
 */
function splitWords(page: Page, selector: string, allowHyphens: boolean): Promise<Split[]> {
  return page.evaluate(
    ({ selector, allowHyphens }) => {
      const splits: Split[] = [];
      for (const cell of document.querySelectorAll<HTMLElement>(selector)) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const parent = node.parentElement!;
          if (allowHyphens && getComputedStyle(parent).hyphens === 'auto') continue;
          for (const match of node.data.matchAll(/[^\s\-–/\u00AD]+[-–/\u00AD]?/g)) {
            // The line of each character: the last box of a one-character range. (After a soft hyphen
            // that broke the line, the first character's range also holds the drawn hyphen, on the
            // line before; its own box comes last.)
            const tops = Array.from({ length: match[0].length }, (_, i) => {
              const range = document.createRange();
              range.setStart(node, match.index + i);
              range.setEnd(node, match.index + i + 1);
              const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
              return boxes.length ? boxes[boxes.length - 1]!.top : NaN;
            });
            const seen = tops.filter((top) => !Number.isNaN(top)).sort((a, b) => a - b);
            // Boxes of one line share their top (within a pixel: fonts and inline boxes round differently).
            const lines = seen.filter((top, i) => i === 0 || top - seen[i - 1]! > 1).length;
            if (lines > 1) splits.push({ cell: (cell.textContent ?? '').trim().slice(0, 80), word: match[0], lines });
          }
        }
      }
      return splits;
    },
    { selector, allowHyphens },
  );
}

/** Whether this browser hyphenates Danish text (it has the dictionary): a long word in a narrow box. */
function hyphenatesDanish(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = document.createElement('p');
    probe.lang = 'da';
    probe.style.cssText = 'hyphens:auto;inline-size:6ch;overflow-wrap:normal;word-break:normal;position:absolute;visibility:hidden;margin:0';
    probe.textContent = 'sagsbehandlingstiden';
    document.body.append(probe);
    const oneLine = probe.getBoundingClientRect().height;
    probe.style.inlineSize = 'auto';
    probe.style.whiteSpace = 'nowrap';
    const hyphenated = oneLine > probe.getBoundingClientRect().height * 1.5;
    probe.remove();
    return hyphenated;
  });
}

const CELLS = '[data-testid="annex-ranking"] th, [data-testid="annex-ranking"] td';

async function openAnnex(page: Page) {
  await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent('/arbejdsrum/bilag')}`);
  await signIn(page, committee.email, committee.password);
  await page.getByRole('heading', { level: 1, name: 'Udvalgsbilag' }).waitFor();
  await page.locator('[data-testid="annex-ranking"] tbody th').nth(TITLES.length - 1).waitFor();
}

describe('the committee annex', () => {
  it('prints on A4 landscape with whole words, a roomy title column, headers on every page, page numbers and one date format', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await openAnnex(page);

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
    // Before any check: the picture helps most when a check fails.
    await page.screenshot({ path: screenshotPath('annex-a4.png'), fullPage: true });

    const allowHyphens = await hyphenatesDanish(page);
    expect(await splitWords(page, CELLS, allowHyphens)).toEqual([]);
    // The control: with the rule the annex had before (cells that break anywhere), the same
    // measurement finds words split in two, so an empty list above means whole words.
    const before = await page.addStyleTag({ content: '[data-testid="annex-ranking"] :is(th, td) { overflow-wrap: anywhere !important }' });
    expect((await splitWords(page, CELLS, allowHyphens)).length).toBeGreaterThan(0);
    await before.evaluate((style) => (style as HTMLStyleElement).remove());

    const layout = await page.evaluate(() => {
      const table = document.querySelector<HTMLTableElement>('[data-testid="annex-ranking"]')!;
      const titles = [...table.querySelectorAll<HTMLElement>('tbody th')].map((th) => th.getBoundingClientRect().width);
      const rule = document.getElementById('annex-rule')!.parentElement!;
      return {
        tableRight: table.getBoundingClientRect().right,
        pageWidth: document.documentElement.clientWidth,
        titleShare: Math.min(...titles) / table.getBoundingClientRect().width,
        ruleBottom: rule.getBoundingClientRect().bottom,
        headerGroup: getComputedStyle(table.tHead!).display,
        ideaBreak: getComputedStyle(table.tBodies[0]!).breakInside,
        text: document.querySelector<HTMLElement>('.ws-annex__doc')!.innerText,
      };
    });
    // The table fits the printed page (nothing is cut at the right edge), and the title has room.
    expect(layout.tableRight).toBeLessThanOrEqual(layout.pageWidth);
    expect(layout.titleShare).toBeGreaterThan(0.2);
    // The process, the title and the ranking rule are on the first page.
    expect(layout.ruleBottom).toBeLessThan(PRINT_HEIGHT);
    expect(layout.text).toContain('AI i Gentofte Kommune');
    expect(layout.text).toMatch(/Top 20 efter antal stemmer/);
    // The column headers repeat on each printed page; an idea (its row and its answer) is never cut in two.
    expect(layout.headerGroup).toBe('table-header-group');
    expect(layout.ideaBreak).toBe('avoid');
    // One date format: "1. dec. 2026, 11.29" as everywhere in the app, never "01-12-2026 11:29".
    expect(layout.text).toMatch(/\d{1,2}\. (jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}, \d{2}\.\d{2}/);
    expect(layout.text).not.toMatch(/\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2}/);
    // Statuses in words, never a message key.
    expect(layout.text).toContain('Under behandling');
    expect(layout.text).not.toMatch(/\b[a-z]+\.[a-z]+\.[a-z_]+\b/);
    // Page numbers come from the print style's page margin boxes.
    expect(await page.evaluate(pageNumberRule)).toMatch(/counter\(page\).*counter\(pages\)/);
    const pdf = await page.pdf({ path: screenshotPath('annex.pdf'), format: 'A4', preferCSSPageSize: true });
    const raw = pdf.toString('latin1');
    const boxes = [...raw.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // Landscape A4 (842 × 595 pt), and the twenty rows take more than one page.
    expect(boxes.length).toBeGreaterThan(1);
    for (const [w, h] of boxes) expect([Math.round(w!), Math.round(h!)]).toEqual([842, 595]);
    expect(errors).toEqual([]);
  });

  it('keeps words whole on screen at 1280 px, with a title column wider than a few characters', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await openAnnex(page);
    await page.screenshot({ path: screenshotPath('annex-1280.png'), fullPage: true });
    expect(await splitWords(page, CELLS, await hyphenatesDanish(page))).toEqual([]);
    const titleWidth = await page.locator('[data-testid="annex-ranking"] tbody th').first().evaluate((th) => th.getBoundingClientRect().width);
    expect(titleWidth).toBeGreaterThan(200);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // In English the headers change and the words stay whole; the ideas' own text stays Danish (lang="da").
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Committee annex' }).waitFor();
    expect(await page.locator('[data-testid="annex-ranking"] thead th').allInnerTexts()).toContain('Businesses');
    expect(await page.locator('[data-testid="annex-ranking"] tbody th').first().getAttribute('lang')).toBe('da');
    expect(await splitWords(page, CELLS, await hyphenatesDanish(page))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** The `content` of the print style's bottom margin box that numbers the pages, or ''. */
function pageNumberRule(): string {
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (!(rule instanceof CSSMediaRule) || !rule.conditionText.includes('print')) continue;
      for (const inner of rule.cssRules) {
        if (!(inner instanceof CSSPageRule)) continue;
        for (const margin of inner.cssRules ?? []) {
          const content = (margin as CSSStyleRule).style?.getPropertyValue('content') ?? '';
          if (content.includes('counter(page)')) return content;
        }
      }
    }
  }
  return '';
}
