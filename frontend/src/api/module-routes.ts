import { moduleRouteMeta } from '#shared/api/module-route-meta';
import { knowRoutes } from './client';

/**
 * The modules' part of the route table (surveys, consultations, events, assisted participation,
 * recommendations, follows), made known to the client. Each module's API file imports this, so the
 * table travels with the module's lazy pages and stays out of the first visit (client.ts).
 */
knowRoutes(moduleRouteMeta);
