// (primary adapter) --> domain/assisted/claim --> adapters/dynamodb
import type { AreaRoutes } from '../lib/http';

/** The citizen's claim of their assisted contributions into their own account. */
export const claimRoutes: AreaRoutes = {};
