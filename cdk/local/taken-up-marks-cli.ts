// `node --import tsx cdk/local/taken-up-marks-cli.ts`: once, for a local data folder written before
// issue 19, marks every idea a recommendation took up (adapters/dynamodb/idea-page.ts), so the idea page
// shows its "taken up by" list again. Safe to run again.
import { markTakenUpIdeas } from '#functions/adapters/dynamodb/idea-page';
import { connectLocal } from './connect';

try {
  const { client, table } = connectLocal();
  console.log(`Markerede ${await markTakenUpIdeas(client, table)} idéer, som en anbefaling har taget op.`);
} catch (error) {
  console.error(`taken-up-marks: ${(error as Error).message}`);
  process.exit(1);
}
