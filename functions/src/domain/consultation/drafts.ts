// handler --> (use case) --> DocumentStore (with its audit entry)
import { draftProblems } from '#shared/rules/consultation-draft';
import type { Draft, DraftSave } from '#shared/schemas/consultation';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors';
import { nextUpdatedAt, sameInstant } from '../process-admin/record';
import { consultAudit, type ConsultActor } from './document-audit';
import { storedDocument, type DocumentDeps } from './documents';

/** The draft of a document's next version (admins, moderators and the committee read it; 404 for an unknown document). */
export async function getDraft(deps: Pick<DocumentDeps, 'documents'>, processId: string, documentId: string): Promise<Draft> {
  await storedDocument(deps, processId, documentId);
  const draft = await deps.documents.draft(processId, documentId);
  if (!draft) throw new NotFoundError('Dokumentet har ingen kladde.');
  return draft;
}

export const draftChangedMeanwhile = () =>
  new ConflictError('draft-changed', 'Kladden er blevet ændret, siden du hentede den. Hent den igen, og gentag din ændring.', [
    { path: 'body.expectedUpdatedAt', message: 'Kladden er ændret af en anden i mellemtiden.' },
  ]);

/**
 * Save the draft of a document's next version. Primary course:
 * 1. The document exists (404) and the draft is the one the admin started from (`expectedUpdatedAt`
 *    is required and must be the stored `updatedAt`, else 409, so no one's work is lost).
 * 2. The numbering rules (rules/consultation-draft.ts): no number twice, a new paragraph numbered
 *    above every number ever published, citations only from the process's reference list (400 at the field).
 * 3. Written with the document's title and summary and the audit entry ('document-draft'), in one
 *    transaction, if still unchanged (else 409 as in 1). Nothing public changes until it is published.
 */
export async function saveDraft(deps: DocumentDeps, actor: ConsultActor, processId: string, documentId: string, input: DraftSave, now: Date): Promise<Draft> {
  const document = await storedDocument(deps, processId, documentId);
  const [stored, setup] = await Promise.all([deps.documents.draft(processId, documentId), deps.documents.setup(processId)]);
  if (!stored || input.expectedUpdatedAt === undefined || !sameInstant(stored.updatedAt, input.expectedUpdatedAt)) throw draftChangedMeanwhile();
  const problems = draftProblems(input.blocks, { publishedNos: document.publishedNos, referenceIds: (setup?.references?.items ?? []).map((r) => r.id) });
  if (problems.length) throw new ValidationError(problems.map((p) => ({ path: `body.${p.path}`, message: p.message })));

  const { expectedUpdatedAt: _expected, ...content } = input;
  const draft: Draft = { ...content, documentId, basedOnVersion: stored.basedOnVersion, updatedAt: nextUpdatedAt(stored, now) };
  const audit = await consultAudit(deps, actor, now, { processId, action: 'document-draft', targetKind: 'document', targetId: documentId });
  if ((await deps.documents.saveDraft(processId, draft, stored.updatedAt, audit)) === 'stale') throw draftChangedMeanwhile();
  return draft;
}
