/**
 * The vote measurement alone (issue 19): `node --import tsx test/bench/votes-only.ts`, BENCH_QUICK=1 for
 * 200 voters and 100 warm-up votes (as `npm run bench` quick). Starts its own local stack, seeds it as the
 * full bench does (test/bench/seed.ts), runs measureVotes, prints the votes table and its targets and
 * writes .bench/votes-only.json; stops everything it started.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startStack, type RunningStack } from '#local/stack';
import { documentClient } from '#functions/adapters/dynamodb/client';
import { createUsers } from './api';
import { cpuMeter } from './cpu';
import { Probe } from './probe';
import { seed } from './seed';
import { checksVotes, formatVotes, measureVotes } from './votes';

const quick = process.env.BENCH_QUICK === '1';
const ROOT = resolve(import.meta.dirname, '../..');
const t0 = performance.now();
const log = (m: string) => process.stderr.write(`[votes ${((performance.now() - t0) / 1000).toFixed(1)} s] ${m}\n`);

let stack: RunningStack | undefined;
try {
  stack = await startStack({ ports: 'auto', seed: 'process', webRoot: join(ROOT, 'test/fixtures/web') });
  const info = stack.info;
  const raw = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: info.dynamodbEndpoint, region: info.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const voterCount = quick ? 200 : 1000;
  const tVoters = performance.now();
  const votersReady = createUsers(stack, voterCount, 'voter', 8);
  votersReady.catch(() => undefined);
  const seeded = await seed(stack, log);
  const voters = await votersReady;
  log(`${voterCount} voters ready`);
  const votes = await measureVotes({
    stack,
    raw,
    probe: new Probe(documentClient()),
    cpu: cpuMeter(info.dynamodbEndpoint),
    targets: seeded.voteTargets,
    voters,
    msCreateVoters: performance.now() - tVoters,
    concurrency: 32,
    block: 100,
    warmup: quick ? 100 : 300,
    maxMsPerSide: 90_000,
    log,
  });
  const checks = checksVotes(votes);
  console.log([...formatVotes(votes), '', ...checks.map((c) => `${c.pass ? 'PASS' : 'MISS'} ${c.name} ${String(c.value)} (target ${c.target})`)].join('\n'));
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(join(ROOT, '.bench', 'votes-only.json'), `${JSON.stringify({ quick, votes, targets: checks }, null, 2)}\n`);
} catch (error) {
  process.exitCode = 1;
  console.error('votes bench failed:', error);
} finally {
  await stack?.stop();
}
