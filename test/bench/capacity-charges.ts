import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { TableDef } from '#functions/adapters/dynamodb/tables';
import type { Charge } from './capacity-model';

/**
 * What one DynamoDB request costs, per partition, from its own (marshalled) input: the rules are in
 * capacity-model.ts. Items the model has seen written are remembered (size and index partitions), so an
 * Update or Delete of them charges the indexes they are in.
 */
type Item = Record<string, AttributeValue>;
type Input = Record<string, any>;
const KB = 1024;
const FOUR_KB = 4096;


/** Item size as DynamoDB counts it: attribute names plus values (numbers about a byte per two digits). */
export function itemBytes(item: Item | undefined): number {
  let n = 0;
  for (const [name, value] of Object.entries(item ?? {})) n += Buffer.byteLength(name) + valueBytes(value);
  return n;
}

function valueBytes(v: AttributeValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return Math.ceil(v.N.replace(/[^0-9]/g, '').replace(/^0+/, '').length / 2) + 1;
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.L) return 3 + v.L.reduce((s, x) => s + 1 + valueBytes(x), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((s, [k, x]) => s + 1 + Buffer.byteLength(k) + valueBytes(x), 0);
  if (v.SS) return v.SS.reduce((s, x) => s + Buffer.byteLength(x), 0);
  if (v.NS) return v.NS.reduce((s, x) => s + Math.ceil(x.length / 2) + 1, 0);
  return 1;
}

/** Which index partitions an item is in: index name → its partition key value. */
export function indexPartitions(def: TableDef, item: Item): Map<string, string> {
  const out = new Map<string, string>();
  for (const index of def.indexes) {
    const pk = item[index.partitionKey.name];
    const sk = item[index.sortKey.name];
    const value = pk?.S ?? pk?.N;
    if (value !== undefined && sk !== undefined) out.set(index.name, value);
  }
  return out;
}


/** A write's charges, and what the model remembers of the item once the write is admitted. */
export interface Priced {
  charges: Charge[];
  commit: () => unknown;
}

interface Known {
  bytes: number;
  indexes: Map<string, string>;
}

export class Charges {
  private known = new Map<string, Known>();
  unknownIndexWrites = 0;

  constructor(private readonly tables: Map<string, TableDef>) {}

  /** Tells the model an item written before it was switched on (its size and index partitions). */
  learn(table: string, item: Item): void {
    const def = this.tables.get(table);
    if (def) this.known.set(this.itemId(table, def, item), { bytes: itemBytes(item), indexes: indexPartitions(def, item) });
  }

  /** Charges of a write of one item; `factor` 2 inside a transaction (the index writes stay at 1). */
  write(table: string, op: 'Put' | 'Update' | 'Delete' | 'ConditionCheck', input: Input, factor: number): Priced {
    const def = this.tables.get(table);
    if (!def) return { charges: [], commit: () => {} };
    const key: Item = op === 'Put' ? input.Item : input.Key;
    const id = this.itemId(table, def, key);
    const before = this.known.get(id);
    let bytes: number;
    let indexes: Map<string, string> = before?.indexes ?? new Map();
    let commit: () => unknown = () => {};
    if (op === 'Put') {
      bytes = Math.max(itemBytes(input.Item), before?.bytes ?? 0);
      const now = indexPartitions(def, input.Item);
      indexes = new Map([...indexes, ...now]);
      commit = () => this.known.set(id, { bytes: itemBytes(input.Item), indexes: now });
    } else if (op === 'Update') {
      const values = itemBytes(input.ExpressionAttributeValues);
      bytes = Math.max(before?.bytes ?? 0, itemBytes(key) + values);
      const touched = names(input.UpdateExpression, input.ExpressionAttributeNames);
      const hit = def.indexes.filter((i) => touched.has(i.partitionKey.name) || touched.has(i.sortKey.name));
      if (!before && hit.length) commit = () => (this.unknownIndexWrites += hit.length);
      indexes = new Map([...indexes].filter(([name]) => hit.some((i) => i.name === name)));
    } else {
      bytes = before?.bytes ?? itemBytes(key);
      if (op === 'Delete') commit = () => this.known.delete(id);
      else indexes = new Map();
    }
    const units = Math.max(1, Math.ceil(bytes / KB));
    const charges: Charge[] = [{ partition: `${table}|${key[def.partitionKey.name]?.S}`, wcu: units * factor, rcu: 0 }];
    for (const [index, value] of indexes) charges.push({ partition: `${table}/${index}|${value}`, wcu: units, rcu: 0 });
    return { charges, commit };
  }

  /** A read's charge before the answer: one 4 KB unit (0.5 eventually consistent, 1 consistent, 2 transactional). */
  read(table: string, key: Item, unit: number): Charge {
    const def = this.tables.get(table);
    return { partition: `${table}|${def ? key[def.partitionKey.name]?.S : '?'}`, wcu: 0, rcu: unit };
  }

  /** A Query's partition: the table's or the index's key value in the key condition. */
  queryPartition(input: Input): string | undefined {
    const def = this.tables.get(input.TableName);
    if (!def) return undefined;
    const index = input.IndexName ? def.indexes.find((i) => i.name === input.IndexName) : undefined;
    const keyName = index ? index.partitionKey.name : def.partitionKey.name;
    const aliases = Object.entries((input.ExpressionAttributeNames ?? {}) as Record<string, string>)
      .filter(([, n]) => n === keyName)
      .map(([a]) => a);
    for (const name of [keyName, ...aliases]) {
      const m = new RegExp(`(?:^|[\\s(])${escape(name)}\\s*=\\s*(:[\\w]+)`).exec(input.KeyConditionExpression ?? '');
      const v = m && (input.ExpressionAttributeValues?.[m[1]!] as AttributeValue | undefined);
      if (v) return `${input.TableName}${index ? `/${index.name}` : ''}|${v.S ?? v.N}`;
    }
    return undefined;
  }

  /** The rest of a read's cost once its items are known: whole 4 KB units beyond the one charged. */
  static rest(items: Item[], unit: number): number {
    const bytes = items.reduce((s, i) => s + itemBytes(i), 0);
    return Math.max(0, Math.ceil(bytes / FOUR_KB) - 1) * unit;
  }

  private itemId(table: string, def: TableDef, key: Item): string {
    return `${table}|${key[def.partitionKey.name]?.S}|${key[def.sortKey.name]?.S}`;
  }
}

/** Attribute names an update expression mentions (its #aliases resolved). */
function names(expression: string | undefined, aliases: Record<string, string> | undefined): Set<string> {
  const out = new Set<string>();
  for (const token of (expression ?? '').match(/#?[A-Za-z_][\w]*/g) ?? []) {
    if (token.startsWith('#')) {
      const n = aliases?.[token];
      if (n) out.add(n);
    } else out.add(token);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&');

/** A request's charges in groups (one per item of a transaction or batch), and what to remember once admitted. */
export interface Pricing {
  groups: Charge[][];
  commit: () => void;
  /** A single read's unit and partition, to charge the rest once its items are known. */
  readUnit?: number;
  readPartition?: string;
}

const readUnit = (consistent: boolean | undefined) => (consistent ? 1 : 0.5);

export function price(command: string, input: Input, charges: Charges): Pricing | undefined {
  const writes = (list: Priced[]): Pricing => ({ groups: list.map((p) => p.charges), commit: () => list.forEach((p) => p.commit()) });
  switch (command) {
    case 'PutItem':
      return writes([charges.write(input.TableName, 'Put', input, 1)]);
    case 'UpdateItem':
      return writes([charges.write(input.TableName, 'Update', input, 1)]);
    case 'DeleteItem':
      return writes([charges.write(input.TableName, 'Delete', input, 1)]);
    case 'BatchWriteItem':
    case 'BatchGetItem': {
      const requests = batchRequests(command, input, charges);
      return { groups: requests.map((r) => r.charges), commit: () => requests.forEach((r) => r.commit()) };
    }
    case 'TransactWriteItems':
      return writes(
        (input.TransactItems as Input[]).map((t) => {
          const [op, body] = Object.entries(t)[0] as ['Put' | 'Update' | 'Delete' | 'ConditionCheck', Input];
          return charges.write(body.TableName, op, body, 2);
        }),
      );
    case 'TransactGetItems':
      return { groups: (input.TransactItems as Input[]).map((t) => [charges.read(t.Get.TableName, t.Get.Key, 2)]), commit: () => {} };
    case 'GetItem': {
      const unit = readUnit(input.ConsistentRead);
      const c = charges.read(input.TableName, input.Key, unit);
      return { groups: [[c]], commit: () => {}, readUnit: unit, readPartition: c.partition };
    }
    case 'Query': {
      const partition = charges.queryPartition(input);
      if (!partition) return undefined;
      const unit = readUnit(input.ConsistentRead);
      return { groups: [[{ partition, wcu: 0, rcu: unit }]], commit: () => {}, readUnit: unit, readPartition: partition };
    }
    default:
      // Scan reads every partition a little: not modelled.
      return undefined;
  }
}

export interface BatchRequest {
  table: string;
  request: Input;
  charges: Charge[];
  commit: () => unknown;
}

/** The single requests of a BatchGet (keys) or BatchWrite (put and delete requests), each priced. */
export function batchRequests(command: string, input: Input, charges: Charges): BatchRequest[] {
  const out: BatchRequest[] = [];
  for (const [table, body] of Object.entries(input.RequestItems ?? {}) as [string, any][]) {
    if (command === 'BatchGetItem') {
      const unit = readUnit(body.ConsistentRead);
      for (const key of body.Keys ?? []) out.push({ table, request: key, charges: [charges.read(table, key, unit)], commit: () => {} });
    } else {
      for (const r of body as Input[]) {
        const p = r.PutRequest ? charges.write(table, 'Put', r.PutRequest, 1) : charges.write(table, 'Delete', r.DeleteRequest, 1);
        out.push({ table, request: r, charges: p.charges, commit: p.commit });
      }
    }
  }
  return out;
}

/** RequestItems holding only these requests. */
export function regroup(command: string, input: Input, requests: BatchRequest[]): Input {
  return mergeRequests(command, input, {}, requests);
}

/** Adds requests to a RequestItems-shaped map (the answer's unprocessed part, or a new request). */
export function mergeRequests(command: string, input: Input, into: Input, requests: BatchRequest[]): Input {
  for (const r of requests) {
    if (command === 'BatchGetItem') {
      const { Keys: _, ...rest } = input.RequestItems[r.table];
      into[r.table] ??= { ...rest, Keys: [] };
      into[r.table].Keys.push(r.request);
    } else {
      (into[r.table] ??= []).push(r.request);
    }
  }
  return into;
}
