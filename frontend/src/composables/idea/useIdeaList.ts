import { computed, ref, shallowRef } from 'vue';
import type { IdeaListItem, IdeaSort } from '#shared/schemas/idea';
import { fetchIdeas } from '../../api/processes';
import { useAsyncTask } from '../useAsyncTask';

export interface IdeaListOptions {
  sort?: IdeaSort;
  pageSize?: number;
}

/** A process's ideas, one cursor page at a time; `loadMore` appends the next page. */
export function useIdeaList(options: IdeaListOptions = {}) {
  const sort = options.sort ?? 'new';
  const limit = options.pageSize ?? 20;
  const items = shallowRef<IdeaListItem[]>([]);
  const nextCursor = ref<string | null>(null);
  const { status, error, run } = useAsyncTask();
  let processId: string | undefined;

  function load(id: string) {
    processId = id;
    return run(async (signal) => {
      const page = await fetchIdeas(id, { sort, limit }, signal);
      items.value = page.items;
      nextCursor.value = page.nextCursor;
    });
  }

  async function loadMore() {
    const cursor = nextCursor.value;
    const id = processId;
    if (!cursor || !id) return;
    await run(async (signal) => {
      const page = await fetchIdeas(id, { sort, limit, cursor }, signal);
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
