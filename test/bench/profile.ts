/**
 * A drill-down for the report, not part of `npm run bench`: where the vote path's time goes.
 *   node --import tsx test/bench/profile.ts        (through npm's Node 24: npx node --import tsx …)
 * On its own local stack, each variant votes on its own idea, concurrency 32 and then sequentially,
 * in alternating blocks:
 *   raw2     a stripped baseline built here: TransactWriteItems with the vote Put + idea Update only
 *   store    voteStore.add itself: the same plus the rate-limit counter, retried on conflicts
 *   rawPath  what the vote use case sends: voteStore.context (idea and profile) + voteStore.add
 *   rawLean  a leaner path to compare: one eventually consistent GetItem of the idea + voteStore.add
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
import { keys } from '#functions/adapters/dynamodb/keys';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { voteStore } from '#functions/adapters/dynamodb/votes';
import { limitFor } from '#functions/domain/limits';
import { processStart } from '#functions/domain/processes';
import { trendWeight } from '#functions/domain/trending';
import { api, createUsers, type BenchUser } from './api';
import { cpuMeter } from './cpu';
import { Probe } from './probe';
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
  const { Item: proc } = await raw.send(new GetCommand({ TableName: TABLE, Key: keys.process(PROCESS_ID) }));
  const seeded = (await processStore(raw, TABLE).get(PROCESS_ID))!;
  const t0 = processStart(seeded);
  const votesHandler = await loadHandler('votes');

  /** raw2: the vote Put and the idea Update of voteStore.add without its rate counter, built here on purpose. */
  const voteItems = (ideaId: string, userId: string): NonNullable<TransactWriteCommandInput['TransactItems']> => {
    const now = new Date();
    const w = trendWeight(now, t0);
    return [
      {
        Put: {
          TableName: TABLE,
          Item: { ...keys.vote(ideaId, userId), type: 'vote', ideaId, userId, processId: PROCESS_ID, participantType: 'citizen', weight: w, createdAt: now.toISOString(), gsiUser: keys.userItems(userId), gsiUserSk: keys.userVote(ideaId) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: TABLE,
          Key: keys.idea(ideaId),
          UpdateExpression: 'ADD voteCount :one, trendScore :w',
          ConditionExpression: 'attribute_exists(pk) AND #status = :published AND attribute_not_exists(held)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':published': 'published', ':one': 1, ':w': w },
        },
      },
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
  /** The store on a client of its own per variant, so its retries on conflicts can be counted. */
  const storeProbes = new Map<string, Probe>();
  const storeFor = (name: string) => {
    const client = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: info.dynamodbEndpoint, region: info.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
    storeProbes.set(name, new Probe(client));
    return voteStore(client, TABLE);
  };
  const storeVote = async (store: ReturnType<typeof voteStore>, ideaId: string, userId: string) => {
    const now = new Date();
    const result = await store.add({ ideaId, userId, processId: PROCESS_ID, participantType: 'citizen', weight: trendWeight(now, t0), createdAt: now.toISOString() }, limitFor(seeded, 'vote'), now, seeded.settings.votesPerPerson);
    if (result !== 'added') throw new Error(`store vote: ${result}`);
  };
  const stores = { store: storeFor('store'), rawPath: storeFor('rawPath'), rawLean: storeFor('rawLean') };
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
    raw2: (idea, _u, i) => transact('raw2', voteItems(idea, `raw2-${i}`)),
    store: (idea, _u, i) => storeVote(stores.store, idea, `store-${i}`),
    rawPath: async (idea, u) => {
      await stores.rawPath.context(idea, u.userId, false);
      await storeVote(stores.rawPath, idea, u.userId);
    },
    rawLean: async (idea, u) => {
      await raw.send(
        new GetCommand({
          TableName: TABLE,
          Key: keys.idea(idea),
          ProjectionExpression: '#s, held, processId, voteCount',
          ExpressionAttributeNames: { '#s': 'status' },
        }),
      );
      await storeVote(stores.rawLean, idea, u.userId);
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
    await raw.send(new PutCommand({ TableName: TABLE, Item: { ...keys.idea(warm), status: 'published', processId: PROCESS_ID, voteCount: 0, trendScore: 0 } }));
    await runPool(Array.from({ length: 1000 }, (_, i) => i), 8, (i) => (i % 2 === 0 ? storeVote(stores.store, warm, `warm-${i}`) : transact('warm', voteItems(warm, `warm-${i}`))));
    await runPool(Array.from({ length: 400 }, (_, i) => i), 8, async (i) => {
      await raw.send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: [keys.idea(warm), keys.vote(warm, `warm-${i}`)], ConsistentRead: true } } }));
      await raw.send(new GetCommand({ TableName: TABLE, Key: keys.idea(warm) }));
    });
    conflicts.clear();
    for (const probe of storeProbes.values()) probe.reset();
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
      conflicts: conflicts.get(name) ?? storeProbes.get(name)?.totals().conflicts ?? 0,
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
    listed: { gsiList: keys.processList('bench-sweep'), gsiArea: keys.areaList('bench-sweep', 'erhverv') },
    listedLarge: { gsiList: keys.processList('bench-sweep'), gsiArea: keys.areaList('bench-sweep', 'erhverv'), body, searchText: body },
  };
  // DynamoDB Local's JIT needs warming first: a cold JVM spends several times the CPU per transaction.
  await raw.send(new PutCommand({ TableName: TABLE, Item: { ...keys.idea('SWEEP-warm'), status: 'published', voteCount: 0, trendScore: 0, ...shapes.listed } }));
  await runPool(Array.from({ length: 800 }, (_, i) => i), 8, (i) => transact('warm', voteItems('SWEEP-warm', `warm-${i}`)));
  for (const [shape, extra] of Object.entries(shapes)) {
    for (const c of [1, 8, 32]) {
      const idea = `SWEEP-${shape}-${c}`;
      await raw.send(new PutCommand({ TableName: TABLE, Item: { ...keys.idea(idea), status: 'published', voteCount: 0, trendScore: 0, ...extra } }));
      const c0 = cpu.sample();
      const t = performance.now();
      await runPool(Array.from({ length: 200 }, (_, i) => i), c, (i) => transact(`sweep-${shape}-${c}`, voteItems(idea, `sweep-${c}-${i}`)));
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
    for (const [k, key] of [['idea', keys.idea(ideas[0] ?? 'SWEEP-listedLarge-1')], ['process', keys.process(PROCESS_ID)]] as const) {
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
