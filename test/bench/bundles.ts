import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { esbuildTarget, functionPackageJson, lazyFile, lazyModules, lazyModulesOf, mainFields, requireShim, runtimeModules, type LazyModule } from '../../cdk/constructs/bundle-options';
import { handlerModules, type HandlerModule } from '../../cdk/constructs/handler-modules';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { atMost, TARGETS, type TargetCheck } from './report';
import { median, ratio, round } from './stats';

/**
 * Every function the CDK app builds (cdk/constructs/handler-modules.ts, the list `handlerFunctionProps`
 * accepts), bundled with the construct's own options (cdk/constructs/bundle-options.ts), then per bundle:
 * its size, and in a fresh `node` process per sample
 * - importMs: the time `await import(bundle)` takes (the module graph evaluated: the SDK client, the
 *   middy chains and everything else the handler module builds at top level);
 * - importCpuMs: the CPU time (user + system) the process spent in that import, which other work on a
 *   shared machine moves less than the wall time (reported beside it; the target is on importMs);
 * - initMs: from the process's time origin (its start) until that import has resolved, i.e. Node's
 *   own start-up plus importMs: the part of a Lambda cold start's INIT the code decides, short of the
 *   runtime's own bootstrap (which is the same for every function);
 * against a baseline module that only imports and constructs the DynamoDB document client. Both run
 * with no Node options, as the functions now do (NODE_OPTIONS=--enable-source-maps made Node read and
 * parse each bundle's source map at start; a side-by-side try on this shared machine was too noisy to
 * put a figure on it). Medians of `runs` samples, the order rotated per run.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.bench', 'bundles');

const BASELINE = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT }));
`;

export interface BundleResult {
  name: string;
  bytes: number;
  importMs: number;
  importRatio: number;
  initMs: number;
  initRatio: number;
  /** CPU time of the import (user + system), less moved than wall time by other work on a shared machine. */
  importCpuMs: number;
  importCpuRatio: number;
  /** Biggest contributors to the minified output, by package (or source folder). */
  topInputs: { input: string; bytes: number }[];
  /** Heavy parts shipped beside the bundle (cdk/constructs/bundle-options.ts): their size, and the median time their first use takes to load them. */
  lazy: { module: string; bytes: number; loadMs: number }[];
}

export interface BundlesResult {
  runs: number;
  node: string;
  baseline: { importMs: number; initMs: number; importCpuMs: number; samples: number[] };
  bundles: BundleResult[];
  /** Handler modules in the list whose source file does not exist (yet): not measured. */
  missing: string[];
}

const esbuildOptions = (entry: string, outfile: string, external: string[]) => ({
  absWorkingDir: ROOT,
  entryPoints: [join(ROOT, entry)],
  bundle: true,
  outfile,
  format: 'esm' as const,
  platform: 'node' as const,
  target: esbuildTarget,
  mainFields,
  banner: { js: requireShim },
  minify: true,
  // As deployed: a source map beside the file (not loaded at run time without --enable-source-maps).
  sourcemap: true,
  sourcesContent: false,
  external,
  metafile: true,
  logLevel: 'warning' as const,
});

/**
 * One function the way NodejsFunction and its after-bundling step build it (cdk/constructs/api-function.ts):
 * the bundle, each heavy part it ships as `lazy/<name>.mjs`, and the package.json that names them.
 */
export async function bundleHandler(name: HandlerModule, outfile: string) {
  const lazy = lazyModulesOf[name] ?? [];
  const result = await build(esbuildOptions(`functions/src/handlers/${name}.ts`, outfile, [...runtimeModules, ...lazy]));
  const dir = dirname(outfile);
  const chunks: { module: LazyModule; file: string; bytes: number }[] = [];
  for (const module of lazy) {
    const file = join(dir, lazyFile(module));
    await build(esbuildOptions(lazyModules[module], file, runtimeModules));
    chunks.push({ module, file, bytes: statSync(file).size });
  }
  writeFileSync(join(dir, 'package.json'), functionPackageJson(lazy));
  return { metafile: result.metafile!, chunks };
}

export async function measureBundles(options: { runs: number; dynamodbEndpoint: string; log: (m: string) => void; only?: string[] }): Promise<BundlesResult> {
  rmSync(OUT, { recursive: true, force: true });
  const wanted = options.only?.length ? handlerModules.filter((m) => options.only!.includes(m)) : handlerModules;
  const missing = wanted.filter((m) => !existsSync(join(ROOT, 'functions/src/handlers', `${m}.ts`)));
  if (missing.length) options.log(`bundles: NOT measured, no source yet: ${missing.join(', ')}`);
  const built: { name: string; file: string; bytes: number; metafile: Metafile; chunks: { module: LazyModule; file: string; bytes: number }[] }[] = [];
  for (const name of wanted.filter((m) => !missing.includes(m))) {
    const outfile = join(OUT, name, 'index.mjs');
    const { metafile, chunks } = await bundleHandler(name, outfile);
    built.push({ name, file: outfile, bytes: statSync(outfile).size, metafile, chunks });
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
    // Only handed to the client's constructor: importing a bundle makes no request.
    DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
    DELTAG_LOG: 'silent',
  };
  // A heavy part's first use: a module in the function's folder imports it by its name, as the code does.
  const lazyTargets = built.flatMap((b) =>
    b.chunks.map((c) => {
      const probe = join(dirname(b.file), `probe-${lazyFile(c.module).slice(5)}`);
      writeFileSync(probe, `await import(${JSON.stringify(c.module)});\n`);
      return { name: `${b.name} ${c.module}`, file: probe };
    }),
  );
  const targets = [{ name: 'baseline', file: baselineFile }, ...built, ...lazyTargets];
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.name, []]));
  for (let run = 0; run < options.runs; run++) {
    // Rotate the order per run so drift on this shared machine spreads over every target.
    for (let k = 0; k < targets.length; k++) {
      const t = targets[(k + run) % targets.length]!;
      samples.get(t.name)!.push(await importTime(t.file, env));
    }
  }
  const med = (name: string, key: keyof Sample) => median(samples.get(name)!.map((s) => s[key]));
  const baseImport = med('baseline', 'importMs');
  const baseInit = med('baseline', 'initMs');
  const baseCpu = med('baseline', 'cpuMs');
  const bundles: BundleResult[] = built.map((b) => {
    const importMs = med(b.name, 'importMs');
    const initMs = med(b.name, 'initMs');
    return {
      name: b.name,
      bytes: b.bytes,
      importMs: round(importMs),
      importRatio: ratio(importMs, baseImport),
      initMs: round(initMs),
      initRatio: ratio(initMs, baseInit),
      importCpuMs: round(med(b.name, 'cpuMs')),
      importCpuRatio: ratio(med(b.name, 'cpuMs'), baseCpu),
      topInputs: topInputs(b.metafile),
      lazy: b.chunks.map((c) => ({ module: c.module, bytes: c.bytes, loadMs: round(med(`${b.name} ${c.module}`, 'importMs')) })),
    };
  });
  return {
    runs: options.runs,
    node: NODE === process.execPath ? process.version : execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim(),
    baseline: { importMs: round(baseImport), initMs: round(baseInit), importCpuMs: round(baseCpu), samples: samples.get('baseline')!.map((x) => round(x.importMs)) },
    bundles,
    missing,
  };
}

interface Sample {
  importMs: number;
  initMs: number;
  cpuMs: number;
}

/** Lambda's Node: the project's Node 24 (devDependency `node`) even when this runs under the machine's own. */
const NODE = existsSync(join(ROOT, 'node_modules/node/bin/node')) ? join(ROOT, 'node_modules/node/bin/node') : process.execPath;

/** Spawns `node --input-type=module -e …`: the import's own time, and the time since the process started. */
function importTime(file: string, env: NodeJS.ProcessEnv): Promise<Sample> {
  const code = `const c=process.cpuUsage(); const t=performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); const e=performance.now(); const u=process.cpuUsage(c); console.log(JSON.stringify({importMs:e-t,initMs:e,cpuMs:(u.user+u.system)/1000}))`;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(NODE, ['--input-type=module', '-e', code], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('exit', (status) => {
      clearTimeout(timer);
      let sample: Sample | undefined;
      try {
        sample = JSON.parse(out.trim().split('\n').pop() ?? '') as Sample;
      } catch {
        sample = undefined;
      }
      if (status !== 0 || !sample || !Number.isFinite(sample.importMs)) reject(new Error(`importing ${file} failed (exit ${status}): ${err.slice(0, 500)}`));
      else resolvePromise(sample);
    });
  });
}

function topInputs(metafile: Metafile, n = 5) {
  const byGroup = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      const group = pkg ?? input.split('/').slice(0, 3).join('/');
      byGroup.set(group, (byGroup.get(group) ?? 0) + bytesInOutput);
    }
  }
  return [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, n).map(([input, bytes]) => ({ input, bytes }));
}

/** The issue's targets per function: bytes ≤ 250 kB, import ≤ 1.3× the SDK-only baseline. */
export function checksBundles(result: BundlesResult, targets = { bundleBytes: TARGETS.bundleBytes, importRatio: TARGETS.importRatio }): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const b of result.bundles) {
    checks.push(atMost(`bundles.${b.name}.bytes`, b.bytes, targets.bundleBytes));
    checks.push(atMost(`bundles.${b.name}.importRatio`, b.importRatio, targets.importRatio));
  }
  for (const m of result.missing) checks.push({ name: `bundles.${m}.measured`, value: false, target: 'true', pass: false });
  return checks;
}

/** The table's lines: one per function, with its INIT figure and its biggest inputs. */
export function formatBundles(result: BundlesResult): string[] {
  const f = (x: number) => x.toFixed(1);
  const lines = [
    `bundles (${result.runs} fresh processes each, node ${result.node}; baseline SDK-only: import ${f(result.baseline.importMs)} ms, init ${f(result.baseline.initMs)} ms, import CPU ${f(result.baseline.importCpuMs)} ms)`,
    `${'function'.padEnd(18)}${'bytes'.padStart(9)}${'import ms'.padStart(11)}${'ratio'.padStart(7)}${'init ms'.padStart(9)}${'ratio'.padStart(7)}${'cpu ms'.padStart(8)}${'ratio'.padStart(7)}  biggest inputs`,
  ];
  for (const x of result.bundles) {
    lines.push(
      `${x.name.padEnd(18)}${String(x.bytes).padStart(9)}${f(x.importMs).padStart(11)}${x.importRatio.toFixed(2).padStart(7)}${f(x.initMs).padStart(9)}${x.initRatio.toFixed(2).padStart(7)}${f(x.importCpuMs).padStart(8)}${x.importCpuRatio.toFixed(2).padStart(7)}  ${x.topInputs.map((i) => `${i.input} ${Math.round(i.bytes / 1000)}k`).join(', ')}`,
    );
  }
  for (const x of result.bundles) {
    for (const l of x.lazy) lines.push(`  ${x.name}: ${l.module} ships as its own file, ${l.bytes} bytes, loaded by its first use in ${f(l.loadMs)} ms`);
  }
  if (result.missing.length) lines.push(`not measured (no source yet): ${result.missing.join(', ')}`);
  return lines;
}
