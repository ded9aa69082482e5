import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProxyOptions } from 'vite';

const stackFile = fileURLToPath(new URL('../../.local/stack.json', import.meta.url));

/**
 * `npm run dev:web` serves the SPA with HMR; API calls go to the running local stack (`npm start`),
 * whose address `.local/stack.json` records, so the browser still sees a single origin as in AWS.
 */
export function devProxy(): Record<string, ProxyOptions> | undefined {
  if (!existsSync(stackFile)) return undefined;
  const { webUrl } = JSON.parse(readFileSync(stackFile, 'utf8')) as { webUrl: string };
  return { '/api': { target: webUrl }, '/config.json': { target: webUrl } };
}
