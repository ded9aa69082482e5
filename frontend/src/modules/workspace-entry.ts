import { computed } from 'vue';
import { roles, type Role } from '#shared/rules/values';
import { profile } from './session';

/**
 * The app shell's question about the workspace: may the signed-in user open it at all? Every role
 * opens a part of it (`workspace-access.ts` says which, from the route table; a test holds the two
 * equal), so the shell asks this without carrying the whole route table into the first visit.
 */
export const hasAnyRole = (wanted: readonly Role[], held: readonly Role[] | undefined = profile.value?.roles): boolean =>
  (held ?? []).some((r) => wanted.includes(r));

/** For a header link: does the signed-in user have a workspace role? (False until the profile is loaded.) */
export const canUseWorkspace = computed(() => hasAnyRole(roles));
