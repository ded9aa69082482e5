import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '#functions/adapters/dynamodb/keys';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { Capacity } from './capacity';
import type { cpuMeter } from './cpu';
import { generateIdeas, RARE_WORDS, writeIdeas } from './search-ideas';
import { PROCESS_ID } from './seed';
import { ratio, round, summarize, type Summary } from './stats';

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
}

/** A copy of the seeded process under SEARCH_PROCESS, and its 10,000 generated ideas. */
export async function seedSearch(raw: DynamoDBDocumentClient, count: number, log: (m: string) => void): Promise<SearchSeed> {
  const processes = processStore(raw, mainTable.localName);
  const base = await processes.get(PROCESS_ID);
  if (!base) throw new Error(`the seeded process ${PROCESS_ID} is missing`);
  await processes.put({ ...base, id: SEARCH_PROCESS, title: { da: 'Søgebenchmark', en: 'Search benchmark' } });
  const ideas = generateIdeas(base, count);
  const t = performance.now();
  await writeIdeas(raw, ideas.map((i) => ({ ...i, processId: SEARCH_PROCESS })));
  const writeMs = performance.now() - t;
  const publicIdeas = ideas.filter((i) => ['published', 'under_review', 'selected', 'not_selected', 'implemented'].includes(i.status) && !i.held).length;
  log(`search: ${count} ideas (${publicIdeas} public) written with BatchWriteItem in ${Math.round(writeMs)} ms`);
  return { ideas: count, publicIdeas, writeMs: round(writeMs) };
}

export interface SearchOptions {
  apiUrl: string;
  raw: DynamoDBDocumentClient;
  /** Read units of the handlers' client (ReturnConsumedCapacity on every call while on). */
  capacity: Capacity;
  cpu: ReturnType<typeof cpuMeter>;
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
  const cold = await timed(() => get(apiUrl, searchPath(0)), capacity);
  if (cold.status !== 200) throw new Error(`search: the first search answered ${cold.status}`);
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
    search,
    similar: { ...similar, p95Ratio: ratio(similar.latency.p95, rawSide.latency.p95) },
    raw: rawSide,
    perQueryP50Ms: Object.fromEntries([...perQuery].map(([q, ms]) => [q, summarize(ms).p50])),
    cpuMsPerRound: { node: ratio(c1.nodeMs - c0.nodeMs, options.samples), java: c1.javaMs === undefined || c0.javaMs === undefined ? undefined : ratio(c1.javaMs - c0.javaMs, options.samples) },
  };
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
