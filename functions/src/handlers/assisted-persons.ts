// (primary adapter) --> domain/assisted --> adapters/dynamodb
import type { AreaRoutes } from '../lib/http';

/** The assistant's routes: look up and register citizens, act for them (audited), receipts, their data. */
export const personRoutes: AreaRoutes = {};
