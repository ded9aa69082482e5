import * as z from 'zod';
import { assistedChannels, CLAIM_CODE_LENGTH } from '../rules/assisted';
import { commentCreateSchema, commentSchema } from './comment';
import { channelSchema, ideaCreateSchema, ideaDetailSchema, ideaStatusSchema } from './idea';
import { surveyAnswerSchema } from './survey';
import { isoDateTime, singleLine, slugSchema, ulidSchema } from './text';
import { participantTypeSchema } from './user';
import { voteStateSchema } from './vote';
import { schema } from './define';

/**
 * Assisted participation (issue 15): an assistant (Borgerservice, the library) acts for a citizen
 * who is present or on the phone, or types in a paper form. The citizen is registered once per
 * process with their consent and looked up before every act, so their votes stay one person's.
 */

export const assistedChannelSchema = /* @__PURE__ */ schema(() => z.enum(assistedChannels));

/** A phone number as people write it: digits, spaces, an optional leading +; 8 to 15 digits. */
const phoneSchema = /* @__PURE__ */ schema(() => z
  .string()
  .trim()
  .regex(/^\+?[\d ]+$/, 'Skriv telefonnummeret med cifre, fx 39 98 00 00')
  .refine((p) => p.replace(/\D/g, '').length >= 8 && p.replace(/\D/g, '').length <= 15, 'Et telefonnummer har 8 til 15 cifre'));
const emailSchema = /* @__PURE__ */ schema(() => z.string().trim().toLowerCase().pipe(z.email('Skriv en gyldig e-mailadresse').max(254)));

/** Register a citizen in a process, with their consent (the text in rules/assisted.ts, read aloud or signed on paper). */
export const assistedPersonCreateSchema = /* @__PURE__ */ schema(() => z
  .object({
    /** The name the citizen gives; shown with their ideas and comments. */
    name: singleLine(2, 80),
    /** For follow-up, only if the citizen wants it. */
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
    participantType: participantTypeSchema.default('citizen'),
    channel: assistedChannelSchema,
    /** The box ticked after reading the consent aloud (or the paper form's signed box): nothing is stored without it. */
    consent: z.literal(true, 'Borgeren skal give samtykke, før noget gemmes'),
  })
  .strict());
export type AssistedPersonCreate = z.infer<typeof assistedPersonCreateSchema>;
export type AssistedPersonCreateInput = z.input<typeof assistedPersonCreateSchema>;

/** Look a citizen up before acting: by name (part of it), e-mail or phone number. */
export const assistedLookupQuerySchema = /* @__PURE__ */ schema(() => z.object({ q: singleLine(2, 100) }).strict());

/** A citizen as the lookup lists them: enough to tell two Jens Hansens apart, contact details masked. */
export const assistedPersonSummarySchema = /* @__PURE__ */ schema(() => z.object({
  id: ulidSchema,
  name: z.string(),
  /** `j***@example.dk`, `** ** 12 34`: the assistant asks the citizen to confirm. */
  contactHint: z.string().optional(),
  participantType: participantTypeSchema,
  createdAt: isoDateTime,
  /** Claimed into an account: the citizen now takes part themself; no more assisted acts. */
  claimed: z.boolean(),
}));
export type AssistedPersonSummary = z.infer<typeof assistedPersonSummarySchema>;
export const assistedPersonListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(assistedPersonSummarySchema) }));
export type AssistedPersonList = z.infer<typeof assistedPersonListSchema>;

/** One citizen in full, for the assistant acting for them: their details, consent and what they have taken part with. */
export const assistedPersonSchema = /* @__PURE__ */ schema(() => assistedPersonSummarySchema.extend({
  processId: slugSchema,
  email: z.string().optional(),
  phone: z.string().optional(),
  consent: z.object({ at: isoDateTime, version: z.string(), assistantName: z.string(), channel: assistedChannelSchema }),
  ideas: z.array(z.object({ id: ulidSchema, title: z.string(), status: ideaStatusSchema, channel: channelSchema.optional(), createdAt: isoDateTime })),
  /** The ideas they have voted for. */
  votedIdeaIds: z.array(ulidSchema),
  comments: z.int().min(0),
  surveyAnswered: z.boolean(),
}));
export type AssistedPerson = z.infer<typeof assistedPersonSchema>;

/**
 * What a printed receipt says: what was submitted, where to follow it, and the claim code that lets
 * the citizen take it all over with an account of their own. Every receipt has a fresh code (only
 * its hash is kept); any of a citizen's codes claims everything of theirs.
 */
export const receiptSchema = /* @__PURE__ */ schema(() => z.object({
  personId: ulidSchema,
  name: z.string(),
  processId: slugSchema,
  processTitle: z.string(),
  channel: assistedChannelSchema,
  at: isoDateTime,
  /** Formatted `7K3M-Q9PX-2DRT`. */
  claimCode: z.string(),
  /** Absolute: a receipt is read on paper, away from the site. */
  followUrl: z.string(),
  /** Where to type the code once signed in. */
  claimUrl: z.string(),
  items: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('idea'), ideaId: ulidSchema, title: z.string(), pending: z.boolean() }),
      z.object({ kind: z.literal('vote'), ideaId: ulidSchema, title: z.string() }),
      z.object({ kind: z.literal('comment'), ideaId: ulidSchema, ideaTitle: z.string(), excerpt: z.string() }),
      z.object({ kind: z.literal('survey'), day: z.iso.date() }),
    ]),
  ),
}));
export type Receipt = z.infer<typeof receiptSchema>;
export type ReceiptItem = Receipt['items'][number];

export const assistedChannelBodySchema = /* @__PURE__ */ schema(() => z.object({ channel: assistedChannelSchema }).strict());
export const assistedIdeaSchema = /* @__PURE__ */ schema(() => ideaCreateSchema.extend({ channel: assistedChannelSchema }).strict());
export type AssistedIdea = z.infer<typeof assistedIdeaSchema>;
export const assistedCommentSchema = /* @__PURE__ */ schema(() => commentCreateSchema.extend({ ideaId: ulidSchema, channel: assistedChannelSchema }).strict());
export type AssistedComment = z.infer<typeof assistedCommentSchema>;
export const assistedAnswerSchema = /* @__PURE__ */ schema(() => surveyAnswerSchema.omit({ browserToken: true }).extend({ channel: assistedChannelSchema }).strict());
export type AssistedAnswer = z.infer<typeof assistedAnswerSchema>;

export const assistedIdeaResultSchema = /* @__PURE__ */ schema(() => z.object({ idea: ideaDetailSchema, receipt: receiptSchema }));
export const assistedVoteResultSchema = /* @__PURE__ */ schema(() => z.object({ vote: voteStateSchema, receipt: receiptSchema.optional() }));
export const assistedCommentResultSchema = /* @__PURE__ */ schema(() => z.object({ comment: commentSchema, receipt: receiptSchema }));
export const assistedAnswerResultSchema = /* @__PURE__ */ schema(() => z.object({ answered: z.literal(true), day: z.iso.date(), receipt: receiptSchema }));
export const assistedReceiptResultSchema = /* @__PURE__ */ schema(() => z.object({ receipt: receiptSchema }));

/** GDPR access for an assisted citizen who has no account: everything stored about them in the process. */
export const assistedPersonDataSchema = /* @__PURE__ */ schema(() => z.object({
  exportedAt: isoDateTime,
  person: assistedPersonSchema,
  ideas: z.array(ideaDetailSchema),
  comments: z.array(z.object({ id: ulidSchema, ideaId: ulidSchema, body: z.string().optional(), state: z.string(), createdAt: isoDateTime })),
  votes: z.array(z.object({ ideaId: ulidSchema, createdAt: isoDateTime })),
  surveyAnswered: z.boolean(),
}));
export type AssistedPersonData = z.infer<typeof assistedPersonDataSchema>;

/** Claim with the code from a receipt (any case, with or without dashes). */
export const claimSchema = /* @__PURE__ */ schema(() => z.object({ code: z.string().trim().min(CLAIM_CODE_LENGTH).max(CLAIM_CODE_LENGTH + 6) }).strict());
export type Claim = z.infer<typeof claimSchema>;

/** What moved into the account, and what was left out because the account had it already (one person, one vote). */
export const claimResultSchema = /* @__PURE__ */ schema(() => z.object({
  processId: slugSchema,
  processTitle: z.string(),
  ideas: z.int().min(0),
  comments: z.int().min(0),
  votes: z.int().min(0),
  /** Assisted votes for ideas the account had voted for itself, or past the process's vote rule: removed, not counted twice. */
  votesDropped: z.int().min(0),
  /** 1 when the assisted survey answer moved; 0 when there was none or the account had answered itself (then the assisted one is removed). */
  surveyAnswers: z.int().min(0),
  surveyAnswersDropped: z.int().min(0),
}));
export type ClaimResult = z.infer<typeof claimResultSchema>;
