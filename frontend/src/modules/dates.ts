/**
 * Dates as they fall in Gentofte (Europe/Copenhagen, whatever the reader's clock says), written the
 * way CLDR writes them for da-DK and en-GB. Spelled out here instead of `Intl.DateTimeFormat`
 * because a page's first Intl formatter loads ICU data: ~25 ms on a desktop, ~100 ms on a mid-range
 * phone, in the middle of the first render. A unit test holds the output to Intl's for every
 * format, both languages and both sides of every daylight-saving switch.
 */
export type DateLocale = 'da' | 'en';
export type DateFormat = 'long' | 'short' | 'time';

const monthNames: Record<DateLocale, Record<'long' | 'short', readonly string[]>> = {
  da: {
    long: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
    short: ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  },
  en: {
    long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
  },
};

const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of a month (month 0–11): when EU clocks change. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 24 * HOUR;
}

/** Hours Danish time is ahead of UTC at an instant: 2 in summer time (EU rule since 1996), else 1. */
export function copenhagenOffsetHours(utcMs: number): 1 | 2 {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayAtOneUtc(year, 2) && utcMs < lastSundayAtOneUtc(year, 9) ? 2 : 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day without a time (an answer deadline): "2026-11-27". */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * long: "27. november 2026" / "27 November 2026"; short: "27. nov. 2026" / "27 Nov 2026";
 * time: "27. nov. 2026, 14.05" / "27 Nov 2026, 14:05". An invalid date gives an empty string.
 * A calendar day ("2026-11-27") is that day, in any time zone; it has no time to show.
 */
export function formatDate(value: string | number | Date, format: DateFormat, locale: DateLocale): string {
  const calendarDay = typeof value === 'string' && CALENDAR_DAY.test(value);
  const utcMs = new Date(value).getTime();
  if (Number.isNaN(utcMs)) return '';
  // A Date shifted by the offset, read with the getUTC* methods, shows the wall clock in Gentofte.
  // A calendar day is read as midnight UTC and must not move, so it is read as it is.
  const local = calendarDay ? new Date(utcMs) : new Date(utcMs + copenhagenOffsetHours(utcMs) * HOUR);
  const month = monthNames[locale][format === 'long' ? 'long' : 'short'][local.getUTCMonth()];
  const day = local.getUTCDate();
  const date = locale === 'da' ? `${day}. ${month} ${local.getUTCFullYear()}` : `${day} ${month} ${local.getUTCFullYear()}`;
  if (format !== 'time' || calendarDay) return date;
  const separator = locale === 'da' ? '.' : ':';
  return `${date}, ${pad(local.getUTCHours())}${separator}${pad(local.getUTCMinutes())}`;
}
