import { formatDate, type DateLocale } from '../../modules/dates';

/** What the list and the event page read of an event's times and seats. */
export interface TimedEvent {
  startsAt: string;
  endsAt: string;
  capacity: number;
  seatsTaken: number;
  waitingCount: number;
  cancelledAt?: string | undefined;
}

/**
 * When an event is, in Gentofte time: "27. nov. 2026, 09.00 – 15.00" on one day, both dates and
 * times when it runs over midnight (a hackathon), so the end's day is never left to guess.
 */
export function eventWhen(startsAt: string, endsAt: string, locale: DateLocale): string {
  const from = formatDate(startsAt, 'time', locale);
  const to = formatDate(endsAt, 'time', locale);
  const sameDay = formatDate(startsAt, 'short', locale) === formatDate(endsAt, 'short', locale);
  return `${from} – ${sameDay ? to.slice(to.lastIndexOf(' ') + 1) : to}`;
}

/** Upcoming (and under way) first, soonest first; then the past ones, the latest first. "Past" means ended. */
export function splitByTime<T extends Pick<TimedEvent, 'startsAt' | 'endsAt'>>(events: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
  const byStart = [...events].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const ended = (e: T) => Date.parse(e.endsAt) <= now.getTime();
  return { upcoming: byStart.filter((e) => !ended(e)), past: byStart.filter(ended).reverse() };
}

/** Free seats (never below 0: a lowered capacity cannot go under the seats taken, but a reader never sees a minus). */
export const seatsLeft = (event: Pick<TimedEvent, 'capacity' | 'seatsTaken'>): number => Math.max(0, event.capacity - event.seatsTaken);

/** Full when no seat is free: a sign-up now joins the waiting list. */
export const isFull = (event: Pick<TimedEvent, 'capacity' | 'seatsTaken'>): boolean => seatsLeft(event) === 0;
