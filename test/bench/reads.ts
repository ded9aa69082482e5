import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { cpuMeter } from './cpu';
import type { Probe } from './probe';
import { startReadFloor } from './read-floor';
import { PROCESS_ID } from './seed';
import { ratio, summarize, type Summary } from './stats';

/**
 * Sequential read latency, gateway vs raw DynamoDB, measured in alternating blocks so that noise on
 * this shared 2-core machine hits every variant alike. Besides the two sides the brief asks for, it
 * measures the same handler called in-process with a ready-made event (no HTTP, no gateway) and the
 * raw list Query alone, to split the gap into gateway, handler and DynamoDB parts. The honest floor for
 * getIdea (issue 19) is a bare `node:http` server doing the same GetItem and writing JSON
 * (read-floor.ts): `getIdea.floor`, the denominator of `floorP50Ratio`/`floorP99Ratio`.
 */
export interface ReadOptions {
  apiUrl: string;
  webUrl: string;
  raw: DynamoDBDocumentClient;
  probe: Probe;
  cpu: ReturnType<typeof cpuMeter>;
  ideaIds: string[];
  samples: number;
  warmup: number;
  block: number;
}

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const TABLE = mainTable.localName;
const TOP_PATH = `/processes/${PROCESS_ID}/ideas`;
const TOP_QUERY = { sort: 'top', limit: '20' };

// Mirrors LIST_ATTRIBUTES and the Query of `listPublic` in functions/src/adapters/dynamodb/ideas.ts (sort=top,
// no area, no filter: Limit = limit + 1).
const LIST_ATTRIBUTES = [
  'pk', 'sk', 'gsiList', 'gsiArea', 'id', 'processId', 'title', 'excerpt', 'area', 'effects', 'beneficiaries',
  'status', 'authorId', 'authorName', 'authorType', 'voteCount', 'commentCount', 'trendScore', 'createdAt', 'updatedAt',
];
const projectionNames = Object.fromEntries(LIST_ATTRIBUTES.map((a, i) => [`#a${i}`, a]));
const topQuery = () =>
  new QueryCommand({
    TableName: TABLE,
    IndexName: 'listTop',
    KeyConditionExpression: '#p = :p',
    ExpressionAttributeNames: { '#p': 'gsiList', ...projectionNames },
    ExpressionAttributeValues: { ':p': keys.processList(PROCESS_ID) },
    ProjectionExpression: Object.keys(projectionNames).join(', '),
    ScanIndexForward: false,
    Limit: 21,
  });
// `listIdeas` reads the process first (getProcess), as `processStore.get` does.
const processGet = () => new GetCommand({ TableName: TABLE, Key: keys.process(PROCESS_ID) });
const ideaGet = (id: string) => new GetCommand({ TableName: TABLE, Key: keys.idea(id) });

interface Variant {
  name: string;
  /** Gateway and direct variants run the handlers' client: the probe counts their DynamoDB calls. */
  probed: boolean;
  run: (i: number) => Promise<void>;
}

export interface VariantResult {
  latency: Summary;
  errors: number;
  /** DynamoDB calls per request and SDK time per request, on the handlers' client (probed variants). */
  dynamoCallsPerRequest?: number;
  dynamoMsPerRequest?: number;
  /** CPU per request: this Node process (client + gateway + handler, or SDK) and DynamoDB Local's JVM. */
  cpuPerRequest: { nodeMs: number; javaMs?: number };
}

export async function measureReads(options: ReadOptions) {
  const ideasHandler = await loadHandler('ideas');
  const floor = await startReadFloor(options.raw, TABLE);
  try {
    return await measureWith(options, ideasHandler, floor.url);
  } finally {
    await floor.stop();
  }
}

async function measureWith(options: ReadOptions, ideasHandler: Handler, floorUrl: string) {
  const { apiUrl, webUrl, raw, ideaIds } = options;
  const errors = new Map<string, number>();
  const fail = (name: string) => errors.set(name, (errors.get(name) ?? 0) + 1);
  const idAt = (i: number) => ideaIds[i % ideaIds.length]!;

  const viaGateway = (name: string, path: (i: number) => string) => async (i: number) => {
    const res = await fetch(`${apiUrl}${path(i)}`);
    await res.text();
    if (res.status !== 200) fail(name);
  };
  const direct = (name: string, routeKey: string, path: (i: number) => string, params: (i: number) => Record<string, string>, query?: Record<string, string>) =>
    async (i: number) => {
      const result = await ideasHandler(event(routeKey, path(i), params(i), query), context());
      if (result.statusCode !== 200) fail(name);
    };

  const variants: Variant[] = [
    // The HTTP floor: the same client and server with no API work (the gateway's /config.json).
    {
      name: 'http.floor',
      probed: false,
      run: async () => {
        const res = await fetch(`${webUrl}/config.json`);
        await res.text();
        if (res.status !== 200) fail('http.floor');
      },
    },
    { name: 'getIdea.gateway', probed: true, run: viaGateway('getIdea.gateway', (i) => `/ideas/${idAt(i)}`) },
    {
      // The floor: bare node:http + the same GetItem + JSON (read-floor.ts), same client (fetch) as the gateway's.
      name: 'getIdea.floor',
      probed: false,
      run: async (i) => {
        const res = await fetch(`${floorUrl}/ideas/${idAt(i)}`);
        await res.text();
        if (res.status !== 200) fail('getIdea.floor');
      },
    },
    {
      name: 'getIdea.raw',
      probed: false,
      run: async (i) => {
        const { Item } = await raw.send(ideaGet(idAt(i)));
        if (!Item) fail('getIdea.raw');
      },
    },
    {
      name: 'getIdea.direct',
      probed: true,
      run: direct('getIdea.direct', 'GET /api/ideas/{ideaId}', (i) => `/api/ideas/${idAt(i)}`, (i) => ({ ideaId: idAt(i) })),
    },
    { name: 'top20.gateway', probed: true, run: viaGateway('top20.gateway', () => `${TOP_PATH}?${new URLSearchParams(TOP_QUERY)}`) },
    {
      name: 'top20.raw',
      probed: false,
      run: async () => {
        const { Item } = await raw.send(processGet());
        const { Items } = await raw.send(topQuery());
        if (!Item || Items?.length !== 21) fail('top20.raw');
      },
    },
    {
      name: 'top20.rawQueryOnly',
      probed: false,
      run: async () => {
        const { Items } = await raw.send(topQuery());
        if (Items?.length !== 21) fail('top20.rawQueryOnly');
      },
    },
    {
      name: 'top20.direct',
      probed: true,
      run: direct('top20.direct', 'GET /api/processes/{processId}/ideas', () => `/api${TOP_PATH}`, () => ({ processId: PROCESS_ID }), TOP_QUERY),
    },
  ];

  await checkSameTop20(apiUrl, raw);

  const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const probeTotals = new Map<string, { calls: number; ms: number }>();
  const cpuTotals = new Map<string, { nodeMs: number; javaMs: number }>();
  const runBlock = async (v: Variant, count: number, record: boolean, offset: number) => {
    options.probe.reset();
    const c0 = options.cpu.sample();
    for (let k = 0; k < count; k++) {
      const t = performance.now();
      await v.run(offset + k);
      if (record) samples.get(v.name)!.push(performance.now() - t);
    }
    const c1 = options.cpu.sample();
    if (record) {
      const acc = cpuTotals.get(v.name) ?? { nodeMs: 0, javaMs: 0 };
      cpuTotals.set(v.name, { nodeMs: acc.nodeMs + c1.nodeMs - c0.nodeMs, javaMs: acc.javaMs + (c1.javaMs ?? 0) - (c0.javaMs ?? 0) });
    }
    if (record && v.probed) {
      const t = options.probe.totals();
      const acc = probeTotals.get(v.name) ?? { calls: 0, ms: 0 };
      probeTotals.set(v.name, { calls: acc.calls + t.calls, ms: acc.ms + t.ms });
    }
  };

  for (const v of variants) await runBlock(v, options.warmup, false, 0);
  errors.clear();
  const rounds = Math.ceil(options.samples / options.block);
  for (let r = 0; r < rounds; r++) {
    // Rotate the order each round so no variant always runs right after the same neighbour.
    const order = variants.map((_, i) => variants[(i + r) % variants.length]!);
    for (const v of order) await runBlock(v, options.block, true, r * options.block);
  }

  const results: Record<string, VariantResult> = {};
  for (const v of variants) {
    const s = samples.get(v.name)!;
    const p = probeTotals.get(v.name);
    results[v.name] = {
      latency: summarize(s),
      errors: errors.get(v.name) ?? 0,
      cpuPerRequest: perRequest(cpuTotals.get(v.name)!, s.length, options.cpu.javaPid !== undefined),
      ...(p ? { dynamoCallsPerRequest: ratio(p.calls, s.length), dynamoMsPerRequest: ratio(p.ms, s.length) } : {}),
    };
  }
  const pair = (prefix: 'getIdea' | 'top20') => {
    const g = results[`${prefix}.gateway`]!;
    const rw = results[`${prefix}.raw`]!;
    return {
      gateway: g,
      raw: rw,
      p50Ratio: ratio(g.latency.p50, rw.latency.p50),
      p99Ratio: ratio(g.latency.p99, rw.latency.p99),
      direct: results[`${prefix}.direct`]!,
      // The handlers cache the process (30 s), so through the gateway the list is one Query: compare that too.
      ...(prefix === 'top20'
        ? {
            rawQueryOnly: results['top20.rawQueryOnly']!,
            p50RatioVsQueryOnly: ratio(g.latency.p50, results['top20.rawQueryOnly']!.latency.p50),
            p99RatioVsQueryOnly: ratio(g.latency.p99, results['top20.rawQueryOnly']!.latency.p99),
          }
        : {}),
    };
  };
  const floor = results['getIdea.floor']!;
  const getIdea = {
    ...pair('getIdea'),
    floor,
    floorP50Ratio: ratio(results['getIdea.gateway']!.latency.p50, floor.latency.p50),
    floorP99Ratio: ratio(results['getIdea.gateway']!.latency.p99, floor.latency.p99),
  };
  return { getIdea, top20: pair('top20'), httpFloor: results['http.floor']!, samplesPerVariant: rounds * options.block, warmup: options.warmup };
}

const perRequest = (t: { nodeMs: number; javaMs: number }, n: number, java: boolean) => ({
  nodeMs: ratio(t.nodeMs, n),
  ...(java ? { javaMs: ratio(t.javaMs, n) } : {}),
});

/**
 * The handler module the gateway runs (same file URL, so the same module instance and client). Loaded
 * only now: at import it reads TABLE_MAIN and DYNAMODB_ENDPOINT, which the stack has set by then.
 */
export const loadHandler = async (area: string) => ((await import(`../../functions/src/handlers/${area}.ts`)) as { handler: Handler }).handler;

/** Sanity check: the baseline reads the same 20 ideas in the same order as the API returns. */
async function checkSameTop20(apiUrl: string, raw: DynamoDBDocumentClient) {
  const res = await fetch(`${apiUrl}${TOP_PATH}?${new URLSearchParams(TOP_QUERY)}`);
  const body = (await res.json()) as { items: { id: string }[] };
  const { Items } = await raw.send(topQuery());
  const viaApi = body.items.map((i) => i.id).join(',');
  const viaRaw = (Items ?? []).slice(0, 20).map((i) => i.id as string).join(',');
  if (viaApi !== viaRaw) throw new Error('the raw top-20 Query does not return what the API returns: the baseline does not mirror the store');
}

function event(routeKey: string, path: string, pathParameters: Record<string, string>, query?: Record<string, string>): APIGatewayProxyEventV2WithJWTAuthorizer {
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: query ? new URLSearchParams(query).toString() : '',
    headers: { host: '127.0.0.1' },
    ...(query ? { queryStringParameters: query } : {}),
    pathParameters,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: 'local',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: crypto.randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: {}, scopes: null as unknown as string[] } },
    },
  };
}

const context = () =>
  ({
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'deltag-ideas',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:deltag-ideas',
    memoryLimitInMB: '512',
    awsRequestId: crypto.randomUUID(),
    logGroupName: '/aws/lambda/deltag-ideas',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  }) satisfies Context;
