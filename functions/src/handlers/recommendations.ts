// (primary adapter) --> domain/recommendations --> adapters/dynamodb
import { createRecommendation, deleteRecommendation, getRecommendation, listRecommendations, setRecommendationStatus, updateRecommendation } from '../domain/recommendations/recommendations';
import { getRegister, getStatusReport } from '../domain/recommendations/register';
import { addProgressUpdate, setInitiative, setRecommendationAiLens } from '../domain/recommendations/tracking';
import { areaHandler } from '../lib/http';
import { recommendationRoutes } from '#shared/api/areas/recommendations.routes';
import { recommendationDeps as deps } from './recommendations-wiring';

/** The recommendations, their lens and the register (shared/api/areas/recommendations.meta.ts, area `recommendations`). */
export const handler = areaHandler(recommendationRoutes, {
  listRecommendations: async ({ params, log }) => listRecommendations(deps(log), params.processId),
  getRecommendation: async ({ params, log }) => getRecommendation(deps(log), params.processId, params.recommendationId),
  createRecommendation: async ({ params, body, actor, log }) => createRecommendation(deps(log), actor, params.processId, body),
  updateRecommendation: async ({ params, body, actor, log }) => updateRecommendation(deps(log), actor, params.processId, params.recommendationId, body),
  deleteRecommendation: async ({ params, actor, log }) => {
    await deleteRecommendation(deps(log), actor, params.processId, params.recommendationId);
    return undefined;
  },
  setRecommendationStatus: async ({ params, body, actor, log }) => setRecommendationStatus(deps(log), actor, params.processId, params.recommendationId, body),
  setRecommendationAiLens: async ({ params, body, actor, log }) => setRecommendationAiLens(deps(log), actor, params.processId, params.recommendationId, body),
  setInitiative: async ({ params, body, actor, log }) => setInitiative(deps(log), actor, params.processId, params.recommendationId, body),
  addProgressUpdate: async ({ params, body, actor, log }) => addProgressUpdate(deps(log), actor, params.processId, params.recommendationId, body),
  getRegister: async ({ params, log }) => getRegister(deps(log), params.processId),
  getStatusReport: async ({ params, log }) => getStatusReport(deps(log), params.processId),
});
