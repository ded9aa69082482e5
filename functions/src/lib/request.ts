import type { z } from 'zod';
import type { RouteSpec as RouteDef } from '#shared/api/bind';
import type { Problem } from '#shared/schemas/problem';
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from './errors';

/** Request bodies above this are refused before parsing (413). Ideas are at most ~10 kB of text. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface RawRequest {
  headers: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded: boolean;
  pathParameters?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
}

export interface ParsedParts {
  params: unknown;
  query: unknown;
  body: unknown;
}

/** Size, content type, JSON and schema checks, in that order, for one route. */
export function parseRequest(route: RouteDef, raw: RawRequest): ParsedParts {
  const issues: NonNullable<Problem['errors']> = [];
  const check = <T extends z.ZodType>(schema: T | undefined, value: unknown, prefix: string) => {
    if (!schema) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      issues.push({ path: [prefix, ...issue.path.map(String)].join('.'), message: issue.message });
    }
    return undefined;
  };

  const body = route.body ? check(route.body, readJsonBody(raw), 'body') : undefined;
  const params = check(route.params, raw.pathParameters ?? {}, 'params');
  const query = check(route.query, raw.queryStringParameters ?? {}, 'query');
  if (issues.length) throw new ValidationError(issues);
  return { params, query, body };
}

function readJsonBody(raw: RawRequest): unknown {
  const text = raw.body === undefined ? '' : raw.isBase64Encoded ? Buffer.from(raw.body, 'base64').toString('utf8') : raw.body;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  const contentType = header(raw.headers, 'content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(contentType)) throw new UnsupportedMediaTypeError();
  if (!text.trim()) throw new BadRequestError('Forespørgslen mangler indhold.', 'empty-body');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequestError('Indholdet er ikke gyldig JSON.', 'invalid-json');
  }
}

export const header = (headers: Record<string, string | undefined>, name: string) => {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
};
