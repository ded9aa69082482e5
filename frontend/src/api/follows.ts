import type { FollowState, MailSettings, UnsubscribeResult } from '#shared/schemas/follows';
import type { Problem } from '#shared/schemas/problem';
import { API_BASE, ApiError, call } from './client';
import './module-routes';

/**
 * Following an idea or a recommendation, Min side's mail settings and the list of what one follows
 * by choice, and the one-click unsubscribe from a mail's link (no sign-in).
 */
export type FollowTargetRef = { kind: 'idea'; ideaId: string } | { kind: 'recommendation'; processId: string; recommendationId: string };

export function fetchFollowState(target: FollowTargetRef, signal?: AbortSignal): Promise<FollowState> {
  return target.kind === 'idea'
    ? call('ideaFollow', { params: { ideaId: target.ideaId }, signal })
    : call('recommendationFollow', { params: { processId: target.processId, recommendationId: target.recommendationId }, signal });
}

export function setFollowing(target: FollowTargetRef, follow: boolean): Promise<FollowState> {
  if (target.kind === 'idea') return call(follow ? 'followIdea' : 'unfollowIdea', { params: { ideaId: target.ideaId } });
  const params = { processId: target.processId, recommendationId: target.recommendationId };
  return call(follow ? 'followRecommendation' : 'unfollowRecommendation', { params });
}

export const fetchMyFollows = (cursor: string | undefined, signal?: AbortSignal) =>
  call('myFollows', { query: { limit: 50, ...(cursor ? { cursor } : {}) }, signal });
export const fetchMailSettings = (signal?: AbortSignal) => call('mailSettings', { signal });
export const saveMailSettings = (body: Partial<MailSettings>) => call('updateMailSettings', { body });

/**
 * The unsubscribe route takes no JSON body (a mail program's RFC 8058 one-click POST sends a form),
 * so this posts the same form the mail program would, with the token in the query as in the link.
 */
export async function unsubscribe(token: string): Promise<UnsubscribeResult> {
  const response = await fetch(`${API_BASE}/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  if (!response.ok) {
    const fallback: Problem = { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
    const body = (await response.json().catch(() => undefined)) as Partial<Problem> | undefined;
    throw new ApiError(typeof body?.title === 'string' ? { ...fallback, ...body, status: response.status } : fallback);
  }
  return (await response.json()) as UnsubscribeResult;
}
