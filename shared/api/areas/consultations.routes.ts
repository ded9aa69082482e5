import * as z from 'zod';
import { documentParams, processParams, responseParams, roundParams } from '../params';
import { commentModerationSchema } from '../../schemas/moderation';
import { flagCreateSchema, flagReceiptSchema } from '../../schemas/flag';
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
} from '../../schemas/consultation';
import { bindRoutes, type RouteSchemas } from '../bind';
import type { consultationRouteMeta } from './consultations.meta';

/** The consultation module's routes bound to their schemas (see `../routes.ts`). */
export const consultationRouteSchemas = {
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
} as const satisfies Record<keyof typeof consultationRouteMeta, RouteSchemas>;

/** What the consultations function imports: these routes and no other area's schemas. */
export const consultationRoutes = bindRoutes(consultationRouteSchemas);
