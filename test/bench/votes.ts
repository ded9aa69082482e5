import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RunningStack } from '#local/stack';
import { keys } from '#functions/adapters/dynamodb/keys';
import { countAll } from '#functions/adapters/dynamodb/query';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { transact } from '#functions/adapters/dynamodb/transactions';
import { foldIdea } from '#functions/adapters/dynamodb/vote-counter';
import { voteStore } from '#functions/adapters/dynamodb/votes';
import type { VoteStore } from '#functions/domain/ports';
import { processStart } from '#functions/domain/processes';
import { trendWeight } from '#functions/domain/trending';
import { ServiceUnavailableError } from '#functions/lib/errors';
import type { BenchUser } from './api';
import type { cpuMeter, CpuSample } from './cpu';
import { Probe } from './probe';
import { PROCESS_ID } from './seed';
import { TARGETS, type TargetCheck } from './report';
import { median, ratio, round, runPool } from './stats';

/**
 * Vote throughput at concurrency 32 on one idea: 1,000 distinct signed-in voters through the gateway
 * vs 1,000 raw SDK votes straight on DynamoDB Local (synthetic user ids) on a second idea, in alternating
 * blocks. The raw baseline is what issue 19 names: the same conditional TransactWriteItems of 2 items,
 * the vote item (Put, attribute_not_exists) and the idea's counters (Update with the idea's condition:
 * exists and published), retried on conflicts as the store retries them (transact()), without HTTP,
 * token check, handler, tally or rate counter. Then both counts are checked: the idea's exact count
 * (voteStore.count: the idea's voteCount, or base + shards if the gateway's idea got sharded on the way,
 * adapters/dynamodb/hot-ideas.ts) == vote records == voters; a sharded idea's folded count is waited for.
 */
export interface VoteOptions {
  stack: RunningStack;
  /** Distinct signed-in voters (created by the caller, see run.ts), one vote each. */
  voters: BenchUser[];
  msCreateVoters: number;
  raw: DynamoDBDocumentClient;
  probe: Probe;
  cpu: ReturnType<typeof cpuMeter>;
  targets: { gateway: string; raw: string; warmup: string };
  /** Votes per side on the warm-up idea first (JIT of DynamoDB Local and Node), not measured. */
  warmup: number;
  concurrency: number;
  block: number;
  /** Stop issuing votes after this long per side (a bound, not a target). */
  maxMsPerSide: number;
  log: (m: string) => void;
}

const TABLE = mainTable.localName;

export async function measureVotes(o: VoteOptions) {
  const voters = o.voters;
  const count = voters.length;
  const seeded = await processStore(o.raw, TABLE).get(PROCESS_ID);
  if (!seeded) throw new Error(`process ${PROCESS_ID} not seeded`);
  const store = voteStore(o.raw, TABLE);
  const t0 = processStart(seeded);
  // Counts the baseline's transactions and their conflicts (attempts = TransactWriteItems calls).
  const storeProbe = new Probe(o.raw);
  const rawUsers = Array.from({ length: count }, (_, i) => `bench-raw-${Date.now().toString(36)}-${i}`);

  const gw = { ms: 0, done: 0, statuses: new Map<number, number>(), nodeMs: 0, javaMs: 0 };
  const rw = { ms: 0, done: 0, failed: 0, gaveUp: 0, nodeMs: 0, javaMs: 0 };
  const gwVote = async (u: BenchUser) => {
    const res = await fetch(`${o.stack.info.apiUrl}/ideas/${o.targets.gateway}/vote`, { method: 'PUT', headers: { authorization: `Bearer ${u.token}` } });
    await res.text();
    gw.statuses.set(res.status, (gw.statuses.get(res.status) ?? 0) + 1);
  };
  const rawVote = async (userId: string) => {
    const outcome = await sdkVote(o.raw, o.targets.raw, userId, t0);
    if (outcome === 'failed') rw.failed++;
    if (outcome === 'gave-up') rw.gaveUp++;
  };

  // Warm-up on a third idea, alternating sides: the first voters vote there too (2 votes a minute each).
  const warmRaw = rawUsers.map((u) => `warm-${u}`);
  for (let w = 0; w < o.warmup; w += o.block) {
    const range = [w, Math.min(o.warmup, w + o.block)] as const;
    await runPool(voters.slice(...range), o.concurrency, async (u) => {
      const res = await fetch(`${o.stack.info.apiUrl}/ideas/${o.targets.warmup}/vote`, { method: 'PUT', headers: { authorization: `Bearer ${u.token}` } });
      await res.text();
    });
    await runPool(warmRaw.slice(...range), o.concurrency, async (id) => void (await sdkVote(o.raw, o.targets.warmup, id, t0)));
  }

  o.probe.reset();
  storeProbe.reset();
  // Votes per second of each side in each round, for the median of per-round ratios (robust to drift).
  const rounds: { gateway?: number; raw?: number }[] = [];
  const blocks = Math.ceil(count / o.block);
  for (let b = 0; b < blocks; b++) {
    const range = [b * o.block, Math.min(count, (b + 1) * o.block)] as const;
    const round_: { gateway?: number; raw?: number } = {};
    rounds.push(round_);
    // Alternate which side goes first in a round, so neither always follows the other.
    const sides = [
      async () => {
        if (gw.ms > o.maxMsPerSide) return;
        const start = performance.now();
        const c0 = o.cpu.sample();
        const n = await runPool(voters.slice(...range), o.concurrency, gwVote, start + o.maxMsPerSide - gw.ms);
        const ms = performance.now() - start;
        gw.done += n;
        gw.ms += ms;
        round_.gateway = (n / ms) * 1000;
        addCpu(gw, c0, o.cpu.sample());
      },
      async () => {
        if (rw.ms > o.maxMsPerSide) return;
        const start = performance.now();
        const c0 = o.cpu.sample();
        const n = await runPool(rawUsers.slice(...range), o.concurrency, rawVote, start + o.maxMsPerSide - rw.ms);
        const ms = performance.now() - start;
        rw.done += n;
        rw.ms += ms;
        round_.raw = (n / ms) * 1000;
        addCpu(rw, c0, o.cpu.sample());
      },
    ];
    if (b % 2) sides.reverse();
    for (const side of sides) await side();
  }
  const handlerCalls = o.probe.snapshot();
  const storeWrites = Object.entries(storeProbe.snapshot()).filter(([command]) => command.startsWith('TransactWrite'));
  const storeCalls = { calls: storeWrites.reduce((n, [, c]) => n + c.calls, 0), conflicts: storeWrites.reduce((n, [, c]) => n + c.conflicts, 0) };

  const [gwCount, rwCount] = [await counts(o.raw, store, o.targets.gateway), await counts(o.raw, store, o.targets.raw)];
  // Sharded on the way (hot-ideas.ts): the idea item's own count follows by the stream's fold; how long that took after the last vote.
  const folded = gwCount.counterShards ? await untilFolded(o.raw, o.targets.gateway, gwCount.voteCount) : undefined;
  const gateway = {
    votes: gw.done,
    ms: round(gw.ms),
    votesPerSecond: round((gw.done / gw.ms) * 1000, 1),
    statuses: Object.fromEntries(gw.statuses),
    cpuPerVote: cpuPer(gw, o.cpu.javaPid !== undefined),
    ...gwCount,
    exact: gw.done === count && gwCount.voteCount === count && gwCount.records === count && (folded?.converged ?? true),
    ...(folded ? { fold: folded } : {}),
    // Every DynamoDB call the votes handler made during the gateway blocks (the probe on its client).
    dynamoCalls: handlerCalls,
  };
  const raw = {
    votes: rw.done,
    ms: round(rw.ms),
    votesPerSecond: round((rw.done / rw.ms) * 1000, 1),
    attempts: storeCalls.calls,
    conflicts: storeCalls.conflicts,
    failed: rw.failed,
    gaveUp: rw.gaveUp,
    cpuPerVote: cpuPer(rw, o.cpu.javaPid !== undefined),
    ...rwCount,
    exact: rw.done === count && rwCount.voteCount === count && rwCount.records === count,
  };
  return {
    voters: count,
    concurrency: o.concurrency,
    warmupPerSide: o.warmup,
    msCreateVoters: round(o.msCreateVoters),
    gateway,
    raw,
    throughputRatio: ratio(gateway.votesPerSecond, raw.votesPerSecond),
    // The same ratio per round (one gateway block and the raw block next to it), median over rounds.
    throughputRatioMedianOfRounds: round(median(rounds.filter((r) => r.gateway && r.raw).map((r) => r.gateway! / r.raw!))),
    // DynamoDB Local's CPU per raw vote over its CPU per gateway vote: the ratio its own work allows when
    // it is what limits both sides (two cores, a busy JVM), whatever the gateway's Node side costs.
    ...(raw.cpuPerVote.javaMs !== undefined && gateway.cpuPerVote.javaMs ? { dynamoDbWorkRatio: ratio(raw.cpuPerVote.javaMs, gateway.cpuPerVote.javaMs) } : {}),
    roundsVotesPerSecond: rounds.map((r) => ({ gateway: round(r.gateway ?? 0, 1), raw: round(r.raw ?? 0, 1) })),
    exact: gateway.exact && raw.exact,
  };
}

const addCpu = (acc: { nodeMs: number; javaMs: number }, from: CpuSample, to: CpuSample) => {
  acc.nodeMs += to.nodeMs - from.nodeMs;
  acc.javaMs += (to.javaMs ?? 0) - (from.javaMs ?? 0);
};
const cpuPer = (side: { nodeMs: number; javaMs: number; done: number }, java: boolean) => ({
  nodeMs: ratio(side.nodeMs, side.done),
  ...(java ? { javaMs: ratio(side.javaMs, side.done) } : {}),
});

/** One raw vote: the SDK's 2-item conditional transaction (vote item + idea counters), retried on conflicts. */
async function sdkVote(client: DynamoDBDocumentClient, ideaId: string, userId: string, t0: Date): Promise<'ok' | 'failed' | 'gave-up'> {
  const now = new Date();
  const vote = { ideaId, userId, processId: PROCESS_ID, participantType: 'citizen', weight: trendWeight(now, t0), createdAt: now.toISOString() };
  try {
    const outcome = await transact(client, [
      { Put: { TableName: TABLE, Item: { ...keys.vote(ideaId, userId), type: 'vote', ...vote }, ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Update: {
          TableName: TABLE,
          Key: keys.idea(ideaId),
          UpdateExpression: 'ADD voteCount :one, trendScore :w',
          ConditionExpression: 'attribute_exists(pk) AND #status = :published',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':published': 'published', ':one': 1, ':w': vote.weight },
        },
      },
    ]);
    return outcome.ok ? 'ok' : 'failed';
  } catch (error) {
    // transact() gives up after its retries on transaction conflicts with a 503.
    if (error instanceof ServiceUnavailableError) return 'gave-up';
    throw error;
  }
}

/** The idea's stored voteCount (consistent read, by the store) and the number of its vote records. */
async function counts(client: DynamoDBDocumentClient, store: VoteStore, ideaId: string) {
  // Vote items are spread over the idea's vote buckets (keys.vote): each bucket counted.
  let records = 0;
  for (const pk of keys.votePartitions(ideaId)) {
    records += await countAll(client, { TableName: TABLE, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)', ExpressionAttributeValues: { ':pk': pk, ':v': keys.votePrefix }, ConsistentRead: true });
  }
  const { Item } = await client.send(new GetCommand({ TableName: TABLE, Key: keys.idea(ideaId), ConsistentRead: true, ProjectionExpression: 'counterShards' }));
  return { voteCount: await store.count(ideaId), records, ...(Item?.counterShards ? { counterShards: Number(Item.counterShards) } : {}) };
}

/** Polls the idea item (consistent) until the fold wrote the exact count, at most 10 s; folds once itself at the end to tell a slow stream from a wrong sum. */
async function untilFolded(client: DynamoDBDocumentClient, ideaId: string, exact: number) {
  const start = performance.now();
  for (;;) {
    const { Item } = await client.send(new GetCommand({ TableName: TABLE, Key: keys.idea(ideaId), ConsistentRead: true, ProjectionExpression: 'voteCount' }));
    const ms = performance.now() - start;
    if (Number(Item?.voteCount) === exact) return { converged: true, msAfterLastVote: round(ms) };
    if (ms > 10_000) return { converged: false, itemVoteCount: Number(Item?.voteCount), direct: await foldIdea(client, TABLE, ideaId) };
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The vote targets of issue 19 (≥ 0.8× the raw 2-item transaction's rate; exact), for report.ts. */
export function checksVotes(v: Awaited<ReturnType<typeof measureVotes>>): TargetCheck[] {
  const min = TARGETS.voteThroughputRatio;
  return [
    { name: 'votes.throughputRatio', value: v.throughputRatio, target: `≥ ${min}`, pass: v.throughputRatio >= min, ...(v.throughputRatio < min ? { missBy: round(1 - v.throughputRatio / min, 3) } : {}) },
    { name: 'votes.exact', value: v.exact, target: 'true', pass: v.exact },
  ];
}

/** The votes section of the table. */
export function formatVotes(v: Awaited<ReturnType<typeof measureVotes>>): string[] {
  const f1 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(2));
  const g = v.gateway;
  return [
    `VOTES  ${v.voters} distinct voters per side, concurrency ${v.concurrency}, after ${v.warmupPerSide} warm-up votes per side on a third idea; raw: the SDK's 2-item conditional TransactWriteItems (vote item + idea counters) straight on DynamoDB Local`,
    `gateway  ${g.votesPerSecond.toFixed(1).padStart(7)} votes/s  ${g.votes} votes in ${(g.ms / 1000).toFixed(2)} s  CPU/vote node ${f1(g.cpuPerVote.nodeMs)} java ${f1(g.cpuPerVote.javaMs)} ms  statuses ${JSON.stringify(g.statuses)}  count ${g.voteCount} records ${g.records}${g.counterShards ? `  sharded ×${g.counterShards}, folded ${g.fold?.converged ? `${g.fold.msAfterLastVote} ms after the last vote` : 'NOT within 10 s'}` : ''} ${g.exact ? 'exact' : 'NOT EXACT'}`,
    `raw      ${v.raw.votesPerSecond.toFixed(1).padStart(7)} votes/s  ${v.raw.votes} votes in ${(v.raw.ms / 1000).toFixed(2)} s  CPU/vote node ${f1(v.raw.cpuPerVote.nodeMs)} java ${f1(v.raw.cpuPerVote.javaMs)} ms  attempts ${v.raw.attempts} conflicts ${v.raw.conflicts}  voteCount ${v.raw.voteCount} records ${v.raw.records} ${v.raw.exact ? 'exact' : 'NOT EXACT'}`,
    `gateway/raw throughput ${f1(v.throughputRatio)} (median of per-round ratios ${f1(v.throughputRatioMedianOfRounds)}); DynamoDB Local's CPU per vote raw/gateway ${f1(v.dynamoDbWorkRatio)}`,
    `handler DynamoDB calls during gateway votes: ${Object.entries(g.dynamoCalls)
      .map(([k, c]) => `${k} ${c.calls} (${(c.ms / Math.max(1, c.calls)).toFixed(1)} ms avg, ${c.conflicts} conflicts)`)
      .join(', ')}`,
  ];
}
