import type { IdeaListItem, IdeaListQuery, IdeaSort } from '#shared/schemas/idea';
import { fetchIdeas } from '../../api/processes';
import { usePagedList } from '../usePagedList';

export interface IdeaListOptions {
  sort?: IdeaSort;
  pageSize?: number;
}

export type IdeaFilters = Partial<Pick<IdeaListQuery, 'sort' | 'area' | 'status' | 'event' | 'q' | 'phase' | 'seed'>>;

/** A process's ideas, one cursor page at a time; `loadMore` appends the next page. */
export function useIdeaList(options: IdeaListOptions = {}) {
  const limit = options.pageSize ?? 20;
  let processId: string | undefined;
  let filters: IdeaFilters = { sort: options.sort ?? 'new' };
  const fetchPage = (cursor: string | undefined, signal: AbortSignal) =>
    fetchIdeas(processId ?? '', { ...filters, limit, ...(cursor ? { cursor } : {}) }, signal);
  // An idea can move between pages while someone reads; show it once.
  const list = usePagedList<IdeaListItem>(fetchPage, { key: (idea) => idea.id });

  function load(id: string, newFilters?: IdeaFilters) {
    processId = id;
    if (newFilters) filters = { sort: options.sort ?? 'new', ...newFilters };
    return list.load();
  }

  const { items, hasMore, status, error, loadMore, retry } = list;
  return { items, hasMore, status, error, load, loadMore, retry };
}

const SEED_KEY = 'deltag.seed';

/**
 * The visitor's seed for the random order: made once per tab and kept in sessionStorage, so "Vis
 * flere" continues the same shuffle and a reload does not reshuffle.
 */
export function randomSeed(): string {
  try {
    const saved = sessionStorage.getItem(SEED_KEY);
    if (saved && /^[A-Za-z0-9_-]{1,64}$/.test(saved)) return saved;
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    const seed = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem(SEED_KEY, seed);
    return seed;
  } catch {
    return 'fallback';
  }
}
