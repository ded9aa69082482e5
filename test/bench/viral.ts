import { BatchWriteCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RunningStack } from '#local/stack';
import { documentClient } from '#functions/adapters/dynamodb/client';
import { ideaVotes } from '#functions/adapters/dynamodb/idea-votes';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { shardIdea } from '#functions/adapters/dynamodb/vote-counter';
import { api, createUsers, type BenchUser } from './api';
import { capacityModel, LIMITS, type CapacityModel, type CapacityStats } from './capacity-model';
import type { TargetCheck } from './report';
import { PROCESS_ID } from './seed';
import { percentile, round, runPool } from './stats';
import { callCounter, driveOpenLoop, singleCounterVote, type CallCount, type Outcome } from './viral-drive';

/**
 * The viral idea (issue 19, docs/viral-idea.md): one idea takes `rate` votes a second from distinct
 * voters for `seconds`, against DynamoDB Local behind the capacity model (capacity-model.ts), and then:
 * nothing lost, nothing double, and the public count (GET /api/ideas/{id}) equal to the vote items
 * within 5 s of the last accepted vote.
 *
 * Two runs on fresh ideas, one after the other:
 * - `sharded`: the real vote path. The votes area's handler is called in-process with the event the
 *   local gateway would build after verifying a token (verified claims: sub, token_use access), on the
 *   handlers' own DynamoDB client, which carries the model. Honest shortcut: 30,000 Cognito sign-ups
 *   and sign-ins would take longer than the run; what is skipped is only the JWT check (the gateway's,
 *   the HTTP API authorizer's in AWS), every line of the handler, domain and adapters runs. Each voter's
 *   profile item is written beforehand as sign-up writes it (participant type citizen, 30 days old).
 *   The path shards the idea's counter by itself (adapters/dynamodb/hot-ideas.ts: on its first
 *   throttle, or 300 votes in 3 s).
 * - `singleCounter`: the same load as the layout before issue 19 would take it: the SDK's conditional
 *   TransactWriteItems of the vote item and the idea item's counter (what the vote benchmark's raw
 *   side does), retried on ThrottlingError as the adapters' transact() does, through its own model.
 *   It shows the model bites: the idea item's partition refuses what is over 1,000 WCU/s.
 * `limitScale` scales the model's limits (and nothing else): on a machine where DynamoDB Local cannot
 * take 1,000 transactions a second, a run at 1/k of the rate against 1/k of the limits puts the same
 * pressure on each partition as the real figures would.
 */
export interface ViralConfig {
  rate: number;
  seconds: number;
  limitScale: number;
  /** Requests in flight at most: the scheduler is open-loop until the system holds this many. */
  maxInFlight: number;
  convergeLimitMs: number;
  /**
   * Shard the idea's counter before the load (vote-counter.ts shardIdea, 16 shards), as the path does on
   * its own once it sees the idea hot. Without it the run also measures the switch under load.
   */
  preShard: boolean;
}

export interface ViralRun {
  mode: 'sharded' | 'singleCounter';
  planned: number;
  sent: number;
  driveMs: number;
  achievedPerSecond: number;
  /** How late requests started against their planned time (ms), and how many were over 50 ms late. */
  lateStart: { p50: number; p99: number; max: number; over50ms: number };
  outcomes: Record<string, number>;
  accepted: number;
  refused: number;
  lost: number;
  double: number;
  /** Vote items whose request did not answer 200 (written, then the answer failed). */
  unacknowledged: number;
  voteItems: number;
  publicCount: number;
  /** From the last accepted vote's answer until GET idea showed the vote items' number (null: not within convergeLimitMs). */
  convergedMs: number | null;
  counterShards: number;
  capacity: CapacityStats;
  /** The DynamoDB calls of the run on the model's client (per command: calls, ms summed over calls, failed). */
  dynamoCalls: Record<string, CallCount>;
}

export interface ViralResult {
  config: ViralConfig;
  limits: { wcu: number; rcu: number };
  sharded: ViralRun;
  singleCounter: ViralRun;
}

export const VIRAL_TARGETS = { lost: 0, double: 0, convergedMs: 5000, achievedShare: 0.95 };

export async function measureViral(stack: RunningStack, raw: DynamoDBDocumentClient, config: ViralConfig, log: (m: string) => void): Promise<ViralResult> {
  const limits = { wcu: LIMITS.wcu * config.limitScale, rcu: LIMITS.rcu * config.limitScale };
  const [author] = await createUsers(stack, 1, 'viral');
  const ideas = { sharded: await postIdea(stack, author!, 'viral'), singleCounter: await postIdea(stack, author!, 'enkelt tæller') };
  const voters = Math.round(config.rate * config.seconds);

  log(`viral: ${voters} voter profiles`);
  const ids = Array.from({ length: voters }, (_, i) => `viral-voter-${String(i).padStart(6, '0')}`);
  await writeProfiles(raw, ids);

  // The handlers' own client, with the model; off again after the run, so later measurements see none.
  const handlersModel = capacityModel(documentClient(), { limits });
  const { handler } = await import('#functions/handlers/votes');
  if (config.preShard) await shardIdea(raw, mainTable.localName, ideas.sharded);
  log(`viral: sharded path, ${config.rate}/s for ${config.seconds} s, limits ${limits.wcu} WCU/s, ${limits.rcu} RCU/s per partition`);
  const sharded = await runOne('sharded', stack, raw, ideas.sharded, ids, config, handlersModel, callCounter(documentClient()), (userId) => callHandler(handler, ideas.sharded, userId));

  const rawModel = capacityModel(raw, { limits });
  log(`viral: single counter, the same load`);
  const singleCounter = await runOne('singleCounter', stack, raw, ideas.singleCounter, ids, config, rawModel, callCounter(raw), (userId) => singleCounterVote(raw, ideas.singleCounter, userId));
  return { config, limits, sharded, singleCounter };
}

async function runOne(
  mode: ViralRun['mode'],
  stack: RunningStack,
  raw: DynamoDBDocumentClient,
  ideaId: string,
  voterIds: string[],
  config: ViralConfig,
  model: CapacityModel,
  probe: ReturnType<typeof callCounter>,
  vote: (userId: string) => Promise<Outcome>,
): Promise<ViralRun> {
  const table = mainTable.localName;
  const idea = (await raw.send(new GetCommand({ TableName: table, Key: keys.idea(ideaId), ConsistentRead: true }))).Item!;
  model.learn(table, idea);
  model.reset();
  probe.start();
  model.on();
  try {
    const drive = await driveOpenLoop(voterIds, config.rate, config.maxInFlight, vote);
    // The load's own calls: the polling below goes through the same client.
    const calls = probe.snapshot();
    probe.stop();
    const lastAccepted = drive.lastAcceptedAt;
    // The public count, polled from the moment the load ends, while the vote items are counted.
    const samples: { at: number; count: number }[] = [];
    let stop = false;
    const polling = (async () => {
      const until = performance.now() + config.convergeLimitMs + 5000;
      while (!stop && performance.now() < until) {
        const r = await api(stack.info.apiUrl, `/ideas/${ideaId}`);
        samples.push({ at: performance.now(), count: Number(r.json?.voteCount ?? -1) });
        await new Promise((res) => setTimeout(res, 100));
      }
    })();
    const items = await ideaVotes(raw, table, ideaId, { ConsistentRead: true, ProjectionExpression: 'userId' });
    const stored = items.map((i) => String(i.userId));
    const storedSet = new Set(stored);
    const acceptedIds = new Set(drive.acceptedIds);
    const converge = () => samples.find((s) => s.count === stored.length);
    while (!converge() && performance.now() - lastAccepted < config.convergeLimitMs) await new Promise((res) => setTimeout(res, 100));
    stop = true;
    await polling;
    const hit = converge();
    const counterShards = Number((await raw.send(new GetCommand({ TableName: table, Key: keys.idea(ideaId), ConsistentRead: true }))).Item?.counterShards ?? 0);
    const late = [...drive.lateMs].sort((a, b) => a - b);
    return {
      mode,
      planned: voterIds.length,
      sent: drive.sent,
      driveMs: round(drive.ms, 0),
      achievedPerSecond: round((drive.acceptedIds.length / drive.ms) * 1000, 1),
      lateStart: { p50: round(percentile(late, 50), 1), p99: round(percentile(late, 99), 1), max: round(late.at(-1) ?? 0, 1), over50ms: late.filter((l) => l > 50).length },
      outcomes: drive.outcomes,
      accepted: acceptedIds.size,
      refused: drive.sent - acceptedIds.size,
      lost: [...acceptedIds].filter((u) => !storedSet.has(u)).length,
      double: stored.length - storedSet.size,
      unacknowledged: stored.filter((u) => !acceptedIds.has(u)).length,
      voteItems: stored.length,
      publicCount: samples.at(-1)?.count ?? -1,
      convergedMs: hit ? round(Math.max(0, hit.at - lastAccepted), 0) : null,
      counterShards,
      capacity: model.stats(),
      dynamoCalls: calls,
    };
  } finally {
    model.off();
    probe.stop();
  }
}

async function postIdea(stack: RunningStack, author: BenchUser, what: string): Promise<string> {
  const body = {
    title: `Viral idé (${what}): gratis frokost til alle skolebørn`,
    // About 800 characters (an idea may have 5,000; the demo's have 190-580): the idea item is then
    // clearly over 1 KB. At 180 it sat at the edge of one write unit, where the single counter's cost
    // per vote, and so whether the model throttled it, turned on a few bytes from run to run.
    body: 'En idé, der bliver delt overalt på én gang: tusind stemmer i sekundet i et halvt minut. '.repeat(9),
    area: 'erhverv',
    effects: ['kvalitet'],
    beneficiaries: ['citizens'],
  };
  const r = await api(stack.info.apiUrl, `/processes/${PROCESS_ID}/ideas`, { method: 'POST', token: author.token, body });
  if (r.status !== 201) throw new Error(`viral idea: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.id as string;
}

/** Profiles as sign-up writes them (cdk/local/users.ts), dated 30 days back. */
async function writeProfiles(raw: DynamoDBDocumentClient, ids: string[]): Promise<void> {
  const at = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += 25) batches.push(ids.slice(i, i + 25));
  await runPool(batches, 8, async (batch) => {
    let pending: unknown[] = batch.map((userId) => ({
      PutRequest: { Item: { ...keys.profile(userId), type: 'profile', gsiUser: keys.userItems(userId), gsiUserSk: 'PROFILE', userId, displayName: `Vælger ${userId.slice(-6)}`, participantType: 'citizen', createdAt: at, updatedAt: at } },
    }));
    while (pending.length) {
      const r = await raw.send(new BatchWriteCommand({ RequestItems: { [mainTable.localName]: pending as never } }));
      pending = r.UnprocessedItems?.[mainTable.localName] ?? [];
    }
  });
}

type VoteHandler = (event: never, context: never) => Promise<{ statusCode?: number; body?: string } | string | void>;

/** The vote route's event as the local gateway builds it once the access token is verified (cdk/local/gateway.ts toEvent). */
async function callHandler(handler: unknown, ideaId: string, userId: string): Promise<Outcome> {
  const requestId = crypto.randomUUID();
  const now = new Date();
  const path = `/api/ideas/${ideaId}/vote`;
  const event = {
    version: '2.0',
    routeKey: 'PUT /api/ideas/{ideaId}/vote',
    rawPath: path,
    rawQueryString: '',
    headers: { host: '127.0.0.1', 'user-agent': 'viral-bench' },
    pathParameters: { ideaId },
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local', apiId: 'local', domainName: '127.0.0.1', domainPrefix: 'local',
      http: { method: 'PUT', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'viral-bench' },
      requestId, routeKey: 'PUT /api/ideas/{ideaId}/vote', stage: '$default', time: now.toUTCString(), timeEpoch: now.getTime(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: { sub: userId, token_use: 'access', username: userId }, scopes: null } },
    },
  };
  const context = { callbackWaitsForEmptyEventLoop: false, functionName: 'deltag-votes', awsRequestId: requestId, getRemainingTimeInMillis: () => 10_000 };
  const result = await (handler as VoteHandler)(event as never, context as never);
  const status = typeof result === 'object' && result ? (result.statusCode ?? 200) : 200;
  if (status === 200) return { ok: true, label: '200' };
  let type = '';
  try {
    type = String(JSON.parse(String((result as { body?: string }).body ?? '{}')).type ?? '').split('/').at(-1) ?? '';
  } catch {
    /* no problem body */
  }
  return { ok: false, label: `${status}${type ? ` ${type}` : ''}` };
}

export function checksViral(result: ViralResult): TargetCheck[] {
  const s = result.sharded;
  const share = round(s.achievedPerSecond / result.config.rate, 3);
  return [
    { name: 'viral.lost', value: s.lost, target: '= 0', pass: s.lost === 0 },
    { name: 'viral.double', value: s.double, target: '= 0', pass: s.double === 0 },
    { name: 'viral.countEqualsItems', value: s.publicCount === s.voteItems, target: 'true', pass: s.publicCount === s.voteItems },
    {
      name: 'viral.convergedMs',
      value: s.convergedMs ?? -1,
      target: `≤ ${VIRAL_TARGETS.convergedMs}`,
      pass: s.convergedMs !== null && s.convergedMs <= VIRAL_TARGETS.convergedMs,
      ...(s.convergedMs !== null && s.convergedMs > VIRAL_TARGETS.convergedMs ? { missBy: round(s.convergedMs / VIRAL_TARGETS.convergedMs - 1, 3) } : {}),
    },
    {
      name: 'viral.achievedPerSecond',
      value: s.achievedPerSecond,
      target: `≥ ${round(result.config.rate * VIRAL_TARGETS.achievedShare, 1)}`,
      pass: share >= VIRAL_TARGETS.achievedShare,
      ...(share < VIRAL_TARGETS.achievedShare ? { missBy: round(1 - share / VIRAL_TARGETS.achievedShare, 3) } : {}),
    },
    { name: 'viral.modelBites', value: result.singleCounter.capacity.throttled, target: '> 0 (single counter throttled)', pass: result.singleCounter.capacity.throttled > 0 },
  ];
}

export function formatViral(result: ViralResult): string[] {
  const { config, limits } = result;
  const lines = [`Viral idea: ${config.rate} votes/s offered for ${config.seconds} s on one idea; model ${limits.wcu} WCU/s, ${limits.rcu} RCU/s per partition (scale ${config.limitScale})`];
  for (const r of [result.sharded, result.singleCounter]) {
    const hot = r.capacity.hottest[0];
    lines.push(
      `  ${r.mode.padEnd(13)} sent ${r.sent}/${r.planned} in ${(r.driveMs / 1000).toFixed(1)} s, accepted ${r.accepted} (${r.achievedPerSecond}/s), refused ${r.refused} ${JSON.stringify(r.outcomes)}`,
      `  ${''.padEnd(13)} lost ${r.lost}, double ${r.double}, unacknowledged ${r.unacknowledged}, items ${r.voteItems}, public count ${r.publicCount}, converged ${r.convergedMs === null ? 'no' : `${r.convergedMs} ms`}, shards ${r.counterShards}`,
      `  ${''.padEnd(13)} DynamoDB calls per sent vote ${round(Object.values(r.dynamoCalls).reduce((a, c) => a + c.calls, 0) / Math.max(1, r.sent), 2)}: ${Object.entries(r.dynamoCalls).map(([k, c]) => `${k} ${c.calls} (${round(c.ms / Math.max(1, c.calls), 1)} ms avg)`).join(', ')}`,
      `  ${''.padEnd(13)} throttled ${r.capacity.throttled} ${JSON.stringify(r.capacity.throttledByCommand)}; late starts p50 ${r.lateStart.p50} ms, p99 ${r.lateStart.p99} ms, ${r.lateStart.over50ms} over 50 ms; hottest ${hot ? `${hot.partition} peak ${hot.peakWcuPerSecond} WCU/s` : '-'}`,
    );
  }
  return lines;
}
