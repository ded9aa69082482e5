import type { Highlight, Segment } from '#shared/schemas/highlight';
import type { SearchChange, SearchDoc, SearchDocStore, SearchKind } from '#functions/domain/ports';
import type { SearchHit, SearchIndex } from '#functions/domain/search/types';
import type { SearchCache } from '#functions/domain/search/cache';
import { searchDocOf } from '#functions/domain/search/documents';
import { createSearchIndex } from '#functions/domain/search/engine';
import type { FakeTables } from './tables';

/**
 * An in-memory SearchDocStore: the documents, and a change log that can be made to "expire"
 * (`expireBefore`) so a reader gets `complete: false`. It counts its reads, for the cache's tests.
 */
export function fakeSearchDocStore(clock: { now(): Date } = { now: () => new Date() }) {
  const docs = new Map<string, SearchDoc>();
  const log: { at: string; processId: string; kind: SearchKind; change: SearchChange }[] = [];
  const reads = { all: 0, changesSince: 0 };
  let logStartsAt = '';
  const kindOf = (kind: SearchDoc['kind']): SearchKind => (kind === 'idea' ? 'ideas' : 'comments');
  const store: SearchDocStore = {
    async apply(changes, at) {
      for (const change of changes) {
        const target = 'doc' in change ? change.doc : change.removed;
        const key = `${target.kind}:${target.id}`;
        if ('doc' in change) docs.set(key, structuredClone(change.doc));
        else docs.delete(key);
        log.push({ at: at.toISOString(), processId: target.processId, kind: kindOf(target.kind), change: structuredClone(change) });
      }
    },
    async all(processId, kind) {
      reads.all++;
      const loadedAt = clock.now().toISOString();
      return { docs: [...docs.values()].filter((d) => d.processId === processId && kindOf(d.kind) === kind).map((d) => structuredClone(d)), loadedAt };
    },
    async changesSince(processId, kind, since) {
      reads.changesSince++;
      const readAt = clock.now().toISOString();
      const changes = log.filter((e) => e.processId === processId && e.kind === kind && e.at >= since).map((e) => structuredClone(e.change));
      return { changes, readAt, complete: since >= logStartsAt };
    },
  };
  return {
    store,
    reads,
    /** The log forgets what came before `at`: a reader asking from earlier must load everything. */
    expireBefore(at: string) {
      logStartsAt = at;
    },
  };
}

/** Words of a text, lower-cased (the fake index matches whole words; the real engine does far more). */
const words = (text: string) => text.toLocaleLowerCase('da').match(/[\p{L}\p{N}]+/gu) ?? [];
const textOf = (doc: SearchDoc) => (doc.kind === 'idea' ? [doc.title, doc.plainSummary ?? '', doc.body] : [doc.body]).join(' ');

/** Marks the query's words in a text, as segments. */
export function markWords(text: string, query: string): Segment[] {
  const wanted = new Set(words(query));
  const segments: Segment[] = [];
  for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
    if (!part) continue;
    if (wanted.has(part.toLocaleLowerCase('da'))) segments.push({ text: part, hit: true });
    else if (segments.length && !segments[segments.length - 1]!.hit) segments[segments.length - 1]!.text += part;
    else segments.push({ text: part });
  }
  return segments;
}

/**
 * A whole-word SearchIndex for use-case tests: score = matched query words (title words twice),
 * newest first on a tie. Records the area-name lookup it was given, as the real engine uses it.
 */
export function fakeSearchIndex(areaName: (id: string) => string | undefined = () => undefined): SearchIndex & { areaName: typeof areaName } {
  const docs = new Map<string, SearchDoc>();
  return {
    areaName,
    put: (doc) => void docs.set(doc.id, structuredClone(doc)),
    remove: (id) => void docs.delete(id),
    get: (id) => docs.get(id),
    get size() {
      return docs.size;
    },
    search(text, filter) {
      const query = new Set(words(text));
      if (!query.size) return [];
      const hits: (SearchHit & { at: string })[] = [];
      for (const doc of docs.values()) {
        if (filter && !filter(doc)) continue;
        const body = new Set(words(`${textOf(doc)} ${doc.kind === 'idea' ? (areaName(doc.area) ?? '') : ''}`));
        const title = new Set(doc.kind === 'idea' ? words(doc.title) : []);
        const score = [...query].reduce((sum, w) => sum + (body.has(w) ? 1 : 0) + (title.has(w) ? 1 : 0), 0);
        if (score > 0) hits.push({ id: doc.id, score, at: doc.createdAt });
      }
      return hits.sort((a, b) => b.score - a.score || b.at.localeCompare(a.at)).map(({ id, score }) => ({ id, score }));
    },
    highlight(doc, text, excerpt): Highlight {
      const title = doc.kind === 'idea' ? markWords(doc.title, text) : [];
      const body = markWords(doc.kind === 'idea' ? doc.body : doc.body, text);
      return { title, snippet: body.some((s) => s.hit) ? body : [{ text: excerpt ?? doc.body.slice(0, 200) }] };
    },
  };
}

/**
 * The search cache over the fake tables, with the real engine: each use builds the process's index
 * from the tables' ideas or comments as the projector would (documents.ts). `freeze()` keeps the
 * indexes as they are next built, so a test can change the tables behind a lagging index.
 */
export function fakeSearch(tables: FakeTables) {
  let frozen: Map<string, SearchIndex> | undefined;
  const build = (processId: string, kind: SearchKind, areas?: ReadonlyMap<string, string>) => {
    const index = createSearchIndex({ areaName: (id) => areas?.get(id) });
    const items = kind === 'ideas' ? [...tables.ideas.values()].map((i) => ({ type: 'idea', ...i })) : [...tables.comments.values()].map((c) => ({ type: 'comment', ...c }));
    for (const item of items) {
      const doc = searchDocOf(item);
      if (doc?.processId === processId) index.put(doc);
    }
    return index;
  };
  const cache: SearchCache = {
    async index(processId, kind, areas) {
      if (!frozen) return build(processId, kind, areas);
      const key = `${processId}:${kind}`;
      if (!frozen.has(key)) frozen.set(key, build(processId, kind, areas));
      return frozen.get(key)!;
    },
  };
  return {
    cache,
    freeze: () => void (frozen = new Map()),
  };
}
