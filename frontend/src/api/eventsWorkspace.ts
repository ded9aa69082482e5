import type { EventCreate, EventUpdate } from '#shared/schemas/events';
import type { LiveRoundDefinition } from '#shared/schemas/live-rounds';
import { accessToken, refreshAccess } from '../modules/session';
import { API_BASE, call, type ApiPath, type CallOutput } from './client';
import { apiErrorOf, filenameOf, type DownloadedFile } from './workspace';
import './module-routes';

/**
 * The workspace's event calls (admins create and change events; admins and moderators organise the
 * door list and the live rounds; the committee reads a round's results). The API enforces each
 * route's roles; the SPA only decides what to show.
 */
export type EventAdmin = CallOutput<'workspaceEvents'>['items'][number];
export type SignupRow = CallOutput<'eventSignups'>['items'][number];
export type SignupPage = CallOutput<'eventSignups'>;
export type LiveRound = CallOutput<'liveRounds'>['items'][number];
export type LiveRoundResults = CallOutput<'liveRoundResults'>;

export const SIGNUP_PAGE = 100;

export const workspaceEvents = (processId: string, signal?: AbortSignal) => call('workspaceEvents', { params: { processId }, signal });
export const createEvent = (processId: string, body: EventCreate) => call('createEvent', { params: { processId }, body });
export const updateEvent = (processId: string, eventId: string, body: EventUpdate) => call('updateEvent', { params: { processId, eventId }, body });

export const eventSignups = (processId: string, eventId: string, cursor?: string, signal?: AbortSignal, limit = SIGNUP_PAGE) =>
  call('eventSignups', { params: { processId, eventId }, query: { limit, cursor }, signal });
export const checkIn = (processId: string, eventId: string, signupId: string, checkedIn: boolean) =>
  call('checkIn', { params: { processId, eventId, signupId }, body: { checkedIn } });

export const liveRounds = (processId: string, eventId: string, signal?: AbortSignal) => call('liveRounds', { params: { processId, eventId }, signal });
export const createLiveRound = (processId: string, eventId: string, body: LiveRoundDefinition) => call('createLiveRound', { params: { processId, eventId }, body });
export const saveLiveRound = (processId: string, eventId: string, roundId: string, definition: LiveRoundDefinition, expectedUpdatedAt: string) =>
  call('saveLiveRound', { params: { processId, eventId, roundId }, body: { definition, expectedUpdatedAt } });
export const setLiveRoundState = (processId: string, eventId: string, roundId: string, state: 'open' | 'closed') =>
  call('setLiveRoundState', { params: { processId, eventId, roundId }, body: { state } });
export const liveRoundResults = (processId: string, eventId: string, roundId: string, signal?: AbortSignal) =>
  call('liveRoundResults', { params: { processId, eventId, roundId }, signal });

/** The closed rounds of an event with their results (public: what the annex prints). */
export const eventLiveResults = (processId: string, eventId: string, signal?: AbortSignal) => call('eventLiveResults', { params: { processId, eventId }, signal });

/** The sign-up list as a file, fetched with the user's token (a link cannot send it) and named as the server says. */
export async function exportSignups(processId: string, eventId: string, format: 'csv' | 'xlsx'): Promise<DownloadedFile> {
  const path: ApiPath = `/processes/${encodeURIComponent(processId)}/organiser/events/${encodeURIComponent(eventId)}/signups/export`;
  const url = `${API_BASE}${path}?${new URLSearchParams({ format }).toString()}`;
  const attempt = (token: string | undefined) => fetch(url, { headers: token ? { authorization: `Bearer ${token}`, accept: '*/*' } : { accept: '*/*' } });
  let response = await attempt(await accessToken());
  if (response.status === 401) {
    const fresh = await refreshAccess();
    if (fresh) response = await attempt(fresh);
  }
  if (!response.ok) throw await apiErrorOf(response);
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition')) ?? `tilmeldinger-${eventId}.${format}` };
}
