import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RunningStack } from '#local/stack';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { BenchUser } from './api';
import type { cpuMeter, CpuSample } from './cpu';
import type { Probe } from './probe';
import { PROCESS_ID } from './seed';
import { median, ratio, round, runPool } from './stats';

/**
 * Vote throughput at concurrency 32 on one idea: 1,000 distinct signed-in voters through the gateway
 * vs 1,000 raw TransactWriteItems of the same shape on a second idea (synthetic user ids), in
 * alternating blocks. Then both counts are checked: idea voteCount == vote records == voters.
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
const MAX_ATTEMPTS = 10;

export async function measureVotes(o: VoteOptions) {
  const voters = o.voters;
  const count = voters.length;
  const { Item: proc } = await o.raw.send(new GetCommand({ TableName: TABLE, Key: { pk: 'PROCESSES', sk: `PROC#${PROCESS_ID}` } }));
  const processStart = Date.parse((proc!.phases as { startsAt: string }[])[0]!.startsAt);
  const rawUsers = Array.from({ length: count }, (_, i) => `bench-raw-${Date.now().toString(36)}-${i}`);

  const gw = { ms: 0, done: 0, statuses: new Map<number, number>(), nodeMs: 0, javaMs: 0 };
  const rw = { ms: 0, done: 0, conflicts: 0, attempts: 0, failed: 0, gaveUp: 0, nodeMs: 0, javaMs: 0 };
  const gwVote = async (u: BenchUser) => {
    const res = await fetch(`${o.stack.info.apiUrl}/ideas/${o.targets.gateway}/vote`, { method: 'PUT', headers: { authorization: `Bearer ${u.token}` } });
    await res.text();
    gw.statuses.set(res.status, (gw.statuses.get(res.status) ?? 0) + 1);
  };
  const rawVote = async (userId: string) => {
    const outcome = await rawTransact(o.raw, voteItems(o.targets.raw, userId, processStart));
    rw.attempts += outcome.attempts;
    rw.conflicts += outcome.conflicts;
    if (outcome.result === 'failed') rw.failed++;
    if (outcome.result === 'gave-up') rw.gaveUp++;
  };

  // Warm-up on a third idea, alternating sides: the first voters vote there too (2 votes a minute each).
  const warmRaw = rawUsers.map((u) => `warm-${u}`);
  for (let w = 0; w < o.warmup; w += o.block) {
    const range = [w, Math.min(o.warmup, w + o.block)] as const;
    await runPool(voters.slice(...range), o.concurrency, async (u) => {
      const res = await fetch(`${o.stack.info.apiUrl}/ideas/${o.targets.warmup}/vote`, { method: 'PUT', headers: { authorization: `Bearer ${u.token}` } });
      await res.text();
    });
    await runPool(warmRaw.slice(...range), o.concurrency, async (id) => void (await rawTransact(o.raw, voteItems(o.targets.warmup, id, processStart))));
  }

  o.probe.reset();
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

  const [gwCount, rwCount] = [await counts(o.raw, o.targets.gateway), await counts(o.raw, o.targets.raw)];
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
    attempts: rw.attempts,
    conflicts: rw.conflicts,
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

/** The same two items `voteStore.add` writes (functions/src/adapters/dynamodb/votes.ts), without the rate-limit item. */
function voteItems(ideaId: string, userId: string, processStart: number) {
  const now = new Date();
  // trendWeight (functions/src/domain/trending.ts): 2^((now − t0) / 7 days), six decimals.
  const weight = Math.round(2 ** (Math.max(0, now.getTime() - processStart) / (7 * 86_400_000)) * 1e6) / 1e6;
  return [
    {
      Put: {
        TableName: TABLE,
        Item: {
          pk: `IDEA#${ideaId}`,
          sk: `VOTE#${userId}`,
          type: 'vote',
          ideaId,
          userId,
          processId: PROCESS_ID,
          participantType: 'citizen',
          weight,
          createdAt: now.toISOString(),
          gsiUser: `USER#${userId}`,
          gsiUserSk: `VOTE#${ideaId}`,
        },
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
        ExpressionAttributeValues: { ':published': 'published', ':one': 1, ':w': weight },
      },
    },
  ];
}

/** The retry loop of functions/src/adapters/dynamodb/transactions.ts: full-jitter backoff on TransactionConflict. */
async function rawTransact(client: DynamoDBDocumentClient, items: ReturnType<typeof voteItems>) {
  let conflicts = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return { result: 'ok' as const, attempts: attempt, conflicts };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = error.CancellationReasons?.map((r) => r.Code ?? 'None') ?? [];
      if (codes.includes('TransactionConflict') || codes.includes('ThrottlingError')) {
        conflicts++;
        if (attempt >= MAX_ATTEMPTS) return { result: 'gave-up' as const, attempts: attempt, conflicts };
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(1000, 10 * 2 ** attempt)));
        continue;
      }
      return { result: 'failed' as const, attempts: attempt, conflicts };
    }
  }
}

/** The idea's stored voteCount (consistent read) and the number of its vote records. */
async function counts(client: DynamoDBDocumentClient, ideaId: string) {
  const { Item } = await client.send(new GetCommand({ TableName: TABLE, Key: { pk: `IDEA#${ideaId}`, sk: 'IDEA' }, ConsistentRead: true }));
  let records = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': `IDEA#${ideaId}`, ':v': 'VOTE#' },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    records += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return { voteCount: Number(Item?.voteCount ?? 0), records };
}
