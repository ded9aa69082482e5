import { computed, ref, shallowRef } from 'vue';
import { useAsyncTask, type AsyncStatus } from './useAsyncTask';

/** One page of a cursor-paged list, as every list endpoint of the API answers. */
export interface CursorPage<T> {
  items: readonly T[];
  nextCursor: string | null;
}

export interface PagedListOptions<T, P> {
  /** Told about every page that arrives, e.g. to keep the counts the queue sends along. */
  onPage?: (page: P) => void;
  /** Drops an item a later page repeats: an item can move between pages while someone reads. */
  key?: (item: T) => string;
}

/**
 * A list read one cursor page at a time: `load` fetches the first page (and replaces what is shown),
 * `loadMore` appends the next. One request at a time: a new first page aborts a "more" in flight, so
 * a stale page is never appended to a fresh list, and "more" waits until the first page is in.
 *
 * `status` and `error` belong to the latest request, whichever page it asked for; `firstStatus` and
 * `moreStatus` split them for a page that shows the two apart (a spinner for the list, a busy
 * "Vis flere" button and its own error for the next page).
 */
export function usePagedList<T, P extends CursorPage<T> = CursorPage<T>>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<P>,
  options: PagedListOptions<T, P> = {},
) {
  const items = shallowRef<T[]>([]);
  const cursor = ref<string | null>(null);
  const { status, error, run } = useAsyncTask();
  const requested = ref<'first' | 'more'>('first');

  function load(): Promise<void> {
    requested.value = 'first';
    return run(async (signal) => {
      const page = await fetchPage(undefined, signal);
      items.value = [...page.items];
      cursor.value = page.nextCursor;
      options.onPage?.(page);
    });
  }

  function loadMore(): Promise<void> {
    const from = cursor.value;
    if (!from || (requested.value === 'first' && status.value === 'loading')) return Promise.resolve();
    requested.value = 'more';
    return run(async (signal) => {
      const page = await fetchPage(from, signal);
      const { key } = options;
      const seen = key ? new Set(items.value.map(key)) : undefined;
      const fresh = key && seen ? page.items.filter((item) => !seen.has(key(item))) : page.items;
      items.value = [...items.value, ...fresh];
      cursor.value = page.nextCursor;
      options.onPage?.(page);
    });
  }

  /** Repeats what failed: the first page, or the next one. */
  const retry = () => (requested.value === 'first' ? load() : loadMore());

  const firstStatus = computed<AsyncStatus>(() => (requested.value === 'first' ? status.value : 'done'));
  const moreStatus = computed<AsyncStatus>(() => (requested.value === 'more' ? status.value : 'idle'));
  const hasMore = computed(() => cursor.value !== null);

  return { items, cursor, hasMore, status, error, firstStatus, moreStatus, load, loadMore, retry };
}
