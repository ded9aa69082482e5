/** Small statistics helpers for the benchmark (nearest-rank percentiles, no interpolation). */

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    min: round(sorted[0] ?? Number.NaN),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(sum / sorted.length),
  };
}

/** Rounds to 3 decimals (µs resolution for milliseconds) so the JSON stays readable. */
export const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

export const ratio = (a: number, b: number) => round(a / b);

/**
 * Runs `fn` over `items` with at most `concurrency` in flight, stopping to issue new work once
 * `deadline` (a performance.now() time) has passed. Returns how many were started.
 */
export async function runPool<T>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<void>, deadline = Infinity): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && performance.now() < deadline) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return next;
}
