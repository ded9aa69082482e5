import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { handler as projectSearch } from '#functions/handlers/search-projector';
import { handler as foldVotes } from '#functions/handlers/vote-fold';
import { SHARD_TYPE } from '#functions/adapters/dynamodb/vote-counter';
import { SITE_URL_ENV } from '#functions/adapters/ssm/site-url';
import type { FeatureArea } from '#shared/api/route-meta';
import { bootstrapIdentity, cognitoClient, startCognito } from './cognito';
import { createTables, localCredentials, startRestartableDynamoDb, type DynamoDbFaults } from './dynamodb';
import { startGateway } from './gateway';
import { jwtVerifier } from './jwt';
import { ChildExitedError, ensurePortFree, freePort, type Child } from './processes';
import type { JobTimer } from './job-timer';
import { startDigestTimer } from './digests';
import { startReminderTimer } from './reminders';
import { startRetentionTimer } from './retention';
import { seedLocalStack } from './seed';
import { startStreamPoller } from './stream-poller';
import type { Pool } from './users';

/** What `.local/stack.json` holds: everything a tool or test needs to talk to the running stack. */
export interface StackInfo {
  webUrl: string;
  apiUrl: string;
  dynamodbEndpoint: string;
  cognitoEndpoint: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
}

export interface StackOptions {
  /** Persistent data folder; without it DynamoDB runs in memory and cognito-local in a temp folder. */
  dataDir?: string;
  /** Fixed ports (npm start) or 'auto' (tests: free ports chosen by the OS). */
  ports: { web: number; dynamodb: number; cognito: number } | 'auto';
  /** 'process': the first process when the data is empty; 'demo': a process in full swing (seed.ts). */
  seed: 'none' | 'process' | 'demo';
  /** With 'demo': how many participants to generate besides the named ones (default: a few hundred). */
  demoParticipants?: number;
  webRoot?: string;
  verbose?: boolean;
  onProgress?: (message: string) => void;
  /** Called with every code cognito-local would have emailed (npm start prints them). */
  onCode?: (email: string, code: string) => void;
  /** Run the retention job at start and then this often (npm start: hourly); tests run it themselves. */
  retentionEveryMs?: number;
  /** Run the events' reminder job at start and then this often (npm start: hourly, as in AWS). */
  remindersEveryMs?: number;
  /** Run the digest and alert job at start and then this often (npm start: every 10 minutes; hourly in AWS). */
  digestsEveryMs?: number;
}

export interface RunningStack {
  info: StackInfo;
  pool: Pool;
  /** The last code cognito-local "emailed" to an address (sign-up confirmation, forgotten password). */
  lastCode(email: string): string | undefined;
  /** Where mails to authors land as .eml files. */
  outboxDir: string;
  /** DynamoDB Local stopped, frozen or started again on purpose (test/alone/dynamodb-outage.test.ts). */
  dynamoDbFaults: DynamoDbFaults;
  stop(): Promise<void>;
}

export const REGION = 'eu-north-1';
export const PORT_VARIABLES = { web: 'DELTAG_PORT', dynamodb: 'DELTAG_DYNAMODB_PORT', cognito: 'DELTAG_COGNITO_PORT' } as const;

/**
 * Starts DynamoDB Local, cognito-local and the gateway on 127.0.0.1, creates tables, pool, client
 * and groups from the shared definitions, seeds, and returns the stack's coordinates. `stop()` ends
 * every child process it started, also when starting fails half-way.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  if (options.ports !== 'auto') {
    for (const name of ['web', 'dynamodb', 'cognito'] as const) await ensurePortFree(options.ports[name], PORT_VARIABLES[name]);
    return startOn(options.ports, options);
  }
  // A port the OS calls free can be taken by a stack starting beside this one (tests run files in
  // parallel) before our server binds it; that server then ends at once, and we start again on others.
  for (let attempt = 1; ; attempt++) {
    const ports = { web: await freePort(), dynamodb: await freePort(), cognito: await freePort() };
    try {
      return await startOn(ports, options);
    } catch (error) {
      const portTaken = error instanceof ChildExitedError || (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!portTaken || attempt === 3) throw error;
    }
  }
}

async function startOn(ports: { web: number; dynamodb: number; cognito: number }, options: StackOptions): Promise<RunningStack> {
  const log = options.onProgress ?? (() => undefined);

  const children: Child[] = [];
  let outboxDir = '';
  const codes = new Map<string, string>();
  let server: Server | undefined;
  const timers: JobTimer[] = [];
  const tempDir = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'deltag-'));
  const stop = async () => {
    await Promise.all(timers.map((t) => t.stop()));
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server?.closeAllConnections();
    await Promise.all(children.map((c) => c.stop()));
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    const dynamoDir = options.dataDir ? join(options.dataDir, 'dynamodb') : undefined;
    const cognitoDir = options.dataDir ? join(options.dataDir, 'cognito') : join(tempDir!, 'cognito');
    outboxDir = join(options.dataDir ?? tempDir!, 'outbox');
    for (const dir of [dynamoDir, cognitoDir]) if (dir) mkdirSync(dir, { recursive: true });

    log('starting DynamoDB Local and cognito-local');
    const [dynamo, cognito] = await Promise.all([
      startRestartableDynamoDb({ port: ports.dynamodb, dataDir: dynamoDir, verbose: options.verbose }).then((r) => (children.push(r.child), r)),
      startCognito({
        port: ports.cognito,
        dataDir: cognitoDir,
        verbose: options.verbose,
        onCode: (email, code) => {
          codes.set(email.toLowerCase(), code);
          options.onCode?.(email, code);
        },
      }).then((r) => (children.push(r.child), r)),
    ]);
    await createTables(dynamo.endpoint);
    const { userPoolId, userPoolClientId } = await bootstrapIdentity(cognito.endpoint);

    // The handlers read their configuration from the environment, as in Lambda.
    const webUrl = `http://127.0.0.1:${ports.web}`;
    Object.assign(process.env, {
      [mainTable.envVar]: mainTable.localName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
      USER_POOL_ID: userPoolId,
      USER_POOL_CLIENT_ID: userPoolClientId,
      COGNITO_ENDPOINT: cognito.endpoint,
      // Mail to authors lands here as .eml files instead of going out (SES in AWS).
      OUTBOX_DIR: outboxDir,
      // Links that leave the site (mails, export files) start with the gateway's address (SSM in AWS).
      [SITE_URL_ENV]: webUrl,
    });

    // Before anything writes: from here every write reaches search, as the table's stream feeds the projector in AWS.
    timers.push(await startStreamPoller({ endpoint: dynamo.endpoint, region: REGION, credentials: localCredentials, table: mainTable.localName, handler: projectSearch, log }));
    // A viral idea's counter shards are folded into its count the same way (issue 19, handlers/vote-fold.ts).
    timers.push(await startStreamPoller({ endpoint: dynamo.endpoint, region: REGION, credentials: localCredentials, table: mainTable.localName, handler: foldVotes, log, types: [SHARD_TYPE] }));

    const client = createDocumentClient(dynamo.endpoint);
    const pool: Pool = { client: cognitoClient(cognito.endpoint), userPoolId, userPoolClientId };
    if (options.seed !== 'none') await seedLocalStack(client, mainTable.localName, pool, { kind: options.seed, participants: options.demoParticipants, log });

    server = await startGateway({
      port: ports.web,
      webRoot: options.webRoot ?? resolve('frontend/dist'),
      webConfig: { apiBase: '/api', region: REGION, userPoolId, userPoolClientId, cognitoEndpoint: cognito.endpoint },
      verify: jwtVerifier({ issuer: `${cognito.endpoint}/${userPoolId}`, audience: [userPoolClientId] }),
      loadHandler: async (area: FeatureArea) => ((await import(`../../functions/src/handlers/${area}.ts`)) as { handler: never }).handler,
    });

    if (options.retentionEveryMs) timers.push(startRetentionTimer(options.retentionEveryMs, log));
    if (options.remindersEveryMs) timers.push(startReminderTimer(options.remindersEveryMs, log));
    if (options.digestsEveryMs) timers.push(startDigestTimer(options.digestsEveryMs, log));

    return {
      info: {
        webUrl,
        apiUrl: `${webUrl}/api`,
        dynamodbEndpoint: dynamo.endpoint,
        cognitoEndpoint: cognito.endpoint,
        region: REGION,
        userPoolId,
        userPoolClientId,
      },
      pool,
      lastCode: (email) => codes.get(email.toLowerCase()),
      outboxDir,
      dynamoDbFaults: dynamo.faults,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
