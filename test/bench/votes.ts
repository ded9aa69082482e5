import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RunningStack } from '#local/stack';
import { keys } from '#functions/adapters/dynamodb/keys';
import { countAll } from '#functions/adapters/dynamodb/query';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { voteStore } from '#functions/adapters/dynamodb/votes';
import { limitFor } from '#functions/domain/limits';
import type { RateLimit, VoteStore } from '#functions/domain/ports';
import { processStart } from '#functions/domain/processes';
import { trendWeight } from '#functions/domain/trending';
import { ServiceUnavailableError } from '#functions/lib/errors';
import type { BenchUser } from './api';
import type { cpuMeter, CpuSample } from './cpu';
import { Probe } from './probe';
import { PROCESS_ID } from './seed';
import { median, ratio, round, runPool } from './stats';

/**
 * Vote throughput at concurrency 32 on one idea: 1,000 distinct signed-in voters through the gateway
 * vs 1,000 calls of the store's own `voteStore.add` straight on DynamoDB Local (synthetic user ids) on
 * a second idea, in alternating blocks. The baseline is the write every vote ends in (vote record, idea
 * counters and rate counter in one transaction, retried on conflicts) without HTTP, token check,
 * handler or the reads before it. Then both counts are checked: idea voteCount == vote records == voters.
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
  const limit = limitFor(seeded, 'vote');
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
    const outcome = await storeVote(store, limit, o.targets.raw, userId, t0);
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
    await runPool(warmRaw.slice(...range), o.concurrency, async (id) => void (await storeVote(store, limit, o.targets.warmup, id, t0)));
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
  const gateway = {
    votes: gw.done,
    ms: round(gw.ms),
    votesPerSecond: round((gw.done / gw.ms) * 1000, 1),
    statuses: Object.fromEntries(gw.statuses),
    cpuPerVote: cpuPer(gw, o.cpu.javaPid !== undefined),
    ...gwCount,
    exact: gw.done === count && gwCount.voteCount === count && gwCount.records === count,
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

/** One vote by the store itself, as the votes use case would record it for a citizen. */
async function storeVote(store: VoteStore, limit: RateLimit, ideaId: string, userId: string, t0: Date): Promise<'ok' | 'failed' | 'gave-up'> {
  const now = new Date();
  try {
    const result = await store.add(
      { ideaId, userId, processId: PROCESS_ID, participantType: 'citizen', weight: trendWeight(now, t0), createdAt: now.toISOString() },
      limit,
      now,
      null,
    );
    return result === 'added' ? 'ok' : 'failed';
  } catch (error) {
    // The store gives up after its retries on transaction conflicts with a 503.
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
  return { voteCount: await store.count(ideaId), records };
}
