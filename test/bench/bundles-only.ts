/**
 * The bundle measurement alone: `node --import tsx test/bench/bundles-only.ts [name …]` builds every
 * function the CDK app builds (or the named ones), times their cold imports against the SDK-only
 * baseline, prints the table with PASS/MISS per target and writes `.bench/bundles.json`.
 * BUNDLE_RUNS sets the samples per function (default 15, as `npm run bench`).
 *
 * No local stack: importing a bundle makes no request (the SDK client only keeps its endpoint), so the
 * endpoint below is a loopback address nothing is asked at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checksBundles, formatBundles, measureBundles } from './bundles';

const ROOT = resolve(import.meta.dirname, '../..');
const runs = Number(process.env.BUNDLE_RUNS ?? 15);
const result = await measureBundles({ runs, dynamodbEndpoint: 'http://127.0.0.1:8000', log: (m) => console.error(m), only: process.argv.slice(2) });
const checks = checksBundles(result);
mkdirSync(join(ROOT, '.bench'), { recursive: true });
writeFileSync(join(ROOT, '.bench', 'bundles.json'), JSON.stringify({ at: new Date().toISOString(), ...result, checks }, null, 2));
console.log(formatBundles(result).join('\n'));
const missed = checks.filter((c) => !c.pass);
console.log(`\n${checks.length - missed.length}/${checks.length} targets met${missed.length ? `; missed: ${missed.map((c) => `${c.name} ${c.value} (${c.target}${c.missBy !== undefined ? `, by ${Math.round(c.missBy * 100)} %` : ''})`).join('; ')}` : ''}`);
