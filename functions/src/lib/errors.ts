import type { Problem } from '#shared/schemas/problem';

/**
 * The one error hierarchy. Every error a client may see carries its HTTP status and becomes an
 * RFC 9457 problem body; anything else is logged and answered with a bare 500 (never a stack trace).
 * Domain code throws these too: they hold no AWS or HTTP-library types.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Short slug for the problem type URI: `/problems/<slug>`. */
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: Problem['errors'],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }

  toProblem(): Problem {
    return {
      type: `/problems/${this.slug}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

export class ValidationError extends HttpError {
  constructor(errors: NonNullable<Problem['errors']>, detail = 'Et eller flere felter er ikke udfyldt korrekt.') {
    super(400, 'validation', 'Ugyldig forespørgsel', detail, errors);
  }
}

export class BadRequestError extends HttpError {
  constructor(detail: string, slug = 'bad-request') {
    super(400, slug, 'Ugyldig forespørgsel', detail);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(detail = 'Du skal være logget ind.') {
    super(401, 'unauthorized', 'Ikke logget ind', detail, undefined, { 'www-authenticate': 'Bearer' });
  }
}

/** A deleted account's remaining token tried to write (lib/erased-check.ts, and the vote's own check). */
export const accountErased = () => new UnauthorizedError('Kontoen er slettet. Opret en ny konto for at deltage igen.');

export class ForbiddenError extends HttpError {
  constructor(detail = 'Du har ikke adgang til dette.') {
    super(403, 'forbidden', 'Ingen adgang', detail);
  }
}

export class NotFoundError extends HttpError {
  constructor(detail = 'Det findes ikke, eller du har ikke adgang til det.') {
    super(404, 'not-found', 'Ikke fundet', detail);
  }
}

export class MethodNotAllowedError extends HttpError {
  constructor(allowed: string[]) {
    super(405, 'method-not-allowed', 'Metoden er ikke tilladt', `Tilladt: ${allowed.join(', ')}.`, undefined, {
      allow: allowed.join(', '),
    });
  }
}

export class ConflictError extends HttpError {
  /** `errors` names the fields a form should mark (an id that is taken, an area still in use). */
  constructor(slug: string, detail: string, errors?: Problem['errors']) {
    super(409, slug, 'Kan ikke udføres lige nu', detail, errors);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(limitBytes: number) {
    super(413, 'payload-too-large', 'For stor forespørgsel', `Indholdet må højst fylde ${limitBytes / 1024} kB.`);
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor() {
    super(415, 'unsupported-media-type', 'Forkert indholdstype', 'Send indholdet som JSON (Content-Type: application/json).');
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor() {
    super(503, 'unavailable', 'Tjenesten er midlertidigt utilgængelig', 'Prøv igen om lidt.', undefined, { 'retry-after': '5' });
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(retryAfterSeconds: number) {
    super(429, 'rate-limited', 'For mange forespørgsler', `Vent ${retryAfterSeconds} sekunder, og prøv igen.`, undefined, {
      'retry-after': String(retryAfterSeconds),
    });
  }
}

/**
 * Errors that mean DynamoDB, or the network to it, is down, overloaded or too slow, not that the
 * request was wrong: the caller should try again shortly (503 + Retry-After), and nothing was
 * half-written, since every multi-item write is one transaction. Shaped as the AWS SDK and Node's
 * sockets throw them; no SDK type is imported, so domain code stays free of AWS.
 */
const UNAVAILABLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ThrottlingException',
  'InternalServerError',
  'ServiceUnavailable',
  // The SDK's own connection and request timeouts (adapters/dynamodb/client.ts).
  'TimeoutError',
  // A retried transaction whose first attempt (same client token) has not finished yet.
  'TransactionInProgressException',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);

export function isUnavailable(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $fault?: string; $retryable?: { throttling?: boolean } } | undefined;
  if (!e || typeof e !== 'object') return false;
  return UNAVAILABLE_NAMES.has(e.name ?? '') || NETWORK_CODES.has(e.code ?? '') || e.$fault === 'server' || e.$retryable?.throttling === true;
}
