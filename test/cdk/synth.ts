import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { buildApp, cdkJsonContext, defaultRegion } from '../../cdk/app';

/**
 * The deployment as `cdk synth` builds it (same builder, cdk.json feature flags), minus esbuild:
 * bundling is skipped for every stack, so a synth takes seconds and needs no handler build.
 */
export function testApp(context: Record<string, unknown> = {}, outdir?: string) {
  const app = new App({
    outdir,
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context },
  });
  const stacks = buildApp(app, {
    env: { region: defaultRegion },
    webAssetPath: fileURLToPath(new URL('../fixtures/web', import.meta.url)),
  });
  return { app, ...stacks };
}
