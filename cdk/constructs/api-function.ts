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
import { esbuildTarget, functionPackageJson, lazyBuildArgs, lazyFile, lazyModules, lazyModulesOf, mainFields, requireShim, runtimeModules } from './bundle-options';
import type { HandlerModule } from './handler-modules';
import { grantTableAccess, type TableAccess } from './table-access';

/** Repository root, found from this file so synth works from any working directory. */
const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The project's Lambda defaults for the handler module `functions/src/handlers/<handlerModule>.ts`
 * (exporting `handler`): runtime, architecture, tracing, logs, bundling. The log group is created
 * in `scope`. Every function of the deployment is built from these, and only for the modules listed
 * in handler-modules.ts (which the bundle benchmark measures).
 */
export function handlerFunctionProps(scope: Construct, handlerModule: HandlerModule, environment?: Record<string, string>): NodejsFunctionProps {
  const lazy = lazyModulesOf[handlerModule] ?? [];
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
    // Powertools' service name: the function's key in its logs (functions/src/lib/log.ts). No
    // NODE_OPTIONS=--enable-source-maps: it reads and parses the source map at every cold start
    // (issue 19); the map still ships, to read a logged stack trace against it when one is needed.
    environment: { POWERTOOLS_SERVICE_NAME: `deltag-${handlerModule}`, ...environment },
    bundling: {
      format: OutputFormat.ESM,
      target: esbuildTarget,
      mainFields,
      banner: requireShim,
      minify: true,
      sourceMap: true,
      // File and line, not the source text: keeps the asset small.
      sourcesContent: false,
      // The runtime's AWS SDK, and the heavy parts this function ships as files of their own.
      externalModules: [...runtimeModules, ...lazy],
      ...(lazy.length ? { commandHooks: lazyPartsHooks(lazy) } : {}),
    },
  };
}

/**
 * After the bundle: each heavy part the function ships (bundle-options.ts), built with the same
 * esbuild into `lazy/<name>.mjs`, and the package.json whose `imports` point its name there.
 */
function lazyPartsHooks(lazy: readonly (keyof typeof lazyModules)[]): NonNullable<NonNullable<NodejsFunctionProps['bundling']>['commandHooks']> {
  const esbuild = `${root}node_modules/.bin/esbuild`;
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_input: string, outputDir: string) => [
      ...lazy.map((m) => [`"${esbuild}"`, `"${root}${lazyModules[m]}"`, ...lazyBuildArgs.map((a) => `'${a}'`), `--banner:js="${requireShim}"`, `"--outfile=${outputDir}/${lazyFile(m)}"`].join(' ')),
      `echo '${functionPackageJson(lazy)}' > "${outputDir}/package.json"`,
    ],
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
