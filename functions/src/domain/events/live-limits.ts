import type { RateLimit } from '../ports';

/**
 * Limits on answers from phones, which carry no sign-in. A room must get through: 300 people
 * answering a question each in the same minute, most of them behind the venue's one Wi-Fi address
 * (and in AWS the gateway sees CloudFront's edge address, shared by many rooms), so the per-address
 * limit only stops a script's flood. A phone answers each question once (the marker decides); its
 * own limit stops one token hammering the API with retries and duplicates.
 */
export const LIVE_ANSWERS_PER_PHONE: RateLimit = { action: 'live-answer', max: 60, windowSeconds: 60 };
export const LIVE_ANSWERS_PER_ADDRESS: RateLimit = { action: 'live-answer', max: 1500, windowSeconds: 60 };

/**
 * Fixed-window counters (adapters/dynamodb/rate-limits.ts, the same counters as votes and comments
 * use), each taken with one atomic ADD of its own rather than inside the answer's transaction: a
 * room's answers share the address's counter, and one item in every transaction would make them
 * conflict with each other. `false`: the window is full.
 */
export interface LiveLimits {
  take(subject: string, limit: RateLimit, now: Date): Promise<boolean>;
}
