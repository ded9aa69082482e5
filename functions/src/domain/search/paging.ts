import { createHash } from 'node:crypto';
import { BadRequestError } from '../../lib/errors';

/**
 * A search page's cursor: the offset into the ranked hits, bound to the query it came from (a hash of
 * its text and filters). Opaque to the client; an edited cursor, or one from another query, is the
 * same 400 `invalid-cursor` as the lists' DynamoDB cursors. The ranking is recomputed per page from
 * the warm index, so a page boundary can move if the index changed between two pages (an idea posted
 * or hidden meanwhile): a hit may repeat or be skipped, never leak.
 */

/** Deepest offset a cursor may name: far past any process's ideas, so a crafted number cannot be huge. */
const MAX_OFFSET = 1_000_000;

const bindingOf = (scope: unknown[]) => createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 16);

export function encodeOffset(offset: number, scope: unknown[]): string {
  return Buffer.from(JSON.stringify({ o: offset, b: bindingOf(scope) })).toString('base64url');
}

export function decodeOffset(cursor: string | undefined, scope: unknown[]): number {
  if (cursor === undefined) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { o, b } = (parsed ?? {}) as { o?: unknown; b?: unknown };
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > MAX_OFFSET || b !== bindingOf(scope)) {
    throw new BadRequestError('Ugyldig side-markør (cursor). Start forfra uden cursor.', 'invalid-cursor');
  }
  return o;
}

/** One page of ranked hits and the cursor to the next (null on the last). */
export function pageOf<T>(hits: T[], offset: number, limit: number, scope: unknown[]): { page: T[]; nextCursor: string | null } {
  const page = hits.slice(offset, offset + limit);
  return { page, nextCursor: offset + limit < hits.length ? encodeOffset(offset + limit, scope) : null };
}
