import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { buildApp, cdkJsonContext, defaultRegion } from '../app';
import type { TemplateJson } from './inventory';

/**
 * Every stack's template as `cdk synth` builds it, offline and without esbuild (bundling skipped for all
 * stacks, as in the CDK tests): the bill counts alarms, rules, keys and functions from these.
 */
export function synthTemplates(): TemplateJson[] {
  const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
  // The site's files do not change the resources; the test fixture spares a web build.
  buildApp(app, { env: { region: defaultRegion }, webAssetPath: fileURLToPath(new URL('../../test/fixtures/web', import.meta.url)) });
  const assembly = app.synth();
  return assembly.stacks.map((s) => s.template as TemplateJson);
}
