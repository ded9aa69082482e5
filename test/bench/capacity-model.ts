import { ProvisionedThroughputExceededException, TransactionCanceledException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mainTable, type TableDef } from '#functions/adapters/dynamodb/tables';
import { batchRequests, Charges, mergeRequests, price, regroup } from './capacity-charges';

/**
 * DynamoDB's per-partition limits, put in front of DynamoDB Local (which has none), so a benchmark
 * can show whether a design survives them (issue 19, the viral idea; docs/viral-idea.md).
 *
 * What it mirrors: every partition, whatever the table's mode, serves at most 1,000 write units and
 * 3,000 read units a second. Here one partition key value (of the table, or of an index) is one
 * partition, charged per 1-second window of the wall clock:
 * - a write costs 1 WCU per KB (rounded up) of the item; the old item is taken to be as large as the
 *   new one (we do not read it), an Update or Delete with no item at hand counts its key and values;
 * - every item of a TransactWriteItems costs twice that, ConditionCheck included (conservative: AWS
 *   bills a condition check as a transactional write of the item it reads);
 * - a write also charges each index whose key attributes it sets, at 1 WCU per KB on the index's own
 *   partition (index writes are not transactional in DynamoDB and are billed as standard writes);
 *   the index values of an item written before are remembered from the Puts the model has seen, or
 *   `learn()` is told them; an Update touching an index key of an item the model never saw is counted
 *   as `unknownIndexWrites` (not charged);
 * - reads cost 0.5 RCU per 4 KB eventually consistent, 1 consistent, 2 in TransactGetItems; the size is
 *   unknown until read, so 4 KB is charged to decide and the rest after the answer (as DynamoDB bills).
 * What it refuses, as DynamoDB answers: a single-item call over the limit throws
 * ProvisionedThroughputExceededException (HTTP 400; the SDK retries it with backoff as a throttle);
 * BatchGet/BatchWrite return the refused keys as UnprocessedKeys/UnprocessedItems (all refused: the
 * exception); a transaction is cancelled whole (TransactionCanceledException) with ThrottlingError on
 * each refused item and None on the others. A refused call is not charged and never reaches DynamoDB.
 * Not modelled: burst capacity (up to 300 s of unused units), adaptive capacity, splitting a hot key's
 * items over partitions by sort key, the table-level on-demand ramp. All of them only make AWS kinder.
 */
export const LIMITS = { wcu: 1000, rcu: 3000 };

export interface Charge {
  /** `<table or index>|<partition key value>` */
  partition: string;
  wcu: number;
  rcu: number;
}

export interface CapacityStats {
  accepted: number;
  throttled: number;
  throttledByCommand: Record<string, number>;
  /** Units charged per partition (hottest first, top 10), summed over the run. */
  hottest: { partition: string; wcu: number; rcu: number; peakWcuPerSecond: number; peakRcuPerSecond: number }[];
  unknownIndexWrites: number;
}

/** Per-second spending per partition, and the decision: admit all of a request's charges or none. */
export class Ledger {
  private windows = new Map<string, { second: number; wcu: number; rcu: number }>();
  private totals = new Map<string, { wcu: number; rcu: number; peakWcu: number; peakRcu: number }>();

  constructor(readonly limits = LIMITS) {}

  /** The partitions that would go over the limit with these charges (none: all charged). */
  admit(charges: Charge[], nowMs: number): Set<string> {
    const second = Math.floor(nowMs / 1000);
    const sums = new Map<string, { wcu: number; rcu: number }>();
    for (const c of charges) {
      const s = sums.get(c.partition) ?? { wcu: 0, rcu: 0 };
      s.wcu += c.wcu;
      s.rcu += c.rcu;
      sums.set(c.partition, s);
    }
    const over = new Set<string>();
    for (const [p, s] of sums) {
      const w = this.window(p, second);
      if (w.wcu + s.wcu > this.limits.wcu || w.rcu + s.rcu > this.limits.rcu) over.add(p);
    }
    if (over.size === 0) for (const [p, s] of sums) this.spend(p, second, s.wcu, s.rcu);
    return over;
  }

  /** Charges what was only known after the answer (the rest of a read), without refusing. */
  settle(partition: string, rcu: number, nowMs: number): void {
    if (rcu > 0) this.spend(partition, Math.floor(nowMs / 1000), 0, rcu);
  }

  hottest(n = 10): CapacityStats['hottest'] {
    return [...this.totals]
      .sort((a, b) => b[1].wcu + b[1].rcu / 3 - (a[1].wcu + a[1].rcu / 3))
      .slice(0, n)
      .map(([partition, t]) => ({ partition, wcu: round(t.wcu), rcu: round(t.rcu), peakWcuPerSecond: round(t.peakWcu), peakRcuPerSecond: round(t.peakRcu) }));
  }

  /** What a partition has spent in this second. */
  spent(partition: string, nowMs: number): { wcu: number; rcu: number } {
    const w = this.windows.get(partition);
    return w && w.second === Math.floor(nowMs / 1000) ? { wcu: w.wcu, rcu: w.rcu } : { wcu: 0, rcu: 0 };
  }

  reset(): void {
    this.windows.clear();
    this.totals.clear();
  }

  private window(p: string, second: number) {
    let w = this.windows.get(p);
    if (!w || w.second !== second) this.windows.set(p, (w = { second, wcu: 0, rcu: 0 }));
    return w;
  }

  private spend(p: string, second: number, wcu: number, rcu: number) {
    const w = this.window(p, second);
    w.wcu += wcu;
    w.rcu += rcu;
    const t = this.totals.get(p) ?? { wcu: 0, rcu: 0, peakWcu: 0, peakRcu: 0 };
    t.wcu += wcu;
    t.rcu += rcu;
    t.peakWcu = Math.max(t.peakWcu, w.wcu);
    t.peakRcu = Math.max(t.peakRcu, w.rcu);
    this.totals.set(p, t);
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Cumulative check without spending: which of these requests (in order) would fit. Looks only at their own partitions. */
export function fits(ledger: Ledger, groups: Charge[][], nowMs: number): boolean[] {
  const extra = new Map<string, { wcu: number; rcu: number }>();
  return groups.map((group) => {
    const trial = new Map<string, { wcu: number; rcu: number }>();
    for (const c of group) {
      const base = trial.get(c.partition) ?? { ...(extra.get(c.partition) ?? ledger.spent(c.partition, nowMs)) };
      base.wcu += c.wcu;
      base.rcu += c.rcu;
      trial.set(c.partition, base);
    }
    const ok = [...trial.values()].every((t) => t.wcu <= ledger.limits.wcu && t.rcu <= ledger.limits.rcu);
    if (ok) for (const [p, t] of trial) extra.set(p, t);
    return ok;
  });
}

export interface CapacityModel {
  /** Off (the default), calls pass untouched, so a baseline on the same client sees no model. */
  on(): void;
  off(): void;
  reset(): void;
  /** An item written before the model was on (native JS form): its size and index partitions. */
  learn(table: string, item: Record<string, unknown>): void;
  stats(): CapacityStats;
}

type Args = { input: Record<string, any> };
type Out = { output: Record<string, any> };

/**
 * Puts the model on a client's middleware stack. The charge is made in the deserialize step, inside
 * the SDK's retry loop, so a refused single-item call is retried by the SDK exactly as a real
 * ProvisionedThroughputExceeded is; a batch's refused part is taken out before serializing and handed
 * back as unprocessed, as DynamoDB does.
 */
export function capacityModel(
  client: DynamoDBDocumentClient,
  options: { tables?: TableDef[]; now?: () => number; limits?: typeof LIMITS } = {},
): CapacityModel {
  const now = options.now ?? Date.now;
  const byName = new Map<string, TableDef>();
  for (const def of options.tables ?? [mainTable]) {
    byName.set(def.localName, def);
    const env = process.env[def.envVar];
    if (env) byName.set(env, def);
  }
  const ledger = new Ledger(options.limits);
  const charges = new Charges(byName);
  let active = false;
  let accepted = 0;
  const throttledByCommand: Record<string, number> = {};
  const refuse = (command: string) => (throttledByCommand[command] = (throttledByCommand[command] ?? 0) + 1);

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName ?? '').replace(/Command$/, '');
      if (!active || (command !== 'BatchGetItem' && command !== 'BatchWriteItem')) return next(args);
      const input = (args as Args).input;
      const requests = batchRequests(command, input, charges);
      const fit = fits(ledger, requests.map((r) => r.charges), now());
      if (fit.every(Boolean) || !fit.some(Boolean)) return next(args);
      const kept = requests.filter((_, i) => fit[i]);
      const left = requests.filter((_, i) => !fit[i]);
      const out = (await next({ ...args, input: { ...input, RequestItems: regroup(command, input, kept) } } as typeof args)) as Out;
      const field = command === 'BatchGetItem' ? 'UnprocessedKeys' : 'UnprocessedItems';
      out.output[field] = mergeRequests(command, input, out.output[field] ?? {}, left);
      return out as never;
    },
    { step: 'serialize', priority: 'high', name: 'capacityModelBatch', override: true },
  );

  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!active) return next(args);
      const command = String(context.commandName ?? '').replace(/Command$/, '');
      const input = (args as Args).input;
      const t = now();
      const priced = price(command, input, charges);
      if (!priced) return next(args);
      const over = ledger.admit(priced.groups.flat(), t);
      if (over.size > 0) {
        refuse(command);
        if (command === 'TransactWriteItems' || command === 'TransactGetItems') {
          const codes = priced.groups.map((g) => (g.some((c) => over.has(c.partition)) ? 'ThrottlingError' : 'None'));
          throw new TransactionCanceledException({
            message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
            CancellationReasons: codes.map((Code) => (Code === 'None' ? { Code } : { Code, Message: 'Throughput exceeds the current capacity of your table or index.' })),
            $metadata: { httpStatusCode: 400 },
          });
        }
        throw new ProvisionedThroughputExceededException({
          message: 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
          $metadata: { httpStatusCode: 400 },
        });
      }
      accepted++;
      priced.commit();
      const out = (await next(args)) as Out;
      if (priced.readUnit && priced.readPartition) {
        const items = (out.output.Item ? [out.output.Item] : out.output.Items ?? []) as Record<string, AttributeValue>[];
        ledger.settle(priced.readPartition, Charges.rest(items, priced.readUnit), now());
      }
      return out as never;
    },
    { step: 'deserialize', priority: 'high', name: 'capacityModel', override: true },
  );

  return {
    on: () => void (active = true),
    off: () => void (active = false),
    reset: () => {
      ledger.reset();
      accepted = 0;
      for (const k of Object.keys(throttledByCommand)) delete throttledByCommand[k];
    },
    learn: (table, item) => charges.learn(table, marshall(item, { removeUndefinedValues: true })),
    stats: () => ({
      accepted,
      throttled: Object.values(throttledByCommand).reduce((a, b) => a + b, 0),
      throttledByCommand: { ...throttledByCommand },
      hottest: ledger.hottest(),
      unknownIndexWrites: charges.unknownIndexWrites,
    }),
  };
}
