// handler --> (use case) --> domain/my-data deleteMyAccount (under the citizen's identity) --> AssistedPersonStore
import type { Actor } from '../../lib/auth';
import { ConflictError } from '../../lib/errors';
import { deleteMyAccount } from '../my-data';
import type { UserDirectory } from '../ports';
import { assistedUserId } from '#shared/rules/assisted';
import { assistantName, assistedAudit, personIn } from './acting-person';
import type { AssistedDeps } from './deps';

/** An assisted citizen has no sign-in: erasing them never reaches the directory (the actor has no user name). */
const noDirectory: UserDirectory = {
  email: async () => undefined,
  deleteUser: async () => {
    throw new Error('an assisted citizen has no sign-in to delete');
  },
  findByEmail: async () => undefined,
  findById: async () => undefined,
  membersOf: async () => [],
  signOutEverywhere: async () => undefined,
  setGroups: async () => {
    throw new Error('an assisted citizen has no sign-in');
  },
};

/**
 * Erase a citizen on their request. Primary course:
 * 1. The person is this process's (404) and has not claimed their contributions (409: then they hold
 *    an account, and delete it themself on Min side).
 * 2. Their identity is erased exactly as an account deletion erases a user (domain/my-data.ts): votes
 *    deleted with the ideas' counts kept exact, flags deleted, comments become placeholders, ideas stay
 *    under "Tidligere deltager", the survey marker and the profile (with the vote tallies) deleted.
 * 3. The claim codes' pointers, then the person record with the audit entry ('assisted-erase') in one
 *    transaction. A failure before that leaves the person in place, so the assistant can erase again.
 */
export async function eraseAssistedPerson(deps: AssistedDeps, actor: Actor, processId: string, personId: string): Promise<void> {
  const person = await personIn(deps, processId, personId);
  if (person.claimedBy) {
    throw new ConflictError('assisted-claimed', 'Borgeren har overtaget sine bidrag med sin egen konto. Borgeren sletter selv sine data ved at slette kontoen på Min side.');
  }
  const name = await assistantName(deps, actor);
  // The identity is derived from the person id, never taken from elsewhere: nobody else's data can be reached.
  // Only the stores an account deletion needs for what an assisted identity can hold (no sign-ups, no
  // consultation responses): `deps.events` is the events' reads for an idea's origin, not their data.
  const { ideas, comments, userData, processes, clock } = deps;
  await deleteMyAccount({ ideas, comments, userData, processes, clock, directory: noDirectory }, { userId: assistedUserId(person.id), roles: [] });
  const now = deps.clock.now();
  await deps.persons.remove(person, assistedAudit(deps, { id: actor.userId, name }, now, { action: 'assisted-erase', processId, targetId: person.id }));
}
