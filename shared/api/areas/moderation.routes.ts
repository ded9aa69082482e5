import * as z from 'zod';
import { aiLensSchema, aiLensUpdateSchema } from '../../schemas/ai-lens';
import { commentSchema } from '../../schemas/comment';
import { auditLogSchema, auditQuerySchema, bulkModerationSchema, bulkResultSchema, commentModerationSchema, ideaModerationSchema, moderatedIdeaSchema, overdueQuerySchema, overdueSchema, queueQuerySchema, queueSchema, userModerationResultSchema, userModerationSchema } from '../../schemas/moderation';
import { workspaceSearchQuerySchema, workspaceSearchSchema } from '../../schemas/search';
import { commentParams, ideaParams, processParams, userParams } from '../params';
import { bindRoutes, type AreaRouteId, type RouteSchemas } from '../bind';

/**
 * The moderation area's routes bound to their schemas: its function imports only these (and builds only
 * these zod schemas at start); `../routes.ts` joins every area's for the OpenAPI document and the tests.
 */
export const moderationRouteSchemas = {
  moderationQueue: {
    query: queueQuerySchema,
    response: queueSchema,
  },
  searchWorkspace: {
    params: processParams,
    query: workspaceSearchQuerySchema,
    response: workspaceSearchSchema,
  },
  moderatedIdea: {
    params: ideaParams,
    response: moderatedIdeaSchema,
  },
  moderateIdea: {
    params: ideaParams,
    body: ideaModerationSchema,
    response: moderatedIdeaSchema,
  },
  moderateComment: {
    params: commentParams,
    body: commentModerationSchema,
    response: commentSchema,
  },
  moderateUser: {
    params: userParams,
    body: userModerationSchema,
    response: userModerationResultSchema,
  },
  bulkModerate: {
    body: bulkModerationSchema,
    response: bulkResultSchema,
  },
  moderationLog: {
    query: auditQuerySchema,
    response: auditLogSchema,
  },
  overdueAnswers: {
    query: overdueQuerySchema,
    response: overdueSchema,
  },
  setIdeaAiLens: {
    params: ideaParams,
    body: aiLensUpdateSchema,
    response: z.object({ aiLens: aiLensSchema.optional(), updatedAt: z.iso.datetime({ offset: true }) }),
  },
} as const satisfies Record<AreaRouteId<'moderation'>, RouteSchemas>;

export const moderationRoutes = bindRoutes(moderationRouteSchemas);
