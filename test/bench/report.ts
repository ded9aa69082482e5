import type { measureReads, VariantResult } from './reads';
import type { measureSearch, SearchSeed } from './search';

/** Targets from the brief; `check` says PASS or MISS and by how much. */
export const TARGETS = {
  readP50Ratio: 1.3,
  readP99Ratio: 2,
  /** getIdea against a bare node:http server doing the same GetItem (issue 19, test/bench/reads-report.ts). */
  readFloorP50Ratio: 1.15,
  readFloorP99Ratio: 1.5,
  voteThroughputRatio: 0.8,
  bundleBytes: 250_000,
  importRatio: 1.3,
};

export interface TargetCheck {
  name: string;
  value: number | boolean;
  target: string;
  pass: boolean;
  /** How far off a miss is, as a fraction of the target (0.25 = 25 % beyond it). */
  missBy?: number;
}

type Reads = Awaited<ReturnType<typeof measureReads>>;
type Search = Awaited<ReturnType<typeof measureSearch>> & { seed: Omit<SearchSeed, 'indexedAt'> };

/** A check that `value` is at most `max`, with how far off a miss is. */
export const atMost = (name: string, value: number, max: number): TargetCheck => ({
  name,
  value,
  target: `≤ ${max}`,
  pass: value <= max,
  ...(value > max ? { missBy: Math.round((value / max - 1) * 1000) / 1000 } : {}),
});

/** The read targets against the raw SDK call; the other parts bring their own checks (checksReadFloor, checksVotes, checksBundles, …). */
export function checkTargets(reads?: Reads): TargetCheck[] {
  const checks: TargetCheck[] = [];
  if (reads) {
    for (const k of ['getIdea', 'top20'] as const) {
      checks.push(atMost(`reads.${k}.p50Ratio`, reads[k].p50Ratio, TARGETS.readP50Ratio));
      checks.push(atMost(`reads.${k}.p99Ratio`, reads[k].p99Ratio, TARGETS.readP99Ratio));
    }
  }
  return checks;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const padEnd = (s: string | number, n: number) => String(s).padEnd(n);
const f1 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(2));

/** The whole table: reads, then each part's own lines (`sections`, in the run's order), search, the targets. */
export function formatReport(r: { reads?: Reads | undefined; search?: Search; sections?: string[][]; checks: TargetCheck[]; header: string }): string {
  const lines: string[] = [r.header, ''];
  if (r.reads) {
    const reads = r.reads;
    lines.push(`READS  sequential, ${reads.samplesPerVariant} samples per variant after ${reads.warmup} warm-up, interleaved blocks (ms)`);
    lines.push(`${padEnd('', 22)}${pad('p50', 8)}${pad('p90', 8)}${pad('p99', 8)}${pad('max', 8)}  errors  CPU ms/req node, java  handler DynamoDB calls/req, SDK ms/req`);
    const row = (name: string, v: VariantResult) =>
      `${padEnd(name, 22)}${pad(f1(v.latency.p50), 8)}${pad(f1(v.latency.p90), 8)}${pad(f1(v.latency.p99), 8)}${pad(f1(v.latency.max), 8)}  ${pad(v.errors, 6)}  ${pad(f1(v.cpuPerRequest.nodeMs), 9)}${pad(f1(v.cpuPerRequest.javaMs), 7)}      ${
        v.dynamoCallsPerRequest === undefined ? '' : `${f1(v.dynamoCallsPerRequest)}, ${f1(v.dynamoMsPerRequest)}`
      }`;
    lines.push(row('HTTP floor (no API)', reads.httpFloor));
    for (const k of ['getIdea', 'top20'] as const) {
      const p = reads[k];
      lines.push(row(`${k} gateway`, p.gateway), row(`${k} raw`, p.raw));
      if ('rawQueryOnly' in p && p.rawQueryOnly) lines.push(row(`${k} raw Query only`, p.rawQueryOnly));
      lines.push(row(`${k} handler direct`, p.direct));
      lines.push(`${padEnd(`${k} gateway/raw`, 22)}${pad(f1(p.p50Ratio), 8)}${pad('', 8)}${pad(f1(p.p99Ratio), 8)}`);
      if ('p50RatioVsQueryOnly' in p) {
        lines.push(`${padEnd(`${k} gw/Query only`, 22)}${pad(f1(p.p50RatioVsQueryOnly), 8)}${pad('', 8)}${pad(f1(p.p99RatioVsQueryOnly), 8)}  (info: the handler caches the process read)`);
      }
      lines.push('');
    }
  }
  for (const section of r.sections ?? []) lines.push(...section, '');
  if (r.search) lines.push(...searchLines(r.search), '');
  lines.push('TARGETS');
  for (const c of r.checks) {
    const value = typeof c.value === 'boolean' ? String(c.value) : String(c.value);
    lines.push(`${padEnd(c.name, 34)}${pad(value, 10)}  ${padEnd(c.target, 10)} ${c.pass ? 'PASS' : `MISS${c.missBy !== undefined ? ` (by ${(c.missBy * 100).toFixed(c.missBy < 0.1 ? 1 : 0)} %)` : ''}`}`);
  }
  return lines.join('\n');
}

function searchLines(s: Search): string[] {
  const row = (name: string, v: Search['raw']) =>
    `${padEnd(name, 22)}${pad(f1(v.latency.p50), 8)}${pad(f1(v.latency.p95), 8)}${pad(f1(v.latency.p99), 8)}${pad(f1(v.latency.max), 8)}  ${pad(v.errors, 6)}  ${pad(f1(v.readUnitsPerRequest), 10)}  ${pad(f1(v.itemsPerRequest), 6)}`;
  return [
    `SEARCH  ${s.seed.ideas} generated ideas (${s.seed.publicIdeas} public) in "${s.process}", written in ${(s.seed.writeMs / 1000).toFixed(1)} s, all in search ${(s.seed.indexedMs / 1000).toFixed(1)} s after the first write (${s.seed.indexedVia}: ${s.seed.byStream} by the stream projector); ${s.samplesPerSide} requests per side after one warm-up round of ${s.queries.length} queries, interleaved one by one (ms)`,
    `${padEnd('', 22)}${pad('p50', 8)}${pad('p95', 8)}${pad('p99', 8)}${pad('max', 8)}  errors  read units/req  items/req`,
    row('search ?q= gateway', s.search),
    row('similar gateway', s.similar),
    row('raw Query 1 page new', s.raw),
    `${padEnd('search/raw', 22)}${pad(f1(s.p50Ratio), 8)}${pad(f1(s.p95Ratio), 8)}${pad('', 8)}${pad('', 8)}          ${pad(f1(s.readRatio), 10)}  (read ratio)`,
    `${padEnd('similar/raw', 22)}${pad('', 8)}${pad(f1(s.similar.p95Ratio), 8)}`,
    ...s.coldLoadFailures.map((f) => `cold: a first search answered ${f.status} after ${f.ms.toFixed(0)} ms`),
    `cold: the first search of the process (loads every document) ${f1(s.coldLoadMs)} ms, ${f1(s.coldLoadReadUnits)} read units; in-process, median of 3: read ${s.coldLoadParts.docs} documents ${f1(s.coldLoadParts.readMs)} ms, build the index ${f1(s.coldLoadParts.buildMs)} ms (heap growth ~${f1(s.coldLoadParts.heapGrowthMb)} MB, GC permitting)`,
    `p50 per query: ${Object.entries(s.perQueryP50Ms).map(([q, ms]) => `${q} ${f1(ms)}`).join(', ')}`,
  ];
}
