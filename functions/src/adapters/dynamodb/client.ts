import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { traced } from '../../lib/tracer';
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
  const base = new DynamoDBClient({ ...(endpoint ? { endpoint } : {}), maxAttempts: 3, requestHandler: endpoint ? localTimeouts() : AWS_TIMEOUTS });
  // Through lib/tracer.ts, the one place for per-call tracing (none since issue 19: see there).
  return DynamoDBDocumentClient.from(traced(base), { marshallOptions: { removeUndefinedValues: true } });
}

/**
 * Without timeouts the SDK waits for ever on an endpoint that accepts and never answers: the request
 * answers only when the function's time runs out (middy's guard), and the abandoned call may still
 * write after that answer. With them, each of the 3 attempts gives up (TimeoutError) and the request
 * answers 503 (lib/errors.ts). In AWS the three attempts fit inside the functions' 10 s limit with room
 * for the answer; DynamoDB answers in milliseconds, so 3 s means down, not slow.
 * `throwOnRequestTimeout`: without it this SDK version only logs a warning when the time is up.
 */
const AWS_TIMEOUTS = { connectionTimeout: 2_000, requestTimeout: 3_000, throwOnRequestTimeout: true };

/**
 * Locally every function runs in the gateway's one process, so a CPU-heavy request (the annex PDF, a
 * big export) holds the event loop, and a timer that fires before the socket is read would turn a
 * busy machine into false 503s: hence generous defaults. `DELTAG_DYNAMODB_TIMEOUTS_MS="connect,request"`
 * sets others (the outage test uses short ones to see its 503 within seconds).
 */
function localTimeouts() {
  const [connectionTimeout = 3_000, requestTimeout = 8_000] = (process.env.DELTAG_DYNAMODB_TIMEOUTS_MS ?? '')
    .split(',')
    .map(Number)
    .map((n) => (Number.isFinite(n) && n > 0 ? n : undefined));
  return { connectionTimeout, requestTimeout, throwOnRequestTimeout: true };
}

/** The physical name of a table, from the environment variable its definition names. */
export function tableName(def: TableDef): string {
  const name = process.env[def.envVar];
  if (!name) throw new Error(`${def.envVar} is not set`);
  return name;
}
