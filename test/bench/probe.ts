import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { round } from './stats';

/**
 * Counts and times every DynamoDB call a DocumentClient makes (per command name), by a middleware
 * on its stack. Used on the handlers' own shared client, so the report can say how many DynamoDB
 * calls a request through the gateway makes and how long they took, next to the raw baseline.
 */
export interface CallStats {
  calls: number;
  ms: number;
  failed: number;
  conflicts: number;
}

export class Probe {
  private stats = new Map<string, CallStats>();

  constructor(client: DynamoDBDocumentClient) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        const t = performance.now();
        const entry = this.entry(name);
        try {
          return await next(args);
        } catch (error) {
          entry.failed++;
          const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
          if (reasons.some((r) => r.Code === 'TransactionConflict')) entry.conflicts++;
          throw error;
        } finally {
          entry.calls++;
          entry.ms += performance.now() - t;
        }
      },
      { step: 'initialize', name: 'benchProbe', override: true },
    );
  }

  private entry(name: string): CallStats {
    let e = this.stats.get(name);
    if (!e) this.stats.set(name, (e = { calls: 0, ms: 0, failed: 0, conflicts: 0 }));
    return e;
  }

  reset(): void {
    this.stats.clear();
  }

  /** A copy of the counters, with times rounded. */
  snapshot(): Record<string, CallStats> {
    return Object.fromEntries([...this.stats].map(([k, v]) => [k, { ...v, ms: round(v.ms) }]));
  }

  totals(): CallStats {
    const t = { calls: 0, ms: 0, failed: 0, conflicts: 0 };
    for (const v of this.stats.values()) {
      t.calls += v.calls;
      t.ms += v.ms;
      t.failed += v.failed;
      t.conflicts += v.conflicts;
    }
    return t;
  }
}
