import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '#shared/api/routes';
import { InternalServerError, ProvisionedThroughputExceededException, TransactionCanceledException, TransactionInProgressException } from '@aws-sdk/client-dynamodb';
import { transact } from '#functions/adapters/dynamodb/transactions';
import { areaHandler, type Event } from '#functions/lib/http';
import { problemContentType } from '#shared/schemas/problem';

/**
 * What a citizen gets when DynamoDB, or the network to it, fails: a 503 problem in Danish with
 * Retry-After (try again shortly), never a 500 (our fault, nothing to do). The errors are shaped as the
 * AWS SDK and Node's sockets throw them.
 */
const event = { version: '2.0', routeKey: 'GET /api/processes', rawPath: '/api/processes', rawQueryString: '', headers: {}, requestContext: { requestId: 'r', http: { method: 'GET', path: '/api/processes', sourceIp: '127.0.0.1' } }, isBase64Encoded: false } as unknown as Event;

const answerTo = (error: unknown) =>
  areaHandler(routes, {
    listProcesses: async () => {
      throw error;
    },
  })(event, {} as Context);

// The 5xx are logged as errors: kept out of the test's output.
beforeEach(() => void vi.spyOn(process.stdout, 'write').mockImplementation(() => true));
afterEach(() => vi.restoreAllMocks());

const network = (code: string) => Object.assign(new Error(`${code} 127.0.0.1:8000`), { code });
const meta = { $metadata: {} };

describe('SDK and network failures answer 503 with Retry-After', () => {
  it.each([
    ['a refused connection', network('ECONNREFUSED')],
    ['a connection reset', network('ECONNRESET')],
    ['a broken pipe', network('EPIPE')],
    ['a connect that timed out in the kernel', network('ETIMEDOUT')],
    ['a host that cannot be reached', network('EHOSTUNREACH')],
    ['a name that does not resolve right now', network('EAI_AGAIN')],
    ['the SDK timeout (connection or request)', Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' })],
    ['throttling', Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $fault: 'client', $retryable: { throttling: true } })],
    ['provisioned throughput exceeded', new ProvisionedThroughputExceededException({ message: 'exceeded', ...meta })],
    ['an internal server error', new InternalServerError({ message: 'internal', ...meta })],
    ['a transaction still in progress (same token)', new TransactionInProgressException({ message: 'in progress', ...meta })],
    ['an unmodelled server fault', Object.assign(new Error('Service Unavailable'), { name: 'Unknown', $fault: 'server', $metadata: { httpStatusCode: 503 } })],
  ])('%s', async (_what, error) => {
    const result = await answerTo(error);
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['content-type']).toBe(problemContentType);
    expect(Number(result.headers?.['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(result.body!)).toMatchObject({ status: 503, title: 'Tjenesten er midlertidigt utilgængelig' });
  });

  it('a programming error stays a 500', async () => {
    expect((await answerTo(new TypeError('x is undefined'))).statusCode).toBe(500);
  });
});

describe('a transaction cancelled for capacity', () => {
  const cancelled = (code: string) =>
    new TransactionCanceledException({ message: 'cancelled', ...meta, CancellationReasons: [{ Code: 'None' }, { Code: code }] });
  const failing = (error: Error) => ({ send: async () => Promise.reject(error) }) as never;

  it.each(['ProvisionedThroughputExceeded', 'ThrottlingError'])('%s: retried, then a 503 (it wrote nothing, so it is safe to repeat)', async (code) => {
    let sent = 0;
    const client = { send: async () => (sent++, Promise.reject(cancelled(code))) } as never;
    const error = await transact(client, [], async () => undefined).catch((e: unknown) => e);
    expect(sent).toBeGreaterThan(1);
    expect((await answerTo(error)).statusCode).toBe(503);
  });

  it('a validation reason stays a 500 (our request was wrong)', async () => {
    const error = await transact(failing(cancelled('ValidationError')), [], async () => undefined).catch((e: unknown) => e);
    expect((await answerTo(error)).statusCode).toBe(500);
  });
});
