import { describe, expect, it } from 'vitest';
import { calendarLocation, eventIcs, foldLine, googleCalendarUrl, icsText, icsTime, type CalendarEvent } from '#shared/rules/event-calendar';

const event: CalendarEvent = {
  id: 'ai-festival',
  processId: 'ai-i-gentofte',
  title: 'AI-festival; for medarbejdere, og byrådet',
  description: 'Første linje\nAnden linje, med komma; og semikolon \\ og backslash',
  startsAt: '2027-03-04T12:00:00.000Z',
  endsAt: '2027-03-04T16:30:00.000Z',
  place: { address: 'Bernstorffsvej 161, 2920 Charlottenlund', room: 'Byrådssalen' },
  updatedAt: '2027-01-01T08:00:00.000Z',
};
const site = 'https://deltag.gentofte.dk';
const now = new Date('2027-02-01T10:11:12.345Z');

describe('the .ics file', () => {
  const ics = eventIcs(event, site, now);
  const lines = ics.split('\r\n');

  it('ends every line with CRLF and has one VEVENT inside a VCALENDAR', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('writes times in UTC with Z, the stamp, a stable UID and the event page', () => {
    expect(lines).toContain('DTSTART:20270304T120000Z');
    expect(lines).toContain('DTEND:20270304T163000Z');
    expect(lines).toContain('DTSTAMP:20270201T101112Z');
    expect(lines).toContain('UID:ai-festival.ai-i-gentofte@deltag');
    // Longer than 75 octets: folded, so read unfolded.
    expect(ics.replace(/\r\n /g, '').split('\r\n')).toContain('URL:https://deltag.gentofte.dk/forloeb/ai-i-gentofte/arrangementer/ai-festival');
    expect(lines).toContain('STATUS:CONFIRMED');
  });

  it('escapes commas, semicolons, backslashes and line breaks in texts', () => {
    expect(lines).toContain('SUMMARY:AI-festival\\; for medarbejdere\\, og byrådet');
    expect(lines).toContain('LOCATION:Byrådssalen\\, Bernstorffsvej 161\\, 2920 Charlottenlund');
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('DESCRIPTION:Første linje\\nAnden linje\\, med komma\\; og semikolon \\\\ og backslash\\n\\nhttps://');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const long = `DESCRIPTION:${'æ'.repeat(100)}`;
    const folded = foldLine(long);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
  });

  it('uses the online link as the location when there is no place, and marks a cancelled event', () => {
    const online = { ...event, place: undefined, onlineUrl: 'https://teams.example/m/1', cancelledAt: '2027-02-01T00:00:00.000Z' };
    expect(calendarLocation(online)).toBe('https://teams.example/m/1');
    const text = eventIcs(online, site, now);
    expect(text).toContain('STATUS:CANCELLED\r\n');
  });
});

describe('helpers', () => {
  it('icsTime drops separators and milliseconds; icsText escapes in the right order', () => {
    expect(icsTime('2027-03-04T12:00:00.000Z')).toBe('20270304T120000Z');
    expect(icsTime('2027-03-04T13:00:00+01:00')).toBe('20270304T120000Z');
    expect(icsText('a\\b;c,d\r\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('builds a Google Calendar link with the same times and the event page', () => {
    const url = new URL(googleCalendarUrl(event, site));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('dates')).toBe('20270304T120000Z/20270304T163000Z');
    expect(url.searchParams.get('text')).toBe(event.title);
    expect(url.searchParams.get('location')).toBe('Byrådssalen, Bernstorffsvej 161, 2920 Charlottenlund');
    expect(url.searchParams.get('details')).toContain('https://deltag.gentofte.dk/forloeb/ai-i-gentofte/arrangementer/ai-festival');
  });
});
