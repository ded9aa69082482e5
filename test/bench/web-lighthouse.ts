import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../helpers/browser';

/**
 * The parts of the web benchmark (web.ts) that talk to Chromium and the network: a Chromium with a
 * DevTools port for Lighthouse, one Lighthouse run, and the proxy that makes the API slow.
 */

/** The flags that work on these machines (test/helpers/browser.ts), plus a port the OS picks. */
const CHROMIUM_FLAGS = [...CHROMIUM_ARGS, '--remote-debugging-port=0'];

export interface Chromium {
  port: number;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile; its DevTools port is read from the profile's DevToolsActivePort file. */
export async function launchChromium(executable = process.env.CHROME_PATH ?? '/usr/bin/chromium'): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'deltag-web-bench-'));
  const child: ChildProcess = spawn(executable, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
  const portFile = join(profile, 'DevToolsActivePort');
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    // Chromium's helper processes can still be writing to the profile for a moment after it exits.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // A temp folder left behind is not worth failing a measurement for.
    }
  };
  for (let i = 0; i < 300; i++) {
    if (existsSync(portFile)) {
      const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
      if (port > 0) return { port, close };
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await close();
  throw new Error(`Chromium (${executable}) did not open a DevTools port`);
}

/** One Lighthouse run's figures: the scores 0–100, times in ms. */
export interface LighthouseRun {
  performance: number;
  accessibility: number;
  /** Simulated mobile figures (Lighthouse's default: Moto G Power, slow 4G, 4× CPU), which the score is made of. */
  fcp: number;
  lcp: number;
  cls: number;
  tbt: number;
  speedIndex: number;
  /** What the unthrottled load really did, slow API included (the simulation takes one server time per origin). */
  observedFcp: number;
  observedLcp: number;
  /** The accessibility audits that failed, by id (empty at 100). */
  failedA11y: string[];
}

type Audit = { numericValue?: number; score: number | null; details?: { items?: Record<string, number>[] } };

/** One mobile Lighthouse run (performance and accessibility) of `url` in the Chromium on `port`. */
export async function runLighthouse(url: string, port: number): Promise<LighthouseRun> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message} (${url})`);
  const audits = lhr.audits as Record<string, Audit>;
  const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  const observed = audits.metrics?.details?.items?.[0] ?? {};
  const a11y = lhr.categories.accessibility;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((a11y?.score ?? 0) * 100),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    cls: value('cumulative-layout-shift'),
    tbt: value('total-blocking-time'),
    speedIndex: value('speed-index'),
    observedFcp: observed.observedFirstContentfulPaint ?? Number.NaN,
    observedLcp: observed.observedLargestContentfulPaint ?? Number.NaN,
    failedA11y: (a11y?.auditRefs ?? []).filter((r) => r.weight > 0 && audits[r.id]?.score === 0).map((r) => r.id),
  };
}

export interface DelayProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of the local stack's web server: `/api/…` answers `delayMs` late (a cold
 * Lambda's start), everything else (the SPA's files, `/config.json`, which CloudFront serves) at once.
 */
export async function startDelayProxy(target: string, delayMs: number): Promise<DelayProxy> {
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    const slow = (req.url ?? '/').startsWith('/api/');
    const forward = () => {
      const upstream = request(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    };
    if (slow) setTimeout(forward, delayMs);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
