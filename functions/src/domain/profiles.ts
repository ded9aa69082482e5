// handler --> (use case) --> ProfileStore
import type { Profile, ProfileUpdate } from '#shared/schemas/user';
import type { Actor } from '../lib/auth';
import { NotFoundError } from '../lib/errors';
import type { Clock, ProfileStore, StoredProfile } from './ports';

export async function getMyProfile(profiles: ProfileStore, actor: Actor): Promise<Profile> {
  const stored = await profiles.get(actor.userId);
  if (!stored) throw new NotFoundError('Du har ikke udfyldt din profil endnu.');
  return withRoles(stored, actor);
}

/** Creates the profile on first save; later saves keep its creation time. */
export async function updateMyProfile(profiles: ProfileStore, clock: Clock, actor: Actor, update: ProfileUpdate): Promise<Profile> {
  const now = clock.now().toISOString();
  const existing = await profiles.get(actor.userId);
  const stored: StoredProfile = {
    userId: actor.userId,
    displayName: update.displayName,
    participantType: update.participantType,
    ...(update.organisation ? { organisation: update.organisation } : {}),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await profiles.put(stored);
  return withRoles(stored, actor);
}

// Roles live in Cognito groups, not in the profile: the token is the source of truth.
const withRoles = (p: StoredProfile, actor: Actor): Profile => ({ ...p, roles: actor.roles });
