import type { RouteMeta } from '../route-meta';

/** The consultation module's routes (area `consultations`): documents, versions, rounds, responses and answers. Spread into the route table (`../route-meta.ts`). */
export const consultationRouteMeta = {
  listDocuments: {
    method: 'GET', path: '/api/processes/{processId}/documents',
    area: 'consultations', access: 'public', status: 200,
  },
  getDocument: {
    method: 'GET', path: '/api/processes/{processId}/documents/{documentId}',
    area: 'consultations', access: 'public', status: 200,
  },
  documentDiff: {
    method: 'GET', path: '/api/processes/{processId}/documents/{documentId}/diff',
    area: 'consultations', access: 'public', status: 200,
  },
  listResponses: {
    method: 'GET', path: '/api/processes/{processId}/documents/{documentId}/responses',
    area: 'consultations', access: 'public', status: 200,
  },
  createResponse: {
    method: 'POST', path: '/api/processes/{processId}/documents/{documentId}/responses',
    area: 'consultations', access: 'user', status: 201,
  },
  updateResponse: {
    method: 'PATCH', path: '/api/consultation-responses/{responseId}',
    area: 'consultations', access: 'user', status: 200,
  },
  deleteResponse: {
    method: 'DELETE', path: '/api/consultation-responses/{responseId}',
    area: 'consultations', access: 'user', status: 204,
  },
  flagResponse: {
    method: 'POST', path: '/api/consultation-responses/{responseId}/flags',
    area: 'consultations', access: 'user', status: 201,
  },
  myRounds: {
    method: 'GET', path: '/api/processes/{processId}/consultation/me',
    area: 'consultations', access: 'user', status: 200,
  },
  joinRound: {
    method: 'POST', path: '/api/processes/{processId}/consultation/rounds/{roundId}/join',
    area: 'consultations', access: 'user', status: 200,
  },
  myResponses: {
    method: 'GET', path: '/api/me/consultation-responses',
    area: 'consultations', access: 'user', status: 200,
  },
  getConsultationSetup: {
    method: 'GET', path: '/api/processes/{processId}/consultation',
    area: 'consultations', access: { roles: ['admin', 'moderator', 'committee'] }, status: 200,
  },
  saveConsultationSetup: {
    method: 'PUT', path: '/api/processes/{processId}/consultation',
    area: 'consultations', access: { roles: ['admin'] }, status: 200,
  },
  inviteRound: {
    method: 'POST', path: '/api/processes/{processId}/consultation/rounds/{roundId}/invitations',
    area: 'consultations', access: { roles: ['admin'] }, status: 200,
  },
  workspaceDocuments: {
    method: 'GET', path: '/api/processes/{processId}/consultation/documents',
    area: 'consultations', access: { roles: ['admin', 'moderator', 'committee'] }, status: 200,
  },
  createDocument: {
    method: 'POST', path: '/api/processes/{processId}/documents',
    area: 'consultations', access: { roles: ['admin'] }, status: 201,
  },
  getDraft: {
    method: 'GET', path: '/api/processes/{processId}/documents/{documentId}/draft',
    area: 'consultations', access: { roles: ['admin', 'moderator', 'committee'] }, status: 200,
  },
  saveDraft: {
    method: 'PUT', path: '/api/processes/{processId}/documents/{documentId}/draft',
    area: 'consultations', access: { roles: ['admin'] }, status: 200,
  },
  publishVersion: {
    method: 'POST', path: '/api/processes/{processId}/documents/{documentId}/versions',
    area: 'consultations', access: { roles: ['admin'] }, status: 201,
  },
  internalResponses: {
    method: 'GET', path: '/api/processes/{processId}/consultation/documents/{documentId}/responses',
    area: 'consultations', access: { roles: ['admin', 'moderator', 'committee'] }, status: 200,
  },
  answerResponse: {
    method: 'PUT', path: '/api/consultation-responses/{responseId}/answer',
    area: 'consultations', access: { roles: ['admin', 'moderator'] }, status: 200,
  },
  moderateResponse: {
    method: 'POST', path: '/api/consultation-responses/{responseId}/moderation',
    area: 'consultations', access: { roles: ['moderator'] }, status: 200,
  },
  exportDocument: {
    method: 'GET', path: '/api/processes/{processId}/consultation/documents/{documentId}/export',
    area: 'consultations', access: { roles: ['admin', 'moderator', 'committee'] }, status: 200,
  },
} as const satisfies Record<string, RouteMeta>;

export const consultationRouteSummaries: Record<keyof typeof consultationRouteMeta, string> = {
  listDocuments: 'The published documents of a process\'s consultation',
  getDocument: 'A published version of a document (the latest unless `version`), with references, rounds and per-paragraph figures',
  documentDiff: 'What changed between two published versions, paragraph by paragraph, with the comments that led to each change',
  listResponses: 'The comments on a document (optionally one paragraph or round), with the committee\'s answers',
  createResponse: 'Respond to a paragraph in a round: agree, neutral or disagree, with an optional comment',
  updateResponse: 'Change one\'s position, or the comment within the edit window',
  deleteResponse: "Delete one's own response (a moderator hides someone else's comment with a reason: moderateResponse)",
  flagResponse: 'Flag a comment on a paragraph for moderators',
  myRounds: 'The rounds of a process\'s consultation and whether the signed-in user may respond in each',
  joinRound: 'Join an invited round with its link\'s token',
  myResponses: 'The signed-in user\'s responses and the committee\'s answers to them',
  getConsultationSetup: 'A process\'s consultation setup: reference list and rounds (with invited rounds\' join links)',
  saveConsultationSetup: 'Save the reference list and rounds; audited',
  inviteRound: 'Invite people to an invited round by e-mail',
  workspaceDocuments: 'Every document of a process, drafts included',
  createDocument: 'Create a document (its first draft); audited',
  getDraft: 'The draft of a document\'s next version',
  saveDraft: 'Save the draft of the next version (paragraph numbers stay stable); audited',
  publishVersion: 'Publish the draft as the next version, naming the comments behind each change; audited',
  internalResponses: 'Every response to a document in any state, for answering and moderation',
  answerResponse: 'The committee\'s answer to a comment: what was done with it, and why; audited',
  moderateResponse: 'Hide or restore a comment on a paragraph, with a reason; audited',
  exportDocument: 'The document with per-paragraph figures and every comment with its answer (XLSX or JSON)',
};
