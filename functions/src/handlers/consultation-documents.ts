// (primary adapter) --> domain/consultation --> adapters/dynamodb
import type { AreaRoutes } from '../lib/http';

/** Documents, versions, the diff, the setup (references, rounds) and joining a round. */
export const documentRoutes: AreaRoutes = {};
