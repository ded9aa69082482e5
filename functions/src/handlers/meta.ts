// (primary adapter): the API's own description, and the answer for paths no route serves.
import { buildOpenApi } from '#shared/api/openapi';
import { operations } from '#shared/api/routes';
import { MethodNotAllowedError, NotFoundError } from '../lib/errors';
import { matchPath } from '../lib/match-path';
import { areaHandler } from '../lib/http';

let document: Record<string, unknown> | undefined;

export const handler = areaHandler({
  openapi: async () => (document ??= buildOpenApi()),
  // HTTP API sends every unmatched /api/* request here (ANY /api/{proxy+}), the local gateway too.
  unmatched: async ({ rawPath, method }) => {
    const allowed = operations.filter((r) => matchPath(r.path, rawPath)).map((r) => r.method);
    if (allowed.length && !allowed.includes(method as never)) throw new MethodNotAllowedError(allowed);
    throw new NotFoundError('Adressen findes ikke i API’et.');
  },
});
