import * as z from 'zod';
import { commentCreateSchema, commentListQuerySchema, commentListSchema, commentSchema, commentUpdateSchema, myCommentsQuerySchema, myCommentsSchema } from '../../schemas/comment';
import { commentParams, ideaParams } from '../params';
import { bindRoutes, type AreaRouteId, type RouteSchemas } from '../bind';

/**
 * The comments area's routes bound to their schemas: its function imports only these (and builds only
 * these zod schemas at start); `../routes.ts` joins every area's for the OpenAPI document and the tests.
 */
export const commentRouteSchemas = {
  listComments: {
    params: ideaParams,
    query: commentListQuerySchema,
    response: commentListSchema,
  },
  createComment: {
    params: ideaParams,
    body: commentCreateSchema,
    response: commentSchema,
  },
  updateComment: {
    params: commentParams,
    body: commentUpdateSchema,
    response: commentSchema,
  },
  deleteComment: {
    params: commentParams,
    response: z.never(),
  },
  myComments: {
    query: myCommentsQuerySchema,
    response: myCommentsSchema,
  },
} as const satisfies Record<AreaRouteId<'comments'>, RouteSchemas>;

export const commentRoutes = bindRoutes(commentRouteSchemas);
