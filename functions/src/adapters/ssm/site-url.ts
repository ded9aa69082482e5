// handler --> (secondary adapter) --> SITE_URL (local stack) or an SSM parameter (AWS)
import { ServiceUnavailableError } from '../../lib/errors';
import { traced } from '../../lib/tracer';

/**
 * What is the site's address: the absolute origin that every link leaving the site starts with (mails
 * to authors, the export's CSV, XLSX and JSON). A link like `/ideer/…` means nothing in a mail program
 * or a spreadsheet, so there is no relative fallback: without an address, the caller fails.
 *
 * - `SITE_URL`: the address itself. The local stack sets it to the gateway's URL once its port is known.
 * - `SITE_URL_PARAMETER`: in AWS, the name of the SSM parameter the web stack writes with the CloudFront
 *   address. The API stack cannot name the distribution (the distribution points at the API: a cycle),
 *   so the functions read the parameter by name on first need and keep it for the container's life.
 */

export const SITE_URL_ENV = 'SITE_URL';
export const SITE_URL_PARAMETER_ENV = 'SITE_URL_PARAMETER';

/**
 * The address could not be read now (SSM unreachable, the parameter not written yet: the web stack
 * deploys after the API stack) or is not an absolute http(s) address. 503 with Retry-After to the
 * client; the message, with the reason, goes only to the log.
 */
export class SiteUrlUnavailableError extends ServiceUnavailableError {
  constructor(reason: string) {
    super();
    this.message = `The site's address is unknown: ${reason}`;
  }
}

/** An absolute http(s) address without a trailing slash, or an error naming where the value came from. */
export function checkedSiteUrl(value: string | undefined, source: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value ?? '');
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new SiteUrlUnavailableError(`${source} is ${JSON.stringify(value ?? null)}, not an absolute http(s) address`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export type ReadParameter = (name: string) => Promise<string | undefined>;

/** One GetParameter call; the SDK client is loaded on first use, so functions that never link never load it. */
const readSsmParameter: ReadParameter = async (name) => {
  const { SSMClient, GetParameterCommand } = await import('@aws-sdk/client-ssm');
  const { Parameter } = await traced(new SSMClient({})).send(new GetParameterCommand({ Name: name }));
  return Parameter?.Value;
};

/**
 * The site's address from the environment: `SITE_URL` is read on every call (cheap, and a local stack
 * restarted in the same process brings a new port); the SSM parameter once, keeping only a good value,
 * so a failed read is tried again on the next request instead of failing the container for its life.
 */
export function siteUrlFrom(env: NodeJS.ProcessEnv = process.env, readParameter: ReadParameter = readSsmParameter): () => Promise<string> {
  let cached: string | undefined;
  return async () => {
    const direct = env[SITE_URL_ENV];
    if (direct !== undefined) return checkedSiteUrl(direct, SITE_URL_ENV);
    const name = env[SITE_URL_PARAMETER_ENV];
    // A deployment that sets neither is broken: a plain error is a logged 500, not a "try again".
    if (!name) throw new Error(`Neither ${SITE_URL_ENV} nor ${SITE_URL_PARAMETER_ENV} is set: links cannot leave the site`);
    if (cached) return cached;
    let value: string | undefined;
    try {
      value = await readParameter(name);
    } catch (error) {
      throw new SiteUrlUnavailableError(`reading the SSM parameter ${name} failed: ${String(error)}`);
    }
    cached = checkedSiteUrl(value, `the SSM parameter ${name}`);
    return cached;
  };
}

/** The functions' one reader of the site's address. */
export const siteUrl = siteUrlFrom();
