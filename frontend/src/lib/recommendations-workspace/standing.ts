import { initiativeStanding, type InitiativeStanding, type InitiativeState } from '#shared/rules/recommendations';
import { copenhagenOffsetHours } from '../../modules/dates';

/** Today in Danish time (YYYY-MM-DD), the day the register's rule decides on (no Intl: modules/dates.ts says why). */
export function copenhagenToday(now: Date = new Date()): string {
  const ms = now.getTime();
  return new Date(ms + copenhagenOffsetHours(ms) * 3_600_000).toISOString().slice(0, 10);
}

/** How an initiative stands today (shared/rules/recommendations.ts decides), or nothing without one. */
export const initiativeStandingOf = (i: { state: InitiativeState; startsOn: string; endsOn: string } | undefined, now?: Date): InitiativeStanding | undefined =>
  i ? initiativeStanding(i, copenhagenToday(now)) : undefined;
