// (primary adapter wiring): single DynamoDB adapters on the function's one client and table.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cached } from '../adapters/dynamodb';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { processStore } from '../adapters/dynamodb/processes';
import { mainTable } from '../adapters/dynamodb/tables';

/**
 * For a handler that needs a few stores: `stores()` builds every adapter of the app, so every function
 * that called it bundled all of them (issue 19: ~30 kB of the 250 kB a function may weigh). These build
 * only what the handler names, on the same client, so esbuild leaves the rest out.
 */
export function onTable<T>(factory: (client: DynamoDBDocumentClient, table: string) => T): T {
  return factory(documentClient(), tableName(mainTable));
}

/** Processes as `stores().processes`: each kept for a while by the warm function (adapters/dynamodb/index.ts). */
export const cachedProcesses = () => cached(onTable(processStore));

/** Processes as `stores().freshProcesses`: read as stored at every call (an admin's change, a closing phase). */
export const freshProcesses = () => onTable(processStore);
