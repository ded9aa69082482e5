import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { featureAreas } from '#shared/api/route-meta';
import { routeList } from '#shared/api/routes';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { median, ratio, round } from './stats';

/**
 * One bundle per feature area, built the way `cdk/constructs/api-function.ts` has NodejsFunction
 * build it (ESM, minify, target node24, platform node, main fields module,main, the require banner,
 * external @aws-sdk/*, source map without sources), then its size and the median time to import it
 * in a fresh Node process, against an empty module that imports and constructs the SDK client.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.bench', 'bundles');

/** The banner, read from the construct itself so the two cannot drift apart. */
function requireShim(): string {
  const source = readFileSync(join(ROOT, 'cdk/constructs/api-function.ts'), 'utf8');
  const m = /const requireShim =\s*"([^"]*)"/.exec(source);
  if (!m) throw new Error('could not find requireShim in cdk/constructs/api-function.ts');
  return m[1]!;
}

const BASELINE = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT }));
`;

export interface BundleResult {
  name: string;
  bytes: number;
  importMs: number;
  importRatio: number;
  /** Biggest contributors to the minified output, by package (or source folder). */
  topInputs: { input: string; bytes: number }[];
}

export async function measureBundles(options: { runs: number; dynamodbEndpoint: string; log: (m: string) => void }) {
  rmSync(OUT, { recursive: true, force: true });
  const areas = featureAreas.filter((a) => routeList.some((r) => r.area === a));
  const banner = requireShim();
  const built: { name: string; file: string; bytes: number; metafile: Metafile }[] = [];
  for (const area of areas) {
    const outfile = join(OUT, area, 'index.mjs');
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [join(ROOT, 'functions/src/handlers', `${area}.ts`)],
      bundle: true,
      outfile,
      format: 'esm',
      platform: 'node',
      target: 'node24',
      mainFields: ['module', 'main'],
      banner: { js: banner },
      minify: true,
      sourcemap: true,
      sourcesContent: false,
      external: ['@aws-sdk/*'],
      metafile: true,
      logLevel: 'warning',
    });
    built.push({ name: area, file: outfile, bytes: statSync(outfile).size, metafile: result.metafile });
  }
  const baselineFile = join(OUT, 'baseline', 'index.mjs');
  mkdirSync(join(OUT, 'baseline'), { recursive: true });
  writeFileSync(baselineFile, BASELINE);
  options.log(`bundles: built ${built.length} (${built.map((b) => `${b.name} ${b.bytes}`).join(', ')})`);

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    [mainTable.envVar]: mainTable.localName,
    AWS_REGION: 'eu-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
  };
  const targets = [{ name: 'baseline', file: baselineFile }, ...built];
  const times = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  for (let run = 0; run < options.runs; run++) {
    // Rotate the order per run so drift on this shared machine spreads over every target.
    for (let k = 0; k < targets.length; k++) {
      const t = targets[(k + run) % targets.length]!;
      times.get(t.name)!.push(await importTime(t.file, env));
    }
  }
  const baselineMs = median(times.get('baseline')!);
  const bundles: BundleResult[] = built.map((b) => {
    const ms = median(times.get(b.name)!);
    return { name: b.name, bytes: b.bytes, importMs: round(ms), importRatio: ratio(ms, baselineMs), topInputs: topInputs(b.metafile) };
  });
  return { runs: options.runs, node: process.version, baseline: { importMs: round(baselineMs), samples: times.get('baseline')!.map((x) => round(x)) }, bundles };
}

/** Spawns `node --input-type=module -e …` and returns the import time it prints (ms). */
function importTime(file: string, env: NodeJS.ProcessEnv): Promise<number> {
  const code = `const t=performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now()-t)`;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('exit', (status) => {
      clearTimeout(timer);
      const ms = Number.parseFloat(out.trim().split('\n').pop() ?? '');
      if (status !== 0 || !Number.isFinite(ms)) reject(new Error(`importing ${file} failed (exit ${status}): ${err.slice(0, 500)}`));
      else resolvePromise(ms);
    });
  });
}

function topInputs(metafile: Metafile, n = 4) {
  const byGroup = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      const group = pkg ?? input.split('/').slice(0, 2).join('/');
      byGroup.set(group, (byGroup.get(group) ?? 0) + bytesInOutput);
    }
  }
  return [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, n).map(([input, bytes]) => ({ input, bytes }));
}
