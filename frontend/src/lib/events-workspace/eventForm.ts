import type { AccessFeature, EventAudience, EventType } from '#shared/rules/events';
import type { EventCreate } from '#shared/schemas/events';
import type { EventAdmin } from '../../api/eventsWorkspace';
import { instantOf, toCopenhagenInput } from '../copenhagenInput';
import { optionalTextOf, pairOf, textOf, type TextPair } from '../consultationForm';

/**
 * The event form's model (every text as Danish + English strings, times as the fields show them in
 * Danish time, the capacity as typed) and its conversion to and from what the API reads and takes.
 * `original*` keep an untouched time's exact instant, so loading and saving changes nothing.
 */
export interface EventForm {
  id: string;
  type: EventType;
  title: TextPair;
  description: TextPair;
  address: string;
  room: string;
  onlineUrl: string;
  startsAt: string;
  endsAt: string;
  signupDeadline: string;
  audience: EventAudience;
  capacity: string;
  accessFeatures: AccessFeature[];
  accessNote: TextPair;
  published: boolean;
  originalStartsAt?: string;
  originalEndsAt?: string;
  originalSignupDeadline?: string;
}

export const emptyEventForm = (): EventForm => ({
  id: '',
  type: 'theme-day',
  title: { da: '', en: '' },
  description: { da: '', en: '' },
  address: '',
  room: '',
  onlineUrl: '',
  startsAt: '',
  endsAt: '',
  signupDeadline: '',
  audience: 'everyone',
  capacity: '',
  accessFeatures: [],
  accessNote: { da: '', en: '' },
  published: false,
});

export function eventToForm(event: EventAdmin): EventForm {
  return {
    id: event.id,
    type: event.type,
    title: pairOf(event.title),
    description: pairOf(event.description),
    address: event.place?.address ?? '',
    room: event.place?.room ?? '',
    onlineUrl: event.onlineUrl ?? '',
    startsAt: toCopenhagenInput(event.startsAt),
    endsAt: toCopenhagenInput(event.endsAt),
    signupDeadline: toCopenhagenInput(event.signupDeadline),
    audience: event.audience,
    capacity: String(event.capacity),
    accessFeatures: [...event.accessFeatures],
    accessNote: pairOf(event.accessNote),
    published: event.published,
    originalStartsAt: event.startsAt,
    originalEndsAt: event.endsAt,
    originalSignupDeadline: event.signupDeadline,
  };
}

/** A whole number as typed ("40", " 40 "); anything else stays as it was typed, for the schema to refuse at its field. */
export const capacityOf = (typed: string): number | string => (/^\s*\d{1,6}\s*$/.test(typed) ? Number(typed) : typed);

/**
 * The form as the API takes it, without the id (create adds it) and the version (update adds it).
 * Empty optional fields are left out: no place without an address, no room without a place.
 */
export function eventFromForm(form: EventForm): Omit<EventCreate, 'id'> {
  const address = form.address.trim();
  const room = form.room.trim();
  const online = form.onlineUrl.trim();
  const accessNote = optionalTextOf(form.accessNote);
  return {
    type: form.type,
    title: textOf(form.title),
    description: textOf(form.description),
    ...(address || room ? { place: { address, ...(room ? { room } : {}) } } : {}),
    ...(online ? { onlineUrl: online } : {}),
    startsAt: instantOf(form.startsAt, form.originalStartsAt),
    endsAt: instantOf(form.endsAt, form.originalEndsAt),
    ...(form.signupDeadline.trim() ? { signupDeadline: instantOf(form.signupDeadline, form.originalSignupDeadline) } : {}),
    audience: form.audience,
    capacity: capacityOf(form.capacity) as number,
    accessFeatures: [...form.accessFeatures],
    ...(accessNote ? { accessNote } : {}),
    published: form.published,
  };
}

/** The invitation link an invited event's guests sign up by (the public event page reads `?invitation=`). */
export const invitationLink = (origin: string, processId: string, eventId: string, token: string) =>
  `${origin}/forloeb/${encodeURIComponent(processId)}/arrangementer/${encodeURIComponent(eventId)}?${new URLSearchParams({ invitation: token }).toString()}`;
