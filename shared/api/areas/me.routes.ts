import * as z from 'zod';
import { myDataExportSchema, myIdeaListSchema, pageQuerySchema } from '../../schemas/me';
import { profileSchema, profileUpdateSchema } from '../../schemas/user';
import { bindRoutes, type AreaRouteId, type RouteSchemas } from '../bind';

/**
 * The me area's routes bound to their schemas: its function imports only these (and builds only
 * these zod schemas at start); `../routes.ts` joins every area's for the OpenAPI document and the tests.
 */
export const meRouteSchemas = {
  getMe: {
    response: profileSchema,
  },
  updateMe: {
    body: profileUpdateSchema,
    response: profileSchema,
  },
  myIdeas: {
    query: pageQuerySchema,
    response: myIdeaListSchema,
  },
  exportMe: {
    response: myDataExportSchema,
  },
  deleteMe: {
    response: z.never(),
  },
} as const satisfies Record<AreaRouteId<'me'>, RouteSchemas>;

export const meRoutes = bindRoutes(meRouteSchemas);
