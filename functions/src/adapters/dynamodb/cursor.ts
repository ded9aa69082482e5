import * as z from 'zod';
import { BadRequestError } from '../../lib/errors';
import { tables } from './tables';

/**
 * Opaque page cursors: DynamoDB's LastEvaluatedKey, base64url-encoded. On the way back in a cursor
 * is checked against the query it is used with (same index, same partition), so a cursor edited or
 * taken from another list is a 400, not a DynamoDB validation error or a peek into another partition.
 */
type Key = Record<string, string | number>;

// An empty string is no key value to DynamoDB; a nested object is no key at all.
const keySchema = z.record(z.string().max(64), z.union([z.string().min(1).max(512), z.number().finite()]));
const cursorSchema = z.object({ i: z.string(), k: keySchema }).strict();

/**
 * The type DynamoDB keys each attribute by (the table's and its indexes' keys), plus the offset of
 * the random order: a cursor value of the other type would reach DynamoDB as a ValidationException (a
 * 500) instead of being refused here. Cursor fields no key knows (a time, an id) are strings.
 */
const keyTypes: Record<string, 'S' | 'N'> = {
  ...Object.fromEntries(
    tables.flatMap((t) => [t.partitionKey, t.sortKey, ...t.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]).map((k) => [k.name, k.type]),
  ),
  offset: 'N',
};
const hasType = (value: string | number, name: string) => typeof value === ((keyTypes[name] ?? 'S') === 'N' ? 'number' : 'string');

export function encodeCursor(index: string, key: Key): string {
  return Buffer.from(JSON.stringify({ i: index, k: key })).toString('base64url');
}

/**
 * `expected`: the partition the query reads (that exact value) and, where the query reads only keys
 * that begin with a prefix (`begins_with` in its key condition), that prefix: a start key outside the
 * range DynamoDB refuses with a ValidationException, which must be the client's 400, not our 500.
 */
export function decodeCursor(cursor: string, index: string, expected: Record<string, string | { prefix: string }>, allowed: string[]): Key {
  const invalid = () => new BadRequestError('Ugyldig side-markør (cursor). Start forfra uden cursor.', 'invalid-cursor');
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success || parsed.data.i !== index) throw invalid();
  const key = parsed.data.k;
  const names = Object.keys(key).sort();
  if (names.join() !== [...allowed].sort().join()) throw invalid();
  for (const [name, value] of Object.entries(key)) if (!hasType(value, name)) throw invalid();
  for (const [name, value] of Object.entries(expected)) {
    const given = key[name];
    if (typeof value === 'string' ? given !== value : typeof given !== 'string' || !given.startsWith(value.prefix)) throw invalid();
  }
  return key;
}
