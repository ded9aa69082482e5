import * as z from 'zod';
import { beneficiaries, ideaSorts, ideaStatuses, isPublicStatus, publicStatuses } from '../rules/values';
import { channels, PLAIN_SUMMARY_MAX } from '../rules/assisted';
import { recommendationStatuses } from '../rules/recommendations';
import { aiLensSchema } from './ai-lens';
import { highlightSchema } from './highlight';
import { phaseKindSchema } from './process';
import { participantTypeSchema } from './user';
import { isoDateTime, multiLine, singleLine, slugSchema, ulidSchema } from './text';
import { schema } from './define';

export { beneficiaries, ideaSorts, ideaStatuses, isPublicStatus, publicStatuses };

export const channelSchema = /* @__PURE__ */ schema(() => z.enum(channels));

export const beneficiarySchema = /* @__PURE__ */ schema(() => z.enum(beneficiaries));
export type Beneficiary = z.infer<typeof beneficiarySchema>;

export const ideaStatusSchema = /* @__PURE__ */ schema(() => z.enum(ideaStatuses));
export type IdeaStatus = z.infer<typeof ideaStatusSchema>;
export const publicStatusSchema = /* @__PURE__ */ schema(() => z.enum(publicStatuses));
export type PublicStatus = z.infer<typeof publicStatusSchema>;

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .min(1, 'Vælg mindst én')
    .max(max, `Vælg højst ${max}`)
    .refine((list) => new Set(list).size === list.length, 'Den samme værdi må kun vælges én gang');

/** What a participant sends to create an idea. Area and effects are checked against the process. */
export const ideaCreateSchema = /* @__PURE__ */ schema(() => z
  .object({
    title: singleLine(5, 140),
    body: multiLine(20, 5000),
    area: slugSchema,
    effects: uniqueList(slugSchema, 10),
    beneficiaries: uniqueList(beneficiarySchema, beneficiaries.length),
    concerns: multiLine(0, 2000).optional(),
    /** Origin: the event of the process where the idea came up (the theme day, say); one that has begun. */
    eventId: slugSchema.optional(),
    /** A plain-language ("letlæst") summary, shown first on the idea's page. */
    plainSummary: multiLine(1, PLAIN_SUMMARY_MAX).optional(),
    /**
     * The similar ideas the wizard showed while the author wrote (`GET …/similar`), posted anyway: kept
     * on the idea for the moderators' review (issue 18). Absent or empty: none were shown.
     */
    similarShown: z.array(ulidSchema).max(5).optional(),
  })
  .strict());
export type IdeaCreate = z.infer<typeof ideaCreateSchema>;
export type IdeaCreateInput = z.input<typeof ideaCreateSchema>;

/** What an idea shows about a recommendation that took it up (schemas/recommendations.ts has the rest). */
export const takenUpSchema = /* @__PURE__ */ schema(() => z.object({ id: ulidSchema, title: z.string(), status: z.enum(recommendationStatuses) }));
export type TakenUp = z.infer<typeof takenUpSchema>;

export const ideaListItemSchema = /* @__PURE__ */ schema(() => z.object({
  id: ulidSchema,
  processId: slugSchema,
  title: z.string(),
  /** The first part of the body, for lists. */
  excerpt: z.string(),
  area: slugSchema,
  effects: z.array(slugSchema),
  beneficiaries: z.array(beneficiarySchema),
  status: ideaStatusSchema,
  authorName: z.string(),
  authorType: participantTypeSchema,
  voteCount: z.int().min(0),
  commentCount: z.int().min(0),
  /** The event the idea came from (its origin), when the author named one. */
  eventId: slugSchema.optional(),
  /** How it came in, when not on the web (shown as "Indsendt via Borgerservice"; rules/assisted.ts). */
  channel: channelSchema.optional(),
  createdAt: isoDateTime,
  /** With a search (`q`): where it matched, as text segments (issue 18). */
  highlight: highlightSchema.optional(),
}));
export type IdeaListItem = z.infer<typeof ideaListItemSchema>;

export const ideaDetailSchema = /* @__PURE__ */ schema(() => ideaListItemSchema.extend({
  body: z.string(),
  concerns: z.string().optional(),
  /** The plain-language summary, by the author or a moderator: the page shows it first, with a toggle to the full text. */
  plainSummary: z.string().optional(),
  /** The committee's official answer, shown on the idea. */
  officialAnswer: z.string().optional(),
  /** Svarfrist: when the author can expect an answer. */
  answerDeadline: z.iso.date().optional(),
  /** Set on an idea merged into another: read-only, pointing to where the discussion continues. */
  mergedInto: ulidSchema.optional(),
  /** Ideas merged into this one. */
  mergedFrom: z.array(ulidSchema).optional(),
  /** The AI Act and data-ethics lens (issue 16), shown with plain explanations (rules/ai-lens.ts). */
  aiLens: aiLensSchema.optional(),
  /** The committee's recommendations that took this idea up (issue 16). */
  takenUpBy: z.array(takenUpSchema).optional(),
  /** Held for a moderator after flags: off the lists, its page and voting stay open (rules/moderation.ts). */
  underReview: z.literal(true).optional(),
  updatedAt: isoDateTime,
}));
export type IdeaDetail = z.infer<typeof ideaDetailSchema>;

/** Set (or with null remove) an idea's plain-language summary: its author, or a moderator (audited). */
export const plainSummaryUpdateSchema = /* @__PURE__ */ schema(() => z.object({ plainSummary: multiLine(1, PLAIN_SUMMARY_MAX).nullable() }).strict());
export type PlainSummaryUpdate = z.infer<typeof plainSummaryUpdateSchema>;

export const ideaSortSchema = /* @__PURE__ */ schema(() => z.enum(ideaSorts));
export type IdeaSort = z.infer<typeof ideaSortSchema>;

export const ideaListQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    sort: ideaSortSchema.default('new'),
    area: slugSchema.optional(),
    status: publicStatusSchema.optional(),
    /** Only ideas from this event (their origin). */
    event: slugSchema.optional(),
    /**
     * Search text (issue 18): Danish full-text search over title, body, plain summary and area name.
     * With two or more characters the list is ordered by relevance (newest first on a tie) and `sort`
     * is not used; blank means no search.
     */
    q: singleLine(0, 100).optional(),
    /** Only ideas posted while a phase of this kind was open. */
    phase: phaseKindSchema.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(2048).optional(),
    seed: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Ugyldigt seed').optional(),
  })
  .strict()
  .refine((q) => q.sort !== 'random' || q.seed !== undefined, { path: ['seed'], message: 'Angiv et seed ved tilfældig rækkefølge' }));
export type IdeaListQuery = z.infer<typeof ideaListQuerySchema>;

export const ideaListSchema = /* @__PURE__ */ schema(() => z.object({
  items: z.array(ideaListItemSchema),
  /** Opaque; pass back as `cursor` for the next page. Null on the last page. */
  nextCursor: z.string().nullable(),
}));
export type IdeaList = z.infer<typeof ideaListSchema>;
