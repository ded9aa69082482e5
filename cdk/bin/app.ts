import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { buildApp, defaultRegion } from '../app';
import { defaultWebAssetPath } from '../stacks/web-stack';

const root = fileURLToPath(new URL('../../', import.meta.url));

// A fresh clone has no SPA build yet; build it once so `npx cdk synth` works right after `npm install`.
if (!existsSync(join(defaultWebAssetPath, 'index.html'))) {
  console.error(`No SPA build in ${defaultWebAssetPath}: running npm run build:web`);
  try {
    execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
  } catch {
    console.error('npm run build:web failed (see above); the web stack needs the built SPA.');
    process.exit(1);
  }
}

const app = new App();
buildApp(app, {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? defaultRegion },
});

// cdk-nag findings (the AwsSolutions and Serverless packs) fail the synth (CDK policy validation). The accepted ones are acknowledged with their
// reasons in cdk/nag-suppressions.ts, so a failure is a new finding. On demand here (`DELTAG_NAG=1 npx cdk
// synth`) to keep the synth quick; test/cdk/nag.test.ts runs the checks on every `npm test`.
if (process.env.DELTAG_NAG === '1') {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}
