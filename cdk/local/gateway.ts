import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import { routeKey, type FeatureArea } from '#shared/api/route-meta';
import { routeList } from '#shared/api/routes';
import { isProtected } from '#shared/rules/access';
import { matchPath } from '#functions/lib/match-path';
import type { WebConfig } from '#shared/schemas/config';
import { problemContentType } from '#shared/schemas/problem';
import { securityHeaders } from './security-headers';

/**
 * The local stand-in for CloudFront + HTTP API: one origin serving the built SPA and, under /api/,
 * the same handler modules that run in Lambda, each called with an API Gateway v2 event. Protected
 * routes go through the same JWT rules as the HTTP API authorizer first.
 */
type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface GatewayOptions {
  port: number;
  /** Folder of the built SPA (index.html, assets/). */
  webRoot: string;
  webConfig: WebConfig;
  verify: (authorization: string | undefined) => Promise<Record<string, string> | undefined>;
  /** Loads the handler of a feature area (the module `functions/src/handlers/<area>.ts`). */
  loadHandler: (area: FeatureArea) => Promise<Handler>;
}

/** API Gateway's own limit on a request body; beyond our handlers' 64 kB limit, so they answer first. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);

export async function startGateway(options: GatewayOptions): Promise<Server> {
  const handlers = new Map<FeatureArea, Promise<Handler>>();
  // Once loaded, a handler is called without awaiting its module's promise again (a warm Lambda).
  const loaded = new Map<FeatureArea, Handler>();
  const handlerFor = (area: FeatureArea): Handler | Promise<Handler> => {
    const ready = loaded.get(area);
    if (ready) return ready;
    if (!handlers.has(area)) handlers.set(area, options.loadHandler(area).then((h) => (loaded.set(area, h), h)));
    return handlers.get(area)!;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const work = path === '/api' || path.startsWith('/api/') ? serveApi(req, url, res, options, handlerFor) : serveWeb(path, req.headers['accept-encoding'] ?? '', res, options);
    work.catch((error: unknown) => {
      console.error('gateway error', error);
      if (!res.headersSent) sendProblem(res, 500, 'internal', 'Der skete en fejl hos os');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return server;
}

type Route = (typeof routeList)[number];

/**
 * Specific routes first, the ANY catch-all last, as HTTP API chooses the most specific match: sorted
 * once, with each template's segments split once, so a request skips at a glance the templates whose
 * length or fixed segments differ and runs matchPath only on the few that may match.
 */
const candidates = [...routeList]
  .sort((a, b) => Number(a.method === 'ANY') - Number(b.method === 'ANY'))
  .map((route) => {
    const segments = route.path.split('/');
    const greedy = segments.some((s) => /^\{\w+\+\}$/.test(s));
    const fixed = segments.flatMap((s, i) => (s.startsWith('{') ? [] : [[i, s] as const]));
    return { route, key: routeKey(route), protected: isProtected(route.access), length: segments.length, greedy, fixed };
  });

function findRoute(method: string, path: string): { route: Route; key: string; protected: boolean; pathParameters: Record<string, string> } | undefined {
  const got = path.split('/');
  for (const c of candidates) {
    if (c.route.method !== 'ANY' && c.route.method !== method) continue;
    if (!c.greedy && c.length !== got.length) continue;
    if (!c.greedy && c.fixed.some(([i, s]) => got[i] !== s)) continue;
    const pathParameters = matchPath(c.route.path, path);
    if (pathParameters) return { route: c.route, key: c.key, protected: c.protected, pathParameters };
  }
  return undefined;
}

async function serveApi(req: IncomingMessage, url: URL, res: ServerResponse, options: GatewayOptions, handlerFor: (a: FeatureArea) => Handler | Promise<Handler>) {
  const method = (req.method ?? 'GET').toUpperCase();
  const found = findRoute(method, url.pathname);
  if (!found) return sendProblem(res, 404, 'not-found', 'Ikke fundet');
  const { route, pathParameters } = found;

  // HTTP/1.1: a request without Content-Length or Transfer-Encoding has no body (a GET, as a rule).
  const body = req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined ? EMPTY : await readBody(req);
  if (body === 'too-large') return sendProblem(res, 413, 'payload-too-large', 'For stor forespørgsel');

  let claims: Record<string, string> | undefined;
  if (found.protected) {
    claims = await options.verify(header(req, 'authorization'));
    if (!claims) return sendProblem(res, 401, 'unauthorized', 'Ikke logget ind', { 'www-authenticate': 'Bearer' });
  }

  const event = toEvent(req, url, method, found.key, pathParameters, body, claims);
  const ready = handlerFor(route.area);
  const handler = typeof ready === 'function' ? ready : await ready;
  const result = await handler(event, lambdaContext(route.area, event.requestContext.requestId));
  res.writeHead(result.statusCode ?? 200, { ...securityHeaders, ...(result.headers as Record<string, string>) });
  res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  method: string,
  key: string,
  pathParameters: Record<string, string>,
  body: Buffer,
  claims: Record<string, string> | undefined,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const textual = /^(text\/|application\/([a-z.+-]*\+)?(json|xml|x-www-form-urlencoded))/i.test(headers['content-type'] ?? '');
  const now = new Date();
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    ...(body.length ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !textual,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId,
      routeKey: key,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: null as unknown as string[] } },
    },
  };
}

const lambdaContext = (area: string, requestId: string) =>
  ({
    callbackWaitsForEmptyEventLoop: false,
    functionName: `deltag-${area}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:deltag-${area}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/deltag-${area}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  }) satisfies Context;

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function sendProblem(res: ServerResponse, status: number, slug: string, title: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...securityHeaders, 'content-type': problemContentType, 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ type: `/problems/${slug}`, title, status }));
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Static files, `/config.json` from the running stack, and the SPA fallback CloudFront's function does. */
async function serveWeb(path: string, acceptEncoding: string, res: ServerResponse, options: GatewayOptions) {
  if (path === '/config.json') {
    res.writeHead(200, { ...securityHeaders, 'content-type': MIME['.json']!, 'cache-control': 'no-cache' });
    return void res.end(JSON.stringify(options.webConfig));
  }
  // Same rule as the CloudFront function: a path without a file extension is a page of the SPA.
  const file = extname(path) ? safeJoin(options.webRoot, path) : join(options.webRoot, 'index.html');
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
    return void res.end('Ikke fundet');
  }
  const immutable = path.startsWith('/assets/');
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  // Text compresses as CloudFront compresses it (its behaviours have compression on).
  const gzip = /^(text\/|application\/(json|manifest)|image\/svg)/.test(type) && /\bgzip\b/.test(acceptEncoding);
  res.writeHead(200, {
    ...securityHeaders,
    'content-type': type,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  const stream = createReadStream(file);
  (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
}

/** Joins a URL path under the web root; undefined for malformed escapes or a path that leaves it. */
function safeJoin(root: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const full = normalize(join(root, decoded));
  return full.startsWith(normalize(root)) ? full : undefined;
}
