import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { keys } from '#functions/adapters/dynamodb/keys';
import { startStack } from '#local/stack';
import { problemContentType } from '#shared/schemas/problem';
import { ideaMaker, P, table, type User } from '../helpers/participation';
import { TestStack } from '../helpers/stack';

/**
 * A database outage as a citizen meets it: DynamoDB Local is stopped (or frozen: its port open, no
 * answer) under a running gateway. Every read and write answers a 503 problem with Retry-After within
 * seconds (never a 500 or a hang), writes leave nothing half-done, and when DynamoDB Local is back on
 * the same port and data folder, the same gateway answers again without a restart.
 * Alone: it stops a database on purpose and waits on timeouts, which a neighbour's load would stretch.
 */

// Short client timeouts for this file's stack (the local defaults are generous for busy machines: client.ts).
process.env.DELTAG_DYNAMODB_TIMEOUTS_MS = '1000,2500';

/** Far above the client's timeouts and retries (a few seconds), far below "hangs until the Lambda dies". */
const HANG_GUARD_MS = 15_000;

let stack: TestStack;
let dataDir: string;
let citizen: User;
let ideaId: string;
let db: ReturnType<typeof table>;

beforeAll(async () => {
  // On disk, not in memory: "back" means back with the data it had.
  dataDir = mkdtempSync(join(tmpdir(), 'deltag-outage-'));
  stack = new TestStack(await startStack({ ports: 'auto', seed: 'process', dataDir, webRoot: 'test/fixtures/web' }));
  citizen = await stack.user({ name: 'Borger under nedbrud' });
  ideaId = (await ideaMaker(stack)()).id;
  db = table(stack);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** One request with a hang guard: a request still open after HANG_GUARD_MS fails the test by aborting. */
async function call(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const started = Date.now();
  const response = await fetch(`${stack.info.apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(HANG_GUARD_MS),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, ms: Date.now() - started };
}

const requests = () => ({
  read: () => call(`/ideas/${ideaId}`),
  list: () => call(`${P}/ideas?sort=new`),
  vote: () => call(`/ideas/${ideaId}/vote`, { method: 'PUT', token: citizen.token }),
  comment: () => call(`/ideas/${ideaId}/comments`, { method: 'POST', token: citizen.token, body: { body: 'Skrevet mens databasen var nede.' } }),
});

function expectUnavailable(r: Awaited<ReturnType<typeof call>> & { ms: number }, what: string) {
  expect(r.ms, what).toBeLessThan(HANG_GUARD_MS);
  expect(r.status, `${what}: ${r.text}`).toBe(503);
  expect(r.headers.get('content-type'), what).toBe(problemContentType);
  expect(Number(r.headers.get('retry-after')), what).toBeGreaterThan(0);
  expect(JSON.parse(r.text), what).toMatchObject({ status: 503, title: 'Tjenesten er midlertidigt utilgængelig' });
}

/**
 * The idea's stored counters against the items they count: equal, whatever happened. Polled: a write
 * sent to a frozen DynamoDB Local waits in its socket and may land (whole) just after the thaw.
 */
const expectCountsExact = () => vi.waitFor(countsExact, { timeout: 10_000, interval: 500 });

async function countsExact() {
  const [idea, votes, comments] = await Promise.all([
    db.client.send(new GetCommand({ TableName: db.TableName, Key: keys.idea(ideaId), ConsistentRead: true })),
    db.votes(ideaId),
    db.partition(ideaId, 'COMMENT#'),
  ]);
  expect(idea.Item?.voteCount ?? 0).toBe(votes.length);
  expect(idea.Item?.commentCount ?? 0).toBe(comments.filter((c) => c.type === 'comment' && c.state !== 'deleted').length);
  return { votes: votes.length, comments: comments.length };
}

describe('DynamoDB Local stopped under the running gateway', () => {
  // Stopping and starting DynamoDB Local on a busy machine takes up to half a minute.
  it('reads and writes answer a 503 problem with Retry-After, and nothing is half-written', { timeout: 120_000 }, async () => {
    await stack.stack.dynamoDbFaults.stop();
    try {
      for (const [what, request] of Object.entries(requests())) expectUnavailable(await request(), what);
    } finally {
      await stack.stack.dynamoDbFaults.start();
    }
    expect(await expectCountsExact()).toEqual({ votes: 0, comments: 0 });
  });

  it('back on the same port, the same gateway answers again with the data it had', async () => {
    const { read, vote, comment } = requests();
    const idea = await read();
    expect(idea.status, idea.text).toBe(200);
    expect(JSON.parse(idea.text).id).toBe(ideaId);
    expect((await vote()).status).toBe(200);
    expect((await comment()).status).toBe(201);
    expect(await expectCountsExact()).toEqual({ votes: 1, comments: 1 });
  });
});

describe('DynamoDB Local frozen (its port open, no answer)', () => {
  it("the functions' DynamoDB client gives up on its own (TimeoutError after its retries), instead of waiting for ever", async () => {
    const client = createDocumentClient(stack.info.dynamodbEndpoint);
    await client.send(new GetCommand({ TableName: db.TableName, Key: keys.idea(ideaId) }));
    // One clean CI run got the item back from a "frozen" JVM; freeze() now waits until /proc shows every
    // thread stopped, and a try during which something else resumed the JVM is told apart and repeated,
    // so only an answer from a JVM still stopped afterwards fails this test.
    const tries: { outcome: unknown; stillFrozen: boolean }[] = [];
    do {
      await stack.stack.dynamoDbFaults.freeze();
      try {
        const guard = new Promise((resolve) => setTimeout(() => resolve('still waiting'), HANG_GUARD_MS));
        const outcome = await Promise.race([client.send(new GetCommand({ TableName: db.TableName, Key: keys.idea(ideaId) })).catch((e: Error) => e), guard]);
        tries.push({ outcome, stillFrozen: stack.stack.dynamoDbFaults.frozen() });
      } finally {
        stack.stack.dynamoDbFaults.thaw();
      }
    } while (tries.length < 3 && !tries.at(-1)!.stillFrozen);
    const last = tries.at(-1)!;
    expect(last.stillFrozen, 'DynamoDB Local was resumed by something else on every try').toBe(true);
    expect(last.outcome).toMatchObject({ name: 'TimeoutError' });
  });

  // Within the function's 10 s either way: the client's timeouts, or middy's guard before Lambda's limit.
  it('reads and writes answer a 503 problem instead of hanging', { timeout: 60_000 }, async () => {
    const { read, list, comment } = requests();
    await stack.stack.dynamoDbFaults.freeze();
    try {
      for (const [what, request] of Object.entries({ read, list, comment })) expectUnavailable(await request(), what);
    } finally {
      stack.stack.dynamoDbFaults.thaw();
    }
  });

  it('thawed, the same gateway answers again and the frozen writes left nothing half-done', async () => {
    const r = await requests().read();
    expect(r.status, r.text).toBe(200);
    await expectCountsExact();
  });
});
