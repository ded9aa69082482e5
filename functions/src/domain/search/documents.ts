import { ideaStatuses } from '#shared/rules/values';
import type { IdeaStatus } from '#shared/schemas/idea';
import type { ParticipantType } from '#shared/schemas/user';
import type { CommentSearchDoc, IdeaSearchDoc, SearchChange, SearchDoc, SearchKind } from '../ports/search';

/**
 * What search knows of a table item: the idea's or comment's searchable texts and the state its filters
 * need, and nothing else (no author id, votes or flags). Pure: the projector calls it on the stream's
 * images, the local backfill on scanned items, so both make the same document.
 *
 * Items are the table's own (adapters/dynamodb/ideas.ts toItem, comments.ts create): `type` tells an
 * idea and a comment from everything else in the table. Comments carry their idea's `processId` from
 * their first version on, so no lookup is needed. An item missing a field a document needs is not
 * searchable (undefined), rather than a document that would break the index.
 */
/** The item types that have a search document: the stream's filter (CDK and the local poller) lets only these through. */
export const searchedTypes = ['idea', 'comment'] as const;

export function searchDocOf(item: Record<string, unknown> | undefined): SearchDoc | undefined {
  if (item?.type === 'idea') return ideaDocOf(item);
  if (item?.type === 'comment') return commentDocOf(item);
  return undefined;
}

/**
 * The change a write to one item makes to search: its new document, its removal (the item is gone,
 * or no longer searchable), or nothing. Nothing when the document did not change: a vote moves an
 * idea's counters and trending score, a comment its comment count, and none of those is searched, so
 * the projector writes nothing for them.
 */
export function searchChangeOf(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): SearchChange | undefined {
  const old = searchDocOf(before);
  const now = searchDocOf(after);
  if (now) return old && sameDoc(old, now) ? undefined : { doc: now };
  if (old) return { removed: { kind: old.kind, id: old.id, processId: old.processId } };
  return undefined;
}

/** The store's partition of a document kind. */
export const searchKindOf = (kind: SearchDoc['kind']): SearchKind => (kind === 'idea' ? 'ideas' : 'comments');

/** Whom a change is about, stored or removed. */
export function changeTarget(change: SearchChange): { kind: SearchDoc['kind']; id: string; processId: string } {
  return 'doc' in change ? { kind: change.doc.kind, id: change.doc.id, processId: change.doc.processId } : change.removed;
}

// Both documents are built field by field in one order, so equal documents serialise equally.
const sameDoc = (a: SearchDoc, b: SearchDoc) => JSON.stringify(a) === JSON.stringify(b);

const statuses: ReadonlySet<string> = new Set(ideaStatuses);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function ideaDocOf(item: Record<string, unknown>): IdeaSearchDoc | undefined {
  const [id, processId, title, area, status, createdAt] = [item.id, item.processId, item.title, item.area, item.status, item.createdAt].map(text);
  if (!id || !processId || title === undefined || !area || !status || !statuses.has(status) || !createdAt) return undefined;
  return {
    kind: 'idea',
    id,
    processId,
    title,
    body: text(item.body) ?? '',
    ...(text(item.plainSummary) ? { plainSummary: text(item.plainSummary) } : {}),
    area,
    status: status as IdeaStatus,
    held: item.held === true,
    authorName: text(item.authorName) ?? '',
    authorType: (text(item.authorType) ?? 'citizen') as ParticipantType,
    ...(text(item.eventId) ? { eventId: text(item.eventId) } : {}),
    createdAt,
  };
}

function commentDocOf(item: Record<string, unknown>): CommentSearchDoc | undefined {
  const [id, processId, ideaId, state, createdAt] = [item.id, item.processId, item.ideaId, item.state, item.createdAt].map(text);
  if (!id || !processId || !ideaId || !state || !createdAt) return undefined;
  return {
    kind: 'comment',
    id,
    processId,
    ideaId,
    // A deleted comment keeps no text (comments.ts remove): nothing of it is found any more.
    body: text(item.body) ?? '',
    status: state,
    authorName: text(item.authorName) ?? '',
    ...(text(item.authorType) ? { authorType: text(item.authorType) as ParticipantType } : {}),
    createdAt,
  };
}
