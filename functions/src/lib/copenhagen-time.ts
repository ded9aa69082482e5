/**
 * The one way the server writes a date or time for people: in Danish time (Europe/Copenhagen, with
 * its summer time), whatever zone the Lambda runs in (UTC on AWS). Stored times stay ISO 8601 UTC;
 * only what a person reads (export files and their names, sentences in documents) goes through here.
 */

import { builtOnce } from './built-once';

export const TIME_ZONE = 'Europe/Copenhagen';

// Built once, on first use: a DateTimeFormat is costly to construct and this one is used for every row
// of an export, but most requests write no date.
const parts = builtOnce(() => new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
}));

function local(at: Date) {
  const p = Object.fromEntries(parts().formatToParts(at).map((x) => [x.type, x.value]));
  return { y: p.year!, m: p.month!, d: p.day!, h: p.hour!, min: p.minute! };
}

/** `2026-11-27`: the day in Denmark, ISO order (unambiguous in any spreadsheet and sortable in a file name). */
export function localDate(at: Date): string {
  const { y, m, d } = local(at);
  return `${y}-${m}-${d}`;
}

/** `27-11-2026 14:00`, Danish time, for sentences a person reads. */
export function localDateTime(at: Date): string {
  const { y, m, d, h, min } = local(at);
  return `${d}-${m}-${y} ${h}:${min}`;
}
