import type { RouteMeta } from '../route-meta';

/**
 * Assisted participation (area `assisted`, issue 15): the only routes through which anyone acts for
 * someone else. Each is for the `assistant` role alone (not admins, not moderators: acting for a
 * citizen and judging content stay apart), each act is audited with the channel; and the citizen's
 * claim of it all into their own account. Spread into the route table (`../route-meta.ts`).
 */
const assistant = { roles: ['assistant'] } as const;
const person = '/api/processes/{processId}/assisted/persons/{personId}';

export const assistedRouteMeta = {
  assistedPersons: {
    method: 'GET', path: '/api/processes/{processId}/assisted/persons',
    area: 'assisted', access: assistant, status: 200,
  },
  createAssistedPerson: {
    method: 'POST', path: '/api/processes/{processId}/assisted/persons',
    area: 'assisted', access: assistant, status: 201,
  },
  assistedPerson: {
    method: 'GET', path: person,
    area: 'assisted', access: assistant, status: 200,
  },
  assistedIdea: {
    method: 'POST', path: `${person}/ideas`,
    area: 'assisted', access: assistant, status: 201,
  },
  assistedVote: {
    method: 'PUT', path: `${person}/votes/{ideaId}`,
    area: 'assisted', access: assistant, status: 200,
  },
  assistedUnvote: {
    method: 'DELETE', path: `${person}/votes/{ideaId}`,
    area: 'assisted', access: assistant, status: 200,
  },
  assistedComment: {
    method: 'POST', path: `${person}/comments`,
    area: 'assisted', access: assistant, status: 201,
  },
  assistedSurveyAnswer: {
    method: 'POST', path: `${person}/survey-answers`,
    area: 'assisted', access: assistant, status: 201,
  },
  assistedReceipt: {
    method: 'POST', path: `${person}/receipt`,
    area: 'assisted', access: assistant, status: 201,
  },
  exportAssistedPerson: {
    method: 'GET', path: `${person}/export`,
    area: 'assisted', access: assistant, status: 200,
  },
  eraseAssistedPerson: {
    method: 'DELETE', path: person,
    area: 'assisted', access: assistant, status: 204,
  },
  claimAssisted: {
    method: 'POST', path: '/api/me/claims',
    area: 'assisted', access: 'user', status: 200,
  },
} as const satisfies Record<string, RouteMeta>;

export const assistedRouteSummaries: Record<keyof typeof assistedRouteMeta, string> = {
  assistedPersons: "Look up a process's assisted citizens by name, e-mail or phone (contact details masked)",
  createAssistedPerson: 'Register a citizen with their consent (read aloud or signed on paper); audited',
  assistedPerson: 'One assisted citizen: details, consent, and what they have taken part with',
  assistedIdea: "Submit an idea for the citizen through a channel; audited; returns the receipt with a new claim code",
  assistedVote: 'Vote for an idea for the citizen (one person one vote holds); audited',
  assistedUnvote: 'Take back the citizen\'s vote; audited',
  assistedComment: 'Comment on an idea for the citizen; audited; returns the receipt',
  assistedSurveyAnswer: "Answer the process's survey for the citizen (once); audited; returns the receipt",
  assistedReceipt: "A new receipt with everything the citizen has taken part with and a new claim code; audited",
  exportAssistedPerson: 'Everything stored about the citizen in the process (GDPR access); audited',
  eraseAssistedPerson: 'Erase the citizen: details, votes, flags; comments become placeholders, ideas stay without the name; audited',
  claimAssisted: "Take over an assisted citizen's ideas, comments, votes and survey answer into the signed-in account, with a receipt's code",
};
