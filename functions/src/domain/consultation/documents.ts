// handler --> (use case) --> DocumentStore (with its audit entry), ProcessStore
import type * as z from 'zod';
import type { DocumentCreate, Draft, documentListSchema } from '#shared/schemas/consultation';
import { ConflictError, NotFoundError } from '../../lib/errors';
import type { ProcessStore } from '../ports';
import { getProcess } from '../processes';
import { consultAudit, type ConsultActor, type ConsultAuditDeps } from './document-audit';
import type { DocumentStore, StoredDocument } from './document-ports';

export interface DocumentDeps extends ConsultAuditDeps {
  documents: DocumentStore;
  processes: Pick<ProcessStore, 'get'>;
}

/** The responses side's totals per document (its ResponseStore), when wired: "X of Y comments answered". */
export interface ResponseTotals {
  totals(processId: string, documentIds: string[]): Promise<Map<string, { comments: number; answered: number }>>;
}

/** Every document of the process for the workspace, drafts never published included (version 0), oldest first. */
export async function workspaceDocuments(deps: Pick<DocumentDeps, 'documents' | 'processes'> & { responses?: ResponseTotals }, processId: string): Promise<z.input<typeof documentListSchema>> {
  await getProcess(deps.processes, processId);
  const documents = await deps.documents.documents(processId);
  const totals = deps.responses ? await deps.responses.totals(processId, documents.map((d) => d.id)) : new Map<string, { comments: number; answered: number }>();
  return {
    items: documents.map((d) => ({
      id: d.id,
      title: d.title,
      ...(d.summary ? { summary: d.summary } : {}),
      currentVersion: d.currentVersion,
      ...(d.publishedAt ? { publishedAt: d.publishedAt } : {}),
      comments: Math.max(0, totals.get(d.id)?.comments ?? 0),
      answered: Math.max(0, totals.get(d.id)?.answered ?? 0),
    })),
  };
}

/** A document of the process, in any state (404 when there is none by that id). */
export async function storedDocument(deps: Pick<DocumentDeps, 'documents'>, processId: string, documentId: string): Promise<StoredDocument> {
  const document = await deps.documents.document(processId, documentId);
  if (!document) throw new NotFoundError('Dokumentet findes ikke.');
  return document;
}

/**
 * Create a document. Primary course:
 * 1. The process exists (404).
 * 2. The document, unpublished (version 0), and its first draft: the title as its only heading, for
 *    the admin to write on (a draft always has at least one block).
 * 3. Written with its audit entry ('document-create') in one transaction, if no document of the
 *    process has the id (else 409 at the id: ids are the document's address and never change).
 */
export async function createDocument(deps: DocumentDeps, actor: ConsultActor, processId: string, input: DocumentCreate, now: Date): Promise<Draft> {
  await getProcess(deps.processes, processId);
  const at = now.toISOString();
  const document: StoredDocument = {
    processId,
    id: input.id,
    title: input.title,
    ...(input.summary ? { summary: input.summary } : {}),
    currentVersion: 0,
    publishedNos: [],
    createdAt: at,
    updatedAt: at,
  };
  const draft: Draft = {
    documentId: input.id,
    title: input.title,
    ...(input.summary ? { summary: input.summary } : {}),
    blocks: [{ kind: 'heading', text: input.title }],
    basedOnVersion: 0,
    updatedAt: at,
  };
  const audit = await consultAudit(deps, actor, now, { processId, action: 'document-create', targetKind: 'document', targetId: input.id });
  if ((await deps.documents.createDocument(document, draft, audit)) === 'exists') {
    throw new ConflictError('document-exists', `Forløbet har allerede et dokument med id'et "${input.id}". Vælg et andet.`, [{ path: 'body.id', message: 'Id’et er allerede brugt i forløbet.' }]);
  }
  return draft;
}
