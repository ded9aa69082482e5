import type { WebConfig } from '#shared/schemas/config';

/**
 * The runtime configuration (`/config.json`, written by the deployment or served by the local
 * gateway), fetched once, when sign-in is first needed.
 */
let pending: Promise<WebConfig> | undefined;

export function loadConfig(): Promise<WebConfig> {
  pending ??= fetch('/config.json', { headers: { accept: 'application/json' } }).then(async (response) => {
    if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
    return (await response.json()) as WebConfig;
  });
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

/** cognito-local's address locally; the regional Cognito endpoint in AWS. */
export const cognitoEndpoint = (config: WebConfig): string =>
  config.cognitoEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`;
