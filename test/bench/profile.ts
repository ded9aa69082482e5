/**
 * A drill-down for the report, not part of `npm run bench`: where the vote path's time goes.
 *   node --import tsx test/bench/profile.ts        (through npm's Node 24: npx node --import tsx …)
 * On its own local stack, each variant votes on its own idea, concurrency 32 and then sequentially,
 * in alternating blocks:
 *   raw2     the baseline: TransactWriteItems with the vote Put + idea Update
 *   raw3     the same plus the rate-limit counter Update voteStore.add adds (3 items)
 *   rawPath  what the vote use case sends: a consistent BatchGet (idea, profile, vote) + raw3
 *   rawLean  a leaner path to compare: one eventually consistent GetItem of the idea + raw3
 *   direct   the votes handler called in-process with verified claims (no HTTP, no JWT)
 *   gateway  PUT /api/ideas/{id}/vote through the gateway
 * plus sequential GetItem of an idea vs of the process item (the first read of listIdeas), and raw2
 * at concurrency 1, 8 and 32 on idea items of different shapes (what a vote costs DynamoDB Local).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { join, resolve } from 'node:path';
import { startStack, type RunningStack } from '#local/stack';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { api, createUsers, type BenchUser } from './api';
import { cpuMeter } from './cpu';
import { loadHandler } from './reads';
import { PROCESS_ID } from './seed';
import { ratio, round, runPool, summarize } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const TABLE = mainTable.localName;
const N = Number(process.env.PROFILE_VOTES ?? 400);
const SWEEP_ONLY = process.env.PROFILE_SWEEP_ONLY === '1';
const SEQ = 50;
const BLOCK = 100;
const log = (m: string) => process.stderr.write(`[profile] ${m}\n`);

let stack: RunningStack | undefined;
const guard = setTimeout(() => void stack?.stop().finally(() => process.exit(2)), 8 * 60_000);
guard.unref();

try {
  stack = await startStack({ ports: 'auto', seed: 'process', webRoot: join(ROOT, 'test/fixtures/web') });
  const { info } = stack;
  const raw = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: info.dynamodbEndpoint, region: info.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const cpu = cpuMeter(info.dynamodbEndpoint);
  const authors = SWEEP_ONLY ? [] : await createUsers(stack, 3, 'author');
  const ideas: string[] = [];
  for (const a of authors) {
    for (let k = 0; k < 5; k++) {
      const r = await api(info.apiUrl, `/processes/${PROCESS_ID}/ideas`, {
        method: 'POST',
        token: a.token,
        body: { title: `Profil-idé ${ideas.length}`, body: 'En idé til profilering af stemmevejen i benchmarken.', area: 'erhverv', effects: ['kvalitet'], beneficiaries: ['citizens'] },
      });
      ideas.push(r.json.id as string);
    }
  }
  if (!SWEEP_ONLY) log(`creating ${N + SEQ} voters`);
  const users = SWEEP_ONLY ? [] : await createUsers(stack, N + SEQ, 'profile', 16);
  const { Item: proc } = await raw.send(new GetCommand({ TableName: TABLE, Key: { pk: 'PROCESSES', sk: `PROC#${PROCESS_ID}` } }));
  const t0 = Date.parse((proc!.phases as { startsAt: string }[])[0]!.startsAt);
  const votesHandler = await loadHandler('votes');

  const weight = () => Math.round(2 ** (Math.max(0, Date.now() - t0) / (7 * 86_400_000)) * 1e6) / 1e6;
  const voteItems = (ideaId: string, userId: string, withRate: boolean): NonNullable<TransactWriteCommandInput['TransactItems']> => {
    const now = new Date();
    const w = weight();
    const windowStart = Math.floor(now.getTime() / 60_000) * 60_000;
    return [
      {
        Put: {
          TableName: TABLE,
          Item: { pk: `IDEA#${ideaId}`, sk: `VOTE#${userId}`, type: 'vote', ideaId, userId, processId: PROCESS_ID, participantType: 'citizen', weight: w, createdAt: now.toISOString(), gsiUser: `USER#${userId}`, gsiUserSk: `VOTE#${ideaId}` },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: TABLE,
          Key: { pk: `IDEA#${ideaId}`, sk: 'IDEA' },
          UpdateExpression: 'ADD voteCount :one, trendScore :w',
          ConditionExpression: 'attribute_exists(pk) AND #status = :published AND attribute_not_exists(held)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':published': 'published', ':one': 1, ':w': w },
        },
      },
      ...(withRate
        ? [
            {
              Update: {
                TableName: TABLE,
                Key: { pk: `RATE#${userId}`, sk: `vote#${windowStart}` },
                UpdateExpression: 'ADD #n :one SET expiresAt = :expires',
                ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
                ExpressionAttributeNames: { '#n': 'n' },
                ExpressionAttributeValues: { ':one': 1, ':limit': 30, ':expires': Math.ceil((windowStart + 60_000) / 1000) + 60 },
              },
            },
          ]
        : []),
    ];
  };
  const conflicts = new Map<string, number>();
  const transact = async (name: string, items: ReturnType<typeof voteItems>) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return void (await raw.send(new TransactWriteCommand({ TransactItems: items })));
      } catch (e) {
        if (!(e instanceof TransactionCanceledException) || !e.CancellationReasons?.some((r) => r.Code === 'TransactionConflict') || attempt >= 10) throw e;
        conflicts.set(name, (conflicts.get(name) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(1000, 10 * 2 ** attempt)));
      }
    }
  };
  const claimsEvent = (ideaId: string, userId: string) => ({
    version: '2.0',
    routeKey: 'PUT /api/ideas/{ideaId}/vote',
    rawPath: `/api/ideas/${ideaId}/vote`,
    rawQueryString: '',
    headers: { host: '127.0.0.1' },
    pathParameters: { ideaId },
    isBase64Encoded: false,
    requestContext: {
      http: { method: 'PUT', path: `/api/ideas/${ideaId}/vote` },
      requestId: crypto.randomUUID(),
      routeKey: 'PUT /api/ideas/{ideaId}/vote',
      authorizer: { jwt: { claims: { sub: userId, token_use: 'access' }, scopes: null } },
    },
  });

  type Vote = (ideaId: string, u: BenchUser, i: number) => Promise<void>;
  const variants: Record<string, Vote> = {
    raw2: (idea, _u, i) => transact('raw2', voteItems(idea, `raw2-${i}`, false)),
    raw3: (idea, _u, i) => transact('raw3', voteItems(idea, `raw3-${i}`, true)),
    rawPath: async (idea, u) => {
      await raw.send(
        new BatchGetCommand({
          RequestItems: { [TABLE]: { Keys: [{ pk: `IDEA#${idea}`, sk: 'IDEA' }, { pk: `USER#${u.userId}`, sk: 'PROFILE' }, { pk: `IDEA#${idea}`, sk: `VOTE#${u.userId}` }], ConsistentRead: true } },
        }),
      );
      await transact('rawPath', voteItems(idea, u.userId, true));
    },
    rawLean: async (idea, u) => {
      await raw.send(
        new GetCommand({
          TableName: TABLE,
          Key: { pk: `IDEA#${idea}`, sk: 'IDEA' },
          ProjectionExpression: '#s, held, processId, voteCount',
          ExpressionAttributeNames: { '#s': 'status' },
        }),
      );
      await transact('rawLean', voteItems(idea, u.userId, true));
    },
    direct: async (idea, u) => {
      const r = await votesHandler(claimsEvent(idea, u.userId) as never, {} as never);
      if (r.statusCode !== 200) throw new Error(`direct vote ${r.statusCode} ${r.body}`);
    },
    gateway: async (idea, u) => {
      const res = await fetch(`${info.apiUrl}/ideas/${idea}/vote`, { method: 'PUT', headers: { authorization: `Bearer ${u.token}` } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`gateway vote ${res.status} ${body}`);
    },
  };
  const names = Object.keys(variants);
  const result: Record<string, unknown> = {};

  // Warm DynamoDB Local's JIT (a cold JVM spends several times the CPU per call) and Node's, on an
  // item of its own: raw transactions and reads, then every variant once per voter of a warm-up block.
  if (!SWEEP_ONLY) {
    const warm = `WARM${Date.now()}`;
    await raw.send(new PutCommand({ TableName: TABLE, Item: { pk: `IDEA#${warm}`, sk: 'IDEA', status: 'published', processId: PROCESS_ID, voteCount: 0, trendScore: 0 } }));
    await runPool(Array.from({ length: 1000 }, (_, i) => i), 8, (i) => transact('warm', voteItems(warm, `warm-${i}`, i % 2 === 0)));
    await runPool(Array.from({ length: 400 }, (_, i) => i), 8, async (i) => {
      await raw.send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: [{ pk: `IDEA#${warm}`, sk: 'IDEA' }, { pk: `IDEA#${warm}`, sk: `VOTE#warm-${i}` }], ConsistentRead: true } } }));
      await raw.send(new GetCommand({ TableName: TABLE, Key: { pk: `IDEA#${warm}`, sk: 'IDEA' } }));
    });
    conflicts.clear();
    log('warmed up');
  }

  // Concurrency 32, alternating blocks of BLOCK votes; each variant on its own idea.
  const conc = new Map(names.map((n) => [n, { ms: 0, done: 0, node: 0, java: 0 }]));
  for (let b = 0; !SWEEP_ONLY && b * BLOCK < N; b++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + b) % names.length]!;
      const idea = ideas[names.indexOf(name)]!;
      const slice = users.slice(b * BLOCK, Math.min(N, (b + 1) * BLOCK));
      const c0 = cpu.sample();
      const t = performance.now();
      await runPool(slice, 32, (u, i) => variants[name]!(idea, u, b * BLOCK + i));
      const acc = conc.get(name)!;
      const c1 = cpu.sample();
      acc.ms += performance.now() - t;
      acc.done += slice.length;
      acc.node += c1.nodeMs - c0.nodeMs;
      acc.java += (c1.javaMs ?? 0) - (c0.javaMs ?? 0);
    }
  }
  // Sequential: per-vote latency without contention, on the other five ideas.
  const seq = new Map(names.map((n) => [n, [] as number[]]));
  for (let r = 0; !SWEEP_ONLY && r < SEQ / 10; r++) {
    for (const name of names) {
      const idea = ideas[names.length + names.indexOf(name)]!;
      for (let i = r * 10; i < (r + 1) * 10; i++) {
        const t = performance.now();
        await variants[name]!(idea, users[N + i]!, N + i);
        seq.get(name)!.push(performance.now() - t);
      }
    }
  }
  for (const name of SWEEP_ONLY ? [] : names) {
    const c = conc.get(name)!;
    result[name] = {
      votesPerSecond: round((c.done / c.ms) * 1000, 1),
      cpuPerVote: { nodeMs: ratio(c.node, c.done), javaMs: ratio(c.java, c.done) },
      conflicts: conflicts.get(name) ?? 0,
      sequential: summarize(seq.get(name)!),
    };
  }

  // raw2 on fresh idea items of three shapes, at rising concurrency: bare (in no index), listed (in
  // the four list indexes whose sort keys a vote changes) and listed with a 5 kB body (the indexes
  // project ALL attributes, so every index row carries the body).
  const sweep: Record<string, unknown> = {};
  const body = 'x'.repeat(5000);
  const shapes = {
    bare: {},
    listed: { gsiList: 'PROC#bench-sweep', gsiArea: 'PROC#bench-sweep#AREA#erhverv' },
    listedLarge: { gsiList: 'PROC#bench-sweep', gsiArea: 'PROC#bench-sweep#AREA#erhverv', body, searchText: body },
  };
  // DynamoDB Local's JIT needs warming first: a cold JVM spends several times the CPU per transaction.
  await raw.send(new PutCommand({ TableName: TABLE, Item: { pk: 'IDEA#SWEEP-warm', sk: 'IDEA', status: 'published', voteCount: 0, trendScore: 0, ...shapes.listed } }));
  await runPool(Array.from({ length: 800 }, (_, i) => i), 8, (i) => transact('warm', voteItems('SWEEP-warm', `warm-${i}`, false)));
  for (const [shape, extra] of Object.entries(shapes)) {
    for (const c of [1, 8, 32]) {
      const idea = `SWEEP-${shape}-${c}`;
      await raw.send(new PutCommand({ TableName: TABLE, Item: { pk: `IDEA#${idea}`, sk: 'IDEA', status: 'published', voteCount: 0, trendScore: 0, ...extra } }));
      const c0 = cpu.sample();
      const t = performance.now();
      await runPool(Array.from({ length: 200 }, (_, i) => i), c, (i) => transact(`sweep-${shape}-${c}`, voteItems(idea, `sweep-${c}-${i}`, false)));
      const c1 = cpu.sample();
      sweep[`${shape}.c${c}`] = {
        votesPerSecond: round((200 / (performance.now() - t)) * 1000, 1),
        javaCpuMsPerVote: round(((c1.javaMs ?? 0) - (c0.javaMs ?? 0)) / 200),
      };
    }
  }
  result.raw2Sweep = sweep;

  // GetItem latency: an idea vs the process item.
  const gets = { idea: [] as number[], process: [] as number[] };
  for (let r = 0; r < 10; r++) {
    for (const [k, key] of [['idea', { pk: `IDEA#${ideas[0] ?? 'SWEEP-listedLarge-1'}`, sk: 'IDEA' }], ['process', { pk: 'PROCESSES', sk: `PROC#${PROCESS_ID}` }]] as const) {
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await raw.send(new GetCommand({ TableName: TABLE, Key: key }));
        gets[k].push(performance.now() - t);
      }
    }
  }
  result.getItem = {
    idea: summarize(gets.idea),
    process: summarize(gets.process),
    processItemJsonBytes: JSON.stringify(proc).length,
  };
  console.log(JSON.stringify(result, null, 2));
} catch (e) {
  process.exitCode = 1;
  console.error(e);
} finally {
  await stack?.stop();
  clearTimeout(guard);
}
