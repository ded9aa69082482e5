import { fileURLToPath } from 'node:url';
import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FeatureArea } from '#shared/api/route-meta';
import type { TableDef } from '#functions/adapters/dynamodb/tables';
import { SITE_URL_PARAMETER_ENV } from '#functions/adapters/ssm/site-url';
import { grantTableAccess, type TableAccess } from './table-access';

/** Repository root, found from this file so synth works from any working directory. */
const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * ESM bundles have no `require`; CommonJS dependencies bundled into them still call it for Node
 * built-ins, which fails at runtime ("Dynamic require of … is not supported"). Single quotes only:
 * the CDK passes the banner to esbuild through a double-quoted shell argument.
 */
const requireShim = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * The project's Lambda defaults for the handler module `functions/src/handlers/<handlerModule>.ts`
 * (exporting `handler`): runtime, architecture, tracing, logs, bundling. The log group is created
 * in `scope`. Every function of the deployment is built from these.
 */
export function handlerFunctionProps(scope: Construct, handlerModule: string, environment?: Record<string, string>): NodejsFunctionProps {
  return {
    entry: `${root}functions/src/handlers/${handlerModule}.ts`,
    handler: 'handler',
    projectRoot: root,
    depsLockFilePath: `${root}package-lock.json`,
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: 512,
    timeout: Duration.seconds(10),
    tracing: Tracing.ACTIVE,
    // Created explicitly so retention is set without the LogRetention custom resource.
    logGroup: new LogGroup(scope, 'Logs', { retention: RetentionDays.ONE_MONTH }),
    // Powertools' service name: the function's key in its logs and X-Ray traces (functions/src/lib/log.ts, tracer.ts).
    environment: { NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_SERVICE_NAME: `deltag-${handlerModule}`, ...environment },
    bundling: {
      format: OutputFormat.ESM,
      target: 'node24',
      // Prefer packages' ESM builds; fall back to CommonJS.
      mainFields: ['module', 'main'],
      banner: requireShim,
      minify: true,
      sourceMap: true,
      // Stack traces need file and line, not the source text: keeps the bundle small.
      sourcesContent: false,
      // The nodejs24.x runtime ships AWS SDK v3.
      externalModules: ['@aws-sdk/*'],
    },
  };
}

export interface ApiFunctionProps {
  area: FeatureArea;
  environment?: Record<string, string>;
  /** For an area whose work is heavier than a request's (the export renders the frozen annex's PDF). */
  memorySize?: number;
  timeout?: Duration;
}

/**
 * One Lambda function per feature area, with the project's defaults in one place. Entry is
 * `functions/src/handlers/<area>.ts`, exporting `handler`.
 */
export class ApiFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    this.fn = new NodejsFunction(this, 'Fn', {
      ...handlerFunctionProps(this, props.area, props.environment),
      ...(props.memorySize ? { memorySize: props.memorySize } : {}),
      ...(props.timeout ? { timeout: props.timeout } : {}),
    });
  }

  /**
   * Puts the physical table name in `def.envVar` and grants the function what `access` says on the
   * table (see table-access.ts); `undefined`: the name only, for a function that never reads the table.
   */
  bindTable(table: ITable, def: TableDef, access: TableAccess | undefined): void {
    this.fn.addEnvironment(def.envVar, table.tableName);
    if (access) grantTableAccess(this.fn, table, access);
  }

  /**
   * For functions whose links leave the site (mails, export files): the name of the SSM parameter that
   * holds the site's address, and ssm:GetParameter on that one parameter. The ARN is built from the
   * name, not taken from the web stack's construct: the web stack depends on this one, so a reference
   * back would be a cycle.
   */
  readSiteUrlFrom(parameterName: `/${string}`): void {
    allowSiteUrl(this.fn, parameterName);
  }
}

/** The SSM parameter's name in the environment and ssm:GetParameter on that one parameter. */
export function allowSiteUrl(fn: NodejsFunction, parameterName: `/${string}`): void {
  const stack = Stack.of(fn);
  fn.addEnvironment(SITE_URL_PARAMETER_ENV, parameterName);
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['ssm:GetParameter'],
      resources: [`arn:${stack.partition}:ssm:${stack.region}:${stack.account}:parameter${parameterName}`],
    }),
  );
}

/** Mail from `mailFrom` (MAIL_FROM) through SES, on the identity of its domain only. */
export function allowMail(fn: NodejsFunction, mailFrom: string): void {
  const stack = Stack.of(fn);
  fn.addEnvironment('MAIL_FROM', mailFrom);
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [`arn:${stack.partition}:ses:${stack.region}:${stack.account}:identity/${mailFrom.split('@')[1]}`],
    }),
  );
}
