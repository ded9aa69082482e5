// (primary adapter) --> domain/profiles --> store
import { systemClock } from '../domain/ports';
import { getMyProfile, updateMyProfile } from '../domain/profiles';
import { areaHandler } from '../lib/http';
import { stores } from '../store';

const { profiles } = stores();

// `actor!`: every route here requires a signed-in user; the auth middleware refused anyone else.
export const handler = areaHandler({
  getMe: async ({ actor }) => getMyProfile(profiles, actor!),
  updateMe: async ({ actor, body }) => updateMyProfile(profiles, systemClock, actor!, body),
});
