// (primary adapter) --> domain/comments --> adapters/dynamodb
import { monotonicFactory } from 'ulid';
import { createComment, deleteComment, listComments, myCommentIds, updateComment } from '../domain/comments';
import { systemClock } from '../domain/ports';
import { areaHandler } from '../lib/http';
import { commentRoutes } from '#shared/api/areas/comments.routes';
import { commentStore } from '../adapters/dynamodb/comments';
import { ideaStore } from '../adapters/dynamodb/ideas';
import { profileStore } from '../adapters/dynamodb/profiles';
import { cachedProcesses, onTable } from './table-stores';
import { followEventLog } from '../adapters/dynamodb/follow-events';

const ulid = monotonicFactory();
const deps = { processes: cachedProcesses(), ideas: onTable(ideaStore), comments: onTable(commentStore), profiles: onTable(profileStore), followEvents: onTable(followEventLog), clock: systemClock, newId: (now: Date) => ulid(now.getTime()) };

export const handler = areaHandler(commentRoutes, {
  listComments: async ({ params, query }) => listComments(deps, params.ideaId, query.limit, query.cursor),
  createComment: async ({ params, body, actor, log }) => createComment({ ...deps, log }, actor, params.ideaId, body),
  updateComment: async ({ params, body, actor }) => updateComment(deps, actor, params.commentId, body),
  deleteComment: async ({ params, actor }) => {
    await deleteComment(deps, actor, params.commentId);
    return undefined;
  },
  myComments: async ({ query, actor }) => myCommentIds(deps.comments, actor, query.ideaId),
});
