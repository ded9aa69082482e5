// (primary adapter) --> domain/moderation --> adapters/dynamodb
import { setIdeaAiLens } from '../domain/ai-lens';
import { auditLog } from '../domain/audit';
import {
  bulkModerate,
  moderateComment,
  moderateIdea,
  moderatedIdea,
  moderateUser,
  moderationQueue,
  overdueAnswers,
} from '../domain/moderation';
import { searchWorkspace } from '../domain/search/workspace-search';
import { areaHandler } from '../lib/http';
import { moderationRoutes } from '#shared/api/areas/moderation.routes';
import type { Logger } from '../lib/log';
import { hideJobQueue } from '../adapters/sqs/hide-jobs';
import { moderationBase as base } from './moderation-wiring';

/**
 * A block's "hide everything" goes to the hide job's queue (cdk/constructs/hide-job.ts). The local
 * stack has none (no HIDE_JOB_QUEUE_URL), and the job runs inside the request, as the digests do.
 */
const hideJobsUrl = process.env.HIDE_JOB_QUEUE_URL;
const hideJobs = hideJobsUrl ? hideJobQueue(hideJobsUrl) : undefined;
const deps = (log: Logger) => ({ ...base, log, ...(hideJobs ? { hideJobs } : {}) });

export const handler = areaHandler(moderationRoutes, {
  moderationQueue: async ({ query }) => moderationQueue(base, query.processId, query.kind, query.limit, query.cursor),
  moderatedIdea: async ({ params }) => moderatedIdea(base, params.ideaId),
  searchWorkspace: async ({ params, query }) => searchWorkspace(base, params.processId, query),
  moderateIdea: async ({ params, body, actor, log }) => moderateIdea(deps(log), actor, params.ideaId, body),
  moderateComment: async ({ params, body, actor, log }) => moderateComment(deps(log), actor, params.commentId, body),
  moderateUser: async ({ params, body, actor, log }) => moderateUser(deps(log), actor, params.userId, body),
  bulkModerate: async ({ body, actor, log }) => bulkModerate(deps(log), actor, body),
  moderationLog: async ({ query }) => auditLog(base, query),
  overdueAnswers: async ({ query }) => overdueAnswers(base, query.processId),
  setIdeaAiLens: async ({ params, body, actor }) => setIdeaAiLens(base, actor, params.ideaId, body),
});
