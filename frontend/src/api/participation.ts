import type { CommentCreate, CommentUpdate } from '#shared/schemas/comment';
import type { FlagCreate } from '#shared/schemas/flag';
import type { IdeaCreate } from '#shared/schemas/idea';
import type { ProfileUpdate } from '#shared/schemas/user';
import { call } from './client';
import { FIRST_COMMENTS_QUERY } from './processes';

/** Everything a signed-in participant does: votes, comments, flags, ideas and the profile. */

export const vote = (ideaId: string, on: boolean) => call(on ? 'voteIdea' : 'unvoteIdea', { params: { ideaId } });
/** With a process: also the votes the caller has left there (null when the process sets no limit). */
export const fetchMyVotes = (ideaIds: string[], processId?: string, signal?: AbortSignal) =>
  call('myVotes', { query: { ideaIds: ideaIds.join(','), ...(processId ? { processId } : {}) }, signal });
export const fetchMyVotedIdeas = (cursor?: string, signal?: AbortSignal) => call('myVotedIdeas', { query: { limit: 50, cursor }, signal });

export const fetchComments = (ideaId: string, cursor?: string, signal?: AbortSignal) =>
  call('listComments', { params: { ideaId }, query: { ...FIRST_COMMENTS_QUERY, cursor }, signal });
export const fetchMyCommentIds = (ideaId: string, signal?: AbortSignal) => call('myComments', { query: { ideaId }, signal });
export const postComment = (ideaId: string, body: CommentCreate) => call('createComment', { params: { ideaId }, body });
export const editComment = (commentId: string, body: CommentUpdate) => call('updateComment', { params: { commentId }, body });
export const deleteComment = (commentId: string) => call('deleteComment', { params: { commentId } });

export const flagIdea = (ideaId: string, body: FlagCreate) => call('flagIdea', { params: { ideaId }, body });
export const flagComment = (commentId: string, body: FlagCreate) => call('flagComment', { params: { commentId }, body });

export const postIdea = (processId: string, body: IdeaCreate) => call('createIdea', { params: { processId }, body });

export const fetchMe = (signal?: AbortSignal) => call('getMe', { signal });
export const updateMe = (body: ProfileUpdate) => call('updateMe', { body });
export const fetchMyIdeas = (cursor?: string, signal?: AbortSignal) => call('myIdeas', { query: { limit: 20, cursor }, signal });
export const exportMe = () => call('exportMe');
export const deleteMe = () => call('deleteMe');
