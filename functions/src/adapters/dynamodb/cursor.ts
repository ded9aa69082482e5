import * as z from 'zod';
import { BadRequestError } from '../../lib/errors';

/**
 * Opaque page cursors: DynamoDB's LastEvaluatedKey, base64url-encoded. On the way back in a cursor
 * is checked against the query it is used with (same index, same partition), so a cursor edited or
 * taken from another list is a 400, not a DynamoDB validation error or a peek into another partition.
 */
type Key = Record<string, string | number>;

const keySchema = z.record(z.string().max(64), z.union([z.string().max(512), z.number()]));
const cursorSchema = z.object({ i: z.string(), k: keySchema });

export function encodeCursor(index: string, key: Key): string {
  return Buffer.from(JSON.stringify({ i: index, k: key })).toString('base64url');
}

export function decodeCursor(cursor: string, index: string, expected: Record<string, string>, allowed: string[]): Key {
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
  for (const [name, value] of Object.entries(expected)) if (key[name] !== value) throw invalid();
  return key;
}
