// (primary adapter) --> domain/events --> adapters/dynamodb
import type { AreaRoutes } from '../lib/http';

/** The events module's events: create, change, cancel, list, one, its calendar file. */
export const eventRoutes: AreaRoutes = {};
