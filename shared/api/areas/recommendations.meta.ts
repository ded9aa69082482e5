import type { RouteMeta } from '../route-meta';

/**
 * The committee's recommendations ("egnede områder"), their AI Act lens, and the follow-through
 * register of the adopted ones (area `recommendations`, issue 16). Read by anyone; written by the
 * `committee` role (the lens also by moderators). Spread into the route table (`../route-meta.ts`).
 */
const committee = { roles: ['committee'] } as const;
const list = '/api/processes/{processId}/recommendations';
const one = `${list}/{recommendationId}`;

export const recommendationRouteMeta = {
  listRecommendations: {
    method: 'GET', path: list,
    area: 'recommendations', access: 'public', status: 200,
  },
  getRecommendation: {
    method: 'GET', path: one,
    area: 'recommendations', access: 'public', status: 200,
  },
  createRecommendation: {
    method: 'POST', path: list,
    area: 'recommendations', access: committee, status: 201,
  },
  updateRecommendation: {
    method: 'PUT', path: one,
    area: 'recommendations', access: committee, status: 200,
  },
  deleteRecommendation: {
    method: 'DELETE', path: one,
    area: 'recommendations', access: committee, status: 204,
  },
  setRecommendationStatus: {
    method: 'POST', path: `${one}/status`,
    area: 'recommendations', access: committee, status: 200,
  },
  setRecommendationAiLens: {
    method: 'PUT', path: `${one}/ai-lens`,
    area: 'recommendations', access: { roles: ['committee', 'moderator'] }, status: 200,
  },
  setInitiative: {
    method: 'PUT', path: `${one}/initiative`,
    area: 'recommendations', access: committee, status: 200,
  },
  addProgressUpdate: {
    method: 'POST', path: `${one}/progress`,
    area: 'recommendations', access: committee, status: 201,
  },
  getRegister: {
    method: 'GET', path: '/api/processes/{processId}/register',
    area: 'recommendations', access: 'public', status: 200,
  },
  getStatusReport: {
    method: 'GET', path: '/api/processes/{processId}/register/status-report',
    area: 'recommendations', access: 'public', status: 200,
  },
} as const satisfies Record<string, RouteMeta>;

export const recommendationRouteSummaries: Record<keyof typeof recommendationRouteMeta, string> = {
  listRecommendations: "A process's recommendations (suitable areas for AI), oldest first, with their linked ideas and votes",
  getRecommendation: 'One recommendation: rationale, weighted effects, linked ideas, status, AI Act lens, initiative and progress',
  createRecommendation: 'Create a recommendation building on ideas of the process; audited; the linked ideas\' followers are told',
  updateRecommendation: 'Change a recommendation (refused if someone changed it since expectedUpdatedAt); audited',
  deleteRecommendation: 'Delete a proposed recommendation that is not in the register; audited',
  setRecommendationStatus: "Record the political committee's decision: proposed, adopted or rejected; audited; followers are told",
  setRecommendationAiLens: 'Set the AI Act and data-ethics lens of a recommendation; audited',
  setInitiative: 'Set the owner, timeline and state of an adopted recommendation in the register; audited',
  addProgressUpdate: 'Add a dated progress update to an initiative in the register; audited',
  getRegister: "The follow-through register: the process's adopted recommendations with owner, timeline, progress and risk class",
  getStatusReport: "For a revisit (a process cloned from an earlier round): how each of the earlier round's initiatives stands today",
};
