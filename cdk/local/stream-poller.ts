import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { searchedTypes } from '#functions/domain/search/documents';
import type { JobTimer } from './job-timer';

/**
 * The local stand-in for Lambda's event source mapping on the table's stream (issue 18): it reads
 * DynamoDB Local's stream and hands the records, in Lambda's event shape and filtered as the mapping's
 * filter criteria do (cdk/constructs/search-projector.ts), to the same handler code. Like the mapping
 * it keeps each shard in order: a batch that reports a failed record is tried again from that record
 * (up to MAX_ATTEMPTS, then left behind and logged, where AWS sends it to the failure queue).
 *
 * Shards open when the poller starts are read from LATEST: the stack starts it before anything writes
 * (seeding, the gateway), and older records were projected when they were written. Shards found later
 * (a shard's children, or a new stream after DynamoDB Local restarted in memory) are read from their
 * start. One round reads every shard once, then goes on at once while a read came back full (a burst,
 * like the benchmark's 10,000 ideas), waits BUSY_MS after records and IDLE_MS otherwise, so
 * an idle stack costs a few small requests a second.
 */
const BUSY_MS = 100;
/** Records per read, as the mapping's batch size in AWS (constructs/search-projector.ts). */
const BATCH = 100;
const IDLE_MS = 250;
/** New shards are looked for this often, and at once when a shard closes or a read fails. */
const REDISCOVER_MS = 10_000;
const MAX_ATTEMPTS = 4;

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

interface ShardState {
  start: 'LATEST' | 'TRIM_HORIZON';
  iterator?: string;
  lastSequence?: string;
  /** Records handed over that failed, tried again before anything newer. */
  pending: StreamRecord[];
  attempts: number;
  /** Not before this (ms): a failed batch is tried again after a growing pause. */
  retryAt: number;
  closed: boolean;
}

export async function startStreamPoller(options: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; table: string; handler: StreamHandler; log: (message: string) => void; types?: readonly string[] }): Promise<JobTimer> {
  // The item types handed over (the mapping's filter); the search projector's by default, the vote fold names its own.
  const types = options.types ?? searchedTypes;
  const config = { endpoint: options.endpoint, region: options.region, credentials: options.credentials, maxAttempts: 1 };
  const tables = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  const abort = new AbortController();
  const signal = abort.signal;
  let streamArn: string | undefined;
  let shards = new Map<string, ShardState>();
  let discoveredAt = 0;
  let failing = false;

  async function discover(firstLook: boolean): Promise<void> {
    const { Table } = await tables.send(new DescribeTableCommand({ TableName: options.table }), { abortSignal: signal });
    const latest = Table?.LatestStreamArn;
    if (!latest) throw new Error(`table ${options.table} has no stream`);
    if (latest !== streamArn) {
      // A new stream (DynamoDB Local started again in memory): every shard of it is new.
      streamArn = latest;
      shards = new Map();
    }
    const found: Shard[] = [];
    for (let after: string | undefined; ; ) {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: latest, ExclusiveStartShardId: after }), { abortSignal: signal });
      found.push(...(StreamDescription?.Shards ?? []));
      after = StreamDescription?.LastEvaluatedShardId;
      if (!after) break;
    }
    for (const shard of found) {
      if (!shard.ShardId || shards.has(shard.ShardId)) continue;
      const closedBefore = Boolean(shard.SequenceNumberRange?.EndingSequenceNumber);
      // At start, a closed shard holds only what was projected when it was written.
      shards.set(shard.ShardId, { start: firstLook ? 'LATEST' : 'TRIM_HORIZON', pending: [], attempts: 0, retryAt: 0, closed: firstLook && closedBefore });
    }
    discoveredAt = Date.now();
  }

  async function iteratorOf(shardId: string, state: ShardState): Promise<string | undefined> {
    const position = state.lastSequence ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: state.lastSequence } : { ShardIteratorType: state.start };
    const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ...position }), { abortSignal: signal });
    return ShardIterator;
  }

  /** Reads one shard once; how many records it handed over (0 when the handler failed them). */
  async function readShard(shardId: string, state: ShardState): Promise<number> {
    if (state.pending.length > 0 && Date.now() < state.retryAt) return 0;
    if (state.pending.length === 0) {
      state.iterator ??= await iteratorOf(shardId, state);
      if (!state.iterator) {
        state.closed = true;
        return 0;
      }
      const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: BATCH }), { abortSignal: signal });
      state.iterator = NextShardIterator;
      // No next iterator: the shard is closed and read to its end; its children are to be found.
      if (!NextShardIterator) {
        state.closed = true;
        discoveredAt = 0;
      }
      state.pending = Records;
      state.attempts = 0;
      if (Records.length > 0) state.lastSequence = Records[Records.length - 1]!.dynamodb?.SequenceNumber;
    }
    const batch = state.pending;
    if (batch.length === 0) return 0;
    const wanted = batch.filter((r) => isWanted(r, types)).map((r) => lambdaRecord(r, streamArn!, options.region));
    const failed = wanted.length ? await firstFailure(wanted) : undefined;
    if (failed === undefined) return ((state.pending = []), batch.length);
    // As Lambda: from the reported record on; the whole batch when the handler threw.
    const failedAt = Math.max(0, batch.findIndex((r) => r.dynamodb?.SequenceNumber === failed));
    state.attempts += 1;
    if (state.attempts >= MAX_ATTEMPTS) {
      options.log(`search projector: records from ${batch[failedAt]!.dynamodb?.SequenceNumber} on failed ${state.attempts} times, left behind`);
      state.pending = [];
    } else {
      state.pending = batch.slice(failedAt);
      state.retryAt = Date.now() + 250 * 2 ** state.attempts;
    }
    return 0;
  }

  /** The sequence number the handler asks to be tried again from; '' when it threw; undefined when all went in. */
  async function firstFailure(records: DynamoDBRecord[]): Promise<string | undefined> {
    try {
      const { batchItemFailures } = await options.handler({ Records: records });
      return batchItemFailures[0]?.itemIdentifier;
    } catch (error) {
      options.log(`search projector failed: ${(error as Error).message}`);
      return '';
    }
  }

  async function round(): Promise<number> {
    if (!streamArn || Date.now() - discoveredAt > REDISCOVER_MS) await discover(false);
    let handed = 0;
    for (const [shardId, state] of shards) {
      if (state.closed && state.pending.length === 0) continue;
      try {
        handed += await readShard(shardId, state);
      } catch (error) {
        if (signal.aborted) return handed;
        // An expired or foreign iterator: asked again from the last record read.
        state.iterator = undefined;
        throw error;
      }
    }
    return handed;
  }

  await discover(true);
  // Iterators of the shards open now, before anything writes: LATEST means from here.
  for (const [shardId, state] of shards) if (!state.closed) state.iterator = await iteratorOf(shardId, state);

  const loop = (async () => {
    while (!signal.aborted) {
      let wait = IDLE_MS;
      try {
        const handed = await round();
        wait = handed >= BATCH ? 0 : handed > 0 ? BUSY_MS : IDLE_MS;
        if (failing) options.log('search projector: reading the table stream again');
        failing = false;
      } catch (error) {
        if (signal.aborted) break;
        if (!failing) options.log(`search projector: the table stream cannot be read (${(error as Error).name}), trying again`);
        failing = true;
        discoveredAt = 0;
        wait = 1_000;
      }
      await sleep(wait, signal);
    }
  })();

  return {
    async stop() {
      abort.abort();
      await loop;
      tables.destroy();
      streams.destroy();
    },
  };
}

/** As the event source mapping's filter criteria: only items of these types (the projector's: ideas and comments) invoke the handler. */
function isWanted(record: StreamRecord, types: readonly string[]): boolean {
  const image = record.eventName === 'REMOVE' ? record.dynamodb?.OldImage : record.dynamodb?.NewImage;
  const type = image?.type?.S;
  return type !== undefined && types.includes(type);
}

/** The record as Lambda hands it over: the same fields, its time in epoch seconds. */
function lambdaRecord(record: StreamRecord, eventSourceARN: string, awsRegion: string): DynamoDBRecord {
  const created = record.dynamodb?.ApproximateCreationDateTime;
  return {
    ...(record as unknown as DynamoDBRecord),
    eventSource: 'aws:dynamodb',
    eventSourceARN,
    awsRegion,
    dynamodb: { ...(record.dynamodb as DynamoDBRecord['dynamodb']), ...(created ? { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) } : {}) },
  };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
