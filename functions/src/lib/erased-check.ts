import type { RouteSpec as RouteDef } from '#shared/api/bind';
import type { ErasedAccounts } from '../domain/ports/erased-accounts';
import { erasedAccounts } from '../adapters/dynamodb/erased-accounts';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { mainTable } from '../adapters/dynamodb/tables';
import type { Actor } from './auth';
import { accountErased } from './errors';

let port: ErasedAccounts | undefined;
/** The tombstones, built on the first write of a signed-in caller (reads never need them). */
export const erased = (): ErasedAccounts => (port ??= erasedAccounts(documentClient(), tableName(mainTable)));

/** Only reads: GET (and HEAD) never change anything, so they cost no lookup. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes that check the tombstone themselves, inside their own transaction (atomic, and no read before
 * the hot path's one write: issue 19): a vote (adapters/dynamodb/votes.ts, domain/votes.ts).
 */
const CHECKED_IN_TRANSACTION = new Set(['PUT /api/ideas/{ideaId}/vote']);

/**
 * A deleted account's remaining access token may read, never write: one consistent GetItem, only for
 * writes by a signed-in caller. Deleting the account again stays possible (a retried erasure must finish).
 */
export async function refuseErasedWriter(route: RouteDef, method: string, actor: Actor | undefined): Promise<void> {
  if (!actor || READS.has(method.toUpperCase()) || (route.method === 'DELETE' && route.path === '/api/me')) return;
  if (CHECKED_IN_TRANSACTION.has(`${route.method} ${route.path}`)) return;
  if (await erased().isErased(actor.userId)) throw accountErased();
}
