import type { RouteMeta } from './route-meta';

/**
 * The route table's core: the routes of the ideas, votes, comments, moderation, export and admin
 * areas, apart from the modules' (`module-route-meta.ts`) so the SPA's first visit carries only these
 * (`frontend/src/api/client.ts` loads the modules' part when a module's page first calls one). The
 * whole table is `routeMeta` in `route-meta.ts`, which every other reader uses.
 */
export const coreRouteMeta = {
  unmatched: {
    method: 'ANY', path: '/api/{proxy+}',
    area: 'meta', access: 'public', status: 200,
  },
  openapi: {
    method: 'GET', path: '/api/openapi.json',
    area: 'meta', access: 'public', status: 200,
  },
  listProcesses: {
    method: 'GET', path: '/api/processes',
    area: 'processes', access: 'public', status: 200,
  },
  getProcess: {
    method: 'GET', path: '/api/processes/{processId}',
    area: 'processes', access: 'public', status: 200,
  },
  processChanges: {
    method: 'GET', path: '/api/processes/{processId}/changes',
    area: 'processes', access: 'public', status: 200,
  },
  createProcess: {
    method: 'POST', path: '/api/processes',
    area: 'admin', access: { roles: ['admin'] }, status: 201,
  },
  updateProcess: {
    method: 'PATCH', path: '/api/processes/{processId}',
    area: 'admin', access: { roles: ['admin'] }, status: 200,
  },
  cloneProcess: {
    method: 'POST', path: '/api/processes/{processId}/clone',
    area: 'admin', access: { roles: ['admin'] }, status: 201,
  },
  archiveProcess: {
    method: 'POST', path: '/api/processes/{processId}/archive',
    area: 'admin', access: { roles: ['admin'] }, status: 200,
  },
  processDefinition: {
    method: 'GET', path: '/api/processes/{processId}/definition',
    area: 'admin', access: { roles: ['admin'] }, status: 200,
  },
  similarIdeas: {
    method: 'GET', path: '/api/processes/{processId}/similar',
    area: 'ideas', access: 'public', status: 200,
  },
  listIdeas: {
    method: 'GET', path: '/api/processes/{processId}/ideas',
    area: 'ideas', access: 'public', status: 200,
  },
  createIdea: {
    method: 'POST', path: '/api/processes/{processId}/ideas',
    area: 'ideas', access: 'user', status: 201,
  },
  getIdea: {
    method: 'GET', path: '/api/ideas/{ideaId}',
    area: 'ideas', access: 'public', status: 200,
  },
  setPlainSummary: {
    method: 'PUT', path: '/api/ideas/{ideaId}/plain-summary',
    area: 'ideas', access: 'user', status: 200,
  },
  getMe: {
    method: 'GET', path: '/api/me',
    area: 'me', access: 'user', status: 200,
  },
  updateMe: {
    method: 'PATCH', path: '/api/me',
    area: 'me', access: 'user', status: 200,
  },
  myIdeas: {
    method: 'GET', path: '/api/me/ideas',
    area: 'me', access: 'user', status: 200,
  },
  exportMe: {
    method: 'GET', path: '/api/me/export',
    area: 'me', access: 'user', status: 200,
  },
  deleteMe: {
    method: 'DELETE', path: '/api/me',
    area: 'me', access: 'user', status: 204,
  },
  voteIdea: {
    method: 'PUT', path: '/api/ideas/{ideaId}/vote',
    area: 'votes', access: 'user', status: 200,
  },
  unvoteIdea: {
    method: 'DELETE', path: '/api/ideas/{ideaId}/vote',
    area: 'votes', access: 'user', status: 200,
  },
  myVotes: {
    method: 'GET', path: '/api/me/votes',
    area: 'votes', access: 'user', status: 200,
  },
  myVotedIdeas: {
    method: 'GET', path: '/api/me/voted-ideas',
    area: 'votes', access: 'user', status: 200,
  },
  listComments: {
    method: 'GET', path: '/api/ideas/{ideaId}/comments',
    area: 'comments', access: 'public', status: 200,
  },
  createComment: {
    method: 'POST', path: '/api/ideas/{ideaId}/comments',
    area: 'comments', access: 'user', status: 201,
  },
  updateComment: {
    method: 'PATCH', path: '/api/comments/{commentId}',
    area: 'comments', access: 'user', status: 200,
  },
  deleteComment: {
    method: 'DELETE', path: '/api/comments/{commentId}',
    area: 'comments', access: 'user', status: 204,
  },
  myComments: {
    method: 'GET', path: '/api/me/comments',
    area: 'comments', access: 'user', status: 200,
  },
  flagIdea: {
    method: 'POST', path: '/api/ideas/{ideaId}/flags',
    area: 'flags', access: 'user', status: 201,
  },
  flagComment: {
    method: 'POST', path: '/api/comments/{commentId}/flags',
    area: 'flags', access: 'user', status: 201,
  },
  moderationQueue: {
    method: 'GET', path: '/api/moderation/queue',
    area: 'moderation', access: { roles: ['moderator'] }, status: 200,
  },
  searchWorkspace: {
    method: 'GET', path: '/api/moderation/processes/{processId}/search',
    area: 'moderation', access: { roles: ['moderator'] }, status: 200,
  },
  moderatedIdea: {
    method: 'GET', path: '/api/moderation/ideas/{ideaId}',
    area: 'moderation', access: { roles: ['moderator'] }, status: 200,
  },
  moderateIdea: {
    method: 'POST', path: '/api/ideas/{ideaId}/moderation',
    area: 'moderation', access: { roles: ['moderator'] }, status: 200,
  },
  moderateComment: {
    method: 'POST', path: '/api/comments/{commentId}/moderation',
    area: 'moderation', access: { roles: ['moderator'] }, status: 200,
  },
  moderateUser: {
    method: 'POST', path: '/api/moderation/users/{userId}',
    area: 'moderation', access: { roles: ['moderator'] }, status: 200,
  },
  bulkModerate: {
    method: 'POST', path: '/api/moderation/bulk',
    area: 'moderation', access: { roles: ['moderator'] }, status: 200,
  },
  moderationLog: {
    method: 'GET', path: '/api/moderation/log',
    area: 'moderation', access: { roles: ['moderator', 'admin'] }, status: 200,
  },
  overdueAnswers: {
    method: 'GET', path: '/api/moderation/overdue',
    area: 'moderation', access: { roles: ['moderator', 'committee'] }, status: 200,
  },
  setIdeaAiLens: {
    method: 'PUT', path: '/api/ideas/{ideaId}/ai-lens',
    area: 'moderation', access: { roles: ['moderator', 'committee'] }, status: 200,
  },
  exportIdeas: {
    method: 'GET', path: '/api/processes/{processId}/export',
    area: 'export', access: { roles: ['committee', 'moderator'] }, status: 200,
  },
  freezeAnnex: {
    method: 'POST', path: '/api/processes/{processId}/annex/versions',
    area: 'export', access: { roles: ['committee'] }, status: 201,
  },
  annexVersions: {
    method: 'GET', path: '/api/processes/{processId}/annex/versions',
    area: 'export', access: { roles: ['committee', 'moderator', 'admin'] }, status: 200,
  },
  annexVersionPdf: {
    method: 'GET', path: '/api/processes/{processId}/annex/versions/{version}/pdf',
    area: 'export', access: { roles: ['committee', 'moderator', 'admin'] }, status: 200,
  },
  findUser: {
    method: 'GET', path: '/api/users',
    area: 'admin', access: { roles: ['admin'] }, status: 200,
  },
  setRoles: {
    method: 'PUT', path: '/api/users/{userId}/roles',
    area: 'admin', access: { roles: ['admin'] }, status: 200,
  },
} as const satisfies Record<string, RouteMeta>;
