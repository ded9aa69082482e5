import { roleUpdateSchema, userLookupQuerySchema, userSummarySchema } from '../../schemas/moderation';
import { processArchiveSchema, processCloneSchema, processDefinitionSchema, processSchema, processUpdateSchema } from '../../schemas/process';
import { processParams, userParams } from '../params';
import { bindRoutes, type AreaRouteId, type RouteSchemas } from '../bind';

/**
 * The admin area's routes bound to their schemas: its function imports only these (and builds only
 * these zod schemas at start); `../routes.ts` joins every area's for the OpenAPI document and the tests.
 */
export const adminRouteSchemas = {
  createProcess: {
    body: processDefinitionSchema,
    response: processSchema,
  },
  updateProcess: {
    params: processParams,
    body: processUpdateSchema,
    response: processSchema,
  },
  cloneProcess: {
    params: processParams,
    body: processCloneSchema,
    response: processSchema,
  },
  archiveProcess: {
    params: processParams,
    body: processArchiveSchema,
    response: processSchema,
  },
  processDefinition: {
    params: processParams,
    response: processDefinitionSchema,
  },
  findUser: {
    query: userLookupQuerySchema,
    response: userSummarySchema,
  },
  setRoles: {
    params: userParams,
    body: roleUpdateSchema,
    response: userSummarySchema,
  },
} as const satisfies Record<AreaRouteId<'admin'>, RouteSchemas>;

export const adminRoutes = bindRoutes(adminRouteSchemas);
