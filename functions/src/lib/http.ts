import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteSpec } from '#shared/api/bind';
import { routeKey } from '#shared/api/route-meta';
import { problemContentType } from '#shared/schemas/problem';
import type { z } from 'zod';
import { originSecret } from '../adapters/secrets/origin-secret';
import { actorFromClaims, authorize, type Actor } from './auth';
import { refuseErasedWriter } from './erased-check';
import { HttpError, isUnavailable, NotFoundError, ServiceUnavailableError } from './errors';
import { createLogger, type Logger } from './log';
import { checkOrigin } from './origin';
import { header, parseRequest, type ParsedParts } from './request';

/**
 * The middy chain every route goes through:
 *   correlation id + logger → problem+json error handler → auth (claims → actor, roles)
 *   → parse (size, content type, JSON, zod) → the route's use case → JSON response.
 * One Lambda function serves one feature area; it dispatches on API Gateway's `routeKey`.
 */

export type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
export type Result = APIGatewayProxyStructuredResultV2;

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface RouteInput<R extends RouteSpec> {
  params: Infer<R['params']>;
  query: Infer<R['query']>;
  body: Infer<R['body']>;
  /** Protected routes always have one: the auth middleware refused anyone else (401/403). */
  actor: R['access'] extends 'public' ? Actor | undefined : Actor;
  log: Logger;
  /** Raw request path and method, for the fallback route that answers about the path itself. */
  rawPath: string;
  method: string;
  /** The caller's address as API Gateway saw it (behind CloudFront: the edge's), for per-address limits on routes without sign-in. */
  sourceIp?: string | undefined;
}

/** A download instead of JSON (CSV, XLSX): the route's schema then describes only its JSON form. */
export class FileResponse {
  constructor(
    readonly contentType: string,
    readonly body: string | Uint8Array,
    readonly filename: string,
  ) {}
}

export type RouteImpl<R extends RouteSpec> = (input: RouteInput<R>) => Promise<z.input<R['response']> | FileResponse | undefined>;

/** An area's routes as bound in `shared/api/areas/<area>.routes.ts` (only its own schemas: issue 19). */
export type RouteTable = Record<string, RouteSpec>;

/** Use cases for some or all of `T`'s routes, each typed by its route's schemas and access. */
export type AreaRoutes<T extends RouteTable> = { [K in keyof T]?: RouteImpl<T[K]> };

interface State {
  log: Logger;
  correlationId: string;
  actor?: Actor;
  parts?: ParsedParts;
}

type Request = middy.Request<Event, Result, Error, Context & { state: State }>;

/**
 * A client's correlation id is logged and echoed, so only a short plain one is taken: a line break
 * could forge a log line, a megabyte fill the log, markup ride along in a header. Anything else is
 * replaced by API Gateway's request id (or a fresh one), never cleaned up and kept.
 */
const CLIENT_CORRELATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

const correlation = (): MiddlewareObj<Event, Result, Error, Context & { state: State }> => ({
  before: (request: Request) => {
    const { event } = request;
    const fromClient = header(event.headers ?? {}, 'x-correlation-id');
    const correlationId = (fromClient && CLIENT_CORRELATION_ID.test(fromClient) ? fromClient : undefined) ?? event.requestContext?.requestId ?? crypto.randomUUID();
    const log = createLogger({ correlationId, route: event.routeKey });
    request.context.state = { log, correlationId };
  },
});

const problems = (): MiddlewareObj<Event, Result, Error, Context & { state: State }> => ({
  onError: (request: Request) => {
    const state = request.context.state;
    const error = asHttpError(request.error);
    if (error.status >= 500) state?.log.error('request failed', { error: describe(request.error) });
    request.response = {
      statusCode: error.status,
      headers: { 'content-type': problemContentType, ...noStore, ...error.headers, ...(state ? { 'x-correlation-id': state.correlationId } : {}) },
      body: JSON.stringify(error.toProblem()),
    };
  },
});

const noStore = { 'cache-control': 'no-store' };

function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (isUnavailable(error)) return new ServiceUnavailableError();
  return new HttpError(500, 'internal', 'Der skete en fejl hos os', 'Prøv igen senere.');
}

const describe = (error: unknown) =>
  error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };

/** Only through CloudFront: its secret header, or 403 (no check where none is configured: locally). */
const throughSite = (): MiddlewareObj<Event, Result, Error, Context & { state: State }> => ({
  before: (request: Request) => checkOrigin(request.event.headers ?? {}, originSecret),
});

/** Reads the verified claims into an actor and applies the route's access rule (401/403). */
const authenticate = (route: RouteSpec): MiddlewareObj<Event, Result, Error, Context & { state: State }> => ({
  before: (request: Request) => {
    const actor = actorFromClaims(request.event.requestContext?.authorizer?.jwt?.claims);
    authorize(route.access, actor);
    request.context.state.actor = actor;
  },
});

/** A deleted account's token cannot write (lib/erased-check.ts). */
const notErased = (route: RouteSpec): MiddlewareObj<Event, Result, Error, Context & { state: State }> => ({
  before: (request: Request) => refuseErasedWriter(route, request.event.requestContext?.http?.method ?? 'GET', request.context.state.actor),
});

/** Size, content type, JSON and zod checks of params, query and body (413/415/400). */
const validate = (route: RouteSpec): MiddlewareObj<Event, Result, Error, Context & { state: State }> => ({
  before: (request: Request) => {
    const { event } = request;
    request.context.state.parts = parseRequest(route, {
      headers: event.headers ?? {},
      body: event.body,
      isBase64Encoded: event.isBase64Encoded,
      pathParameters: event.pathParameters,
      queryStringParameters: event.queryStringParameters,
    });
  },
});

function routeHandler<R extends RouteSpec>(route: R, impl: RouteImpl<R>) {
  return middy<Event, Result, Error, Context & { state: State }>()
    .use(correlation())
    .use(problems())
    .use(throughSite())
    .use(authenticate(route))
    .use(notErased(route))
    .use(validate(route))
    .handler(async (event, context) => {
      const { log, correlationId, actor, parts } = context.state;
      const input = { ...parts, actor, log, rawPath: event.rawPath, method: event.requestContext.http.method, sourceIp: event.requestContext.http.sourceIp };
      const output = await impl(input as RouteInput<R>);
      if (output instanceof FileResponse) return fileResult(output, correlationId);
      return {
        statusCode: output === undefined ? 204 : route.status,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-correlation-id': correlationId,
          // Answers that depend on who asks must never be cached by CloudFront or the browser.
          ...(route.access === 'public' ? { 'cache-control': 'no-cache' } : noStore),
        },
        body: output === undefined ? '' : JSON.stringify(output),
      };
    });
}

function fileResult(file: FileResponse, correlationId: string): Result {
  const binary = typeof file.body !== 'string';
  return {
    statusCode: 200,
    headers: {
      'content-type': file.contentType,
      // RFC 6266/5987: an ASCII fallback and the UTF-8 name (æ, ø, å survive).
      'content-disposition': `attachment; filename="${file.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'x-correlation-id': correlationId,
      ...noStore,
    },
    body: binary ? Buffer.from(file.body).toString('base64') : (file.body as string),
    isBase64Encoded: binary,
  };
}

/**
 * One Lambda handler for a feature area: a middy chain per route of `table` (the area's own binding,
 * never the whole route table), chosen by `event.routeKey`.
 */
export function areaHandler<T extends RouteTable>(table: T, impls: AreaRoutes<T>) {
  const byKey = new Map<string, ReturnType<typeof routeHandler>>();
  for (const [id, impl] of Object.entries(impls) as [string, RouteImpl<RouteSpec> | undefined][]) {
    const route = table[id];
    if (!route || !impl) throw new Error(`areaHandler: no route ${id} in this area's table`);
    byKey.set(routeKey(route), routeHandler(route, impl));
  }
  const unknown = middy<Event, Result, Error, Context & { state: State }>()
    .use(correlation())
    .use(problems())
    .use(throughSite())
    .handler(async () => {
      throw new NotFoundError();
    });
  return async (event: Event, context: Context): Promise<Result> =>
    // `state` is filled in by the correlation middleware, first in every chain.
    (byKey.get(event.routeKey) ?? unknown)(event, context as Context & { state: State });
}
