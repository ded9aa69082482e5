import type { RouteId, routes } from '#shared/api/routes';
import type { Problem } from '#shared/schemas/problem';

/**
 * The one way the SPA talks to the API: JSON in, JSON out, and every failure as an `ApiError`
 * carrying the RFC 9457 problem body. The API shares the SPA's origin (CloudFront in AWS, the
 * gateway locally), so the base is a path and no CORS is involved.
 */
export const API_BASE = '/api';

type RoutePath = (typeof routes)[Exclude<RouteId, 'unmatched'>]['path'];
/** `/api/processes/{processId}/ideas` → `/processes/${string}/ideas`, so a path that is not in the route table does not compile. */
type Filled<P extends string> = P extends `${infer Head}{${string}}${infer Tail}` ? `${Head}${string}${Filled<Tail>}` : P;
type WithoutBase<P extends string> = P extends `${typeof API_BASE}${infer Rest}` ? Rest : never;
export type ApiPath = WithoutBase<Filled<RoutePath>>;

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  signal?: AbortSignal;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.status = problem.status;
    this.problem = problem;
  }
}

export async function getJson<T>(path: ApiPath, options: RequestOptions = {}): Promise<T> {
  const response = await fetch(API_BASE + path + queryString(options.query), {
    headers: { accept: 'application/json' },
    signal: options.signal,
  });
  if (!response.ok) throw new ApiError(await problemOf(response));
  return (await response.json()) as T;
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
