import type { measureBundles } from './bundles';
import type { measureReads, VariantResult } from './reads';
import type { measureSearch, SearchSeed } from './search';
import type { measureVotes } from './votes';

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
type Votes = Awaited<ReturnType<typeof measureVotes>>;
type Bundles = Awaited<ReturnType<typeof measureBundles>>;
type Search = Awaited<ReturnType<typeof measureSearch>> & { seed: Omit<SearchSeed, 'indexedAt'> };

const atMost = (name: string, value: number, max: number): TargetCheck => ({
  name,
  value,
  target: `≤ ${max}`,
  pass: value <= max,
  ...(value > max ? { missBy: Math.round((value / max - 1) * 1000) / 1000 } : {}),
});
const atLeast = (name: string, value: number, min: number): TargetCheck => ({
  name,
  value,
  target: `≥ ${min}`,
  pass: value >= min,
  ...(value < min ? { missBy: Math.round((1 - value / min) * 1000) / 1000 } : {}),
});

export function checkTargets(reads?: Reads, votes?: Votes, bundles?: Bundles): TargetCheck[] {
  const checks: TargetCheck[] = [];
  if (reads) {
    for (const k of ['getIdea', 'top20'] as const) {
      checks.push(atMost(`reads.${k}.p50Ratio`, reads[k].p50Ratio, TARGETS.readP50Ratio));
      checks.push(atMost(`reads.${k}.p99Ratio`, reads[k].p99Ratio, TARGETS.readP99Ratio));
    }
  }
  if (votes) {
    checks.push(atLeast('votes.throughputRatio', votes.throughputRatio, TARGETS.voteThroughputRatio));
    checks.push({ name: 'votes.exact', value: votes.exact, target: 'true', pass: votes.exact });
  }
  for (const b of bundles?.bundles ?? []) {
    checks.push(atMost(`bundles.${b.name}.bytes`, b.bytes, TARGETS.bundleBytes));
    checks.push(atMost(`bundles.${b.name}.importRatio`, b.importRatio, TARGETS.importRatio));
  }
  return checks;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const padEnd = (s: string | number, n: number) => String(s).padEnd(n);
const f1 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(2));

export function formatReport(r: { reads?: Reads; votes?: Votes; bundles?: Bundles; search?: Search; checks: TargetCheck[]; header: string }): string {
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
  if (r.votes) {
    const v = r.votes;
    lines.push(`VOTES  ${v.voters} distinct voters per side, concurrency ${v.concurrency}, after ${v.warmupPerSide} warm-up votes per side on a third idea (voters created and signed in, alongside the seed: ${(v.msCreateVoters / 1000).toFixed(1)} s); raw: voteStore.add straight on DynamoDB Local`);
    lines.push(
      `gateway  ${pad(v.gateway.votesPerSecond.toFixed(1), 7)} votes/s  ${v.gateway.votes} votes in ${(v.gateway.ms / 1000).toFixed(2)} s  CPU/vote node ${f1(v.gateway.cpuPerVote.nodeMs)} java ${f1(v.gateway.cpuPerVote.javaMs)} ms  statuses ${JSON.stringify(v.gateway.statuses)}  voteCount ${v.gateway.voteCount} records ${v.gateway.records} ${v.gateway.exact ? 'exact' : 'NOT EXACT'}`,
      `raw      ${pad(v.raw.votesPerSecond.toFixed(1), 7)} votes/s  ${v.raw.votes} votes in ${(v.raw.ms / 1000).toFixed(2)} s  CPU/vote node ${f1(v.raw.cpuPerVote.nodeMs)} java ${f1(v.raw.cpuPerVote.javaMs)} ms  attempts ${v.raw.attempts} conflicts ${v.raw.conflicts}  voteCount ${v.raw.voteCount} records ${v.raw.records} ${v.raw.exact ? 'exact' : 'NOT EXACT'}`,
      `gateway/raw throughput ${f1(v.throughputRatio)} (median of per-round ratios ${f1(v.throughputRatioMedianOfRounds)})`,
      `handler DynamoDB calls during gateway votes: ${Object.entries(v.gateway.dynamoCalls)
        .map(([k, c]) => `${k} ${c.calls} (${(c.ms / Math.max(1, c.calls)).toFixed(1)} ms avg, ${c.conflicts} conflicts)`)
        .join(', ')}`,
      '',
    );
  }
  if (r.bundles) {
    const b = r.bundles;
    lines.push(`BUNDLES  minified ESM per feature area; import in a fresh node ${b.node}, median of ${b.runs}; baseline (SDK client only) ${f1(b.baseline.importMs)} ms`);
    lines.push(`${padEnd('area', 12)}${pad('bytes', 9)}${pad('import ms', 11)}${pad('ratio', 7)}  biggest inputs`);
    for (const x of b.bundles) {
      lines.push(
        `${padEnd(x.name, 12)}${pad(x.bytes, 9)}${pad(f1(x.importMs), 11)}${pad(f1(x.importRatio), 7)}  ${x.topInputs.map((i) => `${i.input} ${Math.round(i.bytes / 1000)}k`).join(', ')}`,
      );
    }
    lines.push('');
  }
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
