// (primary adapter) --> domain/events --> adapters/dynamodb
import type { AreaRoutes } from '../lib/http';

/** The events module's sign-ups with the waiting list, Min side's list, the organisers' list, export and check-in. */
export const signupRoutes: AreaRoutes = {};
