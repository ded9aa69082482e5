// (primary adapter) --> domain/survey --> adapters/dynamodb
import { areaHandler } from '../lib/http';

/** The survey module's routes (shared/api/route-meta.ts, area `surveys`). */
export const handler = areaHandler({});
