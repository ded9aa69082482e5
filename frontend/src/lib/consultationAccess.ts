import { routeMeta, type RouteId } from '#shared/api/route-meta';
import { rolesOf } from '#shared/rules/access';
import type { Role } from '#shared/rules/values';

/**
 * Who sees which part of the consultation's workspace: each part opens for the roles of the API
 * route it stands on, the rule the API enforces on every call whatever the SPA shows (as
 * modules/workspace-access.ts does for the other parts). Free of messages, so the route table can
 * import it without the pages' chunks.
 */
const parts = {
  overview: 'workspaceDocuments',
  create: 'createDocument',
  setup: 'saveConsultationSetup',
  edit: 'saveDraft',
  publish: 'publishVersion',
  comments: 'internalResponses',
  answer: 'answerResponse',
  moderate: 'moderateResponse',
  report: 'exportDocument',
} as const satisfies Record<string, RouteId>;

export const consultationRoles = Object.fromEntries(Object.entries(parts).map(([part, id]) => [part, rolesOf(routeMeta[id].access)])) as Record<
  keyof typeof parts,
  readonly Role[]
>;
