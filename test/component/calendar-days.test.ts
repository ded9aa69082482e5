import { describe, expect, it } from 'vitest';
import { formatDate } from '../../frontend/src/modules/dates';

/** Calendar days (answer deadlines, "2026-11-27") through the SPA's one date formatter. */
describe('formatDate with a calendar day', () => {
  it('writes the day itself, in both languages, on the days the clocks change', () => {
    expect(formatDate('2026-03-29', 'long', 'da')).toBe('29. marts 2026');
    expect(formatDate('2026-10-25', 'short', 'en')).toBe('25 Oct 2026');
    expect(formatDate('2026-12-31', 'long', 'en')).toBe('31 December 2026');
    expect(formatDate('2027-01-01', 'short', 'da')).toBe('1. jan. 2027');
  });

  it('shows no time for a day, which has none', () => {
    expect(formatDate('2026-11-27', 'time', 'da')).toBe('27. nov. 2026');
  });

  it('still moves an instant into Copenhagen time: late on the 31st in UTC is New Year in Gentofte', () => {
    expect(formatDate('2026-12-31T23:30:00Z', 'time', 'da')).toBe('1. jan. 2027, 00.30');
  });
});
