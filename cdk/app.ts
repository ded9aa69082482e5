import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Tags, type App, type Environment } from 'aws-cdk-lib';
import { allowOriginSecret, createOriginSecret } from './constructs/origin-secret';
import { acknowledgeNagFindings } from './nag-suppressions';
import { ApiStack } from './stacks/api-stack';
import { AuthStack } from './stacks/auth-stack';
import { DataStack } from './stacks/data-stack';
import { EdgeWafStack, edgeRegion } from './stacks/edge-waf-stack';
import { WebStack, type CustomDomain } from './stacks/web-stack';

/** Stockholm: the closest region to Denmark. */
export const defaultRegion = 'eu-north-1';

export interface BuildAppOptions {
  env?: Environment;
  /** Folder with the built SPA; default `frontend/dist`. */
  webAssetPath?: string;
}

/**
 * The whole deployment: data, auth, API, web. `bin/app.ts` and the CDK tests both build through
 * here, so the tests check the stacks that `cdk synth` makes.
 */
export function buildApp(app: App, { env, webAssetPath }: BuildAppOptions) {
  Tags.of(app).add('project', 'deltag');
  const data = new DataStack(app, 'Deltag-Data', { env, description: 'Deltag: DynamoDB tables' });
  // Set the sender with `-c mailFrom=…` (its domain must be verified in SES); Cognito's mails use it too.
  const mailFrom = (app.node.tryGetContext('mailFrom') as string | undefined) ?? 'deltag@gentofte.dk';
  const auth = new AuthStack(app, 'Deltag-Auth', { env, description: 'Deltag: Cognito user pool, SPA client, role groups', mailFrom });
  const api = new ApiStack(app, 'Deltag-Api', {
    env,
    description: 'Deltag: HTTP API and one Lambda function per feature area',
    tables: data.tables,
    userPool: auth.userPool,
    userPoolClient: auth.userPoolClient,
    mailFrom,
  });
  // The API answers only requests that carry CloudFront's secret header: its own address is no way around the WAF.
  const originSecret = createOriginSecret(api);
  for (const fn of Object.values(api.functions)) allowOriginSecret(fn.fn, originSecret);
  // CloudFront takes only a web ACL from us-east-1; the web stack reads its ARN across regions (Fn::GetStackOutput).
  const edgeWaf = new EdgeWafStack(app, 'Deltag-EdgeWaf', {
    env: { account: env?.account, region: edgeRegion },
    crossRegionReferences: true,
    description: 'Deltag: WAF web ACL in front of CloudFront (us-east-1)',
  });
  const web = new WebStack(app, 'Deltag-Web', {
    env,
    crossRegionReferences: true,
    webAclArn: edgeWaf.webAcl.attrArn,
    originSecret,
    customDomain: customDomainFrom(app),
    description: 'Deltag: CloudFront, SPA bucket, /api/* to the HTTP API',
    httpApi: api.httpApi,
    userPool: auth.userPool,
    userPoolClient: auth.userPoolClient,
    webAssetPath,
  });
  acknowledgeNagFindings({ auth, api, web });
  return { data, auth, api, web, edgeWaf };
}

/** `-c domainName=deltag.gentofte.dk -c certificateArn=arn:aws:acm:us-east-1:…`: both or neither. */
function customDomainFrom(app: App): CustomDomain | undefined {
  const domainName = app.node.tryGetContext('domainName') as string | undefined;
  const certificateArn = app.node.tryGetContext('certificateArn') as string | undefined;
  if (!domainName && !certificateArn) return undefined;
  if (!domainName || !certificateArn) throw new Error('Set both -c domainName=… and -c certificateArn=… (an ACM certificate in us-east-1), or neither.');
  return { domainName, certificateArn };
}

/** The `context` of cdk.json (feature flags), for apps built outside the CDK CLI, such as in tests. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(fileURLToPath(new URL('../cdk.json', import.meta.url)), 'utf8'));
  return cdkJson.context ?? {};
}
