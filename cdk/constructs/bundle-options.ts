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
