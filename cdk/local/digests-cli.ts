// `npm run digests`: runs the digest and alert job once against the running local stack
// (.local/stack.json) and prints what it mailed (to the outbox). In AWS, EventBridge Scheduler runs it hourly.
import { resolve } from 'node:path';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { SITE_URL_ENV } from '#functions/adapters/ssm/site-url';
import { connectLocal } from './connect';
import { describeDigests, runDigests } from './digests';

try {
  const { info } = connectLocal();
  // The handler reads its table, endpoints, outbox and site address from the environment, as in Lambda.
  Object.assign(process.env, {
    [mainTable.envVar]: mainTable.localName,
    DYNAMODB_ENDPOINT: info.dynamodbEndpoint,
    USER_POOL_ID: info.userPoolId,
    COGNITO_ENDPOINT: info.cognitoEndpoint,
    OUTBOX_DIR: resolve(process.env.DELTAG_DATA_DIR ?? '.data', 'outbox'),
    [SITE_URL_ENV]: info.webUrl,
    DELTAG_LOG: 'silent',
  });
  const lines = describeDigests(await runDigests());
  for (const line of lines.length ? lines : ['digests: nothing new to tell anyone']) console.log(line);
} catch (error) {
  console.error(`digests: ${(error as Error).message}`);
  process.exit(1);
}
