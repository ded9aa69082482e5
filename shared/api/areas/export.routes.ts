import * as z from 'zod';
import { exportDocumentSchema, exportQuerySchema } from '../../schemas/export';
import { annexFreezeSchema, annexVersionListSchema, annexVersionParams, annexVersionSchema } from '../../schemas/recommendations';
import { processParams } from '../params';
import { bindRoutes, type AreaRouteId, type RouteSchemas } from '../bind';

/**
 * The export area's routes bound to their schemas: its function imports only these (and builds only
 * these zod schemas at start); `../routes.ts` joins every area's for the OpenAPI document and the tests.
 */
export const exportRouteSchemas = {
  freezeAnnex: {
    params: processParams,
    body: annexFreezeSchema,
    response: annexVersionSchema,
  },
  annexVersions: {
    params: processParams,
    response: annexVersionListSchema,
  },
  annexVersionPdf: {
    params: annexVersionParams,
    /** The PDF itself (a FileResponse); this describes nothing JSON. */
    response: z.never(),
  },
  exportIdeas: {
    params: processParams,
    query: exportQuerySchema,
    response: exportDocumentSchema,
  },
} as const satisfies Record<AreaRouteId<'export'>, RouteSchemas>;

export const exportRoutes = bindRoutes(exportRouteSchemas);
