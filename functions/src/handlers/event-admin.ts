// (primary adapter) --> domain/events --> adapters/dynamodb
import { eventCalendar } from '../domain/events/calendar';
import { createEvent, updateEvent } from '../domain/events/events';
import { getEvent, listEvents, workspaceEvents } from '../domain/events/event-views';
import { FileResponse, type AreaRoutes } from '../lib/http';
import type { eventRoutes as eventArea } from '#shared/api/areas/events.routes';
import { eventDeps as deps, now } from './event-wiring';

const by = (actor: { userId: string }) => ({ userId: actor.userId });

/** The events module's events: create, change, cancel, list, one, its calendar file. */
export const eventRoutes: AreaRoutes<typeof eventArea> = {
  listEvents: async ({ params }) => listEvents(deps, params.processId),
  getEvent: async ({ params }) => getEvent(deps, params.processId, params.eventId),
  eventCalendar: async ({ params }) => {
    const file = await eventCalendar(deps, params.processId, params.eventId, now());
    return new FileResponse(file.contentType, file.body, file.filename);
  },
  workspaceEvents: async ({ params }) => workspaceEvents(deps, params.processId),
  createEvent: async ({ params, body, actor, log }) => createEvent({ ...deps, log }, by(actor), params.processId, body, now()),
  updateEvent: async ({ params, body, actor, log }) => updateEvent({ ...deps, log }, by(actor), params.processId, params.eventId, body, now()),
};
