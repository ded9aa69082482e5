import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableDef } from './tables';

/**
 * One DocumentClient per function, built at cold start and reused across invocations.
 * `DYNAMODB_ENDPOINT` is set only on the local stack (DynamoDB Local); in AWS the SDK finds the
 * regional endpoint itself.
 */
let shared: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  shared ??= createDocumentClient(process.env.DYNAMODB_ENDPOINT);
  return shared;
}

export function createDocumentClient(endpoint?: string): DynamoDBDocumentClient {
  const base = new DynamoDBClient({ ...(endpoint ? { endpoint } : {}), maxAttempts: 3 });
  return DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
}

/** The physical name of a table, from the environment variable its definition names. */
export function tableName(def: TableDef): string {
  const name = process.env[def.envVar];
  if (!name) throw new Error(`${def.envVar} is not set`);
  return name;
}
