// domain/my-data (Hent mine data, delete my account) --> (use case) --> SignupStore, EventReads, Notifier
import { mayCancel } from '#shared/rules/events';
import type { MyDataExport } from '#shared/schemas/me';
import type { Logger } from '../../lib/log';
import type { Clock, Notifier } from '../ports';
import type { EventReads, EventRecord, SignupRecord, SignupStore } from './ports';
import { promotedMail, sendSignupMails } from './signup-mails';

/** What the events module keeps about a person: their sign-ups. */
export interface EventDataDeps {
  events: Pick<EventReads, 'event'>;
  signups: Pick<SignupStore, 'signupsOfUser' | 'cancel'>;
  notifier: Notifier;
  siteUrl: () => Promise<string>;
  log: Pick<Logger, 'error'>;
  clock: Clock;
}

type SignupExport = NonNullable<MyDataExport['events']>['signups'][number];

/** Sign-ups read per page (a person has few). */
const PAGE = 100;

async function allSignups(deps: Pick<EventDataDeps, 'signups'>, userId: string): Promise<SignupRecord[]> {
  const all: SignupRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.signups.signupsOfUser(userId, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/**
 * Hent mine data: every sign-up with its event (title and start), its state, the needs the person
 * gave and when. Not the name and address copied onto the sign-up: the export's profile has them.
 */
export async function myEventData(deps: Pick<EventDataDeps, 'events' | 'signups'>, userId: string): Promise<NonNullable<MyDataExport['events']>> {
  const signups = await allSignups(deps, userId);
  const events = new Map<string, Pick<EventRecord, 'title' | 'startsAt'> | undefined>();
  for (const s of signups) {
    const key = `${s.processId}/${s.eventId}`;
    if (!events.has(key)) events.set(key, await deps.events.event(s.processId, s.eventId));
  }
  return {
    signups: signups.map((s): SignupExport => {
      const event = events.get(`${s.processId}/${s.eventId}`);
      return {
        processId: s.processId,
        eventId: s.eventId,
        eventTitle: event?.title ?? null,
        startsAt: event?.startsAt ?? null,
        state: s.state,
        diet: s.diet,
        ...(s.dietNote ? { dietNote: s.dietNote } : {}),
        ...(s.accessibility ? { accessibility: s.accessibility } : {}),
        ...(s.note ? { note: s.note } : {}),
        signedUpAt: s.signedUpAt,
        ...(s.promotedAt ? { promotedAt: s.promotedAt } : {}),
        ...(s.checkedInAt ? { checkedInAt: s.checkedInAt } : {}),
      };
    }),
  };
}

/**
 * Account deletion: each sign-up is cancelled through the store's own cancellation, so a freed seat
 * goes to the first on the waiting list in the same transaction (the counters stay exact) and they
 * get the mail a cancellation gives them. The seat of an event that has begun goes to nobody's
 * inbox: the store still moves the list, but a seat offered after the start helps no one. Returns
 * how many were cancelled.
 */
export async function cancelMySignups(deps: EventDataDeps, userId: string): Promise<number> {
  const signups = await allSignups(deps, userId);
  const now = deps.clock.now();
  let cancelled = 0;
  for (const s of signups) {
    const result = await deps.signups.cancel(s.processId, s.eventId, userId, now.toISOString());
    if (result.outcome === 'cancelled') cancelled++;
    if (!result.promoted) continue;
    const event = await deps.events.event(s.processId, s.eventId);
    if (event && event.cancelledAt === undefined && mayCancel(event, now)) {
      await sendSignupMails(deps, [result.promoted], (site, person) => promotedMail(event, person, site));
    }
  }
  return cancelled;
}
