// handler --> (use case) --> UserDirectory, ProfileStore, ModerationStore (audit)
import { roles as allRoles, type Role } from '#shared/schemas/user';
import type { Actor } from '../lib/auth';
import { ConflictError, NotFoundError } from '../lib/errors';
import { auditEntry } from './audit';
import type { Clock, ModerationStore, ProfileStore, UserDirectory } from './ports';

export interface RoleDeps {
  directory: UserDirectory;
  profiles: ProfileStore;
  moderation: Pick<ModerationStore, 'appendAudit'>;
  clock: Clock;
  newId: (now: Date) => string;
}

/** Role changes are platform-wide; their audit entries live under this log. */
export const PLATFORM_LOG = 'platform';

const summary = async (deps: RoleDeps, user: { userId: string; email: string; roles: string[] }) => ({
  userId: user.userId,
  email: user.email,
  roles: user.roles.filter((r): r is Role => (allRoles as readonly string[]).includes(r)),
  blocked: !!(await deps.profiles.get(user.userId))?.blocked,
});

export async function findUser(deps: RoleDeps, email: string) {
  const user = await deps.directory.findByEmail(email);
  if (!user) throw new NotFoundError('Der er ingen bruger med den e-mailadresse.');
  return summary(deps, user);
}

/**
 * Set a user's roles (Cognito groups). They take effect at the user's next sign-in or token refresh
 * (at most an hour). An admin cannot take the admin role from themselves: someone must stay admin.
 */
export async function setRoles(deps: RoleDeps, actor: Actor, userId: string, wanted: Role[]) {
  const user = await deps.directory.findById(userId);
  if (!user) throw new NotFoundError('Brugeren findes ikke.');
  if (userId === actor.userId && !wanted.includes('admin')) throw new ConflictError('last-admin', 'Du kan ikke fjerne din egen administratorrolle.');
  const current = user.roles;
  const add = wanted.filter((r) => !current.includes(r));
  const remove = current.filter((r) => (allRoles as readonly string[]).includes(r) && !wanted.includes(r as Role));
  if (add.length || remove.length) {
    const now = deps.clock.now();
    await deps.directory.setGroups(user.username, add, remove);
    await deps.moderation.appendAudit(
      await auditEntry(deps, actor, now, {
        processId: PLATFORM_LOG,
        action: 'roles',
        targetKind: 'user',
        targetId: userId,
        before: { kind: 'roles', roles: [...current].sort() },
        after: { kind: 'roles', roles: [...wanted].sort() },
      }),
    );
  }
  return summary(deps, { ...user, roles: wanted });
}
