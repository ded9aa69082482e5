import { computed } from 'vue';
import type { Role } from '#shared/schemas/user';
import { profile } from '../../modules/session';

/**
 * Who sees which part of the workspace, from the roles in the user's profile (the Cognito groups of
 * their token). This only shapes the UI: the API checks the same roles on every call, whatever the
 * SPA shows. Kept free of messages, so the app shell can import it without the workspace's chunk.
 */
export const areaRoles = {
  queue: ['moderator'],
  idea: ['moderator'],
  overdue: ['moderator', 'committee'],
  log: ['moderator', 'admin'],
  export: ['committee', 'moderator'],
  annex: ['committee', 'moderator'],
  roles: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type WorkspaceArea = keyof typeof areaRoles;

/** The roles that open the workspace at all (an assistant works in the citizen app). */
export const workspaceRoles: readonly Role[] = ['moderator', 'committee', 'admin'];

export const hasAnyRole = (roles: readonly Role[], held: readonly Role[] | undefined = profile.value?.roles): boolean =>
  (held ?? []).some((r) => roles.includes(r));

/** For a header link: does the signed-in user have a workspace role? (False until the profile is loaded.) */
export const canUseWorkspace = computed(() => hasAnyRole(workspaceRoles));
