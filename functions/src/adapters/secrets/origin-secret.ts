// handler --> (secondary adapter) --> Secrets Manager (AWS); nothing locally
import { ServiceUnavailableError } from '../../lib/errors';
import { traced } from '../../lib/tracer';

/**
 * The secret CloudFront sends to the API in `ORIGIN_HEADER` on every /api/* request, so the API's own
 * execute-api address answers nothing useful to a caller who goes around CloudFront (and its WAF). The
 * web stack puts it in the distribution's origin headers; the API stack generates it in Secrets Manager
 * and gives every API function its ARN in `ORIGIN_SECRET_ARN`.
 *
 * Unset (the local stack, the tests): the local gateway is the only way in, so there is nothing to check.
 */
export const ORIGIN_SECRET_ARN_ENV = 'ORIGIN_SECRET_ARN';
export const ORIGIN_HEADER = 'x-deltag-origin';

export type ReadSecret = (arn: string) => Promise<string | undefined>;

/** One GetSecretValue call; the SDK client is loaded on first use. */
const readSecretsManager: ReadSecret = async (arn) => {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const { SecretString } = await traced(new SecretsManagerClient({})).send(new GetSecretValueCommand({ SecretId: arn }));
  return SecretString;
};

/**
 * The expected header value, or `undefined` when no secret is configured. Read once per container (one
 * call at the first request, then from memory: no cost per request); a failed read is a 503 and is tried
 * again on the next request, so a passing outage does not lock a container out for its life.
 */
export function originSecretFrom(env: NodeJS.ProcessEnv = process.env, readSecret: ReadSecret = readSecretsManager): () => Promise<string | undefined> {
  let cached: string | undefined;
  return async () => {
    const arn = env[ORIGIN_SECRET_ARN_ENV];
    if (!arn) return undefined;
    if (cached) return cached;
    let value: string | undefined;
    try {
      value = await readSecret(arn);
    } catch (error) {
      throw new OriginSecretUnavailableError(`reading ${arn} failed: ${String(error)}`);
    }
    if (!value) throw new OriginSecretUnavailableError(`${arn} has no string value`);
    cached = value;
    return cached;
  };
}

/** 503 with Retry-After to the client; the reason only in the log. */
export class OriginSecretUnavailableError extends ServiceUnavailableError {
  constructor(reason: string) {
    super();
    this.message = `The origin secret is unknown: ${reason}`;
  }
}

/** The functions' one reader of the origin secret. */
export const originSecret = originSecretFrom();
