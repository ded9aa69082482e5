import type { AssistedChannel } from '#shared/rules/assisted';
import type { ParticipantType } from '#shared/schemas/user';
import type { AuditRecord, StoredProfile } from '../ports';

/**
 * What assisted participation needs from storage (adapters/dynamodb/assisted*.ts). Two parts: the
 * citizens an assistant registers and acts for (`AssistedStore`), and the claim that moves one of
 * them into an account (`ClaimStore`). The acts themselves (idea, vote, comment, survey answer) go
 * through the ordinary use cases under the citizen's identity, so their stores are the ordinary ones.
 */

/** A citizen registered in a process by an assistant, with their consent. */
export interface AssistedPersonRecord {
  id: string;
  processId: string;
  /** The citizen's stable identity: `assisted-<id>` (rules/assisted.ts), the key of their votes, ideas and profile. */
  userId: string;
  name: string;
  email?: string;
  phone?: string;
  participantType: ParticipantType;
  consent: { at: string; version: string; assistantId: string; assistantName: string; channel: AssistedChannel };
  /** SHA-256 (base64url) of every claim code printed for them: any of them claims. */
  claimCodeHashes: string[];
  createdAt: string;
  createdBy: string;
  /** Set once claimed: the account that took it over. Contact details are then removed (the account holds its own). */
  claimedBy?: string;
  claimedAt?: string;
}

export interface AssistedStore {
  /** The person, their profile (name and type shown with their ideas) and the first audit entry, in one transaction. */
  create(person: AssistedPersonRecord, profile: StoredProfile, audit: AuditRecord): Promise<void>;
  get(processId: string, personId: string): Promise<AssistedPersonRecord | undefined>;
  /** Every citizen of the process (the lookup filters them; a process has hundreds, not millions). */
  list(processId: string): Promise<AssistedPersonRecord[]>;
  /** A new receipt's code: its hash added to the person and its pointer written, with the act's audit entry, in one transaction. */
  addClaimCode(person: AssistedPersonRecord, codeHash: string, audit: AuditRecord): Promise<void>;
  /** Which person a code (by its hash) belongs to. */
  byClaimCode(codeHash: string): Promise<{ processId: string; personId: string } | undefined>;
  /** Writes an audit entry on its own (an act whose own store wrote no audit: a vote, a comment, an answer, an export). */
  audit(entry: AuditRecord): Promise<void>;
}
