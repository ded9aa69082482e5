// `npm run retention`: runs the data-retention job once against the running local stack
// (.local/stack.json) and prints what it erased. In AWS, EventBridge Scheduler runs it every night.
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { connectLocal } from './connect';
import { describeRun, runRetention } from './retention';

try {
  const { info } = connectLocal();
  // The handler reads its table and endpoint from the environment, as in Lambda.
  Object.assign(process.env, { [mainTable.envVar]: mainTable.localName, DYNAMODB_ENDPOINT: info.dynamodbEndpoint, DELTAG_LOG: 'silent' });
  for (const line of describeRun(await runRetention())) console.log(line);
} catch (error) {
  console.error(`retention: ${(error as Error).message}`);
  process.exit(1);
}
