// handler --> (use case) --> AssistedPersonStore, ProcessStore, ProfileStore, UserDataStore
import { CONSENT_VERSION, assistedUserId } from '#shared/rules/assisted';
import { allowedNow, pastRetention } from '#shared/rules/phases';
import type { AssistedPerson, AssistedPersonCreate, AssistedPersonList } from '#shared/schemas/assisted';
import type { Actor } from '../../lib/auth';
import { ConflictError } from '../../lib/errors';
import type { StoredProfile } from '../ports';
import { getProcess } from '../processes';
import { assistantName, assistedAudit, personIn } from './acting-person';
import { matches, readLookup } from './contact';
import type { AssistedDeps } from './deps';
import type { AssistedPersonRecord } from './ports';
import { toPersonView, toSummary } from './person-view';

/** The lookup lists at most this many: the assistant narrows the search rather than scroll past strangers. */
export const LOOKUP_MAX = 25;

/**
 * Register a citizen in a process, with their consent. Primary course:
 * 1. The process exists (404), is not archived and not past its retention date, and a phase open now
 *    takes part of some kind an assistant can help with (ideas, votes, comments, the survey): else 409.
 * 2. The assistant has a profile: their name goes on the consent (409 profile-required otherwise).
 * 3. One transaction writes the person (contact details, consent with time, wording version,
 *    assistant and channel), the citizen's profile under their own identity (the name and type shown
 *    with their ideas: every existing rule reads it like a user's) and the audit entry.
 * The body's `consent: true` was checked by the route's schema (400 without it: nothing is stored).
 */
export async function createAssistedPerson(deps: AssistedDeps, actor: Actor, processId: string, input: AssistedPersonCreate): Promise<AssistedPerson> {
  const process = await getProcess(deps.processes, processId);
  const now = deps.clock.now();
  if (process.archivedAt !== undefined) throw new ConflictError('process-archived', 'Forløbet er arkiveret. Man kan ikke deltage i det længere.');
  if (pastRetention(process, now)) throw new ConflictError('past-retention', 'Forløbets oplysninger om deltagerne er slettet. Man kan ikke deltage i det længere.');
  const open = allowedNow(process, now);
  if (!open.submit && !open.vote && !open.comment && !open.answer) {
    throw new ConflictError('phase-closed', 'Forløbet tager ikke imod idéer, stemmer, kommentarer eller svar lige nu. Borgeren kan ikke registreres.');
  }
  const assistant = { id: actor.userId, name: await assistantName(deps, actor) };

  const at = now.toISOString();
  const id = deps.newId(now);
  const person: AssistedPersonRecord = {
    id,
    processId,
    userId: assistedUserId(id),
    name: input.name,
    ...(input.email ? { email: input.email } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    participantType: input.participantType,
    consent: { at, version: CONSENT_VERSION, assistantId: assistant.id, assistantName: assistant.name, channel: input.channel },
    claimCodeHashes: [],
    createdAt: at,
    createdBy: assistant.id,
  };
  const profile: StoredProfile = { userId: person.userId, displayName: person.name, participantType: person.participantType, createdAt: at, updatedAt: at };
  const audit = assistedAudit(deps, assistant, now, { action: 'assisted-person-create', processId, targetId: id, channel: input.channel });
  await deps.persons.create(person, profile, audit);
  return toPersonView(person, { ideas: [], comments: [], votes: [], flags: [], surveysAnswered: [], roundMemberships: [] });
}

/**
 * Find a citizen before acting: by part of the name, a whole e-mail or a whole phone number
 * (contact.ts), among this process's citizens only. Sorted by name, newest first among equals.
 */
export async function lookupAssistedPersons(deps: Pick<AssistedDeps, 'persons' | 'processes'>, processId: string, q: string): Promise<AssistedPersonList> {
  await getProcess(deps.processes, processId);
  const query = readLookup(q);
  const found = (await deps.persons.list(processId))
    .filter((p) => p.processId === processId && matches(p, query))
    .sort((a, b) => a.name.localeCompare(b.name, 'da') || b.createdAt.localeCompare(a.createdAt));
  return { items: found.slice(0, LOOKUP_MAX).map(toSummary) };
}

/** One citizen in full, with what they have taken part with in the process. */
export async function assistedPerson(deps: Pick<AssistedDeps, 'persons' | 'userData'>, processId: string, personId: string): Promise<AssistedPerson> {
  const person = await personIn(deps, processId, personId);
  return toPersonView(person, await deps.userData.itemsOf(person.userId));
}
