// domain/retention (the daily job) --> (use case) --> EventReads, SignupStore, LiveRoundStore
import type { EventReads, LiveRoundStore, SignupStore } from './ports';

export interface EventRetentionDeps {
  events: Pick<EventReads, 'events'>;
  signups: Pick<SignupStore, 'eraseProcess'>;
  liveRounds: Pick<LiveRoundStore, 'rounds' | 'eraseMarkers'>;
}

/** What the events module erased in one process. */
export interface EventErasure {
  /** Sign-ups deleted: who came, with their needs (diet, accessibility, notes), names and addresses. */
  signups: number;
  /** Live rounds' answer markers deleted (a hashed browser token per question answered). */
  liveMarkers: number;
}

/**
 * The events module's part of the retention job (domain/retention.ts). Primary course, for a process
 * past its retention date:
 * 1. Delete every sign-up of the process's events, with the one-per-person and waiting-list items,
 *    and reset the events' seat, waiting and check-in counters (SignupStore.eraseProcess).
 * 2. Delete the answer markers of every live round of those events. A marker holds a hash of a
 *    browser's token, not a person, but it links the answers given from one phone: it served only to
 *    stop a second answer, and the round is long closed.
 * Kept: the events themselves (the municipality's own announcements) and the live rounds with their
 * tallies, which are counts and name nobody: the room's result that the committee's annex shows.
 * Both steps are idempotent: a run cut short does the rest the next night.
 */
export function eventRetention(deps: EventRetentionDeps) {
  return {
    async eraseEventData(processId: string): Promise<EventErasure> {
      const eventIds = (await deps.events.events(processId)).map((e) => e.id);
      if (eventIds.length === 0) return { signups: 0, liveMarkers: 0 };
      const signups = await deps.signups.eraseProcess(processId, eventIds);
      const roundIds = (await Promise.all(eventIds.map((eventId) => deps.liveRounds.rounds(processId, eventId)))).flat().map((r) => r.id);
      const liveMarkers = roundIds.length ? await deps.liveRounds.eraseMarkers(roundIds) : 0;
      return { signups, liveMarkers };
    },
  };
}
