import { describe, expect, it } from 'vitest';
import type { IdeaSearchDoc } from '#functions/domain/ports';
import { createSearchCache, OVERLAP_MS, refreshMsFromEnv } from '#functions/domain/search/cache';
import { fakeClock } from '../fakes/clock';
import { fakeSearchDocStore, fakeSearchIndex } from '../fakes/search';

/** The warm function's per-process index: one load, the change log after it, reloads when the log is short, a throttle. */
const P = 'ai-i-gentofte';
const doc = (id: string, title: string, over: Partial<IdeaSearchDoc> = {}): IdeaSearchDoc => ({
  kind: 'idea', id, processId: P, title, body: 'Tekst', area: 'born-og-unge', status: 'published', held: false,
  authorName: 'Anna', authorType: 'citizen', createdAt: '2026-03-01T10:00:00.000Z', ...over,
});

function world(refreshMs = 1000) {
  const clock = fakeClock('2026-03-10T12:00:00.000Z');
  const docs = fakeSearchDocStore(clock);
  let built = 0;
  const cache = createSearchCache({
    store: docs.store,
    newIndex: (areaName) => (built++, fakeSearchIndex(areaName)),
    refreshMs,
    now: () => clock.now().getTime(),
  });
  const ids = async (text: string) => (await cache.index(P, 'ideas')).search(text).map((h) => h.id);
  return { clock, docs, cache, ids, built: () => built };
}

describe('search cache', () => {
  it('loads a process once, however many requests ask at the same time', async () => {
    const w = world();
    await w.docs.store.apply([{ doc: doc('01A', 'Chatbot i borgerservice') }, { doc: doc('01B', 'Lektiehjælp') }], w.clock.now());

    const [a, b, c] = await Promise.all([w.cache.index(P, 'ideas'), w.cache.index(P, 'ideas'), w.cache.index(P, 'ideas')]);

    expect(w.docs.reads.all).toBe(1);
    expect(w.built()).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(a.size).toBe(2);
    expect(await w.ids('chatbot')).toEqual(['01A']);
  });

  it('keeps processes and kinds apart', async () => {
    const w = world();
    await w.docs.store.apply([{ doc: doc('01A', 'Chatbot') }, { doc: doc('01B', 'Chatbot', { processId: 'andet' }) }], w.clock.now());
    await w.docs.store.apply([{ doc: { kind: 'comment', id: '01C', processId: P, ideaId: '01A', body: 'Chatbot er godt', status: 'visible', authorName: 'Bo', createdAt: '2026-03-02T10:00:00.000Z' } }], w.clock.now());

    expect(await w.ids('chatbot')).toEqual(['01A']);
    expect((await w.cache.index(P, 'comments')).search('chatbot').map((h) => h.id)).toEqual(['01C']);
    expect((await w.cache.index('andet', 'ideas')).search('chatbot').map((h) => h.id)).toEqual(['01B']);
  });

  it('applies new, changed and removed documents from the change log after the refresh interval', async () => {
    const w = world(1000);
    await w.docs.store.apply([{ doc: doc('01A', 'Chatbot') }, { doc: doc('01B', 'Robot') }], w.clock.now());
    expect(await w.ids('chatbot')).toEqual(['01A']);

    w.clock.advance(500);
    await w.docs.store.apply([{ doc: doc('01C', 'Chatbot til ældre') }, { doc: doc('01A', 'Skjult', { status: 'hidden' }) }, { removed: { kind: 'idea', id: '01B', processId: P } }], w.clock.now());
    // Within the interval the index is not refreshed: no log read.
    expect(await w.ids('chatbot')).toEqual(['01A']);
    expect(w.docs.reads.changesSince).toBe(0);

    w.clock.advance(500);
    expect(await w.ids('chatbot')).toEqual(['01C']);
    expect(await w.ids('robot')).toEqual([]);
    expect((await w.cache.index(P, 'ideas')).get('01A')).toMatchObject({ title: 'Skjult', status: 'hidden' });
    expect(w.docs.reads).toEqual({ all: 1, changesSince: 1 });
  });

  it('reads the log from a little before its last read, so a change stamped late by another clock is not missed', async () => {
    const w = world(0);
    await w.cache.index(P, 'ideas');
    // Another writer's clock is 20 s behind: its entry lands before our last read time.
    await w.docs.store.apply([{ doc: doc('01L', 'Chatbot') }], new Date(w.clock.now().getTime() - OVERLAP_MS + 10_000));
    w.clock.advance(1);

    expect(await w.ids('chatbot')).toEqual(['01L']);
    expect(w.docs.reads.all).toBe(1);
  });

  it('refreshes at every use with refreshMs 0, and shares one refresh among concurrent requests', async () => {
    const w = world(0);
    await w.cache.index(P, 'ideas');
    await w.docs.store.apply([{ doc: doc('01N', 'Chatbot') }], w.clock.now());

    await Promise.all([w.cache.index(P, 'ideas'), w.cache.index(P, 'ideas'), w.cache.index(P, 'ideas')]);

    expect(w.docs.reads.changesSince).toBe(1);
    expect(await w.ids('chatbot')).toEqual(['01N']);
  });

  it('loads everything again when the log no longer reaches back to its last read', async () => {
    const w = world(0);
    await w.docs.store.apply([{ doc: doc('01A', 'Chatbot') }], w.clock.now());
    await w.cache.index(P, 'ideas');
    w.clock.advance(60 * 60_000);
    await w.docs.store.apply([{ doc: doc('01B', 'Chatbot ny') }], w.clock.now());
    w.docs.expireBefore(new Date(w.clock.now().getTime() - 60_000).toISOString());

    const found = await w.ids('chatbot');

    expect(found.sort()).toEqual(['01A', '01B']);
    expect(w.docs.reads.all).toBe(2);
    expect(w.built()).toBe(2);
  });

  it('loads again after a failed refresh, and tries a failed load again at the next request', async () => {
    const w = world(0);
    const store = w.docs.store;
    let fail = true;
    const cache = createSearchCache({
      store: {
        all: async (p, k) => {
          if (fail) throw new Error('unavailable');
          return store.all(p, k);
        },
        changesSince: async () => {
          throw new Error('unavailable');
        },
      },
      newIndex: (areaName) => fakeSearchIndex(areaName),
      refreshMs: 0,
    });
    await store.apply([{ doc: doc('01A', 'Chatbot') }], w.clock.now());

    await expect(cache.index(P, 'ideas')).rejects.toThrow('unavailable');
    fail = false;
    expect((await cache.index(P, 'ideas')).size).toBe(1);
    await store.apply([{ doc: doc('01B', 'Chatbot ny') }], w.clock.now());
    expect((await cache.index(P, 'ideas')).size).toBe(2);
  });

  it("gives the engine the process's area names, kept current", async () => {
    const w = world();
    const index = (await w.cache.index(P, 'ideas', new Map([['born-og-unge', 'Børn og unge']])));
    const engine = index as ReturnType<typeof fakeSearchIndex>;
    expect(engine.areaName('born-og-unge')).toBe('Børn og unge');

    await w.cache.index(P, 'ideas', new Map([['born-og-unge', 'Børn, unge og familier']]));

    expect(engine.areaName('born-og-unge')).toBe('Børn, unge og familier');
  });

  it('takes its interval from DELTAG_SEARCH_REFRESH_MS, 1000 ms when unset or not a number', () => {
    expect(refreshMsFromEnv({})).toBe(1000);
    expect(refreshMsFromEnv({ DELTAG_SEARCH_REFRESH_MS: '0' })).toBe(0);
    expect(refreshMsFromEnv({ DELTAG_SEARCH_REFRESH_MS: '250' })).toBe(250);
    expect(refreshMsFromEnv({ DELTAG_SEARCH_REFRESH_MS: 'fast' })).toBe(1000);
    expect(refreshMsFromEnv({ DELTAG_SEARCH_REFRESH_MS: '-5' })).toBe(1000);
  });
});
