import AxeBuilder from '@axe-core/playwright';
import { copyFileSync, mkdirSync } from 'node:fs';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '#local/stack';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { surveyStore } from '#functions/adapters/dynamodb/surveys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { createIdea } from '#functions/domain/ideas';
import { assistedUserId, type AssistedChannel } from '#shared/rules/assisted';
import { ideaCreateSchema } from '#shared/schemas/idea';
import { validIdea } from '../fixtures/ideas';
import { collectPageErrors, launchBrowser, screenshotPath, type BrowserSession } from '../helpers/browser';
import { signIn } from '../helpers/journey';
import { ideaPoster } from '../helpers/moderation';
import type { User } from '../helpers/participation';
import { TestStack } from '../helpers/stack';

/**
 * The annex's "Hvordan bidragene kom ind" in the built SPA: ideas on the web (through the API) and
 * through an assistant at the desk, by phone and on paper (the use case with an assisted actor, as
 * the assisted routes call it), survey answers on the web and on paper; a committee member opens the
 * annex and reads each channel's count and share, axe 0, nothing sideways at 320 px, and the print
 * layout. Screenshots: annex-channels-1280.png, -320.png, -print.png (also in /tmp/shots-assisted/).
 */

const PROCESS = 'ai-i-gentofte';
const SHOTS = '/tmp/shots-assisted';
const ulid = monotonicFactory();

let stack: TestStack;
let session: BrowserSession;
let committee: User;

function stores() {
  const client = createDocumentClient(stack.info.dynamodbEndpoint);
  const table = mainTable.localName;
  return { processes: processStore(client, table), ideas: ideaStore(client, table), profiles: profileStore(client, table), surveys: surveyStore(client, table) };
}

async function assistedIdea(channel: AssistedChannel, title: string) {
  const s = stores();
  const personId = ulid();
  const userId = assistedUserId(personId);
  const at = new Date().toISOString();
  await s.profiles.put({ userId, displayName: `Borger ${personId.slice(-4)}`, participantType: 'citizen', createdAt: at, updatedAt: at });
  const actor = { userId, roles: [], assisted: { assistantId: 'assistant-1', assistantName: 'Bodil Borgerservice', channel } };
  await createIdea({ ...s, clock: { now: () => new Date() }, newId: (now) => ulid(now.getTime()) }, actor, PROCESS, ideaCreateSchema.parse(validIdea({ title })));
}

async function answer(channel?: AssistedChannel) {
  const entry = { id: ulid(), day: new Date().toISOString().slice(0, 10), answers: {}, ...(channel ? { channel } : {}) };
  await stores().surveys.answer({ processId: PROCESS, respondent: { userId: channel ? assistedUserId(ulid()) : `web-${ulid()}` }, answer: entry, texts: [] });
}

function shot(name: string) {
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(screenshotPath(name), `${SHOTS}/${name}`);
}

beforeAll(async () => {
  const [running, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'process' }), launchBrowser()]);
  stack = new TestStack(running);
  session = browser;
  committee = await stack.user({ role: 'committee', name: 'Ulla Udvalg' });
  const post = ideaPoster(stack);
  for (const title of ['Kortere ventetid i Borgerservice', 'Oversættelse af breve', 'Hjælp til Digital Post', 'Bedre ruter i hjemmeplejen', 'Chatbot på biblioteket', 'Energistyring i skolerne']) await post({ title });
  await assistedIdea('assisted-in-person', 'Hjælp til at udfylde skemaer ved skranken');
  await assistedIdea('assisted-in-person', 'Større skrift i kommunens breve');
  await assistedIdea('assisted-phone', 'Svar i telefonen uden kø');
  await assistedIdea('paper', 'Papirskemaer skal også tælle');
  for (const channel of [undefined, undefined, undefined, 'assisted-in-person', 'paper'] as const) await answer(channel);
}, 180_000);

afterAll(async () => {
  await session?.close();
  await stack?.stop();
});

describe('the annex’s channel shares', () => {
  it('shows each channel’s count and share per kind, accessible, at 1280 and 320 px and in print', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${stack.info.webUrl}/log-ind?next=${encodeURIComponent('/arbejdsrum/bilag')}`);
    await signIn(page, committee.email, committee.password);
    const section = page.getByRole('region', { name: 'Hvordan bidragene kom ind' });
    await section.waitFor();

    const ideas = section.getByRole('table', { name: 'Idéer', exact: true });
    const rows = await ideas.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())));
    expect(rows).toEqual([
      ['Kanal', 'Antal', 'Andel'],
      ['På nettet', '6', '60 %'],
      ['Borgerservice, fremmøde', '2', '20 %'],
      ['Borgerservice, telefon', '1', '10 %'],
      ['Papirskema', '1', '10 %'],
      ['Arrangement', '0', '0 %'],
      ['I alt', '10', '100 %'],
    ]);
    const answers = section.getByRole('table', { name: 'Svar på spørgeskemaet', exact: true });
    await expect(answers.getByRole('row', { name: /Papirskema/ }).innerText()).resolves.toMatch(/1\s+20 %/);
    // No comments yet: a sentence, not a table of zeros.
    expect(await section.getByText('Ingen endnu.').count()).toBe(1);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: screenshotPath('annex-channels-1280.png') });
    shot('annex-channels-1280.png');
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="annex-channels"]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.setViewportSize({ width: 320, height: 800 });
    const sideways = await page.evaluate(() => {
      const s = document.querySelector<HTMLElement>('[data-testid="annex-channels"]')!;
      return s.scrollWidth > s.clientWidth + 1 || s.getBoundingClientRect().right > document.documentElement.clientWidth + 1;
    });
    expect(sideways).toBe(false);
    await section.screenshot({ path: screenshotPath('annex-channels-320.png') });
    shot('annex-channels-320.png');

    await page.setViewportSize({ width: 1009, height: 680 });
    await page.emulateMedia({ media: 'print' });
    const kindBreak = await page.locator('.ws-annex-channels__kind').first().evaluate((el) => getComputedStyle(el).breakInside);
    expect(kindBreak).toBe('avoid');
    await section.screenshot({ path: screenshotPath('annex-channels-print.png') });
    shot('annex-channels-print.png');
    expect(errors).toEqual([]);
  });
});
