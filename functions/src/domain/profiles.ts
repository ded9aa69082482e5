// handler --> (use case) --> ProfileStore
import type { Profile, ProfileUpdate } from '#shared/schemas/user';
import type { Actor } from '../lib/auth';
import { ConflictError, ForbiddenError, NotFoundError } from '../lib/errors';
import type { Clock, ProfileStore, StoredProfile } from './ports';

export async function getMyProfile(profiles: ProfileStore, actor: Actor): Promise<Profile> {
  const stored = await profiles.get(actor.userId);
  if (!stored) throw new NotFoundError('Du har ikke udfyldt din profil endnu.');
  return withRoles(stored, actor);
}

/** Creates the profile on first save; later saves change only what the user may change. */
export async function updateMyProfile(profiles: ProfileStore, clock: Clock, actor: Actor, update: ProfileUpdate): Promise<Profile> {
  const stored = await profiles.update(actor.userId, update, clock.now());
  return withRoles(stored, actor);
}

// Roles live in Cognito groups, not in the profile: the token is the source of truth.
const withRoles = (p: StoredProfile, actor: Actor): Profile => ({ ...p, roles: actor.roles });

/**
 * The profile of someone about to write (an idea, comment, vote or flag): it must exist (name and
 * participant type are shown and counted) and not be blocked by a moderator.
 */
export function writerProfile(profile: StoredProfile | undefined, doing: string): StoredProfile {
  if (!profile) throw new ConflictError('profile-required', `Udfyld din profil (navn og deltagertype), før du ${doing}.`);
  if (profile.blocked) throw new ForbiddenError('Din konto er blokeret af en moderator. Du kan stadig læse med.');
  return profile;
}
