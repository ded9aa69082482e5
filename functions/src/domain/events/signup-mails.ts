import { localDateTime } from '../../lib/copenhagen-time';
import type { Logger } from '../../lib/log';
import { siteLink } from '../links';
import type { Notifier } from '../ports';
import type { EventRecord, SignupRecord } from './ports';

/**
 * The mails of a sign-up (Danish, plain text): the confirmation of a seat or a waiting-list place, the
 * seat the waiting list gave, and the cancellation of the event. Each names the event, when and where
 * it is, and links to the event page (where one cancels) and to its calendar file, both absolute: a
 * mail is read in a mail program.
 */

type MailEvent = Pick<EventRecord, 'id' | 'processId' | 'title' | 'startsAt' | 'endsAt' | 'place' | 'onlineUrl'>;
export interface Mail {
  subject: string;
  text: string;
}

export function eventMailLinks(siteUrl: string, event: Pick<EventRecord, 'processId' | 'id'>) {
  const processId = encodeURIComponent(event.processId);
  const eventId = encodeURIComponent(event.id);
  return {
    page: siteLink(siteUrl, `/forloeb/${processId}/arrangementer/${eventId}`),
    calendar: siteLink(siteUrl, `/api/processes/${processId}/events/${eventId}/calendar`),
  };
}

function facts(event: MailEvent): string {
  const where = event.place ? [event.place.room, event.place.address].filter(Boolean).join(', ') : undefined;
  return [
    `Tidspunkt: ${localDateTime(new Date(event.startsAt))} – ${localDateTime(new Date(event.endsAt))}`,
    ...(where ? [`Sted: ${where}`] : []),
    ...(event.onlineUrl ? [`Online: ${event.onlineUrl}`] : []),
  ].join('\n');
}

const signature = '\n\nVenlig hilsen\nDeltag – Gentofte Kommune';

function withLinks(event: MailEvent, siteUrl: string, body: string): string {
  const links = eventMailLinks(siteUrl, event);
  return `${body}\n\n${facts(event)}\n\nSe arrangementet (her kan du også framelde dig): ${links.page}\nFøj til kalender (.ics): ${links.calendar}${signature}`;
}

export function seatMail(event: MailEvent, signup: Pick<SignupRecord, 'name'>, siteUrl: string): Mail {
  return {
    subject: `Du er tilmeldt: ${event.title.da}`,
    text: withLinks(event, siteUrl, `Kære ${signup.name}\n\nDu er tilmeldt "${event.title.da}" og har en plads.`),
  };
}

export function waitingMail(event: MailEvent, signup: Pick<SignupRecord, 'name'>, position: number, siteUrl: string): Mail {
  return {
    subject: `Du er på ventelisten: ${event.title.da}`,
    text: withLinks(
      event,
      siteUrl,
      `Kære ${signup.name}\n\nAlle pladser til "${event.title.da}" er taget, så du er skrevet på ventelisten som nummer ${position}. ` +
        'Når en anden framelder sig, rykker ventelisten op af sig selv, og du får en mail, hvis du får en plads.',
    ),
  };
}

export function promotedMail(event: MailEvent, signup: Pick<SignupRecord, 'name'>, siteUrl: string): Mail {
  return {
    subject: `Du har fået en plads: ${event.title.da}`,
    text: withLinks(
      event,
      siteUrl,
      `Kære ${signup.name}\n\nEn plads er blevet ledig, og du har fået den: du er nu tilmeldt "${event.title.da}". ` +
        'Kan du alligevel ikke komme, så framled dig gerne, så pladsen går videre til den næste på ventelisten.',
    ),
  };
}

export function cancelledEventMail(event: MailEvent, signup: Pick<SignupRecord, 'name'>, siteUrl: string): Mail {
  const links = eventMailLinks(siteUrl, event);
  return {
    subject: `Aflyst: ${event.title.da}`,
    text:
      `Kære ${signup.name}\n\n"${event.title.da}" er desværre aflyst. Din tilmelding er dermed bortfaldet; du skal ikke gøre noget.\n\n` +
      `${facts(event)}\n\nSe arrangementet: ${links.page}${signature}`,
  };
}

/** Mails sent at once. */
const PARALLEL_MAILS = 8;

/**
 * Sends each person their mail, best effort: the sign-up is stored whatever the mail does, so a mail
 * that fails (or a missing site address) is logged without the address and the request goes on.
 */
export async function sendSignupMails<P extends Pick<SignupRecord, 'email' | 'id'>>(
  deps: { notifier: Notifier; siteUrl: () => Promise<string>; log: Pick<Logger, 'error'> },
  people: readonly P[],
  mailFor: (siteUrl: string, person: P) => Mail,
): Promise<void> {
  const to = people.flatMap((p) => (p.email ? [{ person: p, address: p.email }] : []));
  if (!to.length) return;
  let site: string;
  try {
    site = await deps.siteUrl();
  } catch (error) {
    deps.log.error('event mails not sent', { error: String(error) });
    return;
  }
  for (let i = 0; i < to.length; i += PARALLEL_MAILS) {
    await Promise.all(
      to.slice(i, i + PARALLEL_MAILS).map(async ({ person, address }) => {
        try {
          await deps.notifier.send({ to: address, ...mailFor(site, person) });
        } catch (error) {
          deps.log.error('event mail not sent', { signupId: person.id, error: String(error) });
        }
      }),
    );
  }
}
