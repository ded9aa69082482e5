// handler --> (use case) --> EventStore (with its audit entry), SignupStore, ProcessStore, Notifier
import { EVENTS_PER_PROCESS_MAX } from '#shared/rules/events';
import type { EventAdmin, EventCreate, EventUpdate } from '#shared/schemas/events';
import { ConflictError } from '../../lib/errors';
import type { Logger } from '../../lib/log';
import type { Notifier, ProcessStore } from '../ports';
import { getProcess } from '../processes';
import { hashJoinToken, newJoinToken } from '../consultation/join-tokens';
import { eventAudit, eventChanges, type EventActor, type EventAuditDeps } from './event-audit';
import { adminEvent, storedEvent } from './event-views';
import type { EventRecord, EventStore, SignupStore } from './ports';
import { cancelledEventMail, promotedMail, sendSignupMails } from './signup-mails';
import { allSignups } from './signup-lists';

export interface EventDeps extends EventAuditDeps {
  events: EventStore;
  signups: Pick<SignupStore, 'fillSeats' | 'list'>;
  processes: Pick<ProcessStore, 'get'>;
  notifier: Notifier;
  siteUrl: () => Promise<string>;
  log: Pick<Logger, 'error'>;
}

/** The definition's fields as stored, from a create or an update body (`cancelled` and `expectedUpdatedAt` are not fields). */
function definition(input: EventCreate | EventUpdate) {
  return {
    type: input.type,
    title: input.title,
    description: input.description,
    ...(input.place ? { place: input.place } : {}),
    ...(input.onlineUrl ? { onlineUrl: input.onlineUrl } : {}),
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
    audience: input.audience,
    capacity: input.capacity,
    ...(input.signupDeadline ? { signupDeadline: new Date(input.signupDeadline).toISOString() } : {}),
    accessFeatures: input.accessFeatures,
    ...(input.accessNote ? { accessNote: input.accessNote } : {}),
    published: input.published,
  };
}

/** An invited event's link token: kept while the event is invited (a new one when it becomes so), gone otherwise. */
function invitation(audience: EventRecord['audience'], before?: EventRecord): Pick<EventRecord, 'invitationToken' | 'invitationTokenHash'> {
  if (audience !== 'invited') return {};
  if (before?.invitationToken && before.invitationTokenHash) return { invitationToken: before.invitationToken, invitationTokenHash: before.invitationTokenHash };
  const token = newJoinToken();
  return { invitationToken: token, invitationTokenHash: hashJoinToken(token) };
}

/**
 * Create an event. Primary course:
 * 1. The process exists (404) and has an `event` phase, in which people sign up (409).
 * 2. The process has fewer than EVENTS_PER_PROCESS_MAX events (409).
 * 3. The event, with no one signed up, and for an invited event its link's token.
 * 4. Written with its audit entry ('event-create', every field as a change) if the id is free (409 at the id).
 */
export async function createEvent(deps: EventDeps, actor: EventActor, processId: string, input: EventCreate, now: Date): Promise<EventAdmin> {
  const process = await getProcess(deps.processes, processId);
  if (!process.phases.some((p) => p.kind === 'event')) throw new ConflictError('no-event-phase', 'Forløbet har ingen fase til arrangementer. Tilføj en fase af typen "Arrangement" først.');
  if ((await deps.events.events(processId)).length >= EVENTS_PER_PROCESS_MAX) {
    throw new ConflictError('too-many-events', `Et forløb kan højst have ${EVENTS_PER_PROCESS_MAX} arrangementer.`);
  }
  const at = now.toISOString();
  const event: EventRecord = {
    id: input.id,
    processId,
    ...definition(input),
    ...invitation(input.audience),
    seatsTaken: 0,
    waitingCount: 0,
    checkedIn: 0,
    createdAt: at,
    updatedAt: at,
  };
  const audit = await eventAudit(deps, actor, now, { processId, action: 'event-create', eventId: input.id, changes: eventChanges(undefined, event) });
  if ((await deps.events.create(event, audit)) === 'exists') {
    throw new ConflictError('event-exists', `Forløbet har allerede et arrangement med id'et "${input.id}". Vælg et andet.`, [{ path: 'body.id', message: 'Id’et er allerede brugt i forløbet.' }]);
  }
  return adminEvent(event);
}

/**
 * Change or cancel an event. Primary course:
 * 1. The process and the event exist (404); a cancelled event is final (409).
 * 2. The new definition, with `cancelledAt` when `cancelled` is given, written with its audit entry
 *    ('event-update' or 'event-cancel', the changed fields) if no one saved since `expectedUpdatedAt`
 *    (409 stale) and the capacity is not below the seats taken at the moment of writing (409).
 * 3. A cancellation mails everyone signed up (seats and waiting list); a higher capacity moves the
 *    waiting list up, and each person promoted gets a mail. Mails are best effort.
 */
export async function updateEvent(deps: EventDeps, actor: EventActor, processId: string, eventId: string, input: EventUpdate, now: Date): Promise<EventAdmin> {
  await getProcess(deps.processes, processId);
  const before = await storedEvent(deps, processId, eventId);
  if (before.cancelledAt) throw new ConflictError('event-cancelled', 'Arrangementet er aflyst, og en aflysning kan ikke fortrydes. Opret et nyt arrangement i stedet.');
  const at = now.toISOString();
  const cancelling = input.cancelled === true;
  const event: EventRecord = {
    ...before,
    ...definition(input),
    place: input.place,
    onlineUrl: input.onlineUrl,
    signupDeadline: input.signupDeadline ? new Date(input.signupDeadline).toISOString() : undefined,
    accessNote: input.accessNote,
    invitationToken: undefined,
    invitationTokenHash: undefined,
    ...invitation(input.audience, before),
    ...(cancelling ? { cancelledAt: at } : {}),
    updatedAt: at,
  };
  const audit = await eventAudit(deps, actor, now, { processId, action: cancelling ? 'event-cancel' : 'event-update', eventId, changes: eventChanges(before, event) });
  const outcome = await deps.events.update(event, input.expectedUpdatedAt, audit);
  if (outcome === 'stale') throw new ConflictError('stale', 'Arrangementet er blevet ændret af en anden, siden du åbnede det. Hent det igen, og lav dine ændringer på ny.');
  if (outcome === 'capacity') {
    const seats = (await storedEvent(deps, processId, eventId)).seatsTaken;
    throw new ConflictError('capacity-below-seats', `Kapaciteten kan ikke blive lavere end antallet af tilmeldte (${seats}).`, [
      { path: 'body.capacity', message: `Mindst ${seats}` },
    ]);
  }
  if (cancelling) {
    const people = await allSignups(deps.signups, processId, eventId);
    await sendSignupMails(deps, people, (site, person) => cancelledEventMail(event, person, site));
  } else if (event.capacity > before.capacity) {
    const promoted = await deps.signups.fillSeats(processId, eventId, event.capacity, at);
    await sendSignupMails(deps, promoted, (site, person) => promotedMail(event, person, site));
  }
  return adminEvent(await storedEvent(deps, processId, eventId));
}
