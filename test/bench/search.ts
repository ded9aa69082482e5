import process_ from 'node:process';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { toItem } from '#functions/adapters/dynamodb/ideas';
import { keys } from '#functions/adapters/dynamodb/keys';
import { queryAll } from '#functions/adapters/dynamodb/query';
import { searchDocStore } from '#functions/adapters/dynamodb/search-docs';
import type { SearchChange } from '#functions/domain/ports/search';
import { searchDocOf } from '#functions/domain/search/documents';
import { createSearchIndex } from '#functions/domain/search/engine';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { Capacity } from './capacity';
import type { cpuMeter } from './cpu';
import { generateIdeas, RARE_WORDS, writeIdeas } from './search-ideas';
import { PROCESS_ID } from './seed';
import { ratio, round, runPool, summarize, type Summary } from './stats';

/**
 * Search on a process with 10,000 ideas (issue 18): the public list's search (`GET …/ideas?q=`) and the
 * wizard's similar ideas (`GET …/similar?text=`) through the local gateway, against the raw baseline of
 * one page (20 items) of the process's "new" list index read with the SDK, in the same run and
 * interleaved one request at a time (search, raw, similar, raw, …) so the shared machine's noise hits
 * both sides alike. Read units: every DynamoDB call of the handlers' client during a search, against
 * the raw Query's, both with ReturnConsumedCapacity.
 */
export const SEARCH_PROCESS = 'soeg-bench';

/** The fixed query mix: what people type, with the forms the engine must handle. */
export const SEARCH_QUERIES: { q: string; kind: string }[] = [
  { q: 'chatbot', kind: 'single word' },
  { q: 'hjemmeplejen', kind: 'single word' },
  { q: 'affaldsindsamling', kind: 'single word' },
  { q: 'skolerne', kind: 'single word' },
  { q: 'chatbotten', kind: 'inflected' },
  { q: 'sprogmodellerne', kind: 'inflected' },
  { q: 'algoritmer', kind: 'inflected' },
  { q: 'robotterne', kind: 'inflected' },
  { q: 'hjemmeplejn', kind: 'typo' },
  { q: 'sagsbehandlng', kind: 'typo' },
  { q: 'talegenkendlse', kind: 'typo' },
  { q: 'chatbot borgerservice', kind: 'two words' },
  { q: 'sensorer energiforbruget', kind: 'two words' },
  { q: 'oversættelsesværktøj breve', kind: 'two words' },
  { q: RARE_WORDS[0]!, kind: 'rare word' },
  { q: RARE_WORDS[2]!, kind: 'rare word' },
  { q: 'borgerne', kind: 'common word' },
  { q: 'medarbejderne', kind: 'common word' },
  { q: 'svoemmehallen', kind: 'folded (ø as oe, æ as ae)' },
  { q: 'plejecentre aeldre', kind: 'folded, two words' },
];

const SIMILAR_TEXTS = [
  'Chatbot til borgerhenvendelser i Borgerservice. En chatbot kunne svare på de enkle spørgsmål.',
  'Robotter til snerydning i parkerne, så stierne er ryddet før folk går på arbejde.',
  'Sprogmodel til journalnotater i hjemmeplejen. Medarbejderne skriver meget.',
  'Sensorer måler energiforbruget i skolerne og slukker lyset.',
];

// Mirrors the list Query of `listPublic` in functions/src/adapters/dynamodb/ideas.ts (sort=new, no
// filter): one page of 20 with one more to know whether a next page exists.
const LIST_ATTRIBUTES = [
  'pk', 'sk', 'gsiList', 'gsiArea', 'id', 'processId', 'title', 'excerpt', 'area', 'effects', 'beneficiaries',
  'status', 'authorId', 'authorName', 'authorType', 'voteCount', 'commentCount', 'trendScore', 'eventId', 'channel', 'createdAt', 'updatedAt',
];
const names = Object.fromEntries(LIST_ATTRIBUTES.map((a, i) => [`#a${i}`, a]));
const newPageQuery = () =>
  new QueryCommand({
    TableName: mainTable.localName,
    IndexName: 'listNew',
    KeyConditionExpression: '#p = :p',
    ExpressionAttributeNames: { '#p': 'gsiList', ...names },
    ExpressionAttributeValues: { ':p': keys.processList(SEARCH_PROCESS) },
    ProjectionExpression: Object.keys(names).join(', '),
    ScanIndexForward: false,
    Limit: 21,
    ReturnConsumedCapacity: 'TOTAL',
  });

export interface SearchSeed {
  ideas: number;
  publicIdeas: number;
  writeMs: number;
  /** From the first write until every idea had its search document (counted in the store). */
  indexedMs: number;
  /** 'stream': the local stream poller and the projector made them all; 'direct': it had not within the limit, the rest were applied to the store here. */
  indexedVia: 'stream' | 'direct';
  /** Documents the stream projector had made when the seed stopped waiting for it. */
  byStream: number;
  /** performance.now() when every document was stored. */
  indexedAt: number;
}

/** How long the seed waits for the stream projector before applying the missing documents itself. */
const STREAM_WAIT_MS = 240_000;
/** OVERLAP_MS of domain/search/cache.ts (30 s) and a margin. */
const SETTLE_MS = 35_000;

/** A copy of the seeded process under SEARCH_PROCESS, and its 10,000 generated ideas. */
export async function seedSearch(raw: DynamoDBDocumentClient, count: number, log: (m: string) => void): Promise<SearchSeed> {
  const processes = processStore(raw, mainTable.localName);
  const base = await processes.get(PROCESS_ID);
  if (!base) throw new Error(`the seeded process ${PROCESS_ID} is missing`);
  await processes.put({ ...base, id: SEARCH_PROCESS, title: { da: 'Søgebenchmark', en: 'Search benchmark' } });
  const ideas = generateIdeas(base, count);
  const mine = ideas.map((i) => ({ ...i, processId: SEARCH_PROCESS }));
  const t = performance.now();
  await writeIdeas(raw, mine);
  const writeMs = performance.now() - t;
  const publicIdeas = ideas.filter((i) => ['published', 'under_review', 'selected', 'not_selected', 'implemented'].includes(i.status) && !i.held).length;
  log(`search: ${count} ideas (${publicIdeas} public) written with BatchWriteItem in ${Math.round(writeMs)} ms; waiting for the stream projector`);

  let documents = await countDocs(raw);
  let logged = performance.now();
  while (documents < count && performance.now() - t < STREAM_WAIT_MS) {
    await new Promise((r) => setTimeout(r, 1000));
    documents = await countDocs(raw);
    if (performance.now() - logged > 15_000) {
      log(`search: ${documents} of ${count} documents made by the stream projector after ${Math.round((performance.now() - t) / 1000)} s`);
      logged = performance.now();
    }
  }
  const byStream = documents;
  let indexedVia: SearchSeed['indexedVia'] = 'stream';
  if (documents < count) {
    // Unversioned writes of the missing ones: what the projector stores later, versioned by its stream record, still wins.
    log(`search: only ${documents} of ${count} documents after ${STREAM_WAIT_MS / 1000} s; applying the missing ones through the SearchDocStore directly`);
    const have = await docIds(raw);
    const changes = mine.filter((i) => !have.has(i.id)).map((i): SearchChange => ({ doc: searchDocOf(toItem(i))! }));
    const store = searchDocStore(raw, mainTable.localName);
    const slices = Array.from({ length: Math.ceil(changes.length / 250) }, (_, k) => changes.slice(k * 250, k * 250 + 250));
    await runPool(slices, 4, (slice) => store.apply(slice, new Date()));
    indexedVia = 'direct';
  }
  const indexedMs = performance.now() - t;
  log(`search: every idea's search document stored ${Math.round(indexedMs)} ms after the first write (${indexedVia})`);
  return { ideas: count, publicIdeas, writeMs: round(writeMs), indexedMs: round(indexedMs), indexedVia, byStream, indexedAt: performance.now() };
}

/** The ids of the search process's documents (keys only). */
async function docIds(raw: DynamoDBDocumentClient): Promise<Set<string>> {
  const items = await queryAll(raw, {
    TableName: mainTable.localName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.searchDocs(SEARCH_PROCESS, 'ideas') },
    ProjectionExpression: 'sk',
  });
  return new Set(items.map((item) => item.sk as string));
}

/** Documents in the search process's partition (a Select COUNT Query: no document is sent). */
async function countDocs(raw: DynamoDBDocumentClient): Promise<number> {
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await raw.send(
      new QueryCommand({
        TableName: mainTable.localName,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'attribute_not_exists(removed)',
        ExpressionAttributeValues: { ':pk': keys.searchDocs(SEARCH_PROCESS, 'ideas') },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    n += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return n;
}

export interface SearchOptions {
  apiUrl: string;
  raw: DynamoDBDocumentClient;
  /** Read units of the handlers' client (ReturnConsumedCapacity on every call while on). */
  capacity: Capacity;
  cpu: ReturnType<typeof cpuMeter>;
  /** When the seed's last document was stored (performance.now()). */
  seed: { indexedAt: number };
  /** Requests per side (search, similar, raw). */
  samples: number;
  log: (m: string) => void;
}

interface Side {
  latency: Summary;
  errors: number;
  readUnitsPerRequest: number;
  /** Hits per request (search: the first page's items; raw: the page). */
  itemsPerRequest: number;
}

export async function measureSearch(options: SearchOptions) {
  const { apiUrl, raw, capacity } = options;
  const searchPath = (i: number) => `/processes/${SEARCH_PROCESS}/ideas?${new URLSearchParams({ q: SEARCH_QUERIES[i % SEARCH_QUERIES.length]!.q, limit: '20' })}`;
  const similarPath = (i: number) => `/processes/${SEARCH_PROCESS}/similar?${new URLSearchParams({ text: SIMILAR_TEXTS[i % SIMILAR_TEXTS.length]! })}`;

  capacity.on();
  try {
    return await measureOn(options, searchPath, similarPath);
  } finally {
    capacity.off();
  }
}

async function measureOn(options: SearchOptions, searchPath: (i: number) => string, similarPath: (i: number) => string) {
  const { apiUrl, raw, capacity } = options;
  // Cold: the first search of the process makes the function load every document into its index.
  // A cold load that runs past the function's timeout answers 503 and is forgotten: the next request loads again.
  const coldFailures: { status: number; ms: number }[] = [];
  let cold = await timed(() => get(apiUrl, searchPath(0)), capacity);
  while (cold.status !== 200 && coldFailures.length < 3) {
    coldFailures.push({ status: cold.status, ms: round(cold.ms) });
    options.log(`search: the first search answered ${cold.status} after ${Math.round(cold.ms)} ms; asking again`);
    cold = await timed(() => get(apiUrl, searchPath(0)), capacity);
  }
  if (cold.status !== 200) throw new Error(`search: the first search answered ${cold.status} ${coldFailures.length + 1} times`);
  options.log(`search: first (cold) search ${Math.round(cold.ms)} ms, ${cold.units} read units`);

  const sides = { search: new Acc(), similar: new Acc(), raw: new Acc() };
  const perQuery = new Map<string, number[]>();
  const runRaw = async () => {
    const t = performance.now();
    const out = await raw.send(newPageQuery());
    const ms = performance.now() - t;
    return { ms, ok: out.Items?.length === 21, units: out.ConsumedCapacity?.CapacityUnits ?? Number.NaN, items: Math.min(20, out.Items?.length ?? 0) };
  };
  const runApi = async (path: string, acc: Acc, record: boolean, q?: string) => {
    const r = await timed(() => get(apiUrl, path), capacity);
    if (!record) return;
    acc.add(r.ms, r.status === 200, r.units, r.items);
    if (q !== undefined) perQuery.set(q, [...(perQuery.get(q) ?? []), r.ms]);
  };
  // A warm index refreshes from the change log since a little before its last read (cache.ts OVERLAP_MS,
  // 30 s); right after the seed's burst of 10,000 entries that log is longer than a refresh reads, so it
  // loads everything again. The steady state comes once the burst is older: wait that out, and say so.
  const settle = Math.max(0, options.seed.indexedAt + SETTLE_MS - performance.now());
  options.log(`search: waiting ${Math.round(settle / 1000)} s until the seed's change-log burst is past the refresh window`);
  await new Promise((r) => setTimeout(r, settle));
  // Warm-up: every query and text once, and raw reads, none recorded.
  for (let i = 0; i < SEARCH_QUERIES.length; i++) {
    await runApi(searchPath(i), sides.search, false);
    await runRaw();
  }
  for (let i = 0; i < SIMILAR_TEXTS.length; i++) await runApi(similarPath(i), sides.similar, false);

  const c0 = options.cpu.sample();
  for (let i = 0; i < options.samples; i++) {
    // search, raw, similar, raw: each API request has a raw read right beside it.
    await runApi(searchPath(i), sides.search, true, SEARCH_QUERIES[i % SEARCH_QUERIES.length]!.q);
    const a = await runRaw();
    sides.raw.add(a.ms, a.ok, a.units, a.items);
    await runApi(similarPath(i), sides.similar, true);
    const b = await runRaw();
    sides.raw.add(b.ms, b.ok, b.units, b.items);
  }
  const c1 = options.cpu.sample();

  const search = sides.search.result();
  const similar = sides.similar.result();
  const rawSide = sides.raw.result();
  return {
    process: SEARCH_PROCESS,
    queries: SEARCH_QUERIES,
    samplesPerSide: options.samples,
    p50Ms: search.latency.p50,
    p95Ms: search.latency.p95,
    p99Ms: search.latency.p99,
    p50Ratio: ratio(search.latency.p50, rawSide.latency.p50),
    p95Ratio: ratio(search.latency.p95, rawSide.latency.p95),
    readRatio: ratio(search.readUnitsPerRequest, rawSide.readUnitsPerRequest),
    coldLoadMs: round(cold.ms),
    coldLoadReadUnits: round(cold.units),
    coldLoadFailures: coldFailures,
    settledMs: round(settle),
    search,
    similar: { ...similar, p95Ratio: ratio(similar.latency.p95, rawSide.latency.p95) },
    raw: rawSide,
    coldLoadParts: await coldLoadParts(raw),
    perQueryP50Ms: Object.fromEntries([...perQuery].map(([q, ms]) => [q, summarize(ms).p50])),
    cpuMsPerRound: { node: ratio(c1.nodeMs - c0.nodeMs, options.samples), java: c1.javaMs === undefined || c0.javaMs === undefined ? undefined : ratio(c1.javaMs - c0.javaMs, options.samples) },
  };
}

/**
 * The cold load split in its two parts, in this process with the same code the cache runs (median of
 * three): reading every document of the process (store.all, one paginated Query) and building the index.
 */
async function coldLoadParts(raw: DynamoDBDocumentClient) {
  const store = searchDocStore(raw, mainTable.localName);
  const process = await processStore(raw, mainTable.localName).get(SEARCH_PROCESS);
  // As domain/search/scope.ts names them for the index: the Danish name of each area.
  const names = new Map(process!.areas.map((a) => [a.id, a.name.da]));
  const runs: { readMs: number; buildMs: number; docs: number; heapMb: number }[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const { docs } = await store.all(SEARCH_PROCESS, 'ideas');
    const read = performance.now();
    const heap = process_.memoryUsage().heapUsed;
    const index = createSearchIndex({ areaName: (id) => names.get(id) });
    for (const doc of docs) index.put(doc);
    runs.push({ readMs: read - t, buildMs: performance.now() - read, docs: docs.length, heapMb: (process_.memoryUsage().heapUsed - heap) / 2 ** 20 });
  }
  const mid = (f: (r: (typeof runs)[number]) => number) => round(runs.map(f).sort((a, b) => a - b)[1]!);
  return { docs: runs[0]!.docs, readMs: mid((r) => r.readMs), buildMs: mid((r) => r.buildMs), heapGrowthMb: mid((r) => r.heapMb) };
}

async function get(apiUrl: string, path: string) {
  const res = await fetch(`${apiUrl}${path}`);
  const body = (await res.json()) as { items?: unknown[] };
  return { status: res.status, items: body.items?.length ?? 0 };
}

async function timed(call: () => Promise<{ status: number; items: number }>, capacity: Capacity) {
  capacity.reset();
  const t = performance.now();
  const r = await call();
  return { ...r, ms: performance.now() - t, units: capacity.units() };
}

class Acc {
  private ms: number[] = [];
  private errors = 0;
  private units = 0;
  private items = 0;
  add(ms: number, ok: boolean, units: number, items: number) {
    this.ms.push(ms);
    if (!ok) this.errors++;
    this.units += units;
    this.items += items;
  }
  result(): Side {
    return {
      latency: summarize(this.ms),
      errors: this.errors,
      readUnitsPerRequest: ratio(this.units, this.ms.length),
      itemsPerRequest: ratio(this.items, this.ms.length),
    };
  }
}
