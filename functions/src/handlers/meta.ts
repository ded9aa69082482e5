// (primary adapter): the API's own description, and the answer for paths no route serves.
import { routeMeta } from '#shared/api/route-meta';
import { metaRoutes } from '#shared/api/areas/meta.routes';
import { MethodNotAllowedError, NotFoundError } from '../lib/errors';
import { matchPath } from '../lib/match-path';
import { areaHandler } from '../lib/http';

/** Methods and paths only (zod-free): enough to tell a wrong method (405) from a wrong path (404). */
const operations = Object.values(routeMeta).filter((r) => r.method !== 'ANY');

let document: Promise<Record<string, unknown>> | undefined;

export const handler = areaHandler(metaRoutes, {
  // Every route's schemas, loaded on the first request for the document (a separate file in AWS:
  // cdk/constructs/bundle-options.ts), so the 404s this function mostly answers never build them.
  openapi: async () => (document ??= import('#shared/api/openapi').then((m) => m.buildOpenApi())),
  // HTTP API sends every unmatched /api/* request here (ANY /api/{proxy+}), the local gateway too.
  unmatched: async ({ rawPath, method }) => {
    const allowed = operations.filter((r) => matchPath(r.path, rawPath)).map((r) => r.method);
    if (allowed.length && !allowed.includes(method as never)) throw new MethodNotAllowedError(allowed);
    throw new NotFoundError('Adressen findes ikke i API’et.');
  },
});
