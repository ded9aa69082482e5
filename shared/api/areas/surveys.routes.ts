import * as z from 'zod';
import { processParams } from '../params';
import { slugSchema } from '../../schemas/text';
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
} from '../../schemas/survey';
import { bindRoutes, type RouteSchemas } from '../bind';
import type { surveyRouteMeta } from './surveys.meta';

/** The survey module's routes bound to their schemas (see `../routes.ts`). */
export const surveyRouteSchemas = {
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
} as const satisfies Record<keyof typeof surveyRouteMeta, RouteSchemas>;

/** What the surveys function imports: these routes and no other area's schemas. */
export const surveyRoutes = bindRoutes(surveyRouteSchemas);
