// (primary adapter) --> domain/follows --> adapters/dynamodb
import { areaHandler } from '../lib/http';

/** Following, mail settings and the one-click unsubscribe (shared/api/areas/follows.meta.ts, area `follows`). */
export const handler = areaHandler({});
