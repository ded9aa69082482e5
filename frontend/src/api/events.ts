import type { SignupCreate } from '#shared/schemas/events';
import type { LiveAnswer } from '#shared/schemas/live-rounds';
import { call } from './client';
import './module-routes';

/**
 * The public and signed-in side of a process's events: the list, one event, the results of its
 * closed live rounds, one's own sign-up (with whether one may sign up now), and the phone view of a
 * live round by its short code (no sign-in).
 */

export const fetchEvents = (processId: string, signal?: AbortSignal) => call('listEvents', { params: { processId }, signal });
export const fetchEvent = (processId: string, eventId: string, signal?: AbortSignal) => call('getEvent', { params: { processId, eventId }, signal });
export const fetchEventLiveResults = (processId: string, eventId: string, signal?: AbortSignal) =>
  call('eventLiveResults', { params: { processId, eventId }, signal });

/** The .ics file's address: a plain link, so the browser downloads it or hands it to the calendar program. */
export const calendarFileUrl = (processId: string, eventId: string) =>
  `/api/processes/${encodeURIComponent(processId)}/events/${encodeURIComponent(eventId)}/calendar`;

export const fetchMySignup = (processId: string, eventId: string, invitation: string | undefined, signal?: AbortSignal) =>
  call('mySignup', { params: { processId, eventId }, query: invitation ? { invitation } : {}, signal });
export const signUp = (processId: string, eventId: string, body: SignupCreate) => call('signUp', { params: { processId, eventId }, body });
export const cancelSignup = (processId: string, eventId: string) => call('cancelSignup', { params: { processId, eventId } });
export const fetchMySignups = (cursor: string | undefined, signal?: AbortSignal) =>
  call('mySignups', { query: { limit: 20, ...(cursor ? { cursor } : {}) }, signal }).then((page) => ({ items: page.items, nextCursor: page.nextCursor ?? null }));

export const fetchLiveRound = (code: string, signal?: AbortSignal) => call('getLiveRound', { params: { code }, signal });
export const answerLive = (code: string, body: LiveAnswer) => call('answerLive', { params: { code }, body });
