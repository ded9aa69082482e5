import { processChangeListSchema, processListSchema, processSchema } from '../../schemas/process';
import { processParams } from '../params';
import { bindRoutes, type AreaRouteId, type RouteSchemas } from '../bind';

/**
 * The processes area's routes bound to their schemas: its function imports only these (and builds only
 * these zod schemas at start); `../routes.ts` joins every area's for the OpenAPI document and the tests.
 */
export const processRouteSchemas = {
  listProcesses: {
    response: processListSchema,
  },
  getProcess: {
    params: processParams,
    response: processSchema,
  },
  processChanges: {
    params: processParams,
    response: processChangeListSchema,
  },
} as const satisfies Record<AreaRouteId<'processes'>, RouteSchemas>;

export const processRoutes = bindRoutes(processRouteSchemas);
