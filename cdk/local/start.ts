// `npm start`: the whole product on this machine, on 127.0.0.1. Ctrl-C stops every child process.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoAccounts } from './demo-data';
import { DEMO_PASSWORD } from './seed';
import { PortInUseError } from './processes';
import { PORT_VARIABLES, startStack } from './stack';

const args = new Set(process.argv.slice(2));
const demo = args.has('--demo');
const verbose = args.has('--verbose');
const dataDir = resolve(process.env.DELTAG_DATA_DIR ?? '.data');
const port = (name: keyof typeof PORT_VARIABLES, fallback: number) => Number(process.env[PORT_VARIABLES[name]] ?? fallback);

if (!existsSync(resolve('frontend/dist/index.html'))) {
  console.error('The SPA is not built: run `npm run build:web` (npm start does this for you).');
  process.exit(1);
}

try {
  const stack = await startStack({
    dataDir,
    ports: { web: port('web', 3000), dynamodb: port('dynamodb', 8000), cognito: port('cognito', 9229) },
    seed: demo ? 'demo' : 'process',
    verbose,
    onProgress: (m) => console.log(`· ${m}`),
    // No email leaves this machine: the codes Cognito would mail are shown here instead. Accounts the
    // stack creates itself (the demo's, `npm run users`) are confirmed already and get none.
    onCode: (email, code) => console.log(`✉ code for ${email}: ${code}`),
    // The data-retention job, as EventBridge Scheduler runs it nightly in AWS (also: npm run retention).
    retentionEveryMs: 60 * 60 * 1000,
    // The events' reminders the day before, as EventBridge Scheduler runs them hourly in AWS (also: npm run reminders).
    remindersEveryMs: 60 * 60 * 1000,
    // The follow digests and staff alerts, hourly in AWS; every 10 minutes here so a demo sees its mail soon (also: npm run digests).
    digestsEveryMs: 10 * 60 * 1000,
  });
  mkdirSync('.local', { recursive: true });
  writeFileSync('.local/stack.json', `${JSON.stringify(stack.info, null, 2)}\n`);

  console.log(`
Deltag is running: ${stack.info.webUrl}
  API        ${stack.info.apiUrl}  (OpenAPI: ${stack.info.apiUrl}/openapi.json)
  DynamoDB   ${stack.info.dynamodbEndpoint}  (data in ${dataDir})
  Cognito    ${stack.info.cognitoEndpoint}  (pool ${stack.info.userPoolId})
  Outbox     ${stack.outboxDir}  (mails to authors, one .eml file each)
  Details in .local/stack.json. Create a user: npm run users -- create --email you@example.dk --password '…'
  An admin, or another process from a file: npm run setup -- --stage local --admin-email you@example.dk --admin-password '…' [--process file.json]`);
  if (demo) {
    const emails = (people: readonly { email: string }[]) => people.map((p) => p.email).join(', ');
    const staff = demoAccounts.staff.map((p) => `${p.email} (${p.role})`).join(', ');
    console.log(`  Demo accounts, all with the password ${DEMO_PASSWORD}:
    participants ${emails(demoAccounts.participants)} and a few hundred more (<name>.<nnn>.demo@example.dk or .com)
    staff        ${staff}`);
  }
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof PortInUseError) {
    console.error(error.message);
  } else {
    console.error(`Could not start: ${(error as Error).message}`);
  }
  process.exit(1);
}
