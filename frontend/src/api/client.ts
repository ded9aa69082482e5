import type * as z from 'zod';
import { coreRouteMeta } from '#shared/api/core-route-meta';
import type { RouteMeta, RouteId, routeMeta } from '#shared/api/route-meta';
import type { routes } from '#shared/api/routes';
import type { Problem } from '#shared/schemas/problem';

/**
 * The one way the SPA talks to the API: JSON in, JSON out, and every failure as an `ApiError`
 * carrying the RFC 9457 problem body. The API shares the SPA's origin (CloudFront in AWS, the
 * gateway locally), so the base is a path and no CORS is involved.
 */
export const API_BASE = '/api';

type RoutePath = (typeof routeMeta)[Exclude<RouteId, 'unmatched'>]['path'];
/** `/api/processes/{processId}/ideas` → `/processes/${string}/ideas`, so a path that is not in the route table does not compile. */
type Filled<P extends string> = P extends `${infer Head}{${string}}${infer Tail}` ? `${Head}${string}${Filled<Tail>}` : P;
type WithoutBase<P extends string> = P extends `${typeof API_BASE}${infer Rest}` ? Rest : never;
export type ApiPath = WithoutBase<Filled<RoutePath>>;

export type Query = Record<string, string | number | boolean | null | undefined>;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  query?: Query;
  signal?: AbortSignal;
}

export interface SendOptions extends RequestOptions {
  body?: unknown;
}

/**
 * Supplies the access token for protected routes. The session module registers itself here, so this
 * file stays free of sign-in logic (and testable alone). `refresh` is asked once after a 401.
 */
export interface TokenSource {
  token(): Promise<string | undefined>;
  refresh(): Promise<string | undefined>;
}
let tokens: TokenSource | undefined;
export const useTokenSource = (source: TokenSource | undefined) => {
  tokens = source;
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait, from a 429's Retry-After. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** `/problems/profile-required` → `profile-required`. */
  get slug(): string {
    return this.problem.type.replace(/^.*\/problems\//, '');
  }
}

/** Public GETs started at app start, before the page that reads them has loaded; each is taken once. */
const early = new Map<string, Promise<unknown>>();

/**
 * Starts a public GET now, so its answer is on the way while the page's chunk loads; the first
 * `getJson` for the same path and query takes it (and ignores its own abort signal for it). The body
 * is read here too, so a page that mounts after it arrived renders its data in the same task as
 * itself. The returned promise settles with the request and never rejects: the taker sees a failure.
 */
export function prefetchJson(path: ApiPath, query?: Query): Promise<void> {
  const url = API_BASE + path + queryString(query);
  const body = early.get(url) ?? readJson(fetch(url, { headers: { accept: 'application/json' } }));
  early.set(url, body);
  return body.then(
    () => undefined,
    () => undefined,
  );
}

export function getJson<T>(path: ApiPath, options: RequestOptions = {}): Promise<T> {
  const url = API_BASE + path + queryString(options.query);
  const prefetched = early.get(url);
  early.delete(url);
  return (prefetched ?? readJson(fetch(url, { headers: { accept: 'application/json' }, signal: options.signal }))) as Promise<T>;
}

async function readJson(request: Promise<Response>): Promise<unknown> {
  const response = await request;
  if (!response.ok) throw new ApiError(await problemOf(response), retryAfterOf(response));
  return response.json();
}

/** A call with the signed-in user's access token; one silent token refresh after a 401. */
export async function send<T>(method: Method, path: ApiPath, options: SendOptions = {}): Promise<T> {
  const attempt = async (token: string | undefined) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(API_BASE + path + queryString(options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  };
  let response = await attempt(await tokens?.token());
  if (response.status === 401 && tokens) {
    const fresh = await tokens.refresh();
    if (fresh) response = await attempt(fresh);
  }
  if (!response.ok) throw new ApiError(await problemOf(response), retryAfterOf(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The operations a page can call: every route but the catch-all and the API's own description. */
export type Operation = Exclude<RouteId, 'unmatched' | 'openapi'>;
type Schema<K extends Operation, Part extends 'params' | 'query' | 'body'> = (typeof routes)[K] extends { [P in Part]: infer S extends z.ZodType } ? S : undefined;
/** Each part a route takes, typed by its schema's input (a part with defaults may be left out). */
type Part<Name extends string, S> = S extends z.ZodType ? ({} extends z.input<S> ? { [P in Name]?: z.input<S> } : { [P in Name]: z.input<S> }) : { [P in Name]?: never };
export type CallInput<K extends Operation> = Part<'params', Schema<K, 'params'>> & Part<'query', Schema<K, 'query'>> & Part<'body', Schema<K, 'body'>> & { signal?: AbortSignal };
/** What a route answers, as its response schema describes it (nothing for a 204). */
export type CallOutput<K extends Operation> = (typeof routeMeta)[K]['status'] extends 204 ? void : z.output<(typeof routes)[K]['response']>;
type Args<K extends Operation> = {} extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];

/**
 * The routes this page knows: the core ones from the first visit's bundle; a module's (survey,
 * consultation, events, …) once `module-routes.ts` has run, which each module's API file imports, so
 * they arrive with the module's (lazy) page. A route not known yet loads that table first.
 */
const known: Record<string, RouteMeta> = { ...coreRouteMeta };
export const knowRoutes = (table: Record<string, RouteMeta>) => void Object.assign(known, table);

function metaOf(id: Operation): RouteMeta | Promise<RouteMeta> {
  const meta = known[id];
  if (meta) return meta;
  return import('./module-routes').then(() => {
    const loaded = known[id];
    if (!loaded) throw new Error(`No route ${id} in the route table`);
    return loaded;
  });
}

/** `/api/ideas/{ideaId}` with `{ ideaId: '01H…' }` → `/ideas/01H%E2…` (each value encoded). */
function pathOf(meta: RouteMeta, params: Record<string, string> | undefined): ApiPath {
  const filled = meta.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ''));
  return filled.slice(API_BASE.length) as ApiPath;
}

/**
 * Calls a route of the contract by its id: `call('moderateUser', { params: { userId }, body })`. The
 * parts and the answer are typed by the route's schemas, the method and path come from the route
 * table, and a public read goes without a token (and may be answered by a prefetch).
 */
export function call<K extends Operation>(id: K, ...[input]: Args<K>): Promise<CallOutput<K>> {
  const meta = metaOf(id);
  return meta instanceof Promise ? meta.then((m) => callWith(m, input)) : callWith(meta, input);
}

function callWith<T>(meta: RouteMeta, input: unknown): Promise<T> {
  const { params, query, body, signal } = (input ?? {}) as { params?: Record<string, string>; query?: Query; body?: unknown; signal?: AbortSignal };
  const path = pathOf(meta, params);
  if (meta.access === 'public' && meta.method === 'GET') return getJson(path, { query, signal });
  return send(meta.method as Method, path, { query, body, signal });
}

/** Starts a public read now (see `prefetchJson`); the first `call` of the same route and parts takes it. */
export function prefetch<K extends Operation>(id: K, ...[input]: Args<K>): Promise<void> {
  const { params, query } = (input ?? {}) as { params?: Record<string, string>; query?: Query };
  const meta = metaOf(id);
  return meta instanceof Promise ? meta.then((m) => prefetchJson(pathOf(m, params), query)) : prefetchJson(pathOf(meta, params), query);
}

/** Empty values are left out, so callers can pass optional filters as they are. */
function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function retryAfterOf(response: Response): number | undefined {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * The problem body when the server sent one; otherwise (a proxy's HTML error page, an empty 502)
 * the `about:blank` problem RFC 9457 describes, titled by the status.
 */
async function problemOf(response: Response): Promise<Problem> {
  const fallback: Problem = { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
  if (!/json/i.test(response.headers.get('content-type') ?? '')) return fallback;
  try {
    const body: unknown = await response.json();
    if (!isProblem(body)) return fallback;
    return {
      type: body.type,
      title: body.title,
      status: response.status,
      ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
      ...(Array.isArray(body.errors) ? { errors: body.errors } : {}),
    };
  } catch {
    return fallback;
  }
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const { type, title } = body as Record<string, unknown>;
  return typeof type === 'string' && typeof title === 'string';
}

/** An aborted request is a superseded one, not an error to show. */
export const isAbort = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'AbortError';
