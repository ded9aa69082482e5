// domain/ideas (createIdea) --> (use case) --> EventReads
import { mayBeOrigin } from '#shared/rules/events';
import { ValidationError } from '../../lib/errors';
import type { EventReads } from './ports';

/**
 * An idea's origin (issue 14): the event of the same process where it came up, the theme day say.
 * Checked when the idea is posted, before anything is stored:
 * - the event exists in this process and is published (an unpublished one is as unknown as a wrong id,
 *   so the answer tells nothing about the workspace's drafts);
 * - it may be an origin now (`mayBeOrigin` in shared/rules/events.ts, which the form also uses): it
 *   has begun and is not cancelled.
 * Otherwise 400 on `body.eventId` with a Danish message, and nothing is stored.
 */
export async function checkedOrigin(events: Pick<EventReads, 'event'> | undefined, processId: string, eventId: string | undefined, now: Date): Promise<string | undefined> {
  if (eventId === undefined) return undefined;
  const event = events ? await events.event(processId, eventId) : undefined;
  if (!event || event.processId !== processId || !event.published) {
    throw new ValidationError([{ path: 'body.eventId', message: 'Arrangementet findes ikke i dette forløb.' }]);
  }
  if (!mayBeOrigin(event, now)) {
    const message = event.cancelledAt !== undefined
      ? 'Arrangementet er aflyst og kan ikke angives som idéens oprindelse.'
      : 'Et arrangement kan først angives som idéens oprindelse, når det er begyndt.';
    throw new ValidationError([{ path: 'body.eventId', message }]);
  }
  return event.id;
}
