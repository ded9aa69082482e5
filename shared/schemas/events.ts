import * as z from 'zod';
import {
  ACCESS_NEED_MAX,
  ACCESS_NOTE_MAX,
  CAPACITY_MAX,
  EVENT_DESCRIPTION_MAX,
  EVENT_PLACE_MAX,
  EVENT_TITLE_MAX,
  SIGNUP_NOTE_MAX,
  accessFeatures,
  dietNeeds,
  eventAudiences,
  eventTypes,
  reservedEventIds,
  signupStates,
  type SignupVerdict,
} from '../rules/events';
import { participantTypeSchema } from './user';
import { isoDateTime, multiLine, singleLine, slugSchema, ulidSchema } from './text';
import { schema } from './define';

/**
 * The events of a process (module `events`, phase kind `event`): the event itself, sign-ups with a
 * waiting list, the organisers' list with check-in, and the live round in the room. Rules both ends
 * decide are in `rules/events.ts`. Every text is plain text, never HTML.
 */

const line = (max: number) => z.object({ da: singleLine(1, max), en: singleLine(1, max).optional() }).strict();
const text = (max: number) => z.object({ da: multiLine(1, max), en: multiLine(1, max).optional() }).strict();
/** Only http(s) links are ever shown (DESIGN.md: links only http(s)). */
const httpUrl = /* @__PURE__ */ schema(() => z.url({ protocol: /^https?$/, error: 'Skal være en http- eller https-adresse' }).max(500));

export const eventIdSchema = /* @__PURE__ */ schema(() => slugSchema.refine((id) => !(reservedEventIds as readonly string[]).includes(id), 'Det id bruges af sidens adresser; vælg et andet'));

// ---- The event ----

export const eventPlaceSchema = /* @__PURE__ */ schema(() => z
  .object({
    /** Street address, e.g. "Bernstorffsvej 161, 2920 Charlottenlund". */
    address: singleLine(1, EVENT_PLACE_MAX),
    /** Room or hall, e.g. "Byrådssalen". */
    room: singleLine(1, 200).optional(),
  })
  .strict());

const eventFields = /* @__PURE__ */ schema(() => ({
  type: z.enum(eventTypes),
  title: line(EVENT_TITLE_MAX),
  description: text(EVENT_DESCRIPTION_MAX),
  /** Where it is held; an online event has `onlineUrl` instead (or both: a hybrid meeting). */
  place: eventPlaceSchema.optional(),
  onlineUrl: httpUrl.optional(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  audience: z.enum(eventAudiences),
  /** Seats; when they are taken, people join the waiting list. */
  capacity: z.int().min(1).max(CAPACITY_MAX),
  /** Sign-up closes at this time; absent: at the start. */
  signupDeadline: isoDateTime.optional(),
  accessFeatures: z.array(z.enum(accessFeatures)).max(accessFeatures.length).default([]),
  /** Accessibility in words: step-free entrance from the car park, hearing loop in the hall, … */
  accessNote: text(ACCESS_NOTE_MAX).optional(),
  /** Unpublished events are seen in the workspace only. */
  published: z.boolean(),
}));

type EventShape = { startsAt: string; endsAt: string; signupDeadline?: string | undefined; place?: unknown; onlineUrl?: string | undefined; accessFeatures?: readonly string[] };
const eventChecks = <T extends EventShape>(schema: z.ZodType<T>) =>
  schema
    .refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), { message: 'Sluttidspunktet skal ligge efter starten', path: ['endsAt'] })
    .refine((e) => e.signupDeadline === undefined || Date.parse(e.signupDeadline) <= Date.parse(e.startsAt), {
      message: 'Tilmeldingsfristen skal ligge før starten',
      path: ['signupDeadline'],
    })
    .refine((e) => e.place !== undefined || e.onlineUrl !== undefined, { message: 'Angiv et sted eller et link til et online møde', path: ['place'] })
    .refine((e) => new Set(e.accessFeatures ?? []).size === (e.accessFeatures ?? []).length, { message: 'Hver mulighed kun én gang', path: ['accessFeatures'] });

/** POST: a new event (admins). */
export const eventCreateSchema = /* @__PURE__ */ schema(() => eventChecks(z.object({ id: eventIdSchema, ...eventFields }).strict()));
export type EventCreate = z.infer<typeof eventCreateSchema>;

/**
 * PATCH: the whole definition again (the form sends what it shows) and the `updatedAt` the admin
 * started from; `cancelled: true` cancels the event (the people signed up get a mail), which cannot
 * be undone. A lower capacity than the seats taken is refused; a higher one moves the waiting list up.
 */
export const eventUpdateSchema = /* @__PURE__ */ schema(() => eventChecks(
  z.object({ ...eventFields, cancelled: z.literal(true).optional(), expectedUpdatedAt: isoDateTime }).strict(),
));
export type EventUpdate = z.infer<typeof eventUpdateSchema>;

export const eventSchema = /* @__PURE__ */ schema(() => z.object({
  id: slugSchema,
  processId: slugSchema,
  ...eventFields,
  accessFeatures: z.array(z.enum(accessFeatures)),
  seatsTaken: z.int().min(0),
  waitingCount: z.int().min(0),
  cancelledAt: isoDateTime.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
}));
export type DeltagEvent = z.infer<typeof eventSchema>;

/** The workspace's view adds the invitation link's token of an `invited` event. */
export const eventAdminSchema = /* @__PURE__ */ schema(() => eventSchema.extend({
  /** Put in the link `/forloeb/<process>/arrangementer/<event>?invitation=<token>`; present for `invited` events. */
  invitationToken: z.string().optional(),
  reminderSentAt: isoDateTime.optional(),
  /** Checked in so far. */
  checkedIn: z.int().min(0),
}));
export type EventAdmin = z.infer<typeof eventAdminSchema>;

/** A process's events, by start time (at most EVENTS_PER_PROCESS_MAX, so one page). */
export const eventListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(eventSchema) }));
export const eventAdminListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(eventAdminSchema) }));

// ---- Sign-up ----

/** A sign-up's needs, seen by organisers only and erased with the process's data. */
export const signupNeedsSchema = /* @__PURE__ */ schema(() => z
  .object({
    diet: z.array(z.enum(dietNeeds)).max(dietNeeds.length).default([]),
    /** "Other" diet in words, or an allergy. */
    dietNote: singleLine(1, 200).optional(),
    /** Accessibility: wheelchair, hearing loop, sign-language interpreter, … */
    accessibility: multiLine(1, ACCESS_NEED_MAX).optional(),
    /** Anything else the organisers should know. */
    note: multiLine(1, SIGNUP_NOTE_MAX).optional(),
  })
  .strict());
export type SignupNeeds = z.infer<typeof signupNeedsSchema>;

/** POST: sign up (or join the waiting list when the seats are taken); `invitation` is the link's token of an invited event. */
export const signupCreateSchema = /* @__PURE__ */ schema(() => signupNeedsSchema.extend({ invitation: z.string().min(16).max(128).optional() }).strict());
export type SignupCreate = z.infer<typeof signupCreateSchema>;

export const signupVerdicts = ['open', 'not-open', 'closed', 'cancelled', 'not-employee', 'needs-invitation', 'process-closed'] as const satisfies readonly SignupVerdict[];

/** The signed-in user's own sign-up for one event. */
export const mySignupSchema = /* @__PURE__ */ schema(() => signupNeedsSchema.extend({
  id: ulidSchema,
  processId: slugSchema,
  eventId: slugSchema,
  state: z.enum(signupStates),
  /** On the waiting list: 1 is next in line. */
  position: z.int().min(1).optional(),
  signedUpAt: isoDateTime,
  /** When the waiting list gave this person a seat. */
  promotedAt: isoDateTime.optional(),
  checkedInAt: isoDateTime.optional(),
}));
export type MySignup = z.infer<typeof mySignupSchema>;

/** GET: my sign-up (null: none) and whether I may sign up now, with the reason when not. */
export const mySignupStatusSchema = /* @__PURE__ */ schema(() => z.object({ signup: mySignupSchema.nullable(), verdict: z.enum(signupVerdicts) }));
export type MySignupStatus = z.infer<typeof mySignupStatusSchema>;

/** Query of GET …/signup: the invitation link's token, so the verdict can say `open` to an invited person. */
export const mySignupQuerySchema = /* @__PURE__ */ schema(() => z.object({ invitation: z.string().min(16).max(128).optional() }).strict());

/** Min side: my sign-ups across processes, next event first. */
export const mySignupListItemSchema = /* @__PURE__ */ schema(() => mySignupSchema.extend({
  eventTitle: line(EVENT_TITLE_MAX),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  cancelledAt: isoDateTime.optional(),
}));
export const mySignupListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(mySignupListItemSchema), nextCursor: z.string().optional() }));

/** The organisers' list: one row per person, seats first by sign-up time, then the waiting list in order. */
export const signupRowSchema = /* @__PURE__ */ schema(() => signupNeedsSchema.extend({
  id: ulidSchema,
  userId: z.string(),
  name: z.string(),
  email: z.string().optional(),
  participantType: participantTypeSchema.optional(),
  state: z.enum(signupStates),
  position: z.int().min(1).optional(),
  signedUpAt: isoDateTime,
  promotedAt: isoDateTime.optional(),
  checkedInAt: isoDateTime.optional(),
}));
export type SignupRow = z.infer<typeof signupRowSchema>;
export const signupListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(signupRowSchema), nextCursor: z.string().optional() }));
export const signupListQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    state: z.enum(signupStates).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
    cursor: z.string().max(2048).optional(),
  })
  .strict());
export const signupExportQuerySchema = /* @__PURE__ */ schema(() => z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }).strict());

/** PUT: check a person in at the door (or undo a mistaken check-in). */
export const checkInSchema = /* @__PURE__ */ schema(() => z.object({ checkedIn: z.boolean() }).strict());
