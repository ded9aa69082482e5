import { DynamoDBClient, paginateScan, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { indexProjection, mainTable } from '#functions/adapters/dynamodb/tables';
import { localCredentials } from '#local/dynamodb';

/** Capacity units the handlers consumed since the last `take()`. */
export interface CapacityMeter {
  take(): { rcu: number; wcu: number };
}

type Consumed = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

/**
 * Asks DynamoDB for ReturnConsumedCapacity on every call of the handlers' shared client and adds up
 * what it answers, read and write apart. A middleware on the client the handlers use, so nothing in
 * the handlers changes and every call is seen (transactions included, which DynamoDB bills twice).
 */
export function meterCapacity(client: DynamoDBDocumentClient, onCall?: (command: string, consumed: unknown) => void): CapacityMeter {
  let rcu = 0;
  let wcu = 0;
  const add = (c: Consumed | Consumed[] | undefined, write: boolean) => {
    for (const one of [c ?? []].flat()) {
      // DynamoDB names reads and writes apart for some calls and only the total for others.
      const r = one.ReadCapacityUnits ?? (write ? 0 : (one.CapacityUnits ?? 0));
      const w = one.WriteCapacityUnits ?? (write ? (one.CapacityUnits ?? 0) : 0);
      rcu += r;
      wcu += w;
    }
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const write = /Put|Update|Delete|BatchWrite|TransactWrite/.test(context.commandName ?? '');
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      onCall?.(context.commandName ?? '?', consumed);
      add(consumed, write);
      return result;
    },
    { step: 'initialize', name: 'costCapacityMeter', override: true },
  );
  return {
    take() {
      const taken = { rcu, wcu };
      rcu = 0;
      wcu = 0;
      return taken;
    },
  };
}

/** An attribute value's size by DynamoDB's item-size rules (names and values in UTF-8 bytes). */
function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|^0+/g, '').length / 2) + 1;
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
  if (v.NS) return v.NS.reduce((n, s) => n + s.length / 2 + 1, 0);
  if (v.L) return 3 + v.L.reduce((n, e) => n + 1 + valueSize(e), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + 1 + Buffer.byteLength(k) + valueSize(e), 0);
  return 0;
}

const attrsSize = (item: Record<string, AttributeValue>, names?: string[]) =>
  Object.entries(item)
    .filter(([k]) => !names || names.includes(k))
    .reduce((n, [k, v]) => n + Buffer.byteLength(k) + valueSize(v), 0);

/**
 * The billed storage of one item: its size plus 100 bytes, and for each index it appears in (a sparse
 * index holds only items with its key), the projected attributes plus 100 bytes.
 */
export function storedSize(item: Record<string, AttributeValue>): number {
  const tableKeys = [mainTable.partitionKey.name, mainTable.sortKey.name];
  let size = attrsSize(item) + 100;
  for (const index of mainTable.indexes) {
    if (!item[index.partitionKey.name] || !item[index.sortKey.name]) continue;
    const p = indexProjection(index);
    const names = p.ProjectionType === 'ALL' ? undefined : [...tableKeys, index.partitionKey.name, index.sortKey.name, ...(p.NonKeyAttributes ?? [])];
    size += attrsSize(item, names) + 100;
  }
  return size;
}

export interface TableSize {
  bytes: number;
  /** Bytes of the participants' own items (profile, mail settings) and how many profiles there are. */
  participantBytes: number;
  profiles: number;
}

/** Scans the local table and adds up its billed storage. */
export async function tableSize(endpoint: string): Promise<TableSize> {
  const client = new DynamoDBClient({ endpoint, region: 'eu-north-1', credentials: localCredentials });
  const result: TableSize = { bytes: 0, participantBytes: 0, profiles: 0 };
  for await (const page of paginateScan({ client }, { TableName: mainTable.localName })) {
    for (const item of page.Items ?? []) {
      const size = storedSize(item);
      result.bytes += size;
      const pk = item.pk?.S ?? '';
      const sk = item.sk?.S ?? '';
      if (pk.startsWith('USER#') && !pk.startsWith('USER#assisted-') && (sk === 'PROFILE' || sk === 'MAILSETTINGS')) {
        result.participantBytes += size;
        if (sk === 'PROFILE') result.profiles += 1;
      }
    }
  }
  client.destroy();
  return result;
}
