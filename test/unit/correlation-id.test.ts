import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from '#shared/api/routes';
import { areaHandler, type Event } from '#functions/lib/http';

/**
 * The correlation id a client sends is logged and echoed: unchecked, it could forge log lines (a line
 * break and a JSON object), fill the log (a megabyte of it) or carry markup into a header. Only a
 * short id of letters, digits, "-" and "_" is taken; anything else gets a fresh id.
 */
const SAFE = /^[A-Za-z0-9_-]{1,64}$/;

const event = (correlationId: string | undefined, routeKey = 'GET /api/processes'): Event =>
  ({
    version: '2.0',
    routeKey,
    rawPath: '/api/processes',
    rawQueryString: '',
    headers: correlationId === undefined ? {} : { 'x-correlation-id': correlationId },
    requestContext: { requestId: 'req-1', http: { method: 'GET', path: '/api/processes', sourceIp: '127.0.0.1' } },
    isBase64Encoded: false,
  }) as unknown as Event;

// A route whose use case fails: the 500 is logged with the correlation id.
const handler = areaHandler(routes, {
  listProcesses: async () => {
    throw new Error('boom');
  },
});

function captureOutput() {
  let out = '';
  const write = (chunk: unknown) => ((out += String(chunk)), true);
  vi.spyOn(process.stdout, 'write').mockImplementation(write as never);
  vi.spyOn(process.stderr, 'write').mockImplementation(write as never);
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void write(a.map(String).join(' ') + '\n'));
  return () => out;
}

afterEach(() => vi.restoreAllMocks());

describe('correlation id from the client', () => {
  it('echoes and logs a well-formed id as it is', async () => {
    const output = captureOutput();
    const result = await handler(event('abc-123_XYZ'), {} as Context);
    expect(result.statusCode).toBe(500);
    expect(result.headers?.['x-correlation-id']).toBe('abc-123_XYZ');
    expect(output()).toContain('abc-123_XYZ');
  });

  it.each([
    ['a forged log line', 'ok\n{"level":"INFO","message":"admin signed in"}'],
    ['a carriage return and a header', 'ok\r\nset-cookie: x=1'],
    ['markup', '<script>alert(1)</script>'],
    ['65 characters', 'a'.repeat(65)],
    ['a megabyte', 'x'.repeat(1_000_000)],
    ['spaces and quotes', 'id "with" spaces'],
    ['an empty value', ''],
  ])('replaces %s with a fresh id, in the answer and the log', async (_name, hostile) => {
    const output = captureOutput();
    for (const routeKey of ['GET /api/processes', 'GET /api/nowhere']) {
      const result = await handler(event(hostile, routeKey), {} as Context);
      const echoed = String(result.headers?.['x-correlation-id']);
      expect(echoed).toMatch(SAFE);
      expect(echoed).not.toBe(hostile);
    }
    if (hostile.length > 0) expect(output()).not.toContain(hostile);
    expect(output()).not.toContain('admin signed in');
  });
});
