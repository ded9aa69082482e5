import * as z from 'zod';
import { ideaCreateSchema, ideaDetailSchema, ideaListQuerySchema, ideaListSchema } from '../schemas/idea';
import { processListSchema, processSchema } from '../schemas/process';
import { profileSchema, profileUpdateSchema, type Role } from '../schemas/user';
import { slugSchema, ulidSchema } from '../schemas/text';
import { myVotesQuerySchema, myVotesSchema, voteStateSchema } from '../schemas/vote';
import {
  commentCreateSchema,
  commentListQuerySchema,
  commentListSchema,
  commentSchema,
  commentUpdateSchema,
} from '../schemas/comment';
import { flagCreateSchema, flagReceiptSchema } from '../schemas/flag';
import { myDataExportSchema, myIdeaListSchema, pageQuerySchema } from '../schemas/me';
import {
  auditLogSchema,
  auditQuerySchema,
  bulkModerationSchema,
  bulkResultSchema,
  commentModerationSchema,
  ideaModerationSchema,
  moderatedIdeaSchema,
  overdueSchema,
  queueQuerySchema,
  queueSchema,
  roleUpdateSchema,
  userLookupQuerySchema,
  userModerationSchema,
  userSummarySchema,
} from '../schemas/moderation';
import { commentSchema as publicCommentSchema } from '../schemas/comment';
import { exportDocumentSchema, exportQuerySchema } from '../schemas/export';

/**
 * The route table: the single list of what the API offers. The CDK app makes one Lambda function per
 * `area` and one HTTP API route per entry (with the JWT authorizer where access is not public); the
 * local gateway routes with the same table; the OpenAPI document is generated from it.
 */

/** public: anyone; user: any signed-in user; roles: signed in and in one of these Cognito groups. */
export type Access = 'public' | 'user' | { roles: readonly Role[] };

export const featureAreas = ['meta', 'processes', 'ideas', 'me', 'votes', 'comments', 'flags', 'moderation', 'export', 'admin'] as const;
export type FeatureArea = (typeof featureAreas)[number];

/** ANY only for the catch-all that answers unknown paths with a problem body (404 or 405). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

export interface RouteDef {
  method: HttpMethod;
  /** API Gateway path syntax: `/api/ideas/{ideaId}`. */
  path: string;
  area: FeatureArea;
  access: Access;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Status of a successful response. */
  status: 200 | 201 | 204;
}

const processParams = z.object({ processId: slugSchema }).strict();
const ideaParams = z.object({ ideaId: ulidSchema }).strict();
const commentParams = z.object({ commentId: ulidSchema }).strict();

export const routes = {
  unmatched: {
    method: 'ANY',
    path: '/api/{proxy+}',
    area: 'meta',
    access: 'public',
    summary: 'Any other path under /api: 404, or 405 with Allow when only the method is wrong',
    params: z.object({ proxy: z.string() }).strict(),
    response: z.never(),
    status: 200,
  },
  openapi: {
    method: 'GET',
    path: '/api/openapi.json',
    area: 'meta',
    access: 'public',
    summary: 'This API as an OpenAPI 3.1 document',
    response: z.record(z.string(), z.unknown()),
    status: 200,
  },
  listProcesses: {
    method: 'GET',
    path: '/api/processes',
    area: 'processes',
    access: 'public',
    summary: 'All processes with their phases, areas and effects',
    response: processListSchema,
    status: 200,
  },
  getProcess: {
    method: 'GET',
    path: '/api/processes/{processId}',
    area: 'processes',
    access: 'public',
    summary: 'One process',
    params: processParams,
    response: processSchema,
    status: 200,
  },
  listIdeas: {
    method: 'GET',
    path: '/api/processes/{processId}/ideas',
    area: 'ideas',
    access: 'public',
    summary: "A page of a process's public ideas, sorted and filtered",
    params: processParams,
    query: ideaListQuerySchema,
    response: ideaListSchema,
    status: 200,
  },
  createIdea: {
    method: 'POST',
    path: '/api/processes/{processId}/ideas',
    area: 'ideas',
    access: 'user',
    summary: 'Post a new idea (published at once, or pending when the process is pre-moderated)',
    params: processParams,
    body: ideaCreateSchema,
    response: ideaDetailSchema,
    status: 201,
  },
  getIdea: {
    method: 'GET',
    path: '/api/ideas/{ideaId}',
    area: 'ideas',
    access: 'public',
    summary: 'One public idea, or a merged one (read-only, with a link to where it was merged)',
    params: ideaParams,
    response: ideaDetailSchema,
    status: 200,
  },
  getMe: {
    method: 'GET',
    path: '/api/me',
    area: 'me',
    access: 'user',
    summary: "The signed-in user's profile",
    response: profileSchema,
    status: 200,
  },
  updateMe: {
    method: 'PATCH',
    path: '/api/me',
    area: 'me',
    access: 'user',
    summary: "Create or change the signed-in user's profile",
    body: profileUpdateSchema,
    response: profileSchema,
    status: 200,
  },
  myIdeas: {
    method: 'GET',
    path: '/api/me/ideas',
    area: 'me',
    access: 'user',
    summary: "The signed-in user's own ideas with their status, newest first",
    query: pageQuerySchema,
    response: myIdeaListSchema,
    status: 200,
  },
  exportMe: {
    method: 'GET',
    path: '/api/me/export',
    area: 'me',
    access: 'user',
    summary: 'Everything Deltag stores about the signed-in user (GDPR access and portability)',
    response: myDataExportSchema,
    status: 200,
  },
  deleteMe: {
    method: 'DELETE',
    path: '/api/me',
    area: 'me',
    access: 'user',
    summary:
      'Delete the account: profile, votes, flags and sign-in are deleted, comments become "deleted" placeholders, ideas stay without the name',
    response: z.never(),
    status: 204,
  },
  voteIdea: {
    method: 'PUT',
    path: '/api/ideas/{ideaId}/vote',
    area: 'votes',
    access: 'user',
    summary: 'Vote for an idea (idempotent: a second vote changes nothing)',
    params: ideaParams,
    response: voteStateSchema,
    status: 200,
  },
  unvoteIdea: {
    method: 'DELETE',
    path: '/api/ideas/{ideaId}/vote',
    area: 'votes',
    access: 'user',
    summary: 'Take back a vote (idempotent)',
    params: ideaParams,
    response: voteStateSchema,
    status: 200,
  },
  myVotes: {
    method: 'GET',
    path: '/api/me/votes',
    area: 'votes',
    access: 'user',
    summary: 'Which of up to 100 ideas the signed-in user has voted for',
    query: myVotesQuerySchema,
    response: myVotesSchema,
    status: 200,
  },
  listComments: {
    method: 'GET',
    path: '/api/ideas/{ideaId}/comments',
    area: 'comments',
    access: 'public',
    summary: "An idea's comments, newest first, each with its replies (oldest first)",
    params: ideaParams,
    query: commentListQuerySchema,
    response: commentListSchema,
    status: 200,
  },
  createComment: {
    method: 'POST',
    path: '/api/ideas/{ideaId}/comments',
    area: 'comments',
    access: 'user',
    summary: 'Comment on an idea, or reply to a comment (one reply level)',
    params: ideaParams,
    body: commentCreateSchema,
    response: commentSchema,
    status: 201,
  },
  updateComment: {
    method: 'PATCH',
    path: '/api/comments/{commentId}',
    area: 'comments',
    access: 'user',
    summary: 'Edit your own comment within 15 minutes of posting it',
    params: commentParams,
    body: commentUpdateSchema,
    response: commentSchema,
    status: 200,
  },
  deleteComment: {
    method: 'DELETE',
    path: '/api/comments/{commentId}',
    area: 'comments',
    access: 'user',
    summary: 'Delete your own comment (moderators: any); replies stay readable',
    params: commentParams,
    response: z.never(),
    status: 204,
  },
  myComments: {
    method: 'GET',
    path: '/api/me/comments',
    area: 'comments',
    access: 'user',
    summary: "Ids of the signed-in user's comments on one idea (to offer edit and delete)",
    query: z.object({ ideaId: ulidSchema }).strict(),
    response: z.object({ ids: z.array(ulidSchema) }),
    status: 200,
  },
  flagIdea: {
    method: 'POST',
    path: '/api/ideas/{ideaId}/flags',
    area: 'flags',
    access: 'user',
    summary: 'Flag an idea for moderators, once per user',
    params: ideaParams,
    body: flagCreateSchema,
    response: flagReceiptSchema,
    status: 201,
  },
  flagComment: {
    method: 'POST',
    path: '/api/comments/{commentId}/flags',
    area: 'flags',
    access: 'user',
    summary: 'Flag a comment for moderators, once per user',
    params: commentParams,
    body: flagCreateSchema,
    response: flagReceiptSchema,
    status: 201,
  },
  moderationQueue: {
    method: 'GET',
    path: '/api/moderation/queue',
    area: 'moderation',
    access: { roles: ['moderator'] },
    summary: 'Pending or flagged ideas and comments of a process, oldest first, with counts',
    query: queueQuerySchema,
    response: queueSchema,
    status: 200,
  },
  moderatedIdea: {
    method: 'GET',
    path: '/api/moderation/ideas/{ideaId}',
    area: 'moderation',
    access: { roles: ['moderator'] },
    summary: 'An idea in any status, with its moderation state and history',
    params: ideaParams,
    response: moderatedIdeaSchema,
    status: 200,
  },
  moderateIdea: {
    method: 'POST',
    path: '/api/ideas/{ideaId}/moderation',
    area: 'moderation',
    access: { roles: ['moderator'] },
    summary: 'publish, hide, restore, reject, merge or set-status (with official answer and deadline), with a reason',
    params: ideaParams,
    body: ideaModerationSchema,
    response: moderatedIdeaSchema,
    status: 200,
  },
  moderateComment: {
    method: 'POST',
    path: '/api/comments/{commentId}/moderation',
    area: 'moderation',
    access: { roles: ['moderator'] },
    summary: 'Hide or restore a comment, with a reason',
    params: commentParams,
    body: commentModerationSchema,
    response: publicCommentSchema,
    status: 200,
  },
  moderateUser: {
    method: 'POST',
    path: '/api/moderation/users/{userId}',
    area: 'moderation',
    access: { roles: ['moderator'] },
    summary: 'Block (optionally hiding all their content) or unblock a user',
    params: z.object({ userId: z.string().min(1).max(64) }).strict(),
    body: userModerationSchema,
    response: z.object({ userId: z.string(), blocked: z.boolean(), hidden: z.int() }),
    status: 200,
  },
  bulkModerate: {
    method: 'POST',
    path: '/api/moderation/bulk',
    area: 'moderation',
    access: { roles: ['moderator'] },
    summary: 'One action on a selection from the queue; a result per target',
    body: bulkModerationSchema,
    response: bulkResultSchema,
    status: 200,
  },
  moderationLog: {
    method: 'GET',
    path: '/api/moderation/log',
    area: 'moderation',
    access: { roles: ['moderator', 'admin'] },
    summary: "The audit log of a process, or of one target, newest first (append only: no route edits it)",
    query: auditQuerySchema,
    response: auditLogSchema,
    status: 200,
  },
  overdueAnswers: {
    method: 'GET',
    path: '/api/moderation/overdue',
    area: 'moderation',
    access: { roles: ['moderator', 'committee'] },
    summary: 'Ideas whose answer deadline (svarfrist) has passed without an official answer',
    query: z.object({ processId: slugSchema }).strict(),
    response: overdueSchema,
    status: 200,
  },
  exportIdeas: {
    method: 'GET',
    path: '/api/processes/{processId}/export',
    area: 'export',
    access: { roles: ['committee', 'moderator'] },
    summary: 'The top ideas as CSV (Danish Excel), XLSX or JSON, with the ranking rule',
    params: processParams,
    query: exportQuerySchema,
    response: exportDocumentSchema,
    status: 200,
  },
  findUser: {
    method: 'GET',
    path: '/api/users',
    area: 'admin',
    access: { roles: ['admin'] },
    summary: 'Find a user by email, with their roles',
    query: userLookupQuerySchema,
    response: userSummarySchema,
    status: 200,
  },
  setRoles: {
    method: 'PUT',
    path: '/api/users/{userId}/roles',
    area: 'admin',
    access: { roles: ['admin'] },
    summary: "Set a user's roles (Cognito groups)",
    params: z.object({ userId: z.string().min(1).max(64) }).strict(),
    body: roleUpdateSchema,
    response: userSummarySchema,
    status: 200,
  },
} as const satisfies Record<string, RouteDef>;

export type RouteId = keyof typeof routes;
export type RouteOf<K extends RouteId> = (typeof routes)[K];

export const routeList = Object.entries(routes).map(([id, def]) => ({ id: id as RouteId, ...(def as RouteDef) }));

/** `GET /api/ideas/{ideaId}`: the form API Gateway uses for `event.routeKey`. */
export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** The routes a client can call (the catch-all is plumbing, not an operation). */
export const operations = routeList.filter((r) => r.method !== 'ANY');

/** Does a concrete path such as `/api/ideas/01H…` match a route path template? Returns its parameters. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const variable = /^\{(\w+)(\+)?\}$/.exec(segment);
    if (variable?.[2]) {
      const rest = got.slice(i).join('/');
      if (!rest) return undefined;
      params[variable[1]!] = rest;
      return params;
    }
    const actual = got[i];
    if (actual === undefined) return undefined;
    if (!variable) {
      if (segment !== actual) return undefined;
      continue;
    }
    const decoded = safeDecode(actual);
    if (!decoded) return undefined;
    params[variable[1]!] = decoded;
  }
  return want.length === got.length ? params : undefined;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export const isProtected = (access: Access) => access !== 'public';
