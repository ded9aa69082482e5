// handler --> domain/ideas (listIdeas with q) --> (use case) --> SearchCache, IdeaStore.current
import type { IdeaListItem, IdeaListQuery } from '#shared/schemas/idea';
import type { Process } from '#shared/schemas/process';
import { isPublic, toListItem } from '../ideas';
import type { IdeaStore, IdeaSummary, Page } from '../ports';
import type { IdeaSearchDoc } from '../ports/search';
import type { SearchCache } from './cache';
import { decodeOffset, pageOf } from './paging';
import { areaNames, phaseSpans, withinSpans } from './scope';

export interface SearchDeps {
  ideas: Pick<IdeaStore, 'current'>;
  search: SearchCache;
}

/** A search needs two non-space characters: one letter finds everything and ranks nothing. */
export const isSearch = (q: string | undefined): q is string => (q ?? '').replace(/\s/gu, '').length >= 2;

type Filtered = Pick<IdeaSearchDoc, 'area' | 'status' | 'createdAt'> & { eventId?: string | undefined };

/** The list's filters (area, status, origin event, phase), read the same way from a document and from the idea itself. */
export function listFilter(process: Process, query: Pick<IdeaListQuery, 'area' | 'status' | 'event' | 'phase'>) {
  const spans = query.phase ? phaseSpans(process, query.phase) : undefined;
  return (idea: Filtered) =>
    (!query.area || idea.area === query.area) &&
    (!query.status || idea.status === query.status) &&
    (!query.event || idea.eventId === query.event) &&
    (!spans || withinSpans(idea.createdAt, spans));
}

/**
 * The public list with a search (`q`). Primary course:
 * 1. The process's warm index (cache.ts) ranks its public ideas that pass the filters (area, status,
 *    origin event, phase) by relevance, newest first on a tie; `sort` does not apply.
 * 2. The cursor is an offset into that ranking, bound to this query (paging.ts; else 400).
 * 3. The page's ideas are read again, consistently, in ONE BatchGet: an idea hidden, held, made
 *    pending or changed since the index last heard of it is decided on its own current state, so the
 *    index's lag can shorten a page but never show what is not public. Counts are the live ones.
 * 4. Each item carries where it matched (highlight: text segments, never HTML).
 */
export async function searchIdeas(deps: SearchDeps, process: Process, query: IdeaListQuery & { q: string }): Promise<Page<IdeaListItem>> {
  const q = query.q.trim();
  const fits = listFilter(process, query);
  const index = await deps.search.index(process.id, 'ideas', areaNames(process));
  const hits = index.search(q, (doc) => doc.kind === 'idea' && isPublic(doc) && fits(doc));
  const scope = ['ideas', process.id, q, query.area, query.status, query.event, query.phase];
  const { page, nextCursor } = pageOf(hits, decodeOffset(query.cursor, scope), query.limit, scope);
  const live = await currentIdeas(deps, page.map((h) => h.id));
  const items = page.flatMap((hit) => {
    const idea = live.get(hit.id);
    const doc = index.get(hit.id);
    if (!idea || !doc || idea.processId !== process.id || !isPublic(idea) || !fits(idea)) return [];
    return [{ ...toListItem(idea), highlight: index.highlight(doc, q, idea.excerpt) }];
  });
  return { items, nextCursor };
}

/** The ideas' current state, by id (one consistent BatchGet; none for an empty page). */
export async function currentIdeas(deps: Pick<SearchDeps, 'ideas'>, ids: string[]): Promise<Map<string, IdeaSummary>> {
  const found = ids.length ? await deps.ideas.current(ids) : [];
  return new Map(found.map((idea) => [idea.id, idea]));
}
