// (primary adapter wiring): single DynamoDB adapters on the function's one client and table.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cached } from '../adapters/dynamodb/cached-processes';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { processStore } from '../adapters/dynamodb/processes';
import { mainTable } from '../adapters/dynamodb/tables';

/**
 * Each handler builds only the stores it names, on the function's one client and table, so esbuild
 * leaves every other adapter out (issue 19: a `stores()` that built them all put ~30 kB more in each
 * function).
 */
export function onTable<T>(factory: (client: DynamoDBDocumentClient, table: string) => T): T {
  return factory(documentClient(), tableName(mainTable));
}

/** Processes, each kept for a while by the warm function (adapters/dynamodb/cached-processes.ts): participation's hot path. */
export const cachedProcesses = () => cached(onTable(processStore));

/** Processes read as stored at every call (an admin's change, a closing phase). */
export const freshProcesses = () => onTable(processStore);
