import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from '#shared/api/routes';
import { ORIGIN_HEADER, ORIGIN_SECRET_ARN_ENV, originSecretFrom } from '#functions/adapters/secrets/origin-secret';
import type { Event } from '#functions/lib/http';

/**
 * The API's own execute-api address is not a way around CloudFront and its WAF: CloudFront adds a
 * secret header (from Secrets Manager) and every API function refuses a request without it. Secrets
 * Manager is the one part replaced here, at the SDK: the http middleware and the adapter run as in AWS.
 */
const secretArn = 'arn:aws:secretsmanager:eu-north-1:123456789012:secret:deltag-origin-AbCdEf';
const secret = 'kH3v9QeT2xWm7Lz4Rb8Np5Ys1Uc6Jd0Fg';
const reads: string[] = [];

vi.mock('@aws-sdk/client-secrets-manager', () => ({
  GetSecretValueCommand: class {
    constructor(readonly input: { SecretId: string }) {}
  },
  SecretsManagerClient: class {
    async send(command: { input: { SecretId: string } }) {
      reads.push(command.input.SecretId);
      return { SecretString: command.input.SecretId === secretArn ? secret : undefined };
    }
  },
}));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  reads.length = 0;
});

const event = (headers: Record<string, string>, routeKey = 'GET /api/processes') =>
  ({
    version: '2.0',
    routeKey,
    rawPath: '/api/processes',
    rawQueryString: '',
    headers,
    requestContext: { requestId: 'req-1', http: { method: 'GET', path: '/api/processes', sourceIp: '127.0.0.1' } },
    isBase64Encoded: false,
  }) as unknown as Event;

/** An area's handler as a function loads it, with ORIGIN_SECRET_ARN as given (unset: undefined). */
async function loadHandler(arn: string | undefined) {
  if (arn) vi.stubEnv(ORIGIN_SECRET_ARN_ENV, arn);
  vi.resetModules();
  const { areaHandler } = await import('#functions/lib/http');
  return areaHandler(routes, { listProcesses: async () => [] as never });
}

describe('only through CloudFront', { timeout: 30_000 }, () => {
  it('refuses a request without the origin header with a 403 problem in Danish, before any use case runs', async () => {
    const handler = await loadHandler(secretArn);
    const result = await handler(event({}), {} as Context);
    expect(result.statusCode).toBe(403);
    expect(result.headers?.['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.parse(result.body!)).toMatchObject({ status: 403, title: 'Ingen adgang', detail: expect.stringContaining('Deltags adresse') });
  });

  it('refuses a wrong secret, also on an unknown path', async () => {
    const handler = await loadHandler(secretArn);
    expect((await handler(event({ [ORIGIN_HEADER]: secret.slice(0, -1) + 'x' }), {} as Context)).statusCode).toBe(403);
    expect((await handler(event({ [ORIGIN_HEADER]: 'short' }, 'ANY /api/{proxy+}'), {} as Context)).statusCode).toBe(403);
  });

  it("answers a request with CloudFront's header, reading the secret once per container", async () => {
    const handler = await loadHandler(secretArn);
    for (let i = 0; i < 3; i++) expect((await handler(event({ [ORIGIN_HEADER]: secret }), {} as Context)).statusCode).toBe(200);
    expect(reads).toEqual([secretArn]);
  });

  it('checks nothing where no secret is configured (the local gateway, the only way in there)', async () => {
    const handler = await loadHandler(undefined);
    expect((await handler(event({}), {} as Context)).statusCode).toBe(200);
    expect(reads).toEqual([]);
  });
});

describe('reading the origin secret', () => {
  it('answers 503 (try again) when Secrets Manager fails, and reads again on the next request', async () => {
    let calls = 0;
    const read = originSecretFrom({ [ORIGIN_SECRET_ARN_ENV]: secretArn }, async () => {
      calls++;
      if (calls === 1) throw new Error('network down');
      return secret;
    });
    await expect(read()).rejects.toMatchObject({ status: 503 });
    await expect(read()).resolves.toBe(secret);
    await expect(read()).resolves.toBe(secret);
    expect(calls).toBe(2);
  });
});
