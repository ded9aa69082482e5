import * as z from 'zod';
import { ANSWER_MAX, BULK_MAX, bulkActionFits, bulkActions, reasonRequired, REASON_MAX, REASON_MIN } from '../rules/moderation';
import { auditActions, commentStates, USER_ID_PATTERN } from '../rules/audit';
import { workflowStatuses } from '../rules/values';
import { flagReasonSchema } from './flag';
import { channelSchema, ideaDetailSchema, ideaStatusSchema } from './idea';
import { configChangeSchema } from './process';
import { similarAtReviewSchema } from './search';
import { isoDateTime, multiLine, slugSchema, ulidSchema } from './text';
import { participantTypeSchema, roleSchema } from './user';
import { schema } from './define';

/** Danish administrative law expects reasons: required for decisions that take content away (`reasonRequired`). */
const reason = /* @__PURE__ */ schema(() => multiLine(REASON_MIN, REASON_MAX));

export { workflowStatuses };

export const ideaModerationSchema = /* @__PURE__ */ schema(() => z.discriminatedUnion('action', [
  z.object({ action: z.literal('publish'), reason: reason.optional() }).strict(),
  z.object({ action: z.literal('hide'), reason }).strict(),
  z.object({ action: z.literal('restore'), reason: reason.optional() }).strict(),
  z.object({ action: z.literal('reject'), reason }).strict(),
  z.object({ action: z.literal('merge'), reason, targetId: ulidSchema }).strict(),
  z
    .object({
      action: z.literal('set-status'),
      status: z.enum(workflowStatuses),
      reason: reason.optional(),
      /** The committee's official answer, shown on the idea. Empty string removes it. */
      officialAnswer: multiLine(0, ANSWER_MAX).optional(),
      /** Svarfrist: the date the author can expect an answer by. Null removes it. */
      answerDeadline: z.iso.date().nullable().optional(),
    })
    .strict(),
]));
export type IdeaModeration = z.infer<typeof ideaModerationSchema>;
export type IdeaModerationAction = IdeaModeration['action'];

export const commentModerationSchema = /* @__PURE__ */ schema(() => z.discriminatedUnion('action', [
  z.object({ action: z.literal('hide'), reason }).strict(),
  z.object({ action: z.literal('restore'), reason: reason.optional() }).strict(),
]));
export type CommentModeration = z.infer<typeof commentModerationSchema>;

export const userModerationSchema = /* @__PURE__ */ schema(() => z.discriminatedUnion('action', [
  z.object({ action: z.literal('block'), reason, hideContent: z.boolean().default(false) }).strict(),
  z.object({ action: z.literal('unblock'), reason: reason.optional() }).strict(),
]));
export type UserModeration = z.infer<typeof userModerationSchema>;
/** `hidden`: how many of their ideas and comments a block with hideContent took out of view. */
export const userModerationResultSchema = /* @__PURE__ */ schema(() => z.object({
  userId: z.string(),
  blocked: z.boolean(),
  hidden: z.int(),
  /** "pending": the hiding runs after the answer (a queued job, issue 17); `hidden` is then 0. */
  hiding: z.literal('pending').optional(),
}));

export const bulkModerationSchema = /* @__PURE__ */ schema(() => z
  .object({
    targets: z
      .array(z.object({ kind: z.enum(['idea', 'comment']), id: ulidSchema }).strict())
      .min(1)
      .max(BULK_MAX),
    action: z.enum(bulkActions),
    reason: reason.optional(),
  })
  .strict()
  .refine((b) => !reasonRequired(b.action) || b.reason !== undefined, { path: ['reason'], message: 'Angiv en begrundelse' })
  .refine((b) => b.targets.every((t) => bulkActionFits(b.action, t.kind)), {
    path: ['action'],
    message: 'Kommentarer kan kun skjules eller gendannes',
  }));
export type BulkModeration = z.infer<typeof bulkModerationSchema>;

export const bulkResultSchema = /* @__PURE__ */ schema(() => z.object({
  results: z.array(z.object({ kind: z.enum(['idea', 'comment']), id: ulidSchema, status: z.int(), title: z.string().optional() })),
}));

export const queueQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    processId: slugSchema,
    kind: z.enum(['pending', 'flagged']),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(2048).optional(),
  })
  .strict());

export const queueItemSchema = /* @__PURE__ */ schema(() => z.object({
  kind: z.enum(['idea', 'comment']),
  id: ulidSchema,
  ideaId: ulidSchema,
  /** Idea title, or the start of the comment. */
  title: z.string(),
  text: z.string(),
  authorName: z.string().optional(),
  authorType: participantTypeSchema.optional(),
  status: z.string(),
  flagCount: z.int().min(0),
  /** How many flags gave each reason (never who flagged). */
  flagReasons: z.partialRecord(flagReasonSchema, z.int()),
  /** Of the flags, how many came from accounts too new to count toward the hold (FLAG_MIN_ACCOUNT_AGE_HOURS). */
  newAccountFlags: z.int().min(0).optional(),
  flagTexts: z.array(z.string()),
  queuedAt: isoDateTime,
}));
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queueSchema = /* @__PURE__ */ schema(() => z.object({
  counts: z.object({
    pending: z.int(),
    flagged: z.int(),
    /** Consultation comments held after flags: moderated on the consultation's comment pages, counted here so the queue points there. */
    responses: z.int().optional(),
  }),
  items: z.array(queueItemSchema),
  nextCursor: z.string().nullable(),
}));
export type Queue = z.infer<typeof queueSchema>;

/** A target's state before and after a decision (`rules/audit.ts` AuditState), worded by each reader. */
export const auditStateSchema = /* @__PURE__ */ schema(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idea'), status: ideaStatusSchema, held: z.boolean() }),
  z.object({ kind: z.literal('comment'), state: z.enum(commentStates) }),
  z.object({ kind: z.literal('account'), blocked: z.boolean() }),
  z.object({ kind: z.literal('roles'), roles: z.array(z.string()) }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]));

export const auditEntrySchema = /* @__PURE__ */ schema(() => z.object({
  id: ulidSchema,
  processId: slugSchema,
  at: isoDateTime,
  actorId: z.string(),
  actorName: z.string(),
  /** One of `auditActions`; a string, so an entry written by a later version still reads. */
  action: z.string(),
  targetKind: z.enum(['idea', 'comment', 'user', 'process', 'survey', 'document', 'response', 'event', 'live-round', 'assisted-person', 'recommendation', 'annex']),
  targetId: z.string(),
  /** On an assisted action: the channel the assistant acted through. */
  channel: channelSchema.optional(),
  /**
   * What the target is called now: an idea's title, a comment's idea's title, a user's display name.
   * Absent when it is gone (an erased account) or unknown (a comment logged before its idea was recorded).
   */
  targetTitle: z.string().optional(),
  /** The idea to open: the target itself, or the idea a comment belongs to. */
  ideaId: ulidSchema.optional(),
  reason: z.string().optional(),
  /** A process's configuration change: each field's value before and after. */
  changes: z.array(configChangeSchema).optional(),
  before: auditStateSchema.optional(),
  after: auditStateSchema.optional(),
}));
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Filters are exact: one action, one moderator (their user id), one target. */
export const auditQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    processId: slugSchema,
    targetId: z.string().max(64).optional(),
    action: z.enum(auditActions).optional(),
    actorId: z.string().regex(USER_ID_PATTERN, 'Ugyldigt bruger-id').optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  })
  .strict());
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/**
 * A page of the log. With a filter, a page can be short or even empty while `nextCursor` still
 * points further back: the server reads a bounded stretch of the log per request. `actors`: everyone
 * who has decided something in this log, for the moderator filter.
 */
export const auditLogSchema = /* @__PURE__ */ schema(() => z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
  actors: z.array(z.object({ id: z.string(), name: z.string() })),
}));
export type AuditLog = z.infer<typeof auditLogSchema>;

/** An idea as moderators see it: everything public plus moderation state and history. */
export const moderatedIdeaSchema = /* @__PURE__ */ schema(() => ideaDetailSchema.extend({
  status: ideaStatusSchema,
  held: z.boolean(),
  flagCount: z.int(),
  mergedInto: ulidSchema.optional(),
  moderationReason: z.string().optional(),
  history: z.array(auditEntrySchema),
  /** The author's account, for blocking it from here; absent once the author deleted the account. */
  author: z.object({ userId: z.string(), blocked: z.boolean() }).optional(),
  /** Possible duplicates: what the author was shown while writing, and similar public ideas now (issue 18). */
  similar: similarAtReviewSchema.optional(),
}));

export const overdueQuerySchema = /* @__PURE__ */ schema(() => z.object({ processId: slugSchema }).strict());
export const overdueSchema = /* @__PURE__ */ schema(() => z.object({
  items: z.array(z.object({ id: ulidSchema, title: z.string(), status: ideaStatusSchema, answerDeadline: z.iso.date() })),
}));

export const roleUpdateSchema = /* @__PURE__ */ schema(() => z.object({ roles: z.array(roleSchema).max(4) }).strict());
export const userLookupQuerySchema = /* @__PURE__ */ schema(() => z.object({ email: z.email() }).strict());
export const userSummarySchema = /* @__PURE__ */ schema(() => z.object({
  userId: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  blocked: z.boolean(),
  /** The sign-up was confirmed with its code: roles go only to confirmed accounts. */
  confirmed: z.boolean(),
  /** The address is verified: only then does Deltag mail it or grant the account a role. */
  emailVerified: z.boolean(),
  /** Two-step sign-in with an authenticator app is set up: only then can the account get a staff role. */
  mfa: z.boolean(),
}));
