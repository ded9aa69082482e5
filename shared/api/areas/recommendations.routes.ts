import * as z from 'zod';
import {
  initiativeInputSchema,
  progressUpdateInputSchema,
  progressUpdateSchema,
  recommendationInputSchema,
  recommendationListSchema,
  recommendationSchema,
  recommendationStatusUpdateSchema,
  recommendationUpdateSchema,
  registerSchema,
  statusReportSchema,
} from '../../schemas/recommendations';
import { aiLensUpdateSchema } from '../../schemas/ai-lens';
import { slugSchema, ulidSchema } from '../../schemas/text';
import { processParams } from '../params';
import { bindRoutes, type RouteSchemas } from '../bind';
import type { recommendationRouteMeta } from './recommendations.meta';

export const recommendationParams = z.object({ processId: slugSchema, recommendationId: ulidSchema }).strict();

/** The recommendations' routes bound to their schemas (see `../routes.ts`). */
export const recommendationRouteSchemas = {
  listRecommendations: { params: processParams, response: recommendationListSchema },
  getRecommendation: { params: recommendationParams, response: recommendationSchema },
  createRecommendation: { params: processParams, body: recommendationInputSchema, response: recommendationSchema },
  updateRecommendation: { params: recommendationParams, body: recommendationUpdateSchema, response: recommendationSchema },
  deleteRecommendation: { params: recommendationParams, response: z.never() },
  setRecommendationStatus: { params: recommendationParams, body: recommendationStatusUpdateSchema, response: recommendationSchema },
  setRecommendationAiLens: { params: recommendationParams, body: aiLensUpdateSchema, response: recommendationSchema },
  setInitiative: { params: recommendationParams, body: initiativeInputSchema, response: recommendationSchema },
  addProgressUpdate: { params: recommendationParams, body: progressUpdateInputSchema, response: progressUpdateSchema },
  getRegister: { params: processParams, response: registerSchema },
  getStatusReport: { params: processParams, response: statusReportSchema },
} as const satisfies Record<keyof typeof recommendationRouteMeta, RouteSchemas>;

/** What the recommendations function imports: these routes and no other area's schemas. */
export const recommendationRoutes = bindRoutes(recommendationRouteSchemas);
