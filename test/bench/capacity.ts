import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Read units of every DynamoDB call a DocumentClient makes while switched on: a middleware asks each
 * call for ReturnConsumedCapacity TOTAL and adds up what comes back (BatchGet answers per table). Put on
 * the handlers' own client, it counts what a search request really reads, index refresh and all.
 */
export interface Capacity {
  /** Starts counting (and asking); off, the client's calls are left as they are, so other measurements see no change. */
  on(): void;
  off(): void;
  reset(): void;
  units(): number;
  /** Calls that came back without a figure (a command that reports no capacity). */
  unreported(): number;
}

type Consumed = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;

export function capacityMeter(client: DynamoDBDocumentClient): Capacity {
  let units = 0;
  let unreported = 0;
  let active = false;
  client.middlewareStack.add(
    (next) => async (args) => {
      if (!active) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: Consumed }).ConsumedCapacity;
      const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
      if (!list.length) unreported++;
      for (const c of list) units += c.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'benchCapacity', override: true },
  );
  return {
    on: () => {
      active = true;
    },
    off: () => {
      active = false;
    },
    reset: () => {
      units = 0;
      unreported = 0;
    },
    units: () => units,
    unreported: () => unreported,
  };
}
