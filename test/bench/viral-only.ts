/**
 * The viral-idea benchmark alone (issue 19, docs/viral-idea.md):
 *   node --import tsx test/bench/viral-only.ts
 * Starts its own in-memory local stack, measures (viral.ts), prints the table and the target checks,
 * writes .bench/viral-only.json, stops the stack. Settings by environment: VIRAL_RATE (votes/s, 1000),
 * VIRAL_SECONDS (30), VIRAL_LIMIT_SCALE (1: DynamoDB's own limits), VIRAL_MAX_IN_FLIGHT (64),
 * VIRAL_PRESHARD (1: the idea's counter sharded before the load; 0: the path shards it when it sees it hot).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startStack, type RunningStack } from '#local/stack';
import { checksViral, formatViral, measureViral } from './viral';

const ROOT = resolve(import.meta.dirname, '../..');
const num = (name: string, fallback: number) => (Number.isFinite(Number(process.env[name])) && process.env[name] ? Number(process.env[name]) : fallback);
const config = {
  rate: num('VIRAL_RATE', 1000),
  seconds: num('VIRAL_SECONDS', 30),
  limitScale: num('VIRAL_LIMIT_SCALE', 1),
  maxInFlight: num('VIRAL_MAX_IN_FLIGHT', 64),
  preShard: process.env.VIRAL_PRESHARD !== '0',
  convergeLimitMs: 15_000,
};
const t0 = performance.now();
const log = (m: string) => process.stderr.write(`[viral ${((performance.now() - t0) / 1000).toFixed(1)} s] ${m}\n`);

let stack: RunningStack | undefined;
try {
  stack = await startStack({ ports: 'auto', seed: 'process', webRoot: join(ROOT, 'test/fixtures/web') });
  const { info } = stack;
  const raw = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: info.dynamodbEndpoint, region: info.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const result = await measureViral(stack, raw, config, log);
  const checks = checksViral(result);
  process.stdout.write(`${formatViral(result).join('\n')}\n`);
  for (const c of checks) process.stdout.write(`  ${c.pass ? 'PASS' : 'MISS'} ${c.name} = ${c.value} (${c.target})${c.missBy ? `, off by ${Math.round(c.missBy * 100)} %` : ''}\n`);
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(join(ROOT, '.bench/viral-only.json'), JSON.stringify({ viral: result, checks }, null, 2));
} finally {
  await stack?.stop();
}
