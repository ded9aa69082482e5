import { BadRequestError } from '#functions/lib/errors';
import type { Page } from '#functions/domain/ports';

/**
 * Pages over an already sorted list. The cursor is opaque (base64url JSON) and bound to the list it
 * came from: one from another list, or edited, is the same 400 `invalid-cursor` the adapters give.
 * It carries an offset, not the last key: good enough for tests that do not write between pages.
 */
export function pageOf<T>(items: T[], limit: number, cursor: string | undefined, list: string): Page<T> {
  const start = cursor ? decode(cursor, list) : 0;
  const next = start + limit;
  return { items: items.slice(start, next), nextCursor: next < items.length ? encode(list, next) : null };
}

const encode = (list: string, offset: number) => Buffer.from(JSON.stringify({ list, offset })).toString('base64url');

function decode(cursor: string, list: string): number {
  let parsed: { list?: unknown; offset?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (parsed?.list !== list || !Number.isInteger(parsed.offset) || (parsed.offset as number) < 0) throw invalid();
  return parsed.offset as number;
}

const invalid = () => new BadRequestError('Ugyldig side-markør (cursor). Start forfra uden cursor.', 'invalid-cursor');

/** Sort orders of index keys: ULIDs and ISO times compare as DynamoDB compares strings, by code unit. */
export const ascending =
  <T>(key: (item: T) => string | number) =>
  (a: T, b: T) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
export const descending =
  <T>(key: (item: T) => string | number) =>
  (a: T, b: T) =>
    ascending(key)(b, a);
