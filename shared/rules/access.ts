import type { Role } from './values';

/**
 * Who may call a route, as plain data both ends read: the API refuses (401/403) what this refuses,
 * and the SPA shows only what it allows. public: anyone; user: any signed-in user; roles: signed in
 * and in one of these Cognito groups.
 */
export type Access = 'public' | 'user' | { roles: readonly Role[] };

export type AccessVerdict = 'allowed' | 'sign-in' | 'forbidden';

/** `roles` is undefined for an anonymous caller, and the signed-in user's groups otherwise. */
export function accessVerdict(access: Access, roles: readonly Role[] | undefined): AccessVerdict {
  if (access === 'public') return 'allowed';
  if (!roles) return 'sign-in';
  if (access === 'user') return 'allowed';
  return roles.some((r) => access.roles.includes(r)) ? 'allowed' : 'forbidden';
}

export const isProtected = (access: Access) => access !== 'public';

/** The roles an access rule names; a rule for any signed-in user names none. */
export const rolesOf = (access: Access): readonly Role[] => (typeof access === 'object' ? access.roles : []);
