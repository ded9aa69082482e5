import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from '#shared/api/routes';
import type { Event } from '#functions/lib/http';

/**
 * The functions log one JSON object a line with Powertools' keys (the ones CloudWatch Logs Insights
 * and Powertools' other tools read: level, message, timestamp, service, xray_trace_id), with the
 * request's correlation id on every line. DELTAG_LOG=silent (the test runs) keeps only errors.
 */

/** What the process writes, by either route a logger may take (its own Console on stdout, or the global console). */
function captureOutput() {
  let out = '';
  const write = (chunk: unknown) => ((out += String(chunk)), true);
  vi.spyOn(process.stdout, 'write').mockImplementation(write as never);
  vi.spyOn(process.stderr, 'write').mockImplementation(write as never);
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void write(a.map(String).join(' ') + '\n'));
  return () =>
    out
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The log module as a function loads it, with DELTAG_LOG as given. */
async function loadLog(deltagLog: string) {
  vi.stubEnv('DELTAG_LOG', deltagLog);
  vi.resetModules();
  return import('#functions/lib/log');
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('logging in Powertools\' JSON lines', { timeout: 30_000 }, () => {
  it('writes one Powertools JSON line per entry, with the fields given and the base fields', async () => {
    const { createLogger } = await loadLog('');
    const lines = captureOutput();
    createLogger({ correlationId: 'c-1', route: 'GET /api/processes' }).info('idea created', { ideaId: 'i1' });
    expect(lines()).toEqual([
      expect.objectContaining({ level: 'INFO', message: 'idea created', service: 'deltag', correlationId: 'c-1', route: 'GET /api/processes', ideaId: 'i1', timestamp: expect.any(String) }),
    ]);
  });

  it('carries the invocation\'s X-Ray trace id, and an Error field with its name, message and stack', async () => {
    const { createLogger } = await loadLog('');
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1');
    const lines = captureOutput();
    createLogger({ correlationId: 'c-3' }).info('with trace', { error: new TypeError('nej') });
    const [line] = lines();
    expect(line).toMatchObject({ xray_trace_id: '1-67891233-abcdef012345678912345678', error: { name: 'TypeError', message: 'nej' } });
    expect((line!.error as { stack: string }).stack).toContain('TypeError: nej');
  });

  it('keeps only errors when DELTAG_LOG=silent', async () => {
    const { createLogger } = await loadLog('silent');
    const lines = captureOutput();
    const log = createLogger({ correlationId: 'c-2' });
    log.info('quiet');
    log.error('loud', { error: { name: 'Error', message: 'boom' } });
    expect(lines()).toEqual([expect.objectContaining({ level: 'ERROR', message: 'loud', correlationId: 'c-2', error: { name: 'Error', message: 'boom' } })]);
  });

  it('puts the correlation id on every line of a request, the use case’s and the failure’s', async () => {
    vi.stubEnv('DELTAG_LOG', '');
    vi.resetModules();
    const { areaHandler } = await import('#functions/lib/http');
    const handler = areaHandler(routes, {
      listProcesses: async ({ log }) => {
        log.info('listing processes');
        throw new Error('boom');
      },
    });
    const lines = captureOutput();
    const event = {
      version: '2.0',
      routeKey: 'GET /api/processes',
      rawPath: '/api/processes',
      rawQueryString: '',
      headers: { 'x-correlation-id': 'corr-42' },
      requestContext: { requestId: 'req-1', http: { method: 'GET', path: '/api/processes', sourceIp: '127.0.0.1' } },
      isBase64Encoded: false,
    } as unknown as Event;
    const result = await handler(event, {} as Context);
    expect(result.statusCode).toBe(500);
    const written = lines();
    expect(written.map((l) => [l.level, l.message])).toEqual([
      ['INFO', 'listing processes'],
      ['ERROR', 'request failed'],
    ]);
    for (const line of written) expect(line).toMatchObject({ correlationId: 'corr-42', route: 'GET /api/processes', service: 'deltag' });
  });
});
