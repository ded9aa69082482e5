// handler --> (use case helper) --> AssistedPersonStore, ProfileStore
import type { AssistedChannel } from '#shared/rules/assisted';
import type { Actor } from '../../lib/auth';
import { ConflictError, NotFoundError } from '../../lib/errors';
import { writerProfile } from '../profiles';
import type { AuditRecord } from '../ports';
import type { AssistedDeps } from './deps';
import type { AssistedPersonRecord } from './ports';

/**
 * The person an assistant asks for, in the process of the path. A person id from another process is
 * the same 404 as one that never existed: an assistant never reaches another process's citizens.
 */
export async function personIn(deps: Pick<AssistedDeps, 'persons'>, processId: string, personId: string): Promise<AssistedPersonRecord> {
  const person = await deps.persons.get(processId, personId);
  if (!person || person.processId !== processId) throw new NotFoundError('Borgeren findes ikke i dette forløb.');
  return person;
}

/** The person, who must not have claimed their contributions into an account: from then on they take part themself. */
export async function unclaimedPersonIn(deps: Pick<AssistedDeps, 'persons'>, processId: string, personId: string): Promise<AssistedPersonRecord> {
  const person = await personIn(deps, processId, personId);
  if (person.claimedBy) {
    throw new ConflictError('assisted-claimed', 'Borgeren har overtaget sine bidrag med sin egen konto og deltager nu selv. Der kan ikke handles for borgeren længere.');
  }
  return person;
}

/**
 * The assistant's name as it goes on the consent and the audit log: their own profile's (409
 * profile-required without one, 403 if a moderator blocked them, as for anyone who writes).
 */
export async function assistantName(deps: Pick<AssistedDeps, 'profiles'>, actor: Actor): Promise<string> {
  return writerProfile(await deps.profiles.get(actor.userId), 'hjælper en borger').displayName;
}

/**
 * The actor the ordinary use cases see when an assistant acts: the citizen's own identity without
 * roles (so their rules hold: one vote, their limits, a block), with the assistant and channel noted.
 */
export const citizenActor = (person: AssistedPersonRecord, assistant: Actor, name: string, channel: AssistedChannel): Actor => ({
  userId: person.userId,
  roles: [],
  assisted: { assistantId: assistant.userId, assistantName: name, channel },
});

/**
 * One assisted audit entry. Every one targets the person (`assisted-person`, targetId the person id),
 * so the citizen's whole history is one target's log: who assisted whom, when, through which channel.
 * An act on an idea (an idea, a vote, a comment) names it in `ideaId`; the new idea's or comment's
 * state goes in `after`. The citizen's name is never written into the log: erasure takes it away.
 */
export function assistedAudit(
  deps: Pick<AssistedDeps, 'newId'>,
  assistant: { id: string; name: string },
  now: Date,
  entry: Pick<AuditRecord, 'action' | 'processId' | 'targetId' | 'channel' | 'ideaId' | 'after'>,
): AuditRecord {
  return {
    id: deps.newId(now),
    at: now.toISOString(),
    actorId: assistant.id,
    actorName: assistant.name,
    targetKind: 'assisted-person',
    ...Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)),
  } as AuditRecord;
}
