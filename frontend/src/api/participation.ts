import type { Comment, CommentCreate, CommentList, CommentUpdate } from '#shared/schemas/comment';
import type { FlagCreate } from '#shared/schemas/flag';
import type { IdeaCreate, IdeaDetail } from '#shared/schemas/idea';
import type { MyDataExport, MyIdeaList } from '#shared/schemas/me';
import type { Profile, ProfileUpdate } from '#shared/schemas/user';
import type { MyVotes, VoteState } from '#shared/schemas/vote';
import { getJson, send } from './client';
import { FIRST_COMMENTS_QUERY } from './processes';

/** Everything a signed-in participant does: votes, comments, flags, ideas and the profile. */
const id = encodeURIComponent;

export const vote = (ideaId: string, on: boolean) => send<VoteState>(on ? 'PUT' : 'DELETE', `/ideas/${id(ideaId)}/vote`);
export const fetchMyVotes = (ideaIds: string[], signal?: AbortSignal) =>
  send<MyVotes>('GET', '/me/votes', { query: { ideaIds: ideaIds.join(',') }, signal });

export const fetchComments = (ideaId: string, cursor?: string, signal?: AbortSignal) =>
  getJson<CommentList>(`/ideas/${id(ideaId)}/comments`, { query: { ...FIRST_COMMENTS_QUERY, cursor }, signal });
export const fetchMyCommentIds = (ideaId: string, signal?: AbortSignal) =>
  send<{ ids: string[] }>('GET', '/me/comments', { query: { ideaId }, signal });
export const postComment = (ideaId: string, body: CommentCreate) => send<Comment>('POST', `/ideas/${id(ideaId)}/comments`, { body });
export const editComment = (commentId: string, body: CommentUpdate) => send<Comment>('PATCH', `/comments/${id(commentId)}`, { body });
export const deleteComment = (commentId: string) => send<void>('DELETE', `/comments/${id(commentId)}`);

export const flagIdea = (ideaId: string, body: FlagCreate) => send<{ received: true }>('POST', `/ideas/${id(ideaId)}/flags`, { body });
export const flagComment = (commentId: string, body: FlagCreate) => send<{ received: true }>('POST', `/comments/${id(commentId)}/flags`, { body });

export const postIdea = (processId: string, body: IdeaCreate) => send<IdeaDetail>('POST', `/processes/${id(processId)}/ideas`, { body });

export const fetchMe = (signal?: AbortSignal) => send<Profile>('GET', '/me', { signal });
export const updateMe = (body: ProfileUpdate) => send<Profile>('PATCH', '/me', { body });
export const fetchMyIdeas = (cursor?: string, signal?: AbortSignal) => send<MyIdeaList>('GET', '/me/ideas', { query: { limit: 20, cursor }, signal });
export const exportMe = () => send<MyDataExport>('GET', '/me/export');
export const deleteMe = () => send<void>('DELETE', '/me');
