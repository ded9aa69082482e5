// handler --> (use case) --> ResponseStore, ConsultationReads, ProcessStore
import type * as z from 'zod';
import type { myResponseListSchema, responseListSchema } from '#shared/schemas/consultation';
import type { Actor } from '../../lib/auth';
import { NotFoundError } from '../../lib/errors';
import type { ProcessStore } from '../ports';
import type { ConsultationReads } from './ports';
import { publishedDocument } from './response-context';
import type { ResponseListFilter, ResponseStore } from './response-ports';
import { toResponse } from './response-view';

type ResponseList = z.input<typeof responseListSchema>;
interface ListQuery extends ResponseListFilter {
  limit: number;
  cursor?: string | undefined;
}

/** The comments on a published document (one paragraph or round if asked), by paragraph, with the committee's answers. */
export async function listResponses(deps: { responses: ResponseStore; reads: ConsultationReads }, processId: string, documentId: string, query: ListQuery): Promise<ResponseList> {
  await publishedDocument(deps.reads, processId, documentId);
  const page = await deps.responses.list(processId, documentId, { paragraph: query.paragraph, round: query.round }, query.limit, query.cursor);
  return { items: page.items.map((r) => toResponse(r)), nextCursor: page.nextCursor };
}

/** The workspace's list: every state with its text (held and hidden too), optionally only those still without an answer. */
export async function internalResponses(deps: { responses: ResponseStore; reads: ConsultationReads }, processId: string, documentId: string, query: ListQuery): Promise<ResponseList> {
  const document = await deps.reads.document(processId, documentId);
  if (!document) throw new NotFoundError('Dokumentet findes ikke.');
  const page = await deps.responses.list(processId, documentId, query, query.limit, query.cursor);
  return { items: page.items.map((r) => toResponse(r, 'internal')), nextCursor: page.nextCursor };
}

/**
 * Min side, "hvad skete der med dit input": the person's responses across processes, newest first,
 * with the titles of their process and document and the committee's answers. Titles are read once
 * per process and document on the page.
 */
export async function myResponses(
  deps: { responses: ResponseStore; reads: Pick<ConsultationReads, 'document'>; processes: Pick<ProcessStore, 'get'> },
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<z.input<typeof myResponseListSchema>> {
  const page = await deps.responses.byUser(actor.userId, query.limit, query.cursor);
  const processTitles = new Map<string, Promise<string>>();
  const documentTitles = new Map<string, Promise<string>>();
  const processTitle = (id: string) => processTitles.get(id) ?? processTitles.set(id, deps.processes.get(id).then((p) => p?.title.da ?? id)).get(id)!;
  const documentTitle = (processId: string, id: string) => {
    const key = `${processId}/${id}`;
    return documentTitles.get(key) ?? documentTitles.set(key, deps.reads.document(processId, id).then((d) => d?.title.da ?? id)).get(key)!;
  };
  const items = await Promise.all(
    page.items.map(async (r) => ({
      // One's own response: one sees one's comment while it waits for a moderator, as with one's ideas.
      ...toResponse(r, 'internal'),
      processTitle: await processTitle(r.processId),
      documentTitle: await documentTitle(r.processId, r.documentId),
    })),
  );
  return { items, nextCursor: page.nextCursor };
}
