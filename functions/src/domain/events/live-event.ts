import { pastRetention } from '#shared/rules/phases';
import type { Process } from '#shared/schemas/process';
import { ConflictError, NotFoundError } from '../../lib/errors';
import type { EventReads, EventRecord, LiveRoundRecord, LiveRoundStore } from './ports';

/** The event a round belongs to, in its process (404 otherwise: a round never outlives the address it is under). */
export async function eventOf(events: EventReads, processId: string, eventId: string): Promise<EventRecord> {
  const event = await events.event(processId, eventId);
  if (!event) throw new NotFoundError('Arrangementet findes ikke.');
  return event;
}

/** The round under its event's address (404 otherwise). */
export async function roundOf(rounds: Pick<LiveRoundStore, 'round'>, processId: string, eventId: string, roundId: string): Promise<LiveRoundRecord> {
  const round = await rounds.round(processId, eventId, roundId);
  if (!round) throw new NotFoundError('Runden findes ikke.');
  return round;
}

/** A process that is archived or past its retention date takes no new answers, so no round of it opens or is answered. */
export const processClosed = (process: Process, now: Date) => process.archivedAt !== undefined || pastRetention(process, now);

/** Refuses a new or opened round for a cancelled event or a closed process (409, in Danish). */
export function mayRunRounds(process: Process, event: EventRecord, now: Date): void {
  if (processClosed(process, now)) throw new ConflictError('process-closed', 'Forløbet er afsluttet, så der kan ikke holdes flere runder i det.');
  if (event.cancelledAt !== undefined) throw new ConflictError('event-cancelled', 'Arrangementet er aflyst, så der kan ikke holdes runder i det.');
}

/** A new `updatedAt`, always after the previous one: two saves in one millisecond must not look alike to the stale check. */
export function nextStamp(previous: string | undefined, now: Date): string {
  const at = previous === undefined ? now.getTime() : Math.max(now.getTime(), Date.parse(previous) + 1);
  return new Date(at).toISOString();
}

export const staleRound = () => new ConflictError('stale', 'Runden er lige blevet ændret af en anden. Hent den igen, og prøv så igen.');
