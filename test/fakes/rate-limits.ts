import type { RateLimit } from '#functions/domain/ports';
import { TooManyRequestsError } from '#functions/lib/errors';
import type { FakeTables } from './tables';

export interface RateCheck {
  ok: boolean;
  /** Counts the write; called only when the whole write happens (the adapter's counter is in its transaction). */
  commit(): void;
  refusal(): TooManyRequestsError;
}

/** Fixed windows per user and action, as `adapters/dynamodb/rate-limits.ts` counts them. */
export function rateCheck(tables: FakeTables, userId: string, limit: RateLimit, now: Date): RateCheck {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const key = `${userId}/${limit.action}/${windowStart}`;
  const used = tables.rateCounters.get(key) ?? 0;
  return {
    ok: used < limit.max,
    commit: () => void tables.rateCounters.set(key, used + 1),
    refusal: () => new TooManyRequestsError(Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000))),
  };
}
