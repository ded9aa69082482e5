import { copenhagenOffsetHours } from '../modules/dates';

/**
 * The workspace's date and time fields (`<input type="datetime-local">`, `type="date"`) read and
 * write the wall clock in Gentofte, whatever the admin's computer is set to: a phase that starts
 * "1. marts kl. 9" starts at 9 Danish time, also when the admin edits it on holiday abroad. The API
 * stores instants (ISO 8601 in UTC); these turn one into the other.
 */
const HOUR = 3_600_000;
const INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2027-03-01T09:00" (or a day, "2027-03-01", read as its first minute) as Danish wall time → the
 * instant in ISO form; undefined when the text is not a real date. On the night clocks go back,
 * 02:30 happens twice: the first (summer-time) one is meant. A time the spring switch skips
 * (02:30 on the last Sunday of March) is read as clocks show it an hour later.
 */
export function fromCopenhagenInput(value: string): string | undefined {
  const m = INPUT.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return undefined;
  for (const offset of [2, 1] as const) {
    const utc = wall - offset * HOUR;
    if (copenhagenOffsetHours(utc) === offset) return new Date(utc).toISOString();
  }
  return new Date(wall - HOUR).toISOString();
}

/** An instant as the field shows it in Danish time: "2027-03-01T09:00", or with `day`, "2027-03-01". Empty for no or a bad value. */
export function toCopenhagenInput(iso: string | undefined, day = false): string {
  const utc = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(utc)) return '';
  const local = new Date(utc + copenhagenOffsetHours(utc) * HOUR);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return day ? date : `${date}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/**
 * The instant a field stands for: the one it was loaded with while the field still shows it (so
 * seconds the field cannot show are not lost, and an untouched date is not a change), else the
 * field's own. A text that is no date comes back as it is, for the schema to refuse.
 */
export function instantOf(input: string, original: string | undefined, day = false): string {
  if (original !== undefined && toCopenhagenInput(original, day) === input) return original;
  return fromCopenhagenInput(input) ?? input;
}
