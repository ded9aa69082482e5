import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { documentClient } from '#functions/adapters/dynamodb/client';
import { startStack, type RunningStack } from '#local/stack';
import { launchBrowser, type BrowserSession } from '../../test/helpers/browser';
import { postIdea, signIn } from '../../test/helpers/journey';
import { emptyCounts, MEASURED_FILE, type ActionName, type Counts, type Measured, type PageName } from './measured';
import { RequestRecorder } from './measure-browser';
import { meterCapacity, tableSize, type CapacityMeter } from './measure-table';

/**
 * `npm run cost:measure`: what each page and action really costs in requests, measured against the
 * local stack with the built SPA in Chromium, written to cdk/cost/measured-requests.json for the cost
 * CLI. Each round: the three pages opened cold (a fresh browser, nobody signed in), then a demo
 * participant signs in, clicks to the three pages (warm), posts an idea, votes and comments. The
 * figures are the rounds' mean.
 */
const { values } = parseArgs({ options: { 'web-root': { type: 'string', default: 'frontend/dist' }, rounds: { type: 'string', default: '3' }, out: { type: 'string', default: MEASURED_FILE }, commit: { type: 'string' }, trace: { type: 'boolean', default: false } } });
const rounds = Number(values.rounds);
const PROCESS = 'ai-i-gentofte';
const DEMO = { email: 'jens.demo@example.dk', password: 'Demo-adgang-2026' };

let stack: RunningStack | undefined;
let browser: BrowserSession | undefined;
let meter: CapacityMeter;

/** Lets the table's stream reach the search projector (its writes belong to the step that caused them). */
const settle = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  await new Promise((r) => setTimeout(r, 1500));
};
/** Mails in the local outbox (SES in AWS); the folder appears with the first one. */
const mails = () => (existsSync(stack!.outboxDir) ? readdirSync(stack!.outboxDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).length : 0);

/** Runs `step` in the page and returns what it cost: requests from the recorder, capacity from the meter. */
async function measureStep(page: Page, recorder: RecordStep, step: () => Promise<unknown>): Promise<Counts> {
  await recorder.take();
  meter.take();
  const mailsBefore = mails();
  await step();
  await settle(page);
  const counts = await recorder.take();
  Object.assign(counts, meter.take(), { emails: mails() - mailsBefore });
  return counts;
}
type RecordStep = Pick<RequestRecorder, 'take'>;

async function openFresh() {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  return { page, recorder: new RequestRecorder(page.context(), stack!.info.webUrl) };
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();

/** The first idea in the list that the signed-in participant has not voted for, opened by a click. */
async function openUnvotedIdea(page: Page, skip: number): Promise<string> {
  await nav(page, 'Idéer');
  await page.locator('main article').first().waitFor();
  const cards = page.locator('main article', { has: page.locator('[aria-pressed="false"]') });
  const title = (await cards.nth(skip).getByRole('link').first().innerText()).trim();
  await cards.nth(skip).getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return title;
}

async function round(n: number, ideaPath: string) {
  const pages = {} as Record<PageName, { cold: Counts; warm: Counts }>;
  const actions = {} as Record<ActionName, Counts>;
  const storage = { idea: 0, vote: 0, comment: 0 };
  const addresses: Record<PageName, string> = { front: `/forloeb/${PROCESS}`, list: `/forloeb/${PROCESS}/ideer`, idea: ideaPath };
  for (const name of Object.keys(addresses) as PageName[]) {
    const { page, recorder } = await openFresh();
    const cold = await measureStep(page, recorder, () => page.goto(stack!.info.webUrl + addresses[name]));
    pages[name] = { cold, warm: emptyCounts() };
    await page.context().close();
  }

  const { page, recorder } = await openFresh();
  await page.goto(`${stack!.info.webUrl}/forloeb/${PROCESS}`);
  await settle(page);
  actions.signIn = await measureStep(page, recorder, () => signIn(page, DEMO.email, DEMO.password));
  pages.front.warm = await measureStep(page, recorder, () => nav(page, 'Forløbet'));
  pages.list.warm = await measureStep(page, recorder, async () => {
    await nav(page, 'Idéer');
    await page.locator('main article').first().waitFor();
  });
  pages.idea.warm = await measureStep(page, recorder, async () => {
    const link = page.locator('main article').first().getByRole('link').first();
    const title = (await link.innerText()).trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  });

  const sized = async <T>(key: keyof typeof storage, step: () => Promise<T>) => {
    const before = (await tableSize(stack!.info.dynamodbEndpoint)).bytes;
    const result = await step();
    storage[key] = (await tableSize(stack!.info.dynamodbEndpoint)).bytes - before;
    return result;
  };
  const title = `Omkostningsmåling ${n}: del cykler ved stationen ${Date.now().toString(36)}`;
  actions.postIdea = await sized('idea', () =>
    measureStep(page, recorder, () => postIdea(page, { title, body: 'En idé skrevet af målingen af, hvad hver handling koster i AWS. Den har en almindelig længde.', concerns: 'Ingen.' })),
  );
  const voted = await openUnvotedIdea(page, n);
  if (values.trace) console.log('--- vote');
  actions.vote = await sized('vote', () =>
    measureStep(page, recorder, async () => {
      await page.getByRole('button', { name: `Stem på ${voted}` }).click();
      await page.locator('.idea-page__vote [aria-pressed="true"]').waitFor();
    }),
  );
  const text = `Godt forslag, husk cykelparkeringen (måling ${n}).`;
  actions.comment = await sized('comment', () =>
    measureStep(page, recorder, async () => {
      await page.getByLabel('Kommentar', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Send kommentar' }).click();
      await page.locator('article.comment', { hasText: text }).waitFor();
    }),
  );
  await page.context().close();
  return { pages, actions, storage };
}

/** The mean of several rounds' counts, route by route. */
function mean(all: Counts[]): Counts {
  const out = emptyCounts();
  for (const c of all) {
    for (const key of ['apiRequests', 'apiMs', 'apiBytes', 'rcu', 'wcu', 'staticRequests', 'staticBytes', 'emails'] as const) out[key] += c[key] / all.length;
    for (const [route, k] of Object.entries(c.byRoute)) out.byRoute[route] = (out.byRoute[route] ?? 0) + k / all.length;
  }
  for (const key of ['apiMs', 'apiBytes', 'staticBytes', 'rcu', 'wcu'] as const) out[key] = Math.round(out[key] * 100) / 100;
  return out;
}

async function main() {
  [stack, browser] = await Promise.all([startStack({ ports: 'auto', seed: 'demo', demoParticipants: 40, webRoot: resolve(values['web-root']) }), launchBrowser()]);
  // --trace: every DynamoDB call's consumed capacity, to see where a step's units go.
  meter = meterCapacity(documentClient(), values.trace ? (command, consumed) => console.log(command, JSON.stringify(consumed)) : undefined);
  // An idea of the demo process to open cold: the first one the list shows.
  const { page: first } = await openFresh();
  await first.goto(`${stack.info.webUrl}/forloeb/${PROCESS}/ideer`);
  await first.locator('main article').first().getByRole('link').first().click();
  // The list's own heading is a level-1 heading too: wait for the idea's address, or the list is taken for the idea.
  await first.waitForURL(/\/ideer\/[0-9A-Z]{26}$/);
  await first.getByRole('heading', { level: 1 }).waitFor();
  const ideaPath = new URL(first.url()).pathname;
  await first.context().close();

  const results: Awaited<ReturnType<typeof round>>[] = [];
  for (let n = 0; n < rounds; n++) {
    console.log(`round ${n + 1} of ${rounds}`);
    results.push(await round(n, ideaPath));
  }
  const pageNames: PageName[] = ['front', 'list', 'idea'];
  const actionNames: ActionName[] = ['signIn', 'postIdea', 'vote', 'comment'];
  const size = await tableSize(stack.info.dynamodbEndpoint);
  const avg = (key: 'idea' | 'vote' | 'comment') => Math.round(results.reduce((s, r) => s + r.storage[key], 0) / results.length);
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  const measured: Measured = {
    measuredAt: new Date().toISOString(),
    // --commit: measured in a clean export of that commit (git archive), which has no .git of its own.
    commit: values.commit ?? git('rev-parse', 'HEAD'),
    dirty: values.commit ? false : git('status', '--porcelain', '--', 'functions', 'frontend/src', 'shared', 'cdk/local') !== '',
    method: `node --import tsx cdk/cost/measure.ts: the local stack (demo seed) and the built SPA in Chromium, ${rounds} rounds, the mean of each. Cold pages: a fresh browser context opens the address, nobody signed in. Warm pages: a signed-in demo participant clicks to them in the running app. Capacity: ReturnConsumedCapacity on the handlers' shared DynamoDB client (DynamoDB Local's answer). Bytes: Chromium's transferred sizes (headers included; files gzip-compressed as the gateway and CloudFront send them). apiMs: the local gateway's time per request on a shared 2-core machine, an upper bound on Lambda's billed duration.`,
    pages: Object.fromEntries(pageNames.map((p) => [p, { cold: mean(results.map((r) => r.pages[p].cold)), warm: mean(results.map((r) => r.pages[p].warm)) }])) as Measured['pages'],
    actions: Object.fromEntries(actionNames.map((a) => [a, mean(results.map((r) => r.actions[a]))])) as Measured['actions'],
    storage: { bytesPerIdea: avg('idea'), bytesPerVote: avg('vote'), bytesPerComment: avg('comment'), bytesPerParticipant: Math.round(size.participantBytes / Math.max(1, size.profiles)) },
  };
  writeFileSync(values.out, `${JSON.stringify(measured, null, 2)}\n`);
  console.log(`wrote ${values.out}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await browser?.close();
    await stack?.stop();
  });
