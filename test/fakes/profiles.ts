import type { ProfileStore, StoredProfile } from '#functions/domain/ports';
import { copy, copyOrUndefined, type FakeTables } from './tables';

/** Profiles as `adapters/dynamodb/profiles.ts` keeps them: `update` never touches a moderator's block. */
export function fakeProfileStore(tables: FakeTables): ProfileStore {
  return {
    get: async (userId) => copyOrUndefined(tables.profiles.get(userId)),
    put: async (profile) => void tables.profiles.set(profile.userId, copy(profile)),
    async update(userId, fields, now) {
      const at = now.toISOString();
      const { organisation: _dropped, ...before } = tables.profiles.get(userId) ?? ({ createdAt: at } as Partial<StoredProfile>);
      const profile = {
        ...before,
        userId,
        displayName: fields.displayName,
        participantType: fields.participantType,
        ...(fields.organisation ? { organisation: fields.organisation } : {}),
        createdAt: before.createdAt ?? at,
        updatedAt: at,
      } as StoredProfile;
      tables.profiles.set(userId, copy(profile));
      return profile;
    },
  };
}
