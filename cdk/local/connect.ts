import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { existsSync, readFileSync } from 'node:fs';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { cognitoClient } from './cognito';
import { localCredentials } from './dynamodb';
import type { StackInfo } from './stack';
import type { Pool } from './users';

/** Where `npm start` writes the running stack's coordinates. */
export const STACK_FILE = '.local/stack.json';

/** The local stack is not running (no stack file); the message says how to start it. */
export class StackNotRunningError extends Error {}

/** What the command-line tools (`npm run users`, `npm run setup`) talk to: the user pool and the main table. */
export interface Connection {
  pool: Pool;
  client: DynamoDBDocumentClient;
  table: string;
}

/**
 * Connects to the running local stack from its stack file: cognito-local and DynamoDB Local with the
 * local credentials (set in the environment, as the handlers read them, so every client agrees).
 */
export function connectLocal(stackFile = STACK_FILE): Connection & { info: StackInfo } {
  if (!existsSync(stackFile)) {
    throw new StackNotRunningError(`Den lokale stak kører ikke (ingen ${stackFile}): start den først med \`npm start\`.`);
  }
  const info = JSON.parse(readFileSync(stackFile, 'utf8')) as StackInfo;
  Object.assign(process.env, { AWS_REGION: info.region, AWS_ACCESS_KEY_ID: localCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey });
  return {
    info,
    pool: { client: cognitoClient(info.cognitoEndpoint), userPoolId: info.userPoolId, userPoolClientId: info.userPoolClientId },
    client: createDocumentClient(info.dynamodbEndpoint),
    table: mainTable.localName,
  };
}
