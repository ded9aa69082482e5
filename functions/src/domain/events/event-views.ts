// handler --> (use case) --> EventReads, ProcessStore
import type * as z from 'zod';
import type { DeltagEvent, EventAdmin, eventAdminListSchema, eventListSchema } from '#shared/schemas/events';
import { NotFoundError } from '../../lib/errors';
import type { ProcessStore } from '../ports';
import { getProcess } from '../processes';
import type { EventReads, EventRecord } from './ports';

export interface EventViewDeps {
  events: EventReads;
  processes: Pick<ProcessStore, 'get'>;
}

/** What the public sees of an event: never the invitation token, its hash, the reminder or the check-ins. */
export function publicEvent(record: EventRecord): DeltagEvent {
  const { invitationToken: _t, invitationTokenHash: _h, reminderSentAt: _r, checkedIn: _c, ...event } = record;
  return event;
}

/** The workspace's view: the public event, the invitation token (invited events), the reminder and the check-ins. */
export function adminEvent(record: EventRecord): EventAdmin {
  const { invitationTokenHash: _h, ...event } = record;
  return event;
}

/** An event of the process in any state (404 when there is none by that id). */
export async function storedEvent(deps: Pick<EventViewDeps, 'events'>, processId: string, eventId: string): Promise<EventRecord> {
  const event = await deps.events.event(processId, eventId);
  if (!event) throw new NotFoundError('Arrangementet findes ikke.');
  return event;
}

/** A published event (unpublished ones are the workspace's: 404 for everyone else, as an unknown one). */
export async function publishedEvent(deps: Pick<EventViewDeps, 'events'>, processId: string, eventId: string): Promise<EventRecord> {
  const event = await storedEvent(deps, processId, eventId);
  if (!event.published) throw new NotFoundError('Arrangementet findes ikke.');
  return event;
}

/** The process's published events by start time (cancelled ones too: the page says they are cancelled). */
export async function listEvents(deps: EventViewDeps, processId: string): Promise<z.input<typeof eventListSchema>> {
  await getProcess(deps.processes, processId);
  return { items: (await deps.events.events(processId)).filter((e) => e.published).map(publicEvent) };
}

export async function getEvent(deps: EventViewDeps, processId: string, eventId: string): Promise<DeltagEvent> {
  await getProcess(deps.processes, processId);
  return publicEvent(await publishedEvent(deps, processId, eventId));
}

/** Every event of the process for the workspace, unpublished ones too. */
export async function workspaceEvents(deps: EventViewDeps, processId: string): Promise<z.input<typeof eventAdminListSchema>> {
  await getProcess(deps.processes, processId);
  return { items: (await deps.events.events(processId)).map(adminEvent) };
}
