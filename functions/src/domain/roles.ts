// handler --> (use case) --> UserDirectory, ProfileStore, ModerationStore (audit)
import { roles as allRoles, type Role } from '#shared/schemas/user';
import { isStaffRole } from '#shared/rules/values';
import type { Actor } from '../lib/auth';
import { ConflictError, NotFoundError } from '../lib/errors';
import { auditEntry } from './audit';
import type { Clock, DirectoryAccount, ModerationStore, ProfileStore, UserDirectory } from './ports';

export interface RoleDeps {
  directory: UserDirectory;
  profiles: ProfileStore;
  moderation: Pick<ModerationStore, 'appendAudit'>;
  clock: Clock;
  newId: (now: Date) => string;
}

/** Role changes are platform-wide; their audit entries live under this log. */
export const PLATFORM_LOG = 'platform';

const summary = async (deps: RoleDeps, user: DirectoryAccount) => ({
  userId: user.userId,
  email: user.email,
  roles: user.roles.filter((r): r is Role => (allRoles as readonly string[]).includes(r)),
  blocked: !!(await deps.profiles.get(user.userId))?.blocked,
  confirmed: user.confirmed,
  emailVerified: user.emailVerified,
  mfa: user.mfa,
});

/**
 * Why a role may not be granted to this account, or undefined. A role reaches the staff pages, their
 * alerts and the audit log under this address: an unconfirmed sign-up or an unproved address could be
 * someone else's (taken over, or typed wrong), so staff are always accounts whose address is proved.
 */
function grantRefusal(user: DirectoryAccount): string | undefined {
  if (!user.confirmed) return 'Kontoen er ikke bekræftet endnu. Brugeren skal først bekræfte sin oprettelse med koden fra mailen.';
  if (!user.emailVerified) return 'Kontoens e-mailadresse er ikke bekræftet. Brugeren skal bekræfte adressen, før kontoen kan få en rolle.';
  return undefined;
}

const MFA_REQUIRED = 'Kontoen skal have totrinsbekræftelse med en godkendelses-app, før den kan få en medarbejderrolle. Brugeren kan slå det til under Min side.';

export async function findUser(deps: RoleDeps, email: string) {
  const user = await deps.directory.findByEmail(email);
  if (!user) throw new NotFoundError('Der er ingen bruger med den e-mailadresse.');
  return summary(deps, user);
}

/**
 * Set a user's roles (Cognito groups). Primary course:
 * 1. The user exists (404); an admin keeps their own admin role (409: someone must stay admin).
 * 2. New roles go only to a confirmed account with a verified address (409, nothing changed), and a
 *    staff role only to one with an authenticator app set up (409 mfa-required); taking roles away is
 *    always possible.
 * 3. The groups change and the change is audited. A removed role also signs the user out everywhere:
 *    no refresh token can fetch a token with the old role, and the current one runs out within
 *    minutes (cdk/definitions/identity.ts). A granted role arrives at the next refresh.
 */
export async function setRoles(deps: RoleDeps, actor: Actor, userId: string, wanted: Role[]) {
  const user = await deps.directory.findById(userId);
  if (!user) throw new NotFoundError('Brugeren findes ikke.');
  if (userId === actor.userId && !wanted.includes('admin')) throw new ConflictError('last-admin', 'Du kan ikke fjerne din egen administratorrolle.');
  const current = user.roles;
  const add = wanted.filter((r) => !current.includes(r));
  const remove = current.filter((r) => (allRoles as readonly string[]).includes(r) && !wanted.includes(r as Role));
  const refusal = add.length ? grantRefusal(user) : undefined;
  if (refusal) throw new ConflictError('account-not-verified', refusal);
  // A password alone can be guessed or phished; a staff role opens other people's data, so it needs a second step.
  if (add.some(isStaffRole) && !user.mfa) throw new ConflictError('mfa-required', MFA_REQUIRED);
  if (add.length || remove.length) {
    const now = deps.clock.now();
    await deps.directory.setGroups(user.username, add, remove);
    if (remove.length) await deps.directory.signOutEverywhere(user.username);
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
