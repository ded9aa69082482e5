/**
 * A seeded random source for the demo data, so every fresh `npm start -- --demo` builds the same
 * process (the same people, votes and comments) and a test can rely on its shape.
 * mulberry32: 32 bits of state, plenty for picking names and spreading votes; not for anything secret.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/**
 * `count` distinct items, each drawn with probability proportional to its weight among those left
 * (weighted sampling without replacement, Efraimidis–Spirakis: the largest u^(1/w) win).
 */
export function sample<T>(random: Random, items: readonly T[], count: number, weight: (item: T) => number = () => 1): T[] {
  return items
    .map((item) => ({ item, score: random() ** (1 / Math.max(weight(item), 1e-9)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((s) => s.item);
}
