import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Every AWS SDK client the functions use is traced with Powertools' Tracer (an X-Ray subsegment per
 * call), and the tracer is a no-op off Lambda (the local stack, tests): no X-Ray daemon is needed.
 * Each adapter is built as the functions build it; its client's `send` is replaced only to see which
 * client sends and to keep AWS out of a unit test, and that client's middleware must hold X-Ray's.
 */
const XRAY = 'XRaySDKInstrumentation';
const middlewareOf = (client: { middlewareStack: { identify(): string[] } }) => client.middlewareStack.identify().join(' ');

/** The modules as a Lambda function with active tracing loads them. */
async function inLambda() {
  vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs24.x');
  // No global patch of http and fetch in the test process; the SDK clients are what is under test.
  vi.stubEnv('POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS', 'false');
  vi.resetModules();
}

/** Replaces `send` on a client class and reports the client it was called on. */
function sentBy<T extends { prototype: { send: unknown } }>(clientClass: T, answer: unknown) {
  const seen: { middlewareStack: { identify(): string[] } }[] = [];
  vi.spyOn(clientClass.prototype as { send: (...a: unknown[]) => unknown }, 'send').mockImplementation(function (this: never) {
    seen.push(this);
    return Promise.resolve(answer);
  });
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('AWS SDK clients traced with Powertools Tracer', { timeout: 30_000 }, () => {
  it('traces the DynamoDB client', async () => {
    await inLambda();
    const { createDocumentClient } = await import('#functions/adapters/dynamodb/client');
    expect(middlewareOf(createDocumentClient())).toContain(XRAY);
  });

  it('traces the SES client that sends mail', async () => {
    await inLambda();
    const { SESv2Client } = await import('@aws-sdk/client-sesv2');
    const seen = sentBy(SESv2Client, {});
    const { notifier } = await import('#functions/adapters/ses/notifier');
    await notifier(undefined, 'deltag@gentofte.dk').send({ to: 'borger@example.dk', subject: 'Emne', text: 'Tekst' });
    expect(seen).toHaveLength(1);
    expect(middlewareOf(seen[0]!)).toContain(XRAY);
  });

  it('traces the SQS client of the mail queue', async () => {
    await inLambda();
    const { SQSClient } = await import('@aws-sdk/client-sqs');
    const seen = sentBy(SQSClient, { Failed: [] });
    const { mailQueue } = await import('#functions/adapters/sqs/queue');
    await mailQueue('https://sqs.eu-north-1.amazonaws.com/123456789012/mails').send([{ kind: 'digest', userId: 'u1', period: '2026-12-02' } as never]);
    expect(seen).toHaveLength(1);
    expect(middlewareOf(seen[0]!)).toContain(XRAY);
  });

  it('traces the SSM client that reads the site address', async () => {
    await inLambda();
    const { SSMClient } = await import('@aws-sdk/client-ssm');
    const seen = sentBy(SSMClient, { Parameter: { Value: 'https://deltag.gentofte.dk' } });
    const { siteUrlFrom } = await import('#functions/adapters/ssm/site-url');
    expect(await siteUrlFrom({ SITE_URL_PARAMETER: '/deltag/site-url' })()).toBe('https://deltag.gentofte.dk');
    expect(seen).toHaveLength(1);
    expect(middlewareOf(seen[0]!)).toContain(XRAY);
  });

  it('traces the Cognito client of the user directory', async () => {
    await inLambda();
    const { CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');
    const seen = sentBy(CognitoIdentityProviderClient, { UserAttributes: [{ Name: 'email', Value: 'borger@example.dk' }, { Name: 'email_verified', Value: 'true' }] });
    const { userDirectory } = await import('#functions/adapters/cognito/user-directory');
    expect(await userDirectory('eu-north-1_pool', undefined).email('borger')).toBe('borger@example.dk');
    expect(seen).toHaveLength(1);
    expect(middlewareOf(seen[0]!)).toContain(XRAY);
  });

  it('traces the Secrets Manager client that reads the origin secret', async () => {
    await inLambda();
    const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const seen = sentBy(SecretsManagerClient, { SecretString: 'hemmelig' });
    const { originSecretFrom } = await import('#functions/adapters/secrets/origin-secret');
    expect(await originSecretFrom({ ORIGIN_SECRET_ARN: 'arn:aws:secretsmanager:eu-north-1:123456789012:secret:origin' })()).toBe('hemmelig');
    expect(seen).toHaveLength(1);
    expect(middlewareOf(seen[0]!)).toContain(XRAY);
  });

  it('is a no-op off Lambda: the local stack and the tests need no X-Ray daemon', async () => {
    vi.resetModules();
    const { createDocumentClient } = await import('#functions/adapters/dynamodb/client');
    expect(middlewareOf(createDocumentClient())).not.toContain(XRAY);
    const { tracer } = await import('#functions/lib/tracer');
    expect(tracer.isTracingEnabled()).toBe(false);
  });
});
