import { monotonicFactory } from 'ulid';
import type { Clock } from '#functions/domain/ports';
import type { Logger } from '#functions/lib/log';

/** A clock that stands still until a test moves it. */
export interface FakeClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function fakeClock(start: Date | string): FakeClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => void (current = new Date(at)),
    advance: (ms) => void (current = new Date(current.getTime() + ms)),
  };
}

/**
 * ULIDs as production makes them (time-ordered, monotonic within a millisecond), from a seeded
 * generator so every run gets the same ids.
 */
export function sequentialIds(seed = 1): (now: Date) => string {
  let state = seed >>> 0;
  // mulberry32: small, fast and good enough for test ids.
  const prng = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const ulid = monotonicFactory(prng);
  return (now) => ulid(now.getTime());
}

/** A logger that keeps what it is told, so a test can see that a failure was logged. */
export interface FakeLogger extends Logger {
  errors: { message: string; fields?: Record<string, unknown> }[];
}

export function fakeLogger(): FakeLogger {
  const errors: FakeLogger['errors'] = [];
  return { errors, info: () => undefined, error: (message, fields) => void errors.push({ message, fields }) };
}
