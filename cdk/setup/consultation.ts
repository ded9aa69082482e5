// setup command, local seed --> (use cases: saveConsultationSetup, createDocument, saveDraft, publishVersion) --> DocumentStore with their audit entries
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { documentStore } from '#functions/adapters/dynamodb/consultation-documents';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { createDocument } from '#functions/domain/consultation/documents';
import { saveDraft } from '#functions/domain/consultation/drafts';
import { saveConsultationSetup } from '#functions/domain/consultation/setup';
import { publishVersion, type VersionDeps } from '#functions/domain/consultation/versions';
import { ConflictError } from '#functions/lib/errors';
import type { ProcessDefinition } from '#shared/schemas/process';
import { roundsFor, type ConsultationFile, type ConsultationFileDocument } from './consultation-file';
import { SETUP_ACTOR } from './import';

/** The documents side's use cases on a table; the audit log names the setup command, as for the process and its survey. */
export function consultationAdminDeps(client: DynamoDBDocumentClient, table: string): VersionDeps {
  const profiles = profileStore(client, table);
  return {
    documents: documentStore(client, table),
    processes: processStore(client, table),
    profiles: {
      // The use cases sign with the actor's profile name; the setup command has no profile of its own.
      get: async (userId) =>
        userId === SETUP_ACTOR.userId ? { userId, displayName: SETUP_ACTOR.name ?? userId, participantType: 'employee', createdAt: '', updatedAt: '' } : profiles.get(userId),
    },
    newId: (now) => ulid(now.getTime()),
  };
}

export interface ConsultationImport {
  setup: 'created' | 'exists';
  /** The documents created and published now (a document the process already has is left alone). */
  published: string[];
}

/**
 * Imports a consultation for a process through the workspace's use cases, so it is validated and
 * audited alike: the setup (reference list and rounds: `rounds` are the file's, moved with the
 * process), then each document created, its draft saved and published as version 1. What the
 * process already has is kept: a setup that exists, or a document with the same id, is never
 * overwritten (setup may run again safely, and an admin's edits are never lost).
 */
export async function importConsultation(deps: VersionDeps, processId: string, file: ConsultationFile, rounds: ConsultationFile['rounds'], now: Date): Promise<ConsultationImport> {
  const admin = SETUP_ACTOR;
  let setup: ConsultationImport['setup'] = 'exists';
  if (!(await deps.documents.setup(processId))) {
    try {
      await saveConsultationSetup(deps, admin, processId, { ...(file.references ? { references: file.references } : {}), rounds }, now);
      setup = 'created';
    } catch (error) {
      // Saved by someone else between the read and the write.
      if (!(error instanceof ConflictError && error.slug === 'consultation-changed')) throw error;
    }
  }
  const published: string[] = [];
  // Each document a moment after the one before, so the list keeps the file's order (documents are listed oldest first).
  for (const [i, doc] of file.documents.entries()) if (await publishFirstVersion(deps, processId, doc, new Date(now.getTime() + 10 * i))) published.push(doc.id);
  return { setup, published };
}

async function publishFirstVersion(deps: VersionDeps, processId: string, doc: ConsultationFileDocument, now: Date): Promise<boolean> {
  if (await deps.documents.document(processId, doc.id)) return false;
  const { id, title, summary, note, blocks } = doc;
  try {
    const created = await createDocument(deps, SETUP_ACTOR, processId, { id, title, ...(summary ? { summary } : {}) }, now);
    const draft = await saveDraft(deps, SETUP_ACTOR, processId, id, { title, ...(summary ? { summary } : {}), blocks, expectedUpdatedAt: created.updatedAt }, now);
    await publishVersion(deps, SETUP_ACTOR, processId, id, { note, changes: [], expectedUpdatedAt: draft.updatedAt }, now);
    return true;
  } catch (error) {
    // Created by someone else between the read and the write: theirs stands.
    if (error instanceof ConflictError && error.slug === 'document-exists') return false;
    throw error;
  }
}

/**
 * `npm run setup`'s step for the consultation beside the process file: imports it for the process as
 * stored (its rounds moved with it: consultation-file.ts roundsFor), tells the person what happened
 * and returns whether anything was written.
 */
export async function setupConsultation(
  connection: { client: DynamoDBDocumentClient; table: string },
  processId: string,
  fileProcess: ProcessDefinition,
  file: ConsultationFile,
  now: Date,
  tell: (line: string) => void,
): Promise<boolean> {
  const deps = consultationAdminDeps(connection.client, connection.table);
  const process = await deps.processes.get(processId);
  if (!process) return false;
  const done = await importConsultation(deps, processId, file, roundsFor(file, fileProcess, process), now);
  if (done.setup === 'created') tell('Høringens runder og referenceliste er oprettet.');
  else tell('Forløbet har allerede en høring: runderne og referencelisten er ikke ændret.');
  if (done.published.length) tell(`Udkastene er offentliggjort som version 1: ${done.published.join(', ')}.`);
  return done.setup === 'created' || done.published.length > 0;
}
