/**
 * The web benchmark alone (issue 19, Deliver 5): `node --import tsx test/bench/web-only.ts`.
 * Builds the SPA (frontend/vite.config.ts) into a temp folder, starts
 * the local stack with the demo data serving that build, and runs measureWebOnStack (web-stack.ts):
 * an empty Vite + Vue page beside it, a proxy in front that answers the API
 * WEB_API_DELAY_MS late (default 1500: a cold Lambda), runs Lighthouse WEB_RUNS times (default 5) on
 * each page, prints the table and the targets, writes `.bench/web-only.json`, and stops everything
 * it started.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startStack, type RunningStack } from '#local/stack';
import { TEST_DEMO_PARTICIPANTS } from '../helpers/stack';
import { checksWeb, formatWeb, removeDir } from './web';
import { measureWebOnStack } from './web-stack';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.WEB_RUNS ?? 5);
const API_DELAY_MS = Number(process.env.WEB_API_DELAY_MS ?? 1500);
const t0 = performance.now();
const log = (m: string) => process.stderr.write(`[web ${((performance.now() - t0) / 1000).toFixed(1)} s] ${m}\n`);

const cleanups: (() => Promise<void> | void)[] = [];
const cleanUp = async () => {
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  cleanups.length = 0;
};
const guard = setTimeout(() => {
  log('giving up after 20 minutes');
  void cleanUp().finally(() => process.exit(2));
}, 20 * 60_000);
guard.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

// The handlers' info logs would bury the table on stdout; warnings and errors still show.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

try {
  log('building the SPA');
  const dist = mkdtempSync(join(tmpdir(), 'deltag-web-'));
  cleanups.push(() => removeDir(dist));
  await build({ configFile: join(ROOT, 'frontend/vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  log('starting the local stack (demo data)');
  const stack: RunningStack = await startStack({ ports: 'auto', seed: 'demo', demoParticipants: TEST_DEMO_PARTICIPANTS, webRoot: dist });
  cleanups.push(() => stack.stop());
  const web = await measureWebOnStack(stack, { runs: RUNS, apiDelayMs: API_DELAY_MS, dist, log });
  const checks = checksWeb(web);
  const lines = [...formatWeb(web), '', ...checks.map((c) => `${c.pass ? 'met   ' : 'MISSED'} ${c.name} = ${c.value} (${c.target}${c.missBy ? `, off by ${Math.round(c.missBy * 1000) / 10} %` : ''})`)];
  console.log(lines.join('\n'));
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(join(ROOT, '.bench/web-only.json'), `${JSON.stringify({ web, checks }, null, 2)}\n`);
  log('wrote .bench/web-only.json');
} finally {
  await cleanUp();
}
process.exit(0);
