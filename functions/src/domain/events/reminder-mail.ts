import type { AccessFeature } from '#shared/rules/events';
import { builtOnce } from '../../lib/built-once';
import { TIME_ZONE } from '../../lib/copenhagen-time';
import type { EventRecord, SignupRecord } from './ports';
import { eventMailLinks } from './signup-mails';

/** The accessibility offered, as the Danish mail names it (the event page says the same in its own words). */
const accessNames: Record<AccessFeature, string> = {
  'step-free': 'trinfri adgang',
  'hearing-loop': 'teleslynge',
  'interpreter-on-request': 'tolk efter aftale',
  'quiet-room': 'stillerum',
};

// Built once, on first use: "fredag den 4. december 2026 kl. 13.00", Danish time whatever zone the Lambda runs in.
const dayAndTime = builtOnce(() => new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }));
const timeOnly = builtOnce(() => new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }));
const dayOnly = builtOnce(() => new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }));

/** "fredag den 4. december 2026 kl. 13.00–16.00"; an end on another day is written in full. */
export function eventTime(event: Pick<EventRecord, 'startsAt' | 'endsAt'>): string {
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const sameDay = dayOnly().format(start) === dayOnly().format(end);
  return `${dayAndTime().format(start)}–${sameDay ? timeOnly().format(end) : dayAndTime().format(end)}`;
}

/**
 * The reminder the day before (Danish, plain text): when, where or the online link, the accessibility
 * offered, and the links to the event page (to cancel, freeing the seat) and to its calendar file.
 */
export function reminderMail(event: EventRecord, signup: Pick<SignupRecord, 'name'>, siteUrl: string): { subject: string; text: string } {
  const links = eventMailLinks(siteUrl, event);
  const place = event.place ? [event.place.room, event.place.address].filter(Boolean).join(', ') : undefined;
  const access = event.accessFeatures.map((f) => accessNames[f]);
  const lines = [
    `Kære ${signup.name}`,
    '',
    `Du har en plads til "${event.title.da}". Her er en påmindelse om tid og sted.`,
    '',
    `Tidspunkt: ${eventTime(event)}`,
    ...(place ? [`Sted: ${place}`] : []),
    ...(event.onlineUrl ? [`Online: ${event.onlineUrl}`] : []),
    ...(access.length ? [`Tilgængelighed: ${capitalise(access.join(', '))}`] : []),
    ...(event.accessNote ? ['', event.accessNote.da] : []),
    '',
    `Se arrangementet: ${links.page}`,
    `Læg det i din kalender (.ics): ${links.calendar}`,
    '',
    'Kan du alligevel ikke komme, så meld fra på arrangementets side. Så går pladsen til den næste på ventelisten.',
    '',
    'Venlig hilsen',
    'Deltag – Gentofte Kommune',
    '',
    'Du får denne mail, fordi du er tilmeldt arrangementet på Deltag.',
  ];
  return { subject: `Påmindelse: ${event.title.da}, ${dayAndTime().format(new Date(event.startsAt))}`, text: lines.join('\n') };
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('da') + s.slice(1);
