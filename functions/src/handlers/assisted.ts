// (primary adapter) --> domain/assisted --> the ordinary use cases under the citizen's identity --> adapters/dynamodb
import { areaHandler } from '../lib/http';
import { assistedRoutes } from '#shared/api/areas/assisted.routes';
import { claimRoutes } from './assisted-claim';
import { personRoutes } from './assisted-persons';

/** Assisted participation's routes (shared/api/areas/assisted.meta.ts, area `assisted`): the assistant's acts, and the citizen's claim. */
export const handler = areaHandler(assistedRoutes, { ...personRoutes, ...claimRoutes });
