// (primary adapter) --> domain/events --> adapters/dynamodb
import type { AreaRoutes } from '../lib/http';

/** The events module's the live round: organisers' drafts, opening and closing, the presenter's results; phones' questions and answers. */
export const liveRoutes: AreaRoutes = {};
