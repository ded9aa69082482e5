import type { RateLimit } from '../../domain/ports';
import { TooManyRequestsError } from '../../lib/errors';
import { keys } from './keys';
import type { TransactItems } from './transactions';

/**
 * Fixed-window counters per user and action, as one more item in the write's own transaction: the
 * counter only moves when the write happens, and a refused count cancels the write. They live in
 * DynamoDB (so they hold across Lambda instances) and expire by TTL shortly after their window.
 */
export function rateLimitItem(table: string, userId: string, limit: RateLimit, now: Date): { item: TransactItems[number]; refusal: () => TooManyRequestsError } {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const windowEnd = windowStart + windowMs;
  return {
    item: {
      Update: {
        TableName: table,
        Key: keys.rateCounter(userId, limit.action, windowStart),
        UpdateExpression: 'ADD #n :one SET expiresAt = :expires',
        // Under the limit, or the first use in this window.
        ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':one': 1, ':limit': limit.max, ':expires': Math.ceil(windowEnd / 1000) + 60 },
      },
    },
    refusal: () => new TooManyRequestsError(Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000))),
  };
}
