// `npm run reminders`: runs the events' reminder job once against the running local stack
// (.local/stack.json) and prints what it mailed (to the outbox). In AWS, EventBridge Scheduler runs it hourly.
import { resolve } from 'node:path';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { SITE_URL_ENV } from '#functions/adapters/ssm/site-url';
import { connectLocal } from './connect';
import { describeReminders, runReminders } from './reminders';

try {
  const { info } = connectLocal();
  // The handler reads its table, endpoint, outbox and site address from the environment, as in Lambda.
  Object.assign(process.env, {
    [mainTable.envVar]: mainTable.localName,
    DYNAMODB_ENDPOINT: info.dynamodbEndpoint,
    OUTBOX_DIR: resolve(process.env.DELTAG_DATA_DIR ?? '.data', 'outbox'),
    [SITE_URL_ENV]: info.webUrl,
    DELTAG_LOG: 'silent',
  });
  const lines = describeReminders(await runReminders());
  for (const line of lines.length ? lines : ['reminders: no event starts within a day that is not reminded yet']) console.log(line);
} catch (error) {
  console.error(`reminders: ${(error as Error).message}`);
  process.exit(1);
}
