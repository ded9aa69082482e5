import * as z from 'zod';
import { commentSchema } from './comment';
import { responseSchema } from './consultation';
import { signupNeedsSchema } from './events';
import { mailSettingsSchema, myFollowSchema } from './follows';
import { signupStates } from '../rules/events';
import { ideaListItemSchema, ideaStatusSchema } from './idea';
import { profileSchema } from './user';
import { isoDateTime, localizedSchema, slugSchema, ulidSchema } from './text';
import { schema } from './define';

/** The signed-in user's own ideas, whatever their status (pending, hidden and rejected included). */
export const myIdeaSchema = /* @__PURE__ */ schema(() => ideaListItemSchema.extend({
  status: ideaStatusSchema,
  heldForReview: z.boolean(),
  /** The moderator's reason when the idea was rejected or hidden (shown to its author only). */
  moderationReason: z.string().optional(),
}));
export const myIdeaListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(myIdeaSchema), nextCursor: z.string().nullable() }));
export type MyIdeaList = z.infer<typeof myIdeaListSchema>;

export const pageQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(2048).optional(),
  })
  .strict());

/** GDPR Art. 15/20: everything stored about the user, as one JSON document. */
export const myDataExportSchema = /* @__PURE__ */ schema(() => z.object({
  exportedAt: isoDateTime,
  profile: profileSchema.omit({ roles: true }).extend({ email: z.string().optional() }).nullable(),
  ideas: z.array(z.record(z.string(), z.unknown())),
  comments: z.array(commentSchema.extend({ body: z.string().optional() })),
  votes: z.array(z.object({ ideaId: ulidSchema, participantType: z.string(), createdAt: isoDateTime })),
  flags: z.array(z.object({ ideaId: ulidSchema, commentId: ulidSchema.optional(), reason: z.string(), text: z.string().optional(), createdAt: isoDateTime })),
  /** The consultation: one's responses to paragraphs (with their comments and the committee's answers), one's flags on comments, and the closed rounds one joined. */
  consultation: z
    .object({
      responses: z.array(responseSchema),
      flags: z.array(z.object({ responseId: ulidSchema, reason: z.string(), text: z.string().optional(), createdAt: isoDateTime })),
      rounds: z.array(z.object({ processId: slugSchema, roundId: slugSchema, joinedAt: isoDateTime })),
    })
    .optional(),
  /**
   * The events one is signed up for: the event and its process, a seat or the waiting list, the needs
   * one gave (organisers see them) and when. A deleted event has no title or time.
   */
  events: z
    .object({
      signups: z.array(
        signupNeedsSchema.extend({
          processId: slugSchema,
          eventId: slugSchema,
          eventTitle: z.object({ da: z.string(), en: z.string().optional() }).nullable(),
          startsAt: isoDateTime.nullable(),
          state: z.enum(signupStates),
          signedUpAt: isoDateTime,
          promotedAt: isoDateTime.optional(),
          checkedInAt: isoDateTime.optional(),
        }),
      ),
    })
    .optional(),
  /** What one chose to follow, or to stop following (`off`), and one's mail settings (issue 16). */
  follows: z
    .object({ choices: z.array(myFollowSchema.extend({ following: z.boolean() })), mailSettings: mailSettingsSchema })
    .optional(),
  /**
   * The decisions moderators took about the person (GDPR Art. 15): about the account (a block and
   * its reason, an unblock), about their ideas, comments and consultation responses (hidden, rejected, restored, a new status, an answer:
   * each with its reason) and what is held for review after flags now. The employee who decided is not
   * named (`note` says why and where to ask, in both languages).
   */
  decisions: z
    .object({
      note: localizedSchema,
      account: z.array(z.object({ action: z.string(), at: isoDateTime, reason: z.string().optional() }).strict()),
      content: z.array(
        z
          .object({
            kind: z.enum(['idea', 'comment', 'response']),
            id: ulidSchema,
            /** An idea's or a comment's idea. */
            ideaId: ulidSchema.optional(),
            /** A consultation response's document. */
            documentId: slugSchema.optional(),
            processId: slugSchema,
            action: z.string(),
            at: isoDateTime,
            reason: z.string().optional(),
          })
          .strict(),
      ),
      held: z.array(z.object({ kind: z.enum(['idea', 'comment', 'response']), id: ulidSchema, ideaId: ulidSchema.optional(), documentId: slugSchema.optional() }).strict()),
    })
    .optional(),
  /**
   * The surveys answered signed in, by process only: the answers are stored without any link to the
   * person, so they can be neither exported nor erased per person (`note` says so in both languages).
   * A process that no longer exists has no title.
   */
  surveys: z.object({
    note: localizedSchema,
    answered: z.array(z.object({ processId: slugSchema, processTitle: localizedSchema.nullable() }).strict()),
  }),
}));
export type MyDataExport = z.infer<typeof myDataExportSchema>;
