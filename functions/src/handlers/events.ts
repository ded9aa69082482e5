// (primary adapter) --> domain/events --> adapters/dynamodb
import { areaHandler } from '../lib/http';
import { eventRoutes as eventArea } from '#shared/api/areas/events.routes';
import { eventRoutes } from './event-admin';
import { liveRoutes } from './live-rounds';
import { signupRoutes } from './event-signups';

/** The events module's routes (shared/api/areas/events.meta.ts, area `events`): events, sign-ups, live rounds. */
export const handler = areaHandler(eventArea, { ...eventRoutes, ...signupRoutes, ...liveRoutes });
