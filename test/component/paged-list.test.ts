import { afterEach, describe, expect, it } from 'vitest';
import { effectScope, type EffectScope } from 'vue';
import { usePagedList, type CursorPage, type PagedListOptions } from '../../frontend/src/composables/usePagedList';

/** usePagedList against a fake fetch whose answers the test releases one by one. */

interface Item {
  id: string;
}
type Page = CursorPage<Item> & { total?: number };

interface Call {
  cursor: string | undefined;
  signal: AbortSignal;
  answer: (page: Page) => Promise<void>;
  fail: (error: unknown) => Promise<void>;
}

/** Settles after the composable has seen the answer (its awaits run in microtasks). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeFetch() {
  const calls: Call[] = [];
  const fetchPage = (cursor: string | undefined, signal: AbortSignal) =>
    new Promise<Page>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
      calls.push({
        cursor,
        signal,
        answer: async (page) => {
          resolve(page);
          await settled();
        },
        fail: async (error) => {
          reject(error);
          await settled();
        },
      });
    });
  return { calls, fetchPage };
}

const items = (...ids: string[]) => ids.map((id) => ({ id }));
const ids = (list: readonly Item[]) => list.map((i) => i.id);

let scope: EffectScope | undefined;
function pagedList(options?: PagedListOptions<Item, Page>) {
  const fake = fakeFetch();
  scope = effectScope();
  const list = scope.run(() => usePagedList<Item, Page>(fake.fetchPage, options))!;
  return { ...fake, list };
}
afterEach(() => scope?.stop());

describe('usePagedList', () => {
  it('shows the first page, appends the next with its cursor, and stops at the last', async () => {
    // Prepare
    const { calls, list } = pagedList();

    // Act
    void list.load();
    expect(list.firstStatus.value).toBe('loading');
    await calls[0]!.answer({ items: items('a', 'b'), nextCursor: 'c1' });
    void list.loadMore();
    expect(list.moreStatus.value).toBe('loading');
    expect(list.firstStatus.value).toBe('done');
    await calls[1]!.answer({ items: items('c'), nextCursor: null });
    await list.loadMore();

    // Assess
    expect(calls.map((c) => c.cursor)).toEqual([undefined, 'c1']);
    expect(ids(list.items.value)).toEqual(['a', 'b', 'c']);
    expect(list.hasMore.value).toBe(false);
    expect(list.moreStatus.value).toBe('done');
  });

  it('replaces the list when the first page is loaded again', async () => {
    const { calls, list } = pagedList();
    void list.load();
    await calls[0]!.answer({ items: items('a'), nextCursor: 'c1' });

    void list.load();
    await calls[1]!.answer({ items: items('z'), nextCursor: null });

    expect(calls[1]!.cursor).toBeUndefined();
    expect(ids(list.items.value)).toEqual(['z']);
    expect(list.cursor.value).toBeNull();
  });

  it('aborts a "more" in flight when the first page is asked for again, and never appends its stale page', async () => {
    const { calls, list } = pagedList();
    void list.load();
    await calls[0]!.answer({ items: items('a'), nextCursor: 'c1' });
    void list.loadMore();

    void list.load();
    await calls[2]!.answer({ items: items('fresh'), nextCursor: null });
    await calls[1]!.answer({ items: items('stale'), nextCursor: 'c2' });

    expect(calls[1]!.signal.aborted).toBe(true);
    expect(ids(list.items.value)).toEqual(['fresh']);
    expect(list.firstStatus.value).toBe('done');
    expect(list.moreStatus.value).toBe('idle');
  });

  it('does not ask for more while the first page is still loading', async () => {
    const { calls, list } = pagedList();
    void list.load();
    await calls[0]!.answer({ items: items('a'), nextCursor: 'c1' });
    void list.load();

    void list.loadMore();
    await settled();

    expect(calls).toHaveLength(2);
    expect(calls[1]!.signal.aborted).toBe(false);
  });

  it('keeps the shown items when the next page fails, and retries that page', async () => {
    const { calls, list } = pagedList();
    void list.load();
    await calls[0]!.answer({ items: items('a'), nextCursor: 'c1' });
    void list.loadMore();
    const failure = new Error('down');

    await calls[1]!.fail(failure);

    expect(list.moreStatus.value).toBe('error');
    expect(list.firstStatus.value).toBe('done');
    expect(list.error.value).toBe(failure);
    expect(ids(list.items.value)).toEqual(['a']);

    void list.retry();
    await calls[2]!.answer({ items: items('b'), nextCursor: null });
    expect(calls[2]!.cursor).toBe('c1');
    expect(ids(list.items.value)).toEqual(['a', 'b']);
    expect(list.status.value).toBe('done');
  });

  it('retries the first page when that is what failed', async () => {
    const { calls, list } = pagedList();
    void list.load();
    await calls[0]!.fail(new Error('down'));
    expect(list.firstStatus.value).toBe('error');

    void list.retry();
    await calls[1]!.answer({ items: items('a'), nextCursor: null });

    expect(calls[1]!.cursor).toBeUndefined();
    expect(ids(list.items.value)).toEqual(['a']);
  });

  it('drops an item a later page repeats when told how to key items', async () => {
    const { calls, list } = pagedList({ key: (item) => item.id });
    void list.load();
    await calls[0]!.answer({ items: items('a', 'b'), nextCursor: 'c1' });

    void list.loadMore();
    await calls[1]!.answer({ items: items('b', 'c'), nextCursor: null });

    expect(ids(list.items.value)).toEqual(['a', 'b', 'c']);
  });

  it('hands every page to onPage, for what a page carries beside its items', async () => {
    const totals: (number | undefined)[] = [];
    const { calls, list } = pagedList({ onPage: (page) => totals.push(page.total) });
    void list.load();
    await calls[0]!.answer({ items: items('a'), nextCursor: 'c1', total: 2 });
    void list.loadMore();
    await calls[1]!.answer({ items: items('b'), nextCursor: null, total: 3 });

    expect(totals).toEqual([2, 3]);
  });
});
