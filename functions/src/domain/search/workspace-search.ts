// handler --> (use case) --> ProcessStore, SearchCache, IdeaStore.current
import type { WorkspaceSearch, WorkspaceSearchHit, WorkspaceSearchQuery } from '#shared/schemas/search';
import type { ProcessStore } from '../ports';
import type { CommentSearchDoc, IdeaSearchDoc } from '../ports/search';
import { getProcess } from '../processes';
import { currentIdeas, type SearchDeps } from './idea-search';
import { decodeOffset, pageOf } from './paging';
import { areaNames, phaseSpans, withinSpans } from './scope';

/**
 * The moderators' search (issue 18): every idea of a process in any status (hidden, pending, held,
 * rejected, merged too), or every comment in any state. Primary course:
 * 1. The process exists (404); the route lets moderators only.
 * 2. Ideas: the warm index ranks them with the filters (status, area, phase: when it was posted);
 *    the page's ideas are read again consistently, so status, held and title are the current ones
 *    and the filters are checked on them too.
 * 3. Comments: the comment index ranks them; area and status filter by the comment's idea (the
 *    comments on hidden ideas, say), phase by when the comment was written. Each hit names its idea's
 *    current title, read consistently with the page.
 * 4. Offset cursor bound to the query (paging.ts); highlights as text segments.
 */
export async function searchWorkspace(deps: SearchDeps & { processes: Pick<ProcessStore, 'get'> }, processId: string, query: WorkspaceSearchQuery): Promise<WorkspaceSearch> {
  const process = await getProcess(deps.processes, processId);
  const q = query.q.trim();
  const areas = areaNames(process);
  const spans = query.phase ? phaseSpans(process, query.phase) : undefined;
  const ideaFits = (idea: Pick<IdeaSearchDoc, 'area' | 'status'>) => (!query.area || idea.area === query.area) && (!query.status || idea.status === query.status);
  const inPhase = (at: string) => !spans || withinSpans(at, spans);
  const scope = ['workspace', process.id, q, query.kind, query.status, query.area, query.phase];
  const offset = decodeOffset(query.cursor, scope);
  const ideas = await deps.search.index(process.id, 'ideas', areas);

  if (query.kind === 'ideas') {
    const hits = ideas.search(q, (doc) => doc.kind === 'idea' && ideaFits(doc) && inPhase(doc.createdAt));
    const { page, nextCursor } = pageOf(hits, offset, query.limit, scope);
    const live = await currentIdeas(deps, page.map((h) => h.id));
    const items = page.flatMap((hit): WorkspaceSearchHit[] => {
      const idea = live.get(hit.id);
      const doc = ideas.get(hit.id);
      if (!idea || doc?.kind !== 'idea' || idea.processId !== process.id || !ideaFits(idea)) return [];
      const { id, title, status, authorName, authorType, createdAt } = idea;
      return [{ kind: 'idea', id, ideaId: id, title, status, held: !!idea.held, authorName, authorType, createdAt, highlight: ideas.highlight({ ...doc, title }, q, idea.excerpt) }];
    });
    return { items, nextCursor };
  }

  const comments = await deps.search.index(process.id, 'comments', areas);
  const ideaOf = (doc: CommentSearchDoc) => ideas.get(doc.ideaId);
  const hits = comments.search(q, (doc) => {
    if (doc.kind !== 'comment' || !inPhase(doc.createdAt)) return false;
    if (!query.area && !query.status) return true;
    const idea = ideaOf(doc);
    return !!idea && idea.kind === 'idea' && ideaFits(idea);
  });
  const { page, nextCursor } = pageOf(hits, offset, query.limit, scope);
  const docs = page.flatMap((hit) => {
    const doc = comments.get(hit.id);
    return doc?.kind === 'comment' ? [doc] : [];
  });
  const live = await currentIdeas(deps, docs.map((d) => d.ideaId));
  const items = docs.flatMap((doc): WorkspaceSearchHit[] => {
    const idea = live.get(doc.ideaId);
    if (!idea || idea.processId !== process.id || ((query.area || query.status) && !ideaFits(idea))) return [];
    const { id, ideaId, status, authorName, authorType, createdAt } = doc;
    // A comment has no title of its own: the hit is named by its idea's current title, unmarked.
    const highlight = { ...comments.highlight(doc, q), title: [{ text: idea.title }] };
    return [{ kind: 'comment', id, ideaId, title: idea.title, status, held: status === 'held', authorName, ...(authorType ? { authorType } : {}), createdAt, highlight }];
  });
  return { items, nextCursor };
}
