import type { Draft, Round, Version } from '#shared/schemas/consultation';
import type { AuditRecord } from '../ports';
import type { ConsultationReads, DocumentRecord, SetupRecord } from './ports';

/**
 * What the documents side's use cases (setup, rounds, documents, drafts, versions) need from storage,
 * beyond the reads the responses side shares (`ConsultationReads`). Every write that an admin makes
 * goes with its audit entry in one transaction.
 */

/**
 * An invited round as stored: its join link's token in clear, for admins, moderators and the
 * committee to share (it is a capability, like the link itself), and its SHA-256 hash, which a join
 * compares in constant time.
 */
export type StoredRound = Round & { inviteToken?: string | undefined; inviteTokenHash?: string | undefined };
export interface StoredSetup extends SetupRecord {
  rounds: StoredRound[];
}

/** A document as stored, with every paragraph number any of its versions has published (the numbering rule). */
export interface StoredDocument extends DocumentRecord {
  publishedNos: number[];
}

/** An e-mail invitation to a round; `userId` once a person signed in with that address has become a member by it. */
export interface Invitation {
  email: string;
  userId?: string | undefined;
  invitedAt: string;
}

export interface DocumentStore extends ConsultationReads {
  setup(processId: string): Promise<StoredSetup | undefined>;
  /** Writes the setup with its audit entry if the stored `updatedAt` is still `expectedUpdatedAt` (absent: only if none exists); `stale` otherwise. */
  saveSetup(setup: StoredSetup, expectedUpdatedAt: string | undefined, audit: AuditRecord): Promise<'saved' | 'stale'>;
  /** How many members each round has (joined by link or by an e-mail invitation). */
  memberCounts(processId: string): Promise<Map<string, number>>;
  /** Makes the user a member of the round (idempotent); with `invitation`, marks that invitation redeemed by them. */
  addMember(processId: string, roundId: string, userId: string, at: string, invitation?: string): Promise<void>;
  invitation(processId: string, roundId: string, email: string): Promise<Invitation | undefined>;
  /** The stored invitations among these addresses (lower case). */
  invitations(processId: string, roundId: string, emails: string[]): Promise<Invitation[]>;
  /** Stores (or renews) these invitations; the audit entry counts them and is written first, in its own transaction. */
  putInvitations(processId: string, roundId: string, emails: string[], at: string, audit: AuditRecord): Promise<void>;

  document(processId: string, documentId: string): Promise<StoredDocument | undefined>;
  documents(processId: string): Promise<StoredDocument[]>;
  /** The document and its first draft, with the audit entry; `exists` when the id is taken in the process. */
  createDocument(document: StoredDocument, draft: Draft, audit: AuditRecord): Promise<'created' | 'exists'>;
  draft(processId: string, documentId: string): Promise<Draft | undefined>;
  /** Writes the draft (and the document's title and summary) with its audit entry if the draft's `updatedAt` is still `expectedUpdatedAt`. */
  saveDraft(processId: string, draft: Draft, expectedUpdatedAt: string, audit: AuditRecord): Promise<'saved' | 'stale'>;
  /**
   * Writes the new immutable version, the document's new current version and the draft now based on
   * it, with the audit entry, in one transaction, if the document is still at `version - 1` and the
   * draft still at `draftUpdatedAt`; `stale` otherwise.
   */
  publish(processId: string, document: StoredDocument, version: Version, draft: Draft, draftUpdatedAt: string, audit: AuditRecord): Promise<'published' | 'stale'>;
  /** The document's published versions, oldest first. */
  versions(processId: string, documentId: string): Promise<{ version: number; publishedAt: string }[]>;
}
