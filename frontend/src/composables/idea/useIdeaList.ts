import { computed, ref, shallowRef } from 'vue';
import type { IdeaListItem, IdeaListQuery, IdeaSort } from '#shared/schemas/idea';
import { fetchIdeas } from '../../api/processes';
import { useAsyncTask } from '../useAsyncTask';

export interface IdeaListOptions {
  sort?: IdeaSort;
  pageSize?: number;
}

export type IdeaFilters = Partial<Pick<IdeaListQuery, 'sort' | 'area' | 'status' | 'q' | 'seed'>>;

/** A process's ideas, one cursor page at a time; `loadMore` appends the next page. */
export function useIdeaList(options: IdeaListOptions = {}) {
  const limit = options.pageSize ?? 20;
  const items = shallowRef<IdeaListItem[]>([]);
  const nextCursor = ref<string | null>(null);
  const { status, error, run } = useAsyncTask();
  let processId: string | undefined;
  let filters: IdeaFilters = { sort: options.sort ?? 'new' };

  function load(id: string, newFilters?: IdeaFilters) {
    processId = id;
    if (newFilters) filters = { sort: options.sort ?? 'new', ...newFilters };
    return run(async (signal) => {
      const page = await fetchIdeas(id, { ...filters, limit }, signal);
      items.value = page.items;
      nextCursor.value = page.nextCursor;
    });
  }

  async function loadMore() {
    const cursor = nextCursor.value;
    const id = processId;
    if (!cursor || !id) return;
    await run(async (signal) => {
      const page = await fetchIdeas(id, { ...filters, limit, cursor }, signal);
      // An idea can move between pages while someone reads; show it once.
      const seen = new Set(items.value.map((idea) => idea.id));
      items.value = [...items.value, ...page.items.filter((idea) => !seen.has(idea.id))];
      nextCursor.value = page.nextCursor;
    });
  }

  /** Repeats what failed: the first page when nothing is shown yet, otherwise the next page. */
  const retry = () => (items.value.length === 0 && processId ? load(processId) : loadMore());

  const hasMore = computed(() => nextCursor.value !== null);
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
