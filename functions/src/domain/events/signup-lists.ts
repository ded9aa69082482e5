// handler --> (use case) --> SignupStore, EventReads, ProcessStore
import * as z from 'zod';
import type { SignupState } from '#shared/rules/events';
import type { mySignupListSchema, SignupRow } from '#shared/schemas/events';
import { BadRequestError, NotFoundError } from '../../lib/errors';
import type { ProcessStore } from '../ports';
import { getProcess } from '../processes';
import { storedEvent } from './event-views';
import type { EventReads, EventRecord, SignupRecord, SignupStore } from './ports';
import { ownSignup } from './signup-view';

export interface SignupListDeps {
  events: EventReads;
  signups: SignupStore;
  processes: Pick<ProcessStore, 'get'>;
}

/** What organisers see of one sign-up: the person, their type and needs, the state and the check-in. */
export function signupRow(s: SignupRecord & { position?: number | undefined }): SignupRow {
  return {
    id: s.id,
    userId: s.userId,
    name: s.name,
    ...(s.email ? { email: s.email } : {}),
    ...(s.participantType ? { participantType: s.participantType as SignupRow['participantType'] } : {}),
    state: s.state,
    ...(s.state === 'waiting' && s.position ? { position: s.position } : {}),
    signedUpAt: s.signedUpAt,
    ...(s.promotedAt ? { promotedAt: s.promotedAt } : {}),
    ...(s.checkedInAt ? { checkedInAt: s.checkedInAt } : {}),
    diet: s.diet ?? [],
    ...(s.dietNote ? { dietNote: s.dietNote } : {}),
    ...(s.accessibility ? { accessibility: s.accessibility } : {}),
    ...(s.note ? { note: s.note } : {}),
  };
}

/** Every sign-up of an event, seats then the waiting list (for the cancellation mails and the export). */
export async function allSignups(signups: Pick<SignupStore, 'list'>, processId: string, eventId: string): Promise<(SignupRecord & { position?: number })[]> {
  const all: (SignupRecord & { position?: number })[] = [];
  let cursor: string | undefined;
  do {
    const page = await signups.list(processId, eventId, { limit: 200, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** The organisers' list, a page at a time: seats by sign-up time, then the waiting list in order. */
export async function eventSignups(
  deps: SignupListDeps,
  processId: string,
  eventId: string,
  query: { state?: SignupState | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: SignupRow[]; nextCursor?: string }> {
  await getProcess(deps.processes, processId);
  await storedEvent(deps, processId, eventId);
  const page = await deps.signups.list(processId, eventId, { limit: query.limit, ...(query.state ? { state: query.state } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) });
  return { items: page.items.map(signupRow), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/**
 * Check a person in at the door, or undo it (idempotent: a second check-in keeps the first time and
 * the event's counter counts each person once). 404 for a sign-up of another event or none.
 */
export async function checkIn(deps: SignupListDeps, processId: string, eventId: string, signupId: string, checkedIn: boolean, now: Date): Promise<SignupRow> {
  await getProcess(deps.processes, processId);
  await storedEvent(deps, processId, eventId);
  const signup = await deps.signups.setCheckedIn(processId, eventId, signupId, checkedIn ? now.toISOString() : undefined);
  if (!signup) throw new NotFoundError('Tilmeldingen findes ikke ved dette arrangement.');
  return signupRow(signup.state === 'waiting' ? { ...signup, position: await deps.signups.positionOf(signup) } : signup);
}

/** Sign-ups one person has at most read for Min side (far more than anyone has). */
const MY_SIGNUPS_MAX = 1000;

/**
 * Min side: the person's sign-ups in every process, the next event first (events still to end, by
 * start), then those that are over (latest first). All are read (a person has a handful) to sort
 * them by their events' times, then paged by an offset cursor.
 */
export async function mySignups(deps: Pick<SignupListDeps, 'events' | 'signups'>, userId: string, query: { limit: number; cursor?: string | undefined }, now: Date): Promise<z.input<typeof mySignupListSchema>> {
  const offset = query.cursor ? readOffset(query.cursor) : 0;
  const records: SignupRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.signups.signupsOfUser(userId, { limit: 100, ...(cursor ? { cursor } : {}) });
    records.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && records.length < MY_SIGNUPS_MAX);
  const events = new Map<string, EventRecord | undefined>();
  for (const r of records) {
    const k = `${r.processId}/${r.eventId}`;
    if (!events.has(k)) events.set(k, await deps.events.event(r.processId, r.eventId));
  }
  const withEvents = records.flatMap((r) => {
    const event = events.get(`${r.processId}/${r.eventId}`);
    return event ? [{ r, event }] : [];
  });
  const t = now.getTime();
  const ahead = withEvents.filter((x) => Date.parse(x.event.endsAt) >= t).sort((a, b) => a.event.startsAt.localeCompare(b.event.startsAt));
  const over = withEvents.filter((x) => Date.parse(x.event.endsAt) < t).sort((a, b) => b.event.startsAt.localeCompare(a.event.startsAt));
  const page = [...ahead, ...over].slice(offset, offset + query.limit);
  const items = await Promise.all(
    page.map(async ({ r, event }) => ({
      ...(await ownSignup(deps.signups, r)),
      eventTitle: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      ...(event.cancelledAt ? { cancelledAt: event.cancelledAt } : {}),
    })),
  );
  const next = offset + query.limit < ahead.length + over.length ? Buffer.from(JSON.stringify({ o: offset + query.limit })).toString('base64url') : undefined;
  return { items, ...(next ? { nextCursor: next } : {}) };
}

/** An offset cursor as it comes back: base64url JSON `{o}`, checked by a schema (anything else is a 400). */
const offsetCursorSchema = z.object({ o: z.int().min(0).max(MY_SIGNUPS_MAX) }).strict();

function readOffset(cursor: string): number {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = offsetCursorSchema.safeParse(raw);
  if (!parsed.success) throw new BadRequestError('Ugyldig side-markør (cursor). Start forfra uden cursor.', 'invalid-cursor');
  return parsed.data.o;
}
