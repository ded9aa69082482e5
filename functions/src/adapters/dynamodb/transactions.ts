import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ServiceUnavailableError } from '../../lib/errors';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Which items of a cancelled transaction failed their condition (index → true). */
export type Outcome = { ok: true } | { ok: false; failed: boolean[] };

const MAX_ATTEMPTS = 10;
const RETRYABLE = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

/**
 * TransactWriteItems, retried with full-jitter exponential backoff while DynamoDB reports a
 * TransactionConflict (another transaction on the same items, e.g. a rush of votes on one idea).
 * A cancelled transaction wrote nothing, so retrying is safe. Condition failures are returned per
 * item for the caller to turn into domain answers; anything else is thrown.
 */
export async function transact(client: DynamoDBDocumentClient, items: TransactItems, sleep = defaultSleep): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = error.CancellationReasons?.map((r) => r.Code ?? 'None') ?? [];
      // Conflict and capacity cancellations wrote nothing and pass: retried, then a 503.
      if (codes.some((c) => RETRYABLE.has(c))) {
        if (attempt >= MAX_ATTEMPTS) throw new ServiceUnavailableError();
        await sleep(Math.random() * Math.min(1000, 10 * 2 ** attempt));
        continue;
      }
      if (codes.includes('ConditionalCheckFailed')) return { ok: false, failed: items.map((_, i) => codes[i] === 'ConditionalCheckFailed') };
      throw error;
    }
  }
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
