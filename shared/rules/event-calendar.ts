/**
 * An event for a calendar program, built the same way on both ends (the API serves the .ics file,
 * the SPA shows the "add to Google Calendar" link): plain code, no zod, no Node.
 *
 * iCalendar (RFC 5545): lines end in CRLF and are folded at 75 octets; times are UTC with a `Z`, so
 * no time-zone block is needed and every program shows the Danish time itself; text values escape
 * backslash, comma, semicolon and line breaks. The UID is stable (`<eventId>.<processId>@deltag`), so
 * a second download updates the entry instead of adding another.
 */

export interface CalendarEvent {
  id: string;
  processId: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  place?: { address: string; room?: string | undefined } | undefined;
  onlineUrl?: string | undefined;
  cancelledAt?: string | undefined;
  updatedAt: string;
}

/** 2026-12-01T20:05:00.000Z → 20261201T200500Z */
export const icsTime = (iso: string): string => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A TEXT value: backslash first, then `;` `,` and line breaks (RFC 5545 3.3.11). */
export const icsText = (text: string): string =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** Where it is: the room and address, or the online link when there is no place. */
export const calendarLocation = (event: Pick<CalendarEvent, 'place' | 'onlineUrl'>): string =>
  event.place ? [event.place.room, event.place.address].filter(Boolean).join(', ') : (event.onlineUrl ?? '');

/** The event page's address as the SPA routes it. */
export const eventPageUrl = (siteUrl: string, processId: string, eventId: string): string =>
  `${siteUrl.replace(/\/+$/, '')}/forloeb/${encodeURIComponent(processId)}/arrangementer/${encodeURIComponent(eventId)}`;

/** Folds a content line at 75 octets (UTF-8), never inside a character; continuation lines start with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The .ics file of one event; `now` is its DTSTAMP, `siteUrl` the site's absolute address. */
export function eventIcs(event: CalendarEvent, siteUrl: string, now: Date): string {
  const url = eventPageUrl(siteUrl, event.processId, event.id);
  const location = calendarLocation(event);
  const description = event.onlineUrl && event.place ? `${event.description}\n\nOnline: ${event.onlineUrl}` : event.description;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gentofte Kommune//Deltag//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.id}.${event.processId}@deltag`,
    `DTSTAMP:${icsTime(now.toISOString())}`,
    `LAST-MODIFIED:${icsTime(event.updatedAt)}`,
    `DTSTART:${icsTime(event.startsAt)}`,
    `DTEND:${icsTime(event.endsAt)}`,
    `SUMMARY:${icsText(event.title)}`,
    `DESCRIPTION:${icsText(`${description}\n\n${url}`)}`,
    ...(location ? [`LOCATION:${icsText(location)}`] : []),
    `URL:${url}`,
    // A cancelled event stays in the file as cancelled, so a calendar that has it takes it out.
    `STATUS:${event.cancelledAt ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Google Calendar's "add an event" address (the template action), with the same fields as the .ics. */
export function googleCalendarUrl(event: CalendarEvent, siteUrl: string): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${icsTime(event.startsAt)}/${icsTime(event.endsAt)}`,
    details: `${event.description}\n\n${eventPageUrl(siteUrl, event.processId, event.id)}`,
    location: calendarLocation(event),
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
