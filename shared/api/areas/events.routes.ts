import * as z from 'zod';
import { checkInSchema, eventAdminListSchema, eventAdminSchema, eventCreateSchema, eventListSchema, eventSchema, eventUpdateSchema, mySignupListSchema, mySignupQuerySchema, mySignupStatusSchema, signupCreateSchema, signupExportQuerySchema, signupListQuerySchema, signupListSchema } from '../../schemas/events';
import { liveAnswerReceiptSchema, liveAnswerSchema, liveCodeParams, livePhoneRoundSchema, liveRoundDefinitionSchema, liveRoundListSchema, liveRoundResultsListSchema, liveRoundResultsSchema, liveRoundSaveSchema, liveRoundSchema, liveRoundStateSchema } from '../../schemas/live-rounds';
import { pageQuerySchema } from '../../schemas/me';
import { slugSchema, ulidSchema } from '../../schemas/text';
import { processParams } from '../params';
import { bindRoutes, type RouteSchemas } from '../bind';
import type { eventRouteMeta } from './events.meta';

// An event id in a path is any slug: a reserved one is simply not found (ids are checked when created).
const eventParams = z.object({ processId: slugSchema, eventId: slugSchema }).strict();
const signupParams = eventParams.extend({ signupId: ulidSchema }).strict();
const liveRoundParams = eventParams.extend({ roundId: ulidSchema }).strict();

/** The events module's routes bound to their schemas (see `../routes.ts`). */
export const eventRouteSchemas = {
  listEvents: { params: processParams, response: eventListSchema },
  getEvent: { params: eventParams, response: eventSchema },
  /** text/calendar */
  eventCalendar: { params: eventParams, response: z.unknown() },
  eventLiveResults: { params: eventParams, response: liveRoundResultsListSchema },
  getLiveRound: { params: liveCodeParams, response: livePhoneRoundSchema },
  answerLive: { params: liveCodeParams, body: liveAnswerSchema, response: liveAnswerReceiptSchema },
  mySignup: { params: eventParams, query: mySignupQuerySchema, response: mySignupStatusSchema },
  signUp: { params: eventParams, body: signupCreateSchema, response: mySignupStatusSchema },
  cancelSignup: { params: eventParams, response: z.undefined() },
  mySignups: { query: pageQuerySchema, response: mySignupListSchema },
  createEvent: { params: processParams, body: eventCreateSchema, response: eventAdminSchema },
  updateEvent: { params: eventParams, body: eventUpdateSchema, response: eventAdminSchema },
  workspaceEvents: { params: processParams, response: eventAdminListSchema },
  eventSignups: { params: eventParams, query: signupListQuerySchema, response: signupListSchema },
  /** A file download (CSV, XLSX). */
  exportSignups: { params: eventParams, query: signupExportQuerySchema, response: z.unknown() },
  checkIn: { params: signupParams, body: checkInSchema, response: signupListSchema.shape.items.element },
  liveRounds: { params: eventParams, response: liveRoundListSchema },
  createLiveRound: { params: eventParams, body: liveRoundDefinitionSchema, response: liveRoundSchema },
  saveLiveRound: { params: liveRoundParams, body: liveRoundSaveSchema, response: liveRoundSchema },
  setLiveRoundState: { params: liveRoundParams, body: liveRoundStateSchema, response: liveRoundSchema },
  liveRoundResults: { params: liveRoundParams, response: liveRoundResultsSchema },
} as const satisfies Record<keyof typeof eventRouteMeta, RouteSchemas>;

/** What the events function imports: these routes and no other area's schemas. */
export const eventRoutes = bindRoutes(eventRouteSchemas);
