import * as z from 'zod';
import { commentCreateSchema, commentListQuerySchema, commentListSchema, commentSchema, commentUpdateSchema, myCommentsQuerySchema, myCommentsSchema } from '../schemas/comment';
import { exportDocumentSchema, exportQuerySchema } from '../schemas/export';
import { flagCreateSchema, flagReceiptSchema } from '../schemas/flag';
import { ideaCreateSchema, ideaDetailSchema, ideaListQuerySchema, ideaListSchema, plainSummaryUpdateSchema } from '../schemas/idea';
import { myDataExportSchema, myIdeaListSchema, pageQuerySchema } from '../schemas/me';
import {
  auditLogSchema,
  auditQuerySchema,
  bulkModerationSchema,
  bulkResultSchema,
  commentModerationSchema,
  ideaModerationSchema,
  moderatedIdeaSchema,
  overdueQuerySchema,
  overdueSchema,
  queueQuerySchema,
  queueSchema,
  roleUpdateSchema,
  userLookupQuerySchema,
  userModerationResultSchema,
  userModerationSchema,
  userSummarySchema,
} from '../schemas/moderation';
import {
  processArchiveSchema,
  processChangeListSchema,
  processCloneSchema,
  processDefinitionSchema,
  processListSchema,
  processSchema,
  processUpdateSchema,
} from '../schemas/process';
import { similarListSchema, similarQuerySchema, workspaceSearchQuerySchema, workspaceSearchSchema } from '../schemas/search';
import { slugSchema, ulidSchema } from '../schemas/text';
import { profileSchema, profileUpdateSchema } from '../schemas/user';
import { myVotedIdeasQuerySchema, myVotedIdeasSchema, myVotesQuerySchema, myVotesSchema, voteStateSchema } from '../schemas/vote';
import { assistedRouteSchemas } from './areas/assisted.routes';
import { consultationRouteSchemas } from './areas/consultations.routes';
import { eventRouteSchemas } from './areas/events.routes';
import { surveyRouteSchemas } from './areas/surveys.routes';
import { followRouteSchemas } from './areas/follows.routes';
import { recommendationRouteSchemas } from './areas/recommendations.routes';
import { aiLensSchema, aiLensUpdateSchema } from '../schemas/ai-lens';
import { annexFreezeSchema, annexVersionListSchema, annexVersionParams, annexVersionSchema } from '../schemas/recommendations';
import { ideaParams, commentParams, processParams, userParams } from './params';
import { routeMeta, routeSummaries, type RouteId, type RouteMeta } from './route-meta';

/**
 * The route table with its schemas: the metadata in `route-meta.ts` (zod-free, for the browser) bound
 * to the zod schemas that the handlers parse with, the OpenAPI document is generated from, and the
 * tests check answers against. One entry per route id, no more and no less (the type check says so).
 */

export interface RouteSchemas {
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
}

export interface RouteDef extends RouteMeta, RouteSchemas {
  summary: string;
}

/** 204: nothing in the body. */
const noContent = z.never();

const schemas = {
  unmatched: {
    params: z.object({ proxy: z.string() }).strict(),
    response: noContent,
  },
  openapi: {
    response: z.record(z.string(), z.unknown()),
  },
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
  similarIdeas: {
    params: processParams,
    query: similarQuerySchema,
    response: similarListSchema,
  },
  listIdeas: {
    params: processParams,
    query: ideaListQuerySchema,
    response: ideaListSchema,
  },
  createIdea: {
    params: processParams,
    body: ideaCreateSchema,
    response: ideaDetailSchema,
  },
  getIdea: {
    params: ideaParams,
    response: ideaDetailSchema,
  },
  setPlainSummary: {
    params: ideaParams,
    body: plainSummaryUpdateSchema,
    response: ideaDetailSchema,
  },
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
    response: noContent,
  },
  voteIdea: {
    params: ideaParams,
    response: voteStateSchema,
  },
  unvoteIdea: {
    params: ideaParams,
    response: voteStateSchema,
  },
  myVotes: {
    query: myVotesQuerySchema,
    response: myVotesSchema,
  },
  myVotedIdeas: {
    query: myVotedIdeasQuerySchema,
    response: myVotedIdeasSchema,
  },
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
    response: noContent,
  },
  myComments: {
    query: myCommentsQuerySchema,
    response: myCommentsSchema,
  },
  flagIdea: {
    params: ideaParams,
    body: flagCreateSchema,
    response: flagReceiptSchema,
  },
  flagComment: {
    params: commentParams,
    body: flagCreateSchema,
    response: flagReceiptSchema,
  },
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
  findUser: {
    query: userLookupQuerySchema,
    response: userSummarySchema,
  },
  setRoles: {
    params: userParams,
    body: roleUpdateSchema,
    response: userSummarySchema,
  },
  ...surveyRouteSchemas,
  ...consultationRouteSchemas,
  ...eventRouteSchemas,
  ...assistedRouteSchemas,
  ...recommendationRouteSchemas,
  ...followRouteSchemas,
} as const satisfies Record<RouteId, RouteSchemas>;

type Bound = { [K in RouteId]: (typeof routeMeta)[K] & (typeof schemas)[K] & { summary: string } };

export const routes = Object.fromEntries(
  (Object.keys(routeMeta) as RouteId[]).map((id) => [id, { ...routeMeta[id], summary: routeSummaries[id], ...schemas[id] }]),
) as unknown as Bound;

export type RouteOf<K extends RouteId> = Bound[K];

export const routeList = (Object.keys(routes) as RouteId[]).map((id) => ({ id, ...(routes[id] as RouteDef) }));

/** The routes a client can call (the catch-all is plumbing, not an operation). */
export const operations = routeList.filter((r) => r.method !== 'ANY');
