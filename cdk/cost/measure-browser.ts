import type { BrowserContext, Request } from 'playwright-core';
import { routeKey } from '#shared/api/route-meta';
import { routeList } from '#shared/api/routes';
import { matchPath } from '#functions/lib/match-path';
import { emptyCounts, type Counts } from './measured';

/** The route an /api/ request reaches, chosen as the gateway and HTTP API choose (specific before ANY). */
export function routeOf(method: string, path: string): string {
  const candidates = [...routeList].sort((a, b) => Number(a.method === 'ANY') - Number(b.method === 'ANY'));
  const route = candidates.find((r) => (r.method === 'ANY' || r.method === method) && matchPath(r.path, path));
  return route ? routeKey(route) : `${method} (no route)`;
}

/**
 * Watches every request a browser context makes to the site's origin and sorts it: /api/ requests
 * (each an HTTP API request and a Lambda invocation in AWS) by route with their time and bytes, the
 * rest as static files (what CloudFront serves from its cache or S3). Requests to cognito-local are
 * left out: in AWS they go to Cognito's own endpoint, which bills per user, not per request.
 */
export class RequestRecorder {
  private counts = emptyCounts();
  private pending = new Set<Promise<void>>();

  constructor(
    context: BrowserContext,
    private readonly origin: string,
  ) {
    context.on('requestfinished', (request) => this.track(this.record(request)));
    context.on('requestfailed', (request) => this.track(this.record(request)));
  }

  private track(work: Promise<void>) {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async record(request: Request): Promise<void> {
    const url = new URL(request.url());
    if (url.origin !== this.origin) return;
    // Answered from the browser's cache: no request reaches CloudFront.
    const response = await request.response();
    if (!response || response.fromServiceWorker() || (await this.fromCache(request))) return;
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
    const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
    const c = this.counts;
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const timing = request.timing();
      const route = routeOf(request.method(), url.pathname);
      c.apiRequests += 1;
      c.byRoute[route] = (c.byRoute[route] ?? 0) + 1;
      c.apiMs += Math.max(0, timing.responseEnd - Math.max(0, timing.requestStart));
      c.apiBytes += bytes;
    } else {
      c.staticRequests += 1;
      c.staticBytes += bytes;
    }
  }

  /** Chromium marks memory- and disk-cache hits with an empty header size. */
  private async fromCache(request: Request): Promise<boolean> {
    const sizes = await request.sizes().catch(() => undefined);
    return sizes !== undefined && sizes.responseHeadersSize === 0 && sizes.responseBodySize === 0;
  }

  /** What was recorded since the last take, once every finished request has been sorted. */
  async take(): Promise<Counts> {
    while (this.pending.size) await Promise.all([...this.pending]);
    const taken = this.counts;
    this.counts = emptyCounts();
    return taken;
  }
}
