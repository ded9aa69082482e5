import type { AuditRecord } from './audit';

/**
 * What erasing an account needs beyond the byUser index (domain/erasure.ts): the user's own
 * partitions, and the items where the user acted for the municipality or was decided about, which
 * stay under a pseudonym. Kept apart from domain/ports.ts only for size; import it from there.
 */
export interface ErasureStore {
  /** Deletes the rate-limit counters (RATE#<userId>) and mail records (MAILLOG#<userId>) now, not at their TTL. */
  deleteOwnPartitions(userId: string): Promise<number>;
  /**
   * Replaces the user's id by `pseudonym` wherever a record must stay: the audit log's entries by
   * them (actor, with `formerName` for the name) and about them (target, moved to the pseudonym's
   * target partition), recommendations they created, progress updates and frozen annexes they
   * signed, assisted citizens they registered or claimed, and follow events they caused; follow events
   * addressed to them alone are deleted. Returns how many items changed. Idempotent.
   */
  pseudonymise(userId: string, pseudonym: string, formerName: string): Promise<number>;
}

/** The audit log read by target, for the decisions in a person's data download (domain/my-decisions.ts). */
export interface DecisionReader {
  /** Every entry about the target (an account, idea or comment), whatever its process, newest first. */
  about(targetId: string): Promise<AuditRecord[]>;
}
