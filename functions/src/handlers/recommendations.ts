// (primary adapter) --> domain/recommendations --> adapters/dynamodb
import { areaHandler } from '../lib/http';

/** The recommendations, their lens and the register (shared/api/areas/recommendations.meta.ts, area `recommendations`). */
export const handler = areaHandler({});
