// (primary adapter) --> domain/consultation --> adapters/dynamodb
import type { AreaRoutes } from '../lib/http';

/** Responses per paragraph, flags, moderation, the committee's answers, Min side's list and the export. */
export const responseRoutes: AreaRoutes = {};
