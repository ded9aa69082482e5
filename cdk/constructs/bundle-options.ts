import type { HandlerModule } from './handler-modules';

/**
 * How every Lambda function is bundled, as plain data: `api-function.ts` hands it to NodejsFunction and
 * the bundle benchmark (test/bench/bundles.ts) to esbuild, so what is measured is what is deployed.
 * No CDK import here: the benchmark loads this without aws-cdk-lib.
 */

/**
 * ESM bundles have no `require`; CommonJS dependencies bundled into them still call it for Node
 * built-ins, which fails at runtime ("Dynamic require of … is not supported"). Single quotes only:
 * the CDK passes the banner to esbuild through a double-quoted shell argument.
 */
export const requireShim = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** The nodejs24.x runtime ships AWS SDK v3: never bundled. */
export const runtimeModules = ['@aws-sdk/*'];

export const esbuildTarget = 'node24';
/** Prefer packages' ESM builds; fall back to CommonJS. */
export const mainFields = ['module', 'main'];

/**
 * Heavy parts that only some requests need, each imported where it is used with `await import('#…')`
 * (the package.json `imports` name, the same in the source and in the function). NodejsFunction makes
 * one file and cannot split, so a function that uses one ships it as a second file beside its bundle
 * (`lazy/<name>.mjs`, built after the bundle with the same options), and a package.json in the
 * function whose `imports` point the name at that file. Node reads the file on the first request that
 * needs it, never at a cold start. Locally the name resolves to the source (the repository's
 * package.json), so tests and the local stack run the same code.
 */
export const lazyModules = {
  // exceljs (~1 MB minified with jszip and its helpers): only an XLSX download needs it.
  '#functions/domain/export/xlsx': 'functions/src/domain/export/xlsx.ts',
  // pdf-lib and its fonts (~400 kB): only freezing the committee annex renders a PDF.
  '#functions/domain/export/annex-pdf': 'functions/src/domain/export/annex-pdf.ts',
  // Every route's zod schemas: only GET /api/openapi.json needs them, not the meta function's 404s.
  '#shared/api/openapi': 'shared/api/openapi.ts',
  // The search engine and its Danish stemmer (@nlpjs, ~40 kB): a cold start that opens an idea or a list does
  // not search; the first search or similar-ideas check loads it (~5 ms), beside an index build of ~0.5 s.
  '#functions/domain/search/engine': 'functions/src/domain/search/engine.ts',
} as const;
export type LazyModule = keyof typeof lazyModules;

/** Which function ships which heavy part (a function not listed here bundles one it imports inline). */
export const lazyModulesOf: Partial<Record<HandlerModule, LazyModule[]>> = {
  meta: ['#shared/api/openapi'],
  ideas: ['#functions/domain/search/engine'],
  moderation: ['#functions/domain/search/engine'],
  // The hide job's worker shares moderation's wiring (handlers/moderation-wiring.ts) and never searches.
  'hide-job': ['#functions/domain/search/engine'],
  export: ['#functions/domain/export/xlsx', '#functions/domain/export/annex-pdf'],
  surveys: ['#functions/domain/export/xlsx'],
  consultations: ['#functions/domain/export/xlsx'],
  events: ['#functions/domain/export/xlsx'],
};

/** The file of a heavy part, relative to the function's bundle. */
export const lazyFile = (module: LazyModule) => `lazy/${module.split('/').pop()}.mjs`;

/** The function's package.json: ESM, and each shipped part's name → its file. */
export const functionPackageJson = (modules: readonly LazyModule[]) =>
  JSON.stringify({ type: 'module', imports: Object.fromEntries(modules.map((m) => [m, `./${lazyFile(m)}`])) });

/** esbuild's command-line options for a heavy part's file, as for the bundle itself. */
export const lazyBuildArgs = [
  '--bundle',
  '--format=esm',
  '--platform=node',
  `--target=${esbuildTarget}`,
  `--main-fields=${mainFields.join(',')}`,
  '--minify',
  '--sourcemap',
  '--sources-content=false',
  ...runtimeModules.map((m) => `--external:${m}`),
  '--log-level=warning',
];
