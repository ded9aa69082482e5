// handler --> domain/my-data deleteMyAccount --> (use case) --> ErasureStore, SigningKey
import { createHmac } from 'node:crypto';
import type { Actor } from '../lib/auth';
import type { ErasureStore, SigningKey } from './ports';

/**
 * What an account's erasure does beyond the byUser index (domain/my-data.ts deleteMyAccount):
 * - The rate-limit counters and the mail records (which digests and alerts went out) are the user's
 *   own partitions: deleted at once rather than left to expire by TTL.
 * - The audit log stays: it is the municipality's record of its decisions (Danish administrative
 *   law). The entries by the user (a member of staff) and about the user (a block and its reason)
 *   keep the decision, and name a pseudonym instead of the account: an HMAC of the user id with a key
 *   of the platform's own (CONFIG/PSEUDONYMKEY), so the entries about one person still group under one
 *   id, yet nobody can get from the pseudonym back to the id without the key, and the account the id
 *   belonged to is gone. The name on such an entry becomes the role ("Tidligere medarbejder").
 * - So do the records staff sign for the committee's follow-up (recommendations, progress updates,
 *   frozen annex versions, assisted citizens registered): the record stays, the signature is the role.
 */

/** Shown instead of the name of a deleted member of staff on what they signed (progress updates, the audit log). */
export const FORMER_STAFF = 'Tidligere medarbejder';
/** Shown instead of the name of a deleted participant who acted in the audit log (a claim of assisted contributions). */
export const FORMER_ACCOUNT = 'Tidligere deltager';

const STAFF_ROLES = ['moderator', 'committee', 'admin', 'assistant'];

export interface ErasureDeps {
  store: ErasureStore;
  /** The HMAC key of the pseudonyms (adapters/dynamodb/signing-key.ts with keys.pseudonymKey). */
  pseudonymKey: SigningKey;
}

/** The stable pseudonym of a user id: the same id gives the same pseudonym, so entries about one person group. */
export async function pseudonymOf(key: SigningKey, userId: string): Promise<string> {
  return `pseudonym-${createHmac('sha256', await key.get()).update(userId).digest('hex').slice(0, 32)}`;
}

/** Idempotent: a deletion cut short runs it again and finds less to do. */
export async function eraseTraces(deps: ErasureDeps, actor: Pick<Actor, 'userId' | 'roles'>): Promise<void> {
  await deps.store.deleteOwnPartitions(actor.userId);
  const formerName = actor.roles.some((r) => STAFF_ROLES.includes(r)) ? FORMER_STAFF : FORMER_ACCOUNT;
  await deps.store.pseudonymise(actor.userId, await pseudonymOf(deps.pseudonymKey, actor.userId), formerName);
}
