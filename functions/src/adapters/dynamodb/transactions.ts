import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ServiceUnavailableError } from '../../lib/errors';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * Which items of a cancelled transaction failed their condition (index → true); `old` holds, per item,
 * the item as stored when its condition failed, present when the caller asked for it with
 * ReturnValuesOnConditionCheckFailure: 'ALL_OLD' (null: that item does not exist).
 */
export type Outcome = { ok: true } | { ok: false; failed: boolean[]; old?: (Record<string, unknown> | null | undefined)[] };

/** Told of each cancellation that is retried (its reasons' codes), e.g. to notice a hot item. */
export interface TransactHooks {
  onRetry?: (codes: string[]) => void;
}

const MAX_ATTEMPTS = 10;
const RETRYABLE = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

/**
 * TransactWriteItems, retried with full-jitter exponential backoff while DynamoDB reports a
 * TransactionConflict (another transaction on the same items, e.g. a rush of votes on one idea).
 * A cancelled transaction wrote nothing, so retrying is safe. Condition failures are returned per
 * item for the caller to turn into domain answers; anything else is thrown.
 */
export async function transact(client: DynamoDBDocumentClient, items: TransactItems, sleep = defaultSleep, hooks: TransactHooks = {}): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = error.CancellationReasons?.map((r) => r.Code ?? 'None') ?? [];
      // Conflict and capacity cancellations wrote nothing and pass: retried, then a 503.
      if (codes.some((c) => RETRYABLE.has(c))) {
        hooks.onRetry?.(codes);
        if (attempt >= MAX_ATTEMPTS) throw new ServiceUnavailableError();
        await sleep(Math.random() * Math.min(1000, 10 * 2 ** attempt));
        continue;
      }
      if (codes.includes('ConditionalCheckFailed')) {
        const failed = items.map((_, i) => codes[i] === 'ConditionalCheckFailed');
        // The reasons' items come back in DynamoDB's own format (the document client leaves errors as they are).
        const old = items.map((item, i) => {
          if (!failed[i] || !asksForOld(item)) return undefined;
          const stored = error.CancellationReasons?.[i]?.Item;
          return stored ? unmarshall(stored) : null;
        });
        return items.some(asksForOld) ? { ok: false, failed, old } : { ok: false, failed };
      }
      throw error;
    }
  }
}

const asksForOld = (item: TransactItems[number]) =>
  (item.Update ?? item.Put ?? item.Delete ?? item.ConditionCheck)?.ReturnValuesOnConditionCheckFailure === 'ALL_OLD';

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
