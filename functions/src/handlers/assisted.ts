// (primary adapter) --> domain/assisted --> the ordinary use cases under the citizen's identity --> adapters/dynamodb
import { areaHandler } from '../lib/http';

/** Assisted participation's routes (shared/api/areas/assisted.meta.ts, area `assisted`). */
export const handler = areaHandler({});
