/**
 * The read benchmark alone (issue 19, Deliver 3): `node --import tsx test/bench/reads-only.ts`
 * (npm's Node 24: `npx node --import tsx test/bench/reads-only.ts`). Starts its own local stack, seeds
 * it as `npm run bench` does (seed.ts), runs measureReads, prints the read rows, the floor rows and
 * their targets, writes `.bench/reads-only.json`, and stops everything it started.
 * READS_SAMPLES / READS_WARMUP change the sample counts (default 500 / 100, as the full bench).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startStack, type RunningStack } from '#local/stack';
import { documentClient } from '#functions/adapters/dynamodb/client';
import { cpuMeter } from './cpu';
import { Probe } from './probe';
import { measureReads } from './reads';
import { checksReadFloor, formatReadFloor } from './reads-report';
import { checkTargets, formatReport } from './report';
import { seed } from './seed';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLES = Number(process.env.READS_SAMPLES ?? 500);
const WARMUP = Number(process.env.READS_WARMUP ?? 100);
const t0 = performance.now();
const log = (m: string) => process.stderr.write(`[reads ${((performance.now() - t0) / 1000).toFixed(1)} s] ${m}\n`);

let stack: RunningStack | undefined;
const guard = setTimeout(() => {
  log('giving up after 10 minutes');
  void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(2));
}, 10 * 60_000);
guard.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130)));
}

try {
  log('starting the local stack');
  stack = await startStack({ ports: 'auto', seed: 'process', webRoot: join(ROOT, 'test/fixtures/web') });
  const { info } = stack;
  const raw = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: info.dynamodbEndpoint, region: info.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const probe = new Probe(documentClient());
  const cpu = cpuMeter(info.dynamodbEndpoint);
  const seeded = await seed(stack, log);
  log(`reads: ${SAMPLES} samples per variant`);
  const reads = await measureReads({ apiUrl: info.apiUrl, webUrl: info.webUrl, raw, probe, cpu, ideaIds: seeded.ideaIds, samples: SAMPLES, warmup: WARMUP, block: 25 });
  const checks = [...checkTargets(reads), ...checksReadFloor(reads)];
  const header = `Deltag reads  ${new Date().toISOString()}  node ${process.version}  ${availableParallelism()} cpus  load ${loadavg().map((x) => x.toFixed(1)).join('/')}`;
  console.log(formatReport({ reads, checks, header }));
  console.log(`\n${formatReadFloor(reads).join('\n')}`);
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(join(ROOT, '.bench', 'reads-only.json'), `${JSON.stringify({ reads, targets: checks }, null, 2)}\n`);
} catch (error) {
  process.exitCode = 1;
  console.error('reads bench failed:', error);
} finally {
  await stack?.stop();
  clearTimeout(guard);
  log('stopped everything it started');
}
