// (primary adapter) --> domain/events --> adapters/dynamodb
import { checkIn, eventSignups, mySignups } from '../domain/events/signup-lists';
import { exportSignups } from '../domain/events/signup-export';
import { cancelSignup, mySignup, signUp } from '../domain/events/signups';
import { FileResponse, type AreaRoutes } from '../lib/http';
import type { eventRoutes as eventArea } from '#shared/api/areas/events.routes';
import { eventDeps as deps, now } from './event-wiring';

/** The events module's sign-ups with the waiting list, Min side's list, the organisers' list, export and check-in. */
export const signupRoutes: AreaRoutes<typeof eventArea> = {
  mySignup: async ({ params, query, actor, log }) => mySignup({ ...deps, log }, params.processId, params.eventId, actor.userId, query.invitation),
  signUp: async ({ params, body, actor, log }) => signUp({ ...deps, log }, actor, params.processId, params.eventId, body),
  cancelSignup: async ({ params, actor, log }) => {
    await cancelSignup({ ...deps, log }, params.processId, params.eventId, actor.userId);
    return undefined;
  },
  mySignups: async ({ query, actor }) => mySignups(deps, actor.userId, query, now()),
  eventSignups: async ({ params, query }) => eventSignups(deps, params.processId, params.eventId, query),
  exportSignups: async ({ params, query }) => {
    const file = await exportSignups(deps, params.processId, params.eventId, query.format, now());
    return new FileResponse(file.contentType, file.body, file.filename);
  },
  checkIn: async ({ params, body }) => checkIn(deps, params.processId, params.eventId, params.signupId, body.checkedIn, now()),
};
