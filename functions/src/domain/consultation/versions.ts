// handler --> (use case) --> DocumentStore (with its audit entry), the responses side's reads
import { diffVersions } from '#shared/rules/consultation-diff';
import { draftProblems } from '#shared/rules/consultation-draft';
import type { DocumentDiff, Version, VersionPublish } from '#shared/schemas/consultation';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors';
import { nextUpdatedAt, sameInstant } from '../process-admin/record';
import { consultAudit, type ConsultActor } from './document-audit';
import { storedDocument, type DocumentDeps } from './documents';
import { draftChangedMeanwhile } from './drafts';
import { changeProblems, sameContent, type ResponseLookup } from './version-checks';
import { paragraphNumbers } from './ports';

export interface VersionDeps extends DocumentDeps {
  /** The responses side's reads by id (its ResponseStore), when wired: checks a change's comments and gives the diff their text. */
  responses?: ResponseLookup | undefined;
}

/**
 * Publish the draft as the document's next version. Primary course:
 * 1. The document exists (404); the draft is the one the admin looked at (`expectedUpdatedAt`) and
 *    still builds on the current version (else 409: someone saved or published meanwhile).
 * 2. The draft still keeps the numbering rules and the references it cites (409 if the reference
 *    list changed since), holds at least one paragraph and differs from the current version (409).
 * 3. Each named change is a paragraph of the new version that is new or differs from the current
 *    one, named once, and its comments are comments on this document (400 at the field).
 * 4. The version (immutable), the document's current version and publication time, its set of ever
 *    published numbers, and the draft now building on the new version are written with the audit
 *    entry ('document-publish') in one transaction, if nothing changed meanwhile (else 409 as in 1).
 */
export async function publishVersion(deps: VersionDeps, actor: ConsultActor, processId: string, documentId: string, input: VersionPublish, now: Date): Promise<Version> {
  const document = await storedDocument(deps, processId, documentId);
  const [draft, setup] = await Promise.all([deps.documents.draft(processId, documentId), deps.documents.setup(processId)]);
  if (!draft || !sameInstant(draft.updatedAt, input.expectedUpdatedAt) || draft.basedOnVersion !== document.currentVersion) throw draftChangedMeanwhile();
  const referenceIds = (setup?.references?.items ?? []).map((r) => r.id);
  const invalid = draftProblems(draft.blocks, { publishedNos: document.publishedNos, referenceIds });
  if (invalid.length) throw new ConflictError('draft-invalid', `Kladden kan ikke offentliggøres, før den er rettet: ${invalid.map((p) => p.message).join(' ')}`);
  const numbers = paragraphNumbers(draft.blocks);
  if (numbers.length === 0) throw new ConflictError('draft-empty', 'Et dokument skal have mindst ét nummereret afsnit, før det kan offentliggøres.');
  const previous = document.currentVersion > 0 ? await deps.documents.version(processId, documentId, document.currentVersion) : undefined;
  if (previous && sameContent(previous, draft)) throw new ConflictError('draft-unchanged', 'Kladden er magen til den offentliggjorte version. Ret i kladden, før du offentliggør en ny version.');

  const problems = await changeProblems(deps.responses, processId, documentId, input.changes, draft.blocks, previous?.blocks ?? []);
  if (problems.length) throw new ValidationError(problems);

  const at = now.toISOString();
  const next = document.currentVersion + 1;
  const version: Version = {
    documentId,
    version: next,
    title: draft.title,
    ...(draft.summary ? { summary: draft.summary } : {}),
    blocks: draft.blocks,
    note: input.note,
    changes: input.changes,
    publishedAt: at,
  };
  const { summary: _was, ...kept } = document;
  const published = {
    ...kept,
    title: draft.title,
    ...(draft.summary ? { summary: draft.summary } : {}),
    currentVersion: next,
    publishedAt: at,
    publishedNos: [...new Set([...document.publishedNos, ...numbers])].sort((a, b) => a - b),
    updatedAt: at,
  };
  const audit = await consultAudit(deps, actor, now, { processId, action: 'document-publish', targetKind: 'document', targetId: documentId, changes: [{ field: 'version', ...(previous ? { before: previous.version } : {}), after: next }] });
  const outcome = await deps.documents.publish(processId, published, version, { ...draft, basedOnVersion: next, updatedAt: nextUpdatedAt(draft, now) }, draft.updatedAt, audit);
  if (outcome === 'stale') throw draftChangedMeanwhile();
  return version;
}

/**
 * The diff between two published versions (anyone). `from` must be before `to` (400); both must be
 * published versions of a published document (404). Each changed paragraph names the comments the
 * newer version gives as its reasons, with their text and author when the comment is shown publicly.
 */
export async function documentDiff(deps: Pick<VersionDeps, 'documents' | 'responses'>, processId: string, documentId: string, from: number, to: number): Promise<DocumentDiff> {
  if (from >= to) throw new ValidationError([{ path: 'query.from', message: 'Den første version skal være ældre end den anden.' }]);
  const document = await deps.documents.document(processId, documentId);
  if (!document || document.currentVersion < to) throw new NotFoundError('Dokumentet eller versionen findes ikke.');
  const [older, newer] = await Promise.all([deps.documents.version(processId, documentId, from), deps.documents.version(processId, documentId, to)]);
  if (!older || !newer) throw new NotFoundError('Versionen findes ikke.');
  const entries = diffVersions(older.blocks, newer.blocks, newer.changes);
  const ids = [...new Set(entries.flatMap((e) => (e.because ?? []).map((b) => b.id)))];
  const shown = new Map<string, { body?: string; authorName?: string }>();
  if (deps.responses) {
    for (const id of ids) {
      const r = await deps.responses.get(id);
      // Only a comment anyone may read: a held, hidden or deleted one is named by its id alone.
      if (r && r.processId === processId && r.documentId === documentId && r.state === 'visible' && r.comment) {
        shown.set(id, { body: r.comment, ...(r.authorName ? { authorName: r.authorName } : {}) });
      }
    }
  }
  return {
    documentId,
    from,
    to,
    entries: entries.map((e) => (e.because ? { ...e, because: e.because.map((b) => ({ ...b, ...shown.get(b.id) })) } : e)),
  };
}
