import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { build } from 'vite';
import { startGateway } from '#local/gateway';
import { initialBundle } from '../../frontend/scripts/bundle-size';
import type { TargetCheck } from './report';
import { median, round } from './stats';
import { launchChromium, runLighthouse, type LighthouseRun } from './web-lighthouse';

/**
 * The web app under a slow API (issue 19, Deliver 5): Lighthouse's mobile runs (performance and
 * accessibility) of the front page, the idea list and an idea page, served by the local stack's web
 * server behind a proxy that answers the API late (a cold Lambda), and of an empty Vite + Vue page
 * (test/fixtures/empty-vue) built in the same run and served by the same static server. Runs are
 * interleaved (empty, front, list, idea, empty, …), each in a fresh Chromium, so the shared
 * machine's noise hits every page alike; medians of `runs`. The LCP ratio is a page's median LCP
 * over the empty page's, both measured here.
 */
export const WEB_TARGETS = { performance: 98, accessibility: 100, cls: 0.001, lcpRatio: 1.3, initialKb: 50 } as const;

export interface WebPage {
  name: string;
  path: string;
}

type Metric = Exclude<keyof LighthouseRun, 'failedA11y'>;
const METRICS: Metric[] = ['performance', 'accessibility', 'fcp', 'lcp', 'cls', 'tbt', 'speedIndex', 'observedFcp', 'observedLcp'];

export interface WebPageResult {
  path: string;
  median: Record<Metric, number>;
  runs: LighthouseRun[];
  /** Median LCP over the empty page's; also for the observed (unthrottled, slow API) LCP. */
  lcpRatio: number;
  observedLcpRatio: number;
}

export interface WebResult {
  /** How late the proxy answered every API request, ms. */
  apiDelayMs: number;
  runs: number;
  /** First-visit JavaScript, gzip (frontend/scripts/bundle-size.ts). */
  initialKb: number;
  empty: Omit<WebPageResult, 'lcpRatio' | 'observedLcpRatio'>;
  pages: Record<string, WebPageResult>;
}

/** Builds the empty Vite + Vue page into a temp folder (never committed); remove it with `rmSync`. */
export async function buildEmptyVue(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'deltag-empty-vue-'));
  await build({
    root: resolve(import.meta.dirname, '../fixtures/empty-vue'),
    configFile: false,
    logLevel: 'warn',
    plugins: [vue()],
    define: { __VUE_PROD_DEVTOOLS__: 'false', __VUE_OPTIONS_API__: 'false' },
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}

/** Serves a built folder with the local stack's web server (cdk/local/gateway.ts), without an API. */
export async function serveStatic(webRoot: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await startGateway({
    port: 0,
    webRoot,
    webConfig: {} as never,
    verify: async () => undefined,
    loadHandler: () => Promise.reject(new Error('the empty page has no API')),
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

const summarize = (runs: LighthouseRun[]) =>
  Object.fromEntries(METRICS.map((m) => [m, round(median(runs.map((r) => r[m])), m === 'cls' ? 4 : 1)])) as Record<Metric, number>;

export async function measureWeb(options: {
  /** The app's origin (the delay proxy in front of the stack). */
  webUrl: string;
  emptyUrl: string;
  pages: WebPage[];
  runs: number;
  apiDelayMs: number;
  dist: string;
  log: (message: string) => void;
}): Promise<WebResult> {
  const targets = [{ name: 'empty', url: `${options.emptyUrl}/` }, ...options.pages.map((p) => ({ name: p.name, url: `${options.webUrl}${p.path}` }))];
  const runs = new Map<string, LighthouseRun[]>(targets.map((t) => [t.name, []]));
  for (let round_ = 1; round_ <= options.runs; round_++) {
    for (const target of targets) {
      const chromium = await launchChromium();
      try {
        const run = await runLighthouse(target.url, chromium.port);
        runs.get(target.name)!.push(run);
        options.log(`${round_}/${options.runs} ${target.name}: performance ${run.performance}, accessibility ${run.accessibility}, LCP ${Math.round(run.lcp)} ms (observed ${Math.round(run.observedLcp)} ms), CLS ${run.cls.toFixed(4)}, TBT ${Math.round(run.tbt)} ms`);
      } finally {
        await chromium.close();
      }
    }
  }
  const empty = { path: '/', runs: runs.get('empty')!, median: summarize(runs.get('empty')!) };
  const pages = Object.fromEntries(
    options.pages.map((p) => {
      const pageRuns = runs.get(p.name)!;
      const m = summarize(pageRuns);
      return [p.name, { path: p.path, runs: pageRuns, median: m, lcpRatio: round(m.lcp / empty.median.lcp), observedLcpRatio: round(m.observedLcp / empty.median.observedLcp) }];
    }),
  );
  const bundle = initialBundle(options.dist);
  return { apiDelayMs: options.apiDelayMs, runs: options.runs, initialKb: round((bundle.initialGzip + bundle.localeGzip) / 1024, 2), empty, pages };
}

const check = (name: string, value: number, target: number, atMost: boolean): TargetCheck => {
  const pass = atMost ? value <= target : value >= target;
  const missBy = pass ? undefined : round(atMost ? value / target - 1 : 1 - value / target);
  return { name, value, target: `${atMost ? '≤' : '≥'} ${target}`, pass, ...(missBy === undefined ? {} : { missBy }) };
};

export function checksWeb(result: WebResult): TargetCheck[] {
  const checks = [check('web.initialKb', result.initialKb, WEB_TARGETS.initialKb, true)];
  for (const [name, page] of Object.entries(result.pages)) {
    checks.push(
      check(`web.${name}.performance`, page.median.performance, WEB_TARGETS.performance, false),
      check(`web.${name}.accessibility`, page.median.accessibility, WEB_TARGETS.accessibility, false),
      check(`web.${name}.cls`, page.median.cls, WEB_TARGETS.cls, true),
      check(`web.${name}.lcpRatio`, page.lcpRatio, WEB_TARGETS.lcpRatio, true),
    );
  }
  return checks;
}

export function formatWeb(result: WebResult): string[] {
  const ms = (x: number) => `${Math.round(x)} ms`.padStart(8);
  const row = (name: string, m: Record<Metric, number>, ratio: string, observedRatio: string) =>
    `${name.padEnd(7)} ${String(m.performance).padStart(4)} ${String(m.accessibility).padStart(4)} ${ms(m.fcp)} ${ms(m.lcp)} ${ratio.padStart(5)} ${m.cls.toFixed(3).padStart(6)} ${ms(m.tbt)} ${ms(m.observedLcp)} ${observedRatio.padStart(5)}`;
  return [
    `Web (Lighthouse ${result.runs}× mobile, medians; API answered ${result.apiDelayMs} ms late; first-visit JS ${result.initialKb} kB gzip)`,
    'page    perf a11y      FCP      LCP ratio    CLS      TBT  obs.LCP ratio',
    row('empty', result.empty.median, '1', '1'),
    ...Object.entries(result.pages).map(([name, p]) => row(name, p.median, p.lcpRatio.toFixed(2), p.observedLcpRatio.toFixed(2))),
    '(LCP/FCP/TBT: Lighthouse\'s simulated slow 4G and 4× CPU; obs.: the real unthrottled load, slow API included)',
  ];
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
