import type { RouteMeta } from '../route-meta';

/** The survey module's routes (area `surveys`): the survey, answers, results and the review of free texts. Spread into the route table (`../route-meta.ts`). */
export const surveyRouteMeta = {
  getSurvey: {
    method: 'GET', path: '/api/processes/{processId}/survey',
    area: 'surveys', access: 'public', status: 200,
  },
  saveSurvey: {
    method: 'PUT', path: '/api/processes/{processId}/survey',
    area: 'surveys', access: { roles: ['admin', 'moderator'] }, status: 200,
  },
  answerSurvey: {
    method: 'POST', path: '/api/processes/{processId}/survey/answers',
    area: 'surveys', access: 'user', status: 201,
  },
  answerSurveyAnonymously: {
    method: 'POST', path: '/api/processes/{processId}/survey/anonymous-answers',
    area: 'surveys', access: 'public', status: 201,
  },
  mySurveyStatus: {
    method: 'GET', path: '/api/processes/{processId}/survey/me',
    area: 'surveys', access: 'user', status: 200,
  },
  surveyResults: {
    method: 'GET', path: '/api/processes/{processId}/survey/results',
    area: 'surveys', access: 'public', status: 200,
  },
  publishSurveyResults: {
    method: 'POST', path: '/api/processes/{processId}/survey/publish',
    area: 'surveys', access: { roles: ['admin'] }, status: 200,
  },
  exportSurvey: {
    method: 'GET', path: '/api/processes/{processId}/survey/export',
    area: 'surveys', access: { roles: ['committee', 'moderator', 'admin'] }, status: 200,
  },
  surveyResultsInternal: {
    method: 'GET', path: '/api/moderation/surveys/{processId}/results',
    area: 'surveys', access: { roles: ['moderator', 'committee', 'admin'] }, status: 200,
  },
  surveyTexts: {
    method: 'GET', path: '/api/moderation/surveys/{processId}/texts',
    area: 'surveys', access: { roles: ['moderator'] }, status: 200,
  },
  reviewSurveyText: {
    method: 'POST', path: '/api/moderation/surveys/{processId}/texts/{textId}',
    area: 'surveys', access: { roles: ['moderator'] }, status: 200,
  },
} as const satisfies Record<string, RouteMeta>;

export const surveyRouteSummaries: Record<keyof typeof surveyRouteMeta, string> = {
  getSurvey: "A process's survey: sections and questions (404 when it has none)",
  saveSurvey: 'Create or change the survey (after the first answer only its texts); audited',
  answerSurvey: 'Answer the survey once, signed in; the answer is stored apart from who gave it',
  answerSurveyAnonymously: 'Answer without signing in, when the survey allows it (once per browser token, rate limited)',
  mySurveyStatus: 'Whether the signed-in user has answered (never what)',
  surveyResults: 'Published results: counts, shares, distributions and means, reviewed free texts; ?by= breaks down by a background question, small groups suppressed',
  publishSurveyResults: "Publish or withdraw the survey's results",
  exportSurvey: 'The answers as CSV (Danish Excel), XLSX or JSON: one row per answer, free texts only as reviewed, a summary',
  surveyResultsInternal: 'The results at any time, free texts with their review state',
  surveyTexts: 'Free-text answers to review, oldest first',
  reviewSurveyText: 'Approve a free-text answer for publication, or hide it with a reason; audited',
};
