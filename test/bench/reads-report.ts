import type { measureReads, VariantResult } from './reads';
import { atMost, TARGETS, type TargetCheck } from './report';

/**
 * The read part of the report for issue 19's floor (Deliver 3), called by run.ts and reads-only.ts beside
 * `checkTargets`/`formatReport`: `checksReadFloor(reads)` adds the two floor targets, `formatReadFloor(reads)`
 * the rows that split getIdea's time (floor, raw SDK, gateway, handler direct). The existing keys and
 * checks (`reads.getIdea.p50Ratio` against the raw SDK call, …) stay where they are in report.ts.
 */
type Reads = Awaited<ReturnType<typeof measureReads>>;


export function checksReadFloor(reads: Reads): TargetCheck[] {
  return [
    atMost('reads.getIdea.floorP50Ratio', reads.getIdea.floorP50Ratio, TARGETS.readFloorP50Ratio),
    atMost('reads.getIdea.floorP99Ratio', reads.getIdea.floorP99Ratio, TARGETS.readFloorP99Ratio),
  ];
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const padEnd = (s: string | number, n: number) => String(s).padEnd(n);
const f2 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(2));

export function formatReadFloor(reads: Reads): string[] {
  const g = reads.getIdea;
  const row = (name: string, v: VariantResult) =>
    `${padEnd(name, 26)}${pad(f2(v.latency.p50), 8)}${pad(f2(v.latency.p90), 8)}${pad(f2(v.latency.p99), 8)}${pad(f2(v.latency.max), 8)}  ${pad(v.errors, 6)}  ${pad(f2(v.cpuPerRequest.nodeMs), 9)}${pad(f2(v.cpuPerRequest.javaMs), 7)}      ${
      v.dynamoCallsPerRequest === undefined ? '' : `${f2(v.dynamoCallsPerRequest)}, ${f2(v.dynamoMsPerRequest)}`
    }`;
  return [
    `READ FLOOR  getIdea, sequential, ${reads.samplesPerVariant} samples per variant after ${reads.warmup} warm-up, interleaved blocks (ms)`,
    `${padEnd('', 26)}${pad('p50', 8)}${pad('p90', 8)}${pad('p99', 8)}${pad('max', 8)}  errors  CPU ms/req node, java  handler DynamoDB calls/req, SDK ms/req`,
    row('floor (node:http+GetItem)', g.floor),
    row('raw SDK GetItem', g.raw),
    row('gateway GET /api/ideas/id', g.gateway),
    row('handler direct', g.direct),
    `${padEnd('gateway/floor', 26)}${pad(f2(g.floorP50Ratio), 8)}${pad('', 8)}${pad(f2(g.floorP99Ratio), 8)}  (targets ≤ ${TARGETS.readFloorP50Ratio} and ≤ ${TARGETS.readFloorP99Ratio})`,
    `${padEnd('gateway/raw SDK', 26)}${pad(f2(g.p50Ratio), 8)}${pad('', 8)}${pad(f2(g.p99Ratio), 8)}`,
  ];
}
