import type { Access } from '../rules/access';
import { assistedRouteSummaries } from './areas/assisted.meta';
import { consultationRouteSummaries } from './areas/consultations.meta';
import { eventRouteSummaries } from './areas/events.meta';
import { followRouteSummaries } from './areas/follows.meta';
import { recommendationRouteSummaries } from './areas/recommendations.meta';
import { surveyRouteSummaries } from './areas/surveys.meta';
import { coreRouteMeta } from './core-route-meta';
import { moduleRouteMeta } from './module-route-meta';

/**
 * The route table's metadata: what the API offers, who may call it and which Lambda serves it, as
 * plain data without zod, so the SPA's typed client can import it cheaply (and the workspace reads
 * who may open what from it). The schemas of each route
 * are bound to these ids in `routes.ts` (handlers, the OpenAPI generator and tests read that). The
 * CDK app makes one Lambda function per `area` and one HTTP API route per entry (with the JWT
 * authorizer where access is not public); the local gateway routes with the same table.
 */

export type { Access };

export const featureAreas = ['meta', 'processes', 'ideas', 'me', 'votes', 'comments', 'flags', 'moderation', 'export', 'admin', 'surveys', 'consultations', 'events', 'assisted', 'recommendations', 'follows'] as const;
export type FeatureArea = (typeof featureAreas)[number];

/** ANY only for the catch-all that answers unknown paths with a problem body (404 or 405). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

export interface RouteMeta {
  method: HttpMethod;
  /** API Gateway path syntax: `/api/ideas/{ideaId}`. */
  path: string;
  area: FeatureArea;
  access: Access;
  /** Status of a successful response. */
  status: 200 | 201 | 204;
}

export const routeMeta = {
  ...coreRouteMeta,
  ...moduleRouteMeta,
} as const satisfies Record<string, RouteMeta>;

export type RouteId = keyof typeof routeMeta;

/** `GET /api/ideas/{ideaId}`: the form API Gateway uses for `event.routeKey`. */
export const routeKey = (r: Pick<RouteMeta, 'method' | 'path'>) => `${r.method} ${r.path}`;

/**
 * One line per route for people (the OpenAPI document's summaries). Apart from the table above so the
 * SPA's bundle, which needs only methods, paths and access, does not carry them (1 kB gzip). A pure
 * Object.assign, not spreads: a spread of an imported object may run getters, so the bundler kept
 * every area's summaries in the first visit (1.7 kB gzip) although nothing in the SPA reads them.
 */
export const routeSummaries: Record<RouteId, string> = /* @__PURE__ */ Object.assign({
  unmatched: 'Any other path under /api: 404, or 405 with Allow when only the method is wrong',
  openapi: 'This API as an OpenAPI 3.1 document',
  listProcesses: 'All processes with their phases, areas and effects',
  getProcess: 'One process',
  processChanges: "Dated changes to a process's phases and rules, newest first (so participants can see the rules were not changed under them)",
  createProcess: 'Create a process from a definition (the same JSON as processes/*.json)',
  updateProcess: 'Change a process: the fields given replace the stored ones; refused if someone changed it since expectedUpdatedAt',
  cloneProcess: 'A new process with the same definition, its dates moved to a new start (a new committee, the two-year revisit)',
  archiveProcess: 'Archive a process (confirm when a phase is open) or bring it back',
  processDefinition: "A process's definition as JSON, the format setup imports",
  listIdeas: "A page of a process's public ideas, sorted and filtered",
  createIdea: 'Post a new idea (published at once, or pending when the process is pre-moderated)',
  getIdea: 'One public idea, or a merged one (read-only, with a link to where it was merged)',
  setPlainSummary: "Set or remove an idea's plain-language summary (its author, or a moderator: audited)",
  getMe: "The signed-in user's profile",
  updateMe: "Create or change the signed-in user's profile",
  myIdeas: "The signed-in user's own ideas with their status, newest first",
  exportMe: 'Everything Deltag stores about the signed-in user (GDPR access and portability)',
  deleteMe: 'Delete the account: profile, votes, flags and sign-in are deleted, comments become "deleted" placeholders, ideas stay without the name',
  voteIdea: 'Vote for an idea (idempotent: a second vote changes nothing)',
  unvoteIdea: 'Take back a vote (idempotent)',
  myVotes: 'Which of up to 100 ideas the signed-in user has voted for; with processId, also the votes left there under its vote rule (null: no limit)',
  myVotedIdeas: 'The ideas the signed-in user has voted for, newest vote first; a merged idea names the idea its vote now counts for',
  listComments: "An idea's comments, newest first, each with its replies (oldest first)",
  createComment: 'Comment on an idea, or reply to a comment (one reply level)',
  updateComment: 'Edit your own comment within 15 minutes of posting it',
  deleteComment: "Delete your own comment; replies stay readable (a moderator hides someone else's with a reason: moderateComment)",
  myComments: "Ids of the signed-in user's comments on one idea (to offer edit and delete)",
  flagIdea: 'Flag an idea for moderators, once per user',
  flagComment: 'Flag a comment for moderators, once per user',
  moderationQueue: 'Pending or flagged ideas and comments of a process, oldest first, with counts',
  moderatedIdea: 'An idea in any status, with its moderation state and history',
  moderateIdea: 'publish, hide, restore, reject, merge or set-status (with official answer and deadline), with a reason',
  moderateComment: 'Hide or restore a comment, with a reason',
  moderateUser: 'Block (optionally hiding all their content) or unblock a user',
  bulkModerate: 'One action on a selection from the queue; a result per target',
  moderationLog: "The audit log of a process, or of one target, newest first (append only: no route edits it)",
  overdueAnswers: 'Ideas whose answer deadline (svarfrist) has passed without an official answer',
  setIdeaAiLens: "Set an idea's AI Act and data-ethics lens (moderators and the committee); audited",
  exportIdeas: 'The top ideas as CSV (Danish Excel), XLSX or JSON, with the ranking rule',
  freezeAnnex: 'Freeze the committee annex as a dated PDF with its SHA-256 and the journal number; audited',
  annexVersions: "A process's frozen annex versions, newest first, with hash and journal number",
  annexVersionPdf: 'One frozen annex version as the PDF that was archived (byte for byte)',
  findUser: 'Find a user by email, with their roles',
  setRoles: "Set a user's roles (Cognito groups)",
}, surveyRouteSummaries, consultationRouteSummaries, eventRouteSummaries, assistedRouteSummaries, recommendationRouteSummaries, followRouteSummaries);
