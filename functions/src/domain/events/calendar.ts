// handler --> (use case) --> EventReads, ProcessStore; the file itself in shared/rules/event-calendar.ts
import { eventIcs } from '#shared/rules/event-calendar';
import { getProcess } from '../processes';
import { publishedEvent, type EventViewDeps } from './event-views';

/** A published event as an iCalendar file `<eventId>.ics` (404 for an unpublished or unknown one). */
export async function eventCalendar(deps: EventViewDeps & { siteUrl: () => Promise<string> }, processId: string, eventId: string, now: Date) {
  await getProcess(deps.processes, processId);
  const event = await publishedEvent(deps, processId, eventId);
  const body = eventIcs(
    {
      id: event.id,
      processId,
      title: event.title.da,
      description: event.description.da,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      place: event.place,
      onlineUrl: event.onlineUrl,
      cancelledAt: event.cancelledAt,
      updatedAt: event.updatedAt,
    },
    await deps.siteUrl(),
    now,
  );
  return { contentType: 'text/calendar; charset=utf-8', body, filename: `${eventId}.ics` };
}
