import { describe, expect, it } from 'vitest';
import { copenhagenOffsetHours, formatDate, type DateFormat, type DateLocale } from '../../frontend/src/modules/dates';

// The SPA formats dates by hand (see modules/dates.ts); Node's full ICU is the reference it must match.
const intlOptions: Record<DateFormat, Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  time: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
};
const intlLocale: Record<DateLocale, string> = { da: 'da-DK', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();
function intl(ms: number, format: DateFormat, locale: DateLocale): string {
  const key = `${locale}:${format}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat(intlLocale[locale], { ...intlOptions[format], timeZone: 'Europe/Copenhagen' }));
  return formatters.get(key)!.format(ms);
}

const HOUR = 3_600_000;

describe('formatDate', () => {
  it('writes the examples in its documentation', () => {
    const at = Date.UTC(2026, 10, 27, 13, 5);
    expect(formatDate(at, 'long', 'da')).toBe('27. november 2026');
    expect(formatDate(at, 'short', 'da')).toBe('27. nov. 2026');
    expect(formatDate(at, 'time', 'da')).toBe('27. nov. 2026, 14.05');
    expect(formatDate(new Date(at).toISOString(), 'time', 'en')).toBe('27 Nov 2026, 14:05');
  });

  it('matches Intl for Europe/Copenhagen around every daylight-saving switch from 2020 to 2040', () => {
    let checked = 0;
    for (let year = 2020; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // Every quarter hour over the last week of March and of October, across the 01:00 UTC switch.
        const from = Date.UTC(year, month, 24);
        for (let ms = from; ms < from + 8 * 24 * HOUR; ms += HOUR / 4) {
          for (const locale of ['da', 'en'] as const) {
            expect(formatDate(ms, 'time', locale), new Date(ms).toISOString()).toBe(intl(ms, 'time', locale));
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(21 * 2 * 8 * 24 * 4 * 2);
  });

  it('matches Intl for every format and language on random instants', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(2000, 0, 1) + Math.floor(random() * 50 * 365 * 24 * HOUR);
      for (const format of ['long', 'short', 'time'] as const) {
        for (const locale of ['da', 'en'] as const) expect(formatDate(ms, format, locale)).toBe(intl(ms, format, locale));
      }
    }
  });

  it('gives an empty string for an invalid date instead of "NaN"', () => {
    expect(formatDate('not a date', 'long', 'da')).toBe('');
  });
});

describe('copenhagenOffsetHours', () => {
  it('switches to summer time at 01:00 UTC on the last Sunday of March and back on the last Sunday of October', () => {
    expect(copenhagenOffsetHours(Date.UTC(2026, 2, 29, 0, 59))).toBe(1);
    expect(copenhagenOffsetHours(Date.UTC(2026, 2, 29, 1, 0))).toBe(2);
    expect(copenhagenOffsetHours(Date.UTC(2026, 9, 25, 0, 59))).toBe(2);
    expect(copenhagenOffsetHours(Date.UTC(2026, 9, 25, 1, 0))).toBe(1);
  });
});
