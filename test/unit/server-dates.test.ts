import { describe, expect, it } from 'vitest';
import { localDate, localDateTime, TIME_ZONE } from '#functions/lib/copenhagen-time';

// The server's dates for people (functions/src/lib/copenhagen-time.ts). Lambda runs in UTC, so every
// case is given in UTC and must come out in Danish time, summer time included. In 2026 Denmark moves
// to summer time on 29 March at 01:00 UTC (02:00 → 03:00) and back on 25 October at 01:00 UTC (03:00 → 02:00).
const at = (iso: string) => new Date(iso);

describe('server dates in Copenhagen time', () => {
  it('names the zone it writes in', () => {
    expect(TIME_ZONE).toBe('Europe/Copenhagen');
  });

  it('writes winter time as UTC+1 and summer time as UTC+2', () => {
    expect(localDateTime(at('2026-01-15T12:00:00Z'))).toBe('15-01-2026 13:00');
    expect(localDateTime(at('2026-07-15T12:00:00Z'))).toBe('15-07-2026 14:00');
  });

  it('jumps from 01:59 to 03:00 on 29 March 2026', () => {
    expect(localDateTime(at('2026-03-29T00:59:00Z'))).toBe('29-03-2026 01:59');
    expect(localDateTime(at('2026-03-29T01:00:00Z'))).toBe('29-03-2026 03:00');
  });

  it('goes back from 02:59 summer time to 02:00 winter time on 25 October 2026', () => {
    expect(localDateTime(at('2026-10-25T00:00:00Z'))).toBe('25-10-2026 02:00');
    expect(localDateTime(at('2026-10-25T00:59:00Z'))).toBe('25-10-2026 02:59');
    expect(localDateTime(at('2026-10-25T01:00:00Z'))).toBe('25-10-2026 02:00');
    expect(localDateTime(at('2026-10-25T01:59:00Z'))).toBe('25-10-2026 02:59');
    expect(localDateTime(at('2026-10-25T02:00:00Z'))).toBe('25-10-2026 03:00');
  });

  it('starts the Danish day at local midnight on either side of both switches', () => {
    // The night before the spring switch is still winter time: midnight is 23:00 UTC.
    expect(localDate(at('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(localDate(at('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    // The night after it is summer time: midnight is 22:00 UTC.
    expect(localDate(at('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(localDate(at('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    // The night before the autumn switch is summer time; the night after, winter time.
    expect(localDate(at('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
    expect(localDate(at('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(localDate(at('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(localDate(at('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('writes midnight as 00:00, never 24:00', () => {
    expect(localDateTime(at('2026-03-28T23:00:00Z'))).toBe('29-03-2026 00:00');
    expect(localDateTime(at('2026-10-25T23:00:00Z'))).toBe('26-10-2026 00:00');
  });

  it('carries the day over the year end', () => {
    expect(localDate(at('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(localDate(at('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(localDateTime(at('2026-12-31T23:00:00Z'))).toBe('01-01-2027 00:00');
  });
});
