// (primary adapter) --> domain/moderation --> adapters/dynamodb
import { monotonicFactory } from 'ulid';
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
import { systemClock } from '../domain/ports';
import { areaHandler } from '../lib/http';
import type { Logger } from '../lib/log';
import { stores } from '../adapters/dynamodb';
import { notifier } from '../adapters/ses/notifier';
import { siteUrl } from '../adapters/ssm/site-url';
import { userDirectory } from '../adapters/cognito/user-directory';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { responseStore } from '../adapters/dynamodb/consultation-responses';
import { followEventLog } from '../adapters/dynamodb/follow-events';
import { aiLensStore } from '../adapters/dynamodb/ai-lens';
import { mainTable } from '../adapters/dynamodb/tables';

const ulid = monotonicFactory();
const base = {
  ...stores(),
  responses: responseStore(documentClient(), tableName(mainTable)),
  followEvents: followEventLog(documentClient(), tableName(mainTable)),
  aiLenses: aiLensStore(documentClient(), tableName(mainTable)),
  directory: userDirectory(),
  notifier: notifier(),
  siteUrl,
  clock: systemClock,
  newId: (now: Date) => ulid(now.getTime()),
};
const deps = (log: Logger) => ({ ...base, log });

export const handler = areaHandler({
  moderationQueue: async ({ query }) => moderationQueue(base, query.processId, query.kind, query.limit, query.cursor),
  moderatedIdea: async ({ params }) => moderatedIdea(base, params.ideaId),
  moderateIdea: async ({ params, body, actor, log }) => moderateIdea(deps(log), actor, params.ideaId, body),
  moderateComment: async ({ params, body, actor, log }) => moderateComment(deps(log), actor, params.commentId, body),
  moderateUser: async ({ params, body, actor, log }) => moderateUser(deps(log), actor, params.userId, body),
  bulkModerate: async ({ body, actor, log }) => bulkModerate(deps(log), actor, body),
  moderationLog: async ({ query }) => auditLog(base, query),
  overdueAnswers: async ({ query }) => overdueAnswers(base, query.processId),
  setIdeaAiLens: async ({ params, body, actor }) => setIdeaAiLens(base, actor, params.ideaId, body),
});
