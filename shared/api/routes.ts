import * as z from 'zod';
import { commentCreateSchema, commentListQuerySchema, commentListSchema, commentSchema, commentUpdateSchema, myCommentsQuerySchema, myCommentsSchema } from '../schemas/comment';
import { exportDocumentSchema, exportQuerySchema } from '../schemas/export';
import { flagCreateSchema, flagReceiptSchema } from '../schemas/flag';
import { ideaCreateSchema, ideaDetailSchema, ideaListQuerySchema, ideaListSchema } from '../schemas/idea';
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
import {
  mySurveyStatusSchema,
  surveyAnswerSchema,
  surveyExportQuerySchema,
  surveyPublishSchema,
  surveyReceiptSchema,
  surveyResultsQuerySchema,
  surveyResultsSchema,
  surveySaveSchema,
  surveySchema,
  surveyTextListSchema,
  surveyTextQuerySchema,
  surveyTextReviewSchema,
  surveyTextSchema,
} from '../schemas/survey';
import {
  answerSaveSchema,
  consultationSetupSaveSchema,
  consultationSetupSchema,
  diffQuerySchema,
  documentCreateSchema,
  documentDiffSchema,
  documentExportQuerySchema,
  documentListSchema,
  documentViewSchema,
  draftSaveSchema,
  draftSchema,
  myResponseListSchema,
  myResponseQuerySchema,
  myRoundsSchema,
  responseCreateSchema,
  responseListQuerySchema,
  responseListSchema,
  responseSchema,
  responseUpdateSchema,
  roundInviteReceiptSchema,
  roundInviteSchema,
  roundJoinSchema,
  versionPublishSchema,
  versionQuerySchema,
  versionSchema,
} from '../schemas/consultation';
import { slugSchema, ulidSchema } from '../schemas/text';
import { profileSchema, profileUpdateSchema } from '../schemas/user';
import { myVotedIdeasQuerySchema, myVotedIdeasSchema, myVotesQuerySchema, myVotesSchema, voteStateSchema } from '../schemas/vote';
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

const processParams = z.object({ processId: slugSchema }).strict();
const ideaParams = z.object({ ideaId: ulidSchema }).strict();
const commentParams = z.object({ commentId: ulidSchema }).strict();
const documentParams = z.object({ processId: slugSchema, documentId: slugSchema }).strict();
const responseParams = z.object({ responseId: ulidSchema }).strict();
const roundParams = z.object({ processId: slugSchema, roundId: slugSchema }).strict();
/** A Cognito user's `sub`. */
const userParams = z.object({ userId: z.string().min(1).max(64) }).strict();
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
  getSurvey: { params: processParams, response: surveySchema },
  saveSurvey: { params: processParams, body: surveySaveSchema, response: surveySchema },
  answerSurvey: { params: processParams, body: surveyAnswerSchema, response: surveyReceiptSchema },
  answerSurveyAnonymously: { params: processParams, body: surveyAnswerSchema, response: surveyReceiptSchema },
  mySurveyStatus: { params: processParams, response: mySurveyStatusSchema },
  surveyResults: { params: processParams, query: surveyResultsQuerySchema, response: surveyResultsSchema },
  publishSurveyResults: { params: processParams, body: surveyPublishSchema, response: surveySchema },
  /** A file download (CSV, XLSX) or the JSON document. */
  exportSurvey: { params: processParams, query: surveyExportQuerySchema, response: z.unknown() },
  surveyResultsInternal: { params: processParams, query: surveyResultsQuerySchema, response: surveyResultsSchema },
  surveyTexts: { params: processParams, query: surveyTextQuerySchema, response: surveyTextListSchema },
  reviewSurveyText: {
    params: z.object({ processId: slugSchema, textId: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'Ugyldigt id') }).strict(),
    body: surveyTextReviewSchema,
    response: surveyTextSchema,
  },
  listDocuments: { params: processParams, response: documentListSchema },
  getDocument: { params: documentParams, query: versionQuerySchema, response: documentViewSchema },
  documentDiff: { params: documentParams, query: diffQuerySchema, response: documentDiffSchema },
  listResponses: { params: documentParams, query: responseListQuerySchema, response: responseListSchema },
  createResponse: { params: documentParams, body: responseCreateSchema, response: responseSchema },
  updateResponse: { params: responseParams, body: responseUpdateSchema, response: responseSchema },
  deleteResponse: { params: responseParams, response: z.undefined() },
  flagResponse: { params: responseParams, body: flagCreateSchema, response: flagReceiptSchema },
  myRounds: { params: processParams, response: myRoundsSchema },
  joinRound: { params: roundParams, body: roundJoinSchema, response: myRoundsSchema },
  myResponses: { query: myResponseQuerySchema, response: myResponseListSchema },
  getConsultationSetup: { params: processParams, response: consultationSetupSchema },
  saveConsultationSetup: { params: processParams, body: consultationSetupSaveSchema, response: consultationSetupSchema },
  inviteRound: { params: roundParams, body: roundInviteSchema, response: roundInviteReceiptSchema },
  workspaceDocuments: { params: processParams, response: documentListSchema },
  createDocument: { params: processParams, body: documentCreateSchema, response: draftSchema },
  getDraft: { params: documentParams, response: draftSchema },
  saveDraft: { params: documentParams, body: draftSaveSchema, response: draftSchema },
  publishVersion: { params: documentParams, body: versionPublishSchema, response: versionSchema },
  internalResponses: { params: documentParams, query: responseListQuerySchema, response: responseListSchema },
  answerResponse: { params: responseParams, body: answerSaveSchema, response: responseSchema },
  moderateResponse: { params: responseParams, body: commentModerationSchema, response: responseSchema },
  /** A file download (XLSX) or the JSON document. */
  exportDocument: { params: documentParams, query: documentExportQuerySchema, response: z.unknown() },
} as const satisfies Record<RouteId, RouteSchemas>;

type Bound = { [K in RouteId]: (typeof routeMeta)[K] & (typeof schemas)[K] & { summary: string } };

export const routes = Object.fromEntries(
  (Object.keys(routeMeta) as RouteId[]).map((id) => [id, { ...routeMeta[id], summary: routeSummaries[id], ...schemas[id] }]),
) as Bound;

export type RouteOf<K extends RouteId> = Bound[K];

export const routeList = (Object.keys(routes) as RouteId[]).map((id) => ({ id, ...(routes[id] as RouteDef) }));

/** The routes a client can call (the catch-all is plumbing, not an operation). */
export const operations = routeList.filter((r) => r.method !== 'ANY');
