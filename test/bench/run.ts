/**
 * `npm run bench`: the API against a raw DynamoDB baseline, measured in the same run on this machine.
 * Starts its own local stack (in-memory DynamoDB Local, cognito-local, gateway, all on 127.0.0.1),
 * measures bundles, reads and votes, prints a table with PASS/MISS per target, writes
 * `.bench/latest.json`, and stops everything it started. Not part of `npm test`.
 *
 * BENCH_QUICK=1 runs a smaller version (fewer samples, 200 voters) while working on the bench itself;
 * its numbers are not comparable. BENCH_ONLY=search measures only search (issue 18: 10,000 ideas). `test/bench/profile.ts` is a separate drill-down of the vote path.
 *
 * Issue 19 added, in this order after search: the viral idea (viral.ts: one idea at 1,000 votes/s for 30 s
 * behind the capacity model, on this run's stack), the cost table (cdk/cost/bench.ts: no stack), and, once
 * this stack is stopped, the web app's Lighthouse runs beside an empty Vite + Vue page (web-only.ts, a child
 * with its own stack and demo data; BENCH_SKIP_WEB=1 leaves it out). Each part also runs alone:
 * test/bench/{reads,votes,bundles,viral,web,cost}-only.ts.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startStack, type RunningStack } from '#local/stack';
import { documentClient } from '#functions/adapters/dynamodb/client';
import { createUsers } from './api';
import { measureBundles } from './bundles';
import { cpuMeter } from './cpu';
import { Probe } from './probe';
import { capacityMeter } from './capacity';
import { measureReads } from './reads';
import { execFileSync } from 'node:child_process';
import { checksCost, formatCost, measureCost } from '../../cdk/cost/bench';
import { checksBundles, formatBundles } from './bundles';
import { checksReadFloor, formatReadFloor } from './reads-report';
import { checkTargets, formatReport, type TargetCheck } from './report';
import { checksViral, formatViral, measureViral } from './viral';
import { formatWeb, type WebResult } from './web';
import { measureSearch, seedSearch } from './search';
import { seed } from './seed';
import { round } from './stats';
import { checksVotes, formatVotes, measureVotes } from './votes';

const quick = process.env.BENCH_QUICK === '1';
const searchOnly = process.env.BENCH_ONLY === 'search';
const CONFIG = {
  bundleRuns: quick ? 5 : 15,
  readSamples: quick ? 100 : 500,
  readWarmup: quick ? 20 : 100,
  readBlock: 25,
  voters: quick ? 200 : 1000,
  voteConcurrency: 32,
  voteBlock: 100,
  voteWarmup: quick ? 100 : 300,
  maxVoteMsPerSide: 90_000,
  searchIdeas: quick ? 2_000 : 10_000,
  searchSamples: quick ? 60 : 300,
  viral: { rate: quick ? 200 : 1000, seconds: quick ? 10 : 30, limitScale: 1, maxInFlight: 64, convergeLimitMs: 15_000, preShard: true },
  web: !searchOnly && process.env.BENCH_SKIP_WEB !== '1',
  /** The whole run is abandoned (and the stack stopped) after this long. */
  hardLimitMs: 45 * 60_000,
};

const ROOT = resolve(import.meta.dirname, '../..');
const t0 = performance.now();
const log = (m: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1)} s] ${m}\n`);

let stack: RunningStack | undefined;
let stopping: Promise<void> | undefined;
const stopStack = () => (stopping ??= stack ? stack.stop() : Promise.resolve());

const loadAtStart = loadavg();

async function main() {
  log('starting the local stack (in-memory DynamoDB Local, cognito-local, gateway)');
  stack = await startStack({ ports: 'auto', seed: 'process', webRoot: join(ROOT, 'test/fixtures/web') });
  const { info } = stack;
  const raw = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: info.dynamodbEndpoint, region: info.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  // The handlers' own client (one per process, shared by every handler module the gateway loads).
  const probe = new Probe(documentClient());
  const cpu = cpuMeter(info.dynamodbEndpoint);
  if (!cpu.javaPid) log('DynamoDB Local JVM not found in /proc: its CPU time is not reported');

  // Read units of the handlers' own client: counted only while the search is measured.
  const capacity = capacityMeter(documentClient());
  const core = searchOnly ? undefined : await measureCore(stack, raw, probe, cpu);

  log(`search: ${CONFIG.searchIdeas} generated ideas in a process of their own`);
  const searchSeed = await seedSearch(raw, CONFIG.searchIdeas, log);
  const measured = await measureSearch({ apiUrl: info.apiUrl, raw, capacity, cpu, seed: searchSeed, samples: CONFIG.searchSamples, log });
  // indexedAt is this process's clock (performance.now()): no use in the results.
  const { indexedAt: _, ...seedFigures } = searchSeed;
  const search = { seed: seedFigures, ...measured };

  let viral: Awaited<ReturnType<typeof measureViral>> | undefined;
  let cost: ReturnType<typeof measureCost> | undefined;
  if (!searchOnly) {
    // Last on this stack: it leaves its (inactive) capacity-model middleware on the handlers' client.
    log(`viral idea: ${CONFIG.viral.rate} votes/s for ${CONFIG.viral.seconds} s on one idea behind the capacity model`);
    viral = await measureViral(stack, raw, CONFIG.viral, log);
    log('cost: pricing the measured requests against the synthesized templates');
    cost = measureCost();
  }
  await stopStack();
  const web = CONFIG.web ? runWeb() : undefined;

  const checks: TargetCheck[] = [
    ...checkTargets(core?.reads),
    ...(core ? checksReadFloor(core.reads) : []),
    ...(core ? checksVotes(core.votes) : []),
    ...(core ? checksBundles(core.bundles) : []),
    ...(viral ? checksViral(viral) : []),
    ...(web ? web.checks : []),
    ...(cost ? checksCost(cost) : []),
  ];
  const durationMs = performance.now() - t0;
  const header = `Deltag bench  ${new Date().toISOString()}  node ${process.version}  ${availableParallelism()} cpus  load 1/5/15 min ${fmtLoad(loadAtStart)} at start, ${fmtLoad(loadavg())} at end  ${(durationMs / 1000).toFixed(0)} s${quick ? '  (BENCH_QUICK)' : ''}${searchOnly ? '  (BENCH_ONLY=search)' : ''}`;
  const sections = [
    ...(core ? [formatReadFloor(core.reads), formatVotes(core.votes), formatBundles(core.bundles)] : []),
    ...(viral ? [formatViral(viral)] : []),
    ...(web ? [web.lines] : []),
    ...(cost ? [formatCost(cost)] : []),
  ];
  console.log(formatReport({ reads: core?.reads, search, checks, header, sections }));
  const passed = checks.filter((c) => c.pass).length;
  // Search alone leaves latest.json (the whole run's keys) as it was.
  const file = searchOnly ? 'search-only.json' : 'latest.json';
  console.log(`\n${passed} of ${checks.length} targets met. Results: .bench/${file}`);

  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  const result = {
    version: 1,
    startedAt: new Date(Date.now() - durationMs).toISOString(),
    durationMs: round(durationMs),
    quick,
    config: CONFIG,
    machine: { node: process.version, cpus: availableParallelism(), loadavgAtStart: loadAtStart, loadavgAtEnd: loadavg() },
    ...(core
      ? {
          seed: { ideas: core.seeded.ideaIds.length, users: core.seeded.users, votes: core.seeded.votes, ms: core.seeded.ms },
          reads: core.reads,
          votes: core.votes,
          bundles: core.bundles.bundles,
          bundleImport: { runs: core.bundles.runs, node: core.bundles.node, baseline: core.bundles.baseline, missing: core.bundles.missing },
        }
      : {}),
    search,
    ...(viral ? { viral } : {}),
    ...(web ? { web: web.result } : {}),
    ...(cost ? { cost } : {}),
    targets: checks,
  };
  writeFileSync(join(ROOT, '.bench', file), `${JSON.stringify(result, null, 2)}\n`);
}

/** Bundles, then reads and votes on ~100 ideas posted through the API (the measurements before issue 18). */
async function measureCore(stack: RunningStack, raw: DynamoDBDocumentClient, probe: Probe, cpu: ReturnType<typeof cpuMeter>) {
  const { info } = stack;
  log('bundles: building and timing cold imports');
  const bundles = await measureBundles({ runs: CONFIG.bundleRuns, dynamodbEndpoint: info.dynamodbEndpoint, log });

  // Voters are created (cognito-local, which slows down as its pool grows) while the seed runs: neither is measured.
  log(`seeding users, ideas and votes through the API; creating ${CONFIG.voters} voters meanwhile`);
  const tVoters = performance.now();
  const votersReady = createUsers(stack, CONFIG.voters, 'voter', 8).then((v) => {
    log(`votes: ${CONFIG.voters} voters created and signed in in ${Math.round(performance.now() - tVoters)} ms`);
    return { voters: v, ms: performance.now() - tVoters };
  });
  votersReady.catch(() => undefined);
  const seeded = await seed(stack, log);
  const { voters, ms: msCreateVoters } = await votersReady;

  log('reads: gateway vs raw, interleaved');
  const reads = await measureReads({
    apiUrl: info.apiUrl,
    webUrl: info.webUrl,
    raw,
    probe,
    cpu,
    ideaIds: seeded.ideaIds,
    samples: CONFIG.readSamples,
    warmup: CONFIG.readWarmup,
    block: CONFIG.readBlock,
  });

  log('votes: gateway vs raw in alternating blocks');
  const votes = await measureVotes({
    stack,
    raw,
    probe,
    cpu,
    targets: seeded.voteTargets,
    voters,
    msCreateVoters,
    concurrency: CONFIG.voteConcurrency,
    block: CONFIG.voteBlock,
    warmup: CONFIG.voteWarmup,
    maxMsPerSide: CONFIG.maxVoteMsPerSide,
    log,
  });

  return { bundles, seeded, reads, votes };
}

const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(1)).join('/');

/**
 * Lighthouse needs the built SPA with demo data behind a slowed API, and its own Chromium: web-only.ts
 * sets that up and stops it; this run takes its figures from the file it writes.
 */
function runWeb(): { result: WebResult; checks: TargetCheck[]; lines: string[] } | undefined {
  log('web: Lighthouse runs (test/bench/web-only.ts, its own stack with demo data)');
  const out = join(ROOT, '.bench', 'web-only.json');
  rmSync(out, { force: true });
  try {
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/bench/web-only.ts')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, WEB_RUNS: quick ? '1' : '5' } });
  } catch (error) {
    log(`web: failed (${(error as Error).message.split('\n')[0]})`);
  }
  if (!existsSync(out)) return undefined;
  const { web: result, checks } = JSON.parse(readFileSync(out, 'utf8')) as { web: WebResult; checks: TargetCheck[] };
  return { result, checks, lines: formatWeb(result) };
}

const hardLimit = setTimeout(() => {
  log(`giving up after ${CONFIG.hardLimitMs / 1000} s`);
  void stopStack().finally(() => process.exit(2));
}, CONFIG.hardLimitMs);
hardLimit.unref();
// A closed stdout (e.g. `npm run bench | head`) must not kill the run before it stops the stack.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);
process.on('uncaughtException', (error) => {
  log(`uncaught: ${String(error)}; stopping the stack`);
  void stopStack().finally(() => process.exit(1));
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the stack`);
    void stopStack().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  console.error('bench failed:', error);
} finally {
  await stopStack();
  clearTimeout(hardLimit);
  log('stopped everything it started');
}
