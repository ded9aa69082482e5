import type { Block, ReferenceList, Round, Version } from '#shared/schemas/consultation';

/**
 * What the consultation's use cases need from storage, split by who owns it: the documents side
 * (setup, rounds and their members, documents, drafts, versions: `documents.ts` and friends) and the
 * responses side (responses, their counters, flags, answers: `responses.ts` and friends). The
 * responses side only READS the documents side, through `ConsultationReads`.
 */

/** A process's consultation setup as stored: an invited round keeps only the hash of its join link's token. */
export interface SetupRecord {
  processId: string;
  references?: ReferenceList | undefined;
  rounds: (Round & { inviteTokenHash?: string | undefined })[];
  updatedAt: string;
}

/** A document as stored (its versions are separate items; version 0 means nothing published yet). */
export interface DocumentRecord {
  processId: string;
  id: string;
  title: Version['title'];
  summary?: Version['summary'];
  currentVersion: number;
  publishedAt?: string | undefined;
  createdAt: string;
  updatedAt: string;
}

/** The reads the responses side needs from the documents side. */
export interface ConsultationReads {
  setup(processId: string): Promise<SetupRecord | undefined>;
  /** Whether the user joined (by link) or was invited (by e-mail, and has signed up with that address) to an invited round. */
  isMember(processId: string, roundId: string, userId: string): Promise<boolean>;
  document(processId: string, documentId: string): Promise<DocumentRecord | undefined>;
  documents(processId: string): Promise<DocumentRecord[]>;
  version(processId: string, documentId: string, version: number): Promise<Version | undefined>;
}

/** The paragraph numbers of a version's blocks, in order. */
export const paragraphNumbers = (blocks: readonly Block[]): number[] => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.no] : []));
