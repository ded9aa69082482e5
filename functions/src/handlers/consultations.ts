// (primary adapter) --> domain/consultation --> adapters/dynamodb
import { areaHandler } from '../lib/http';
import { consultationRoutes } from '#shared/api/areas/consultations.routes';
import { documentRoutes } from './consultation-documents';
import { responseRoutes } from './consultation-responses';

/** The consultation module's routes (shared/api/route-meta.ts, area `consultations`): documents and rounds, responses and answers. */
export const handler = areaHandler(consultationRoutes, { ...documentRoutes, ...responseRoutes });
