import * as z from 'zod';
import { COMMENT_EDIT_WINDOW_MINUTES, COMMENT_MAX, stances } from '../rules/values';
import { channelSchema } from './idea';
import { participantTypeSchema } from './user';
import { isoDateTime, multiLine, ulidSchema } from './text';
import { schema } from './define';

export { COMMENT_EDIT_WINDOW_MINUTES, stances };
export const stanceSchema = /* @__PURE__ */ schema(() => z.enum(stances));
export type Stance = z.infer<typeof stanceSchema>;

export const commentCreateSchema = /* @__PURE__ */ schema(() => z
  .object({
    body: multiLine(1, COMMENT_MAX),
    parentId: ulidSchema.optional(),
    stance: stanceSchema.optional(),
  })
  .strict());
export type CommentCreate = z.infer<typeof commentCreateSchema>;

export const commentUpdateSchema = /* @__PURE__ */ schema(() => z
  .object({
    body: multiLine(1, COMMENT_MAX),
    stance: stanceSchema.nullable().optional(),
  })
  .strict());
export type CommentUpdate = z.infer<typeof commentUpdateSchema>;

/**
 * A comment as shown. A deleted comment stays as a placeholder (no body, no author) so its replies
 * remain readable; a comment held for moderation after flags shows no body to others either.
 */
export const commentSchema = /* @__PURE__ */ schema(() => z.object({
  id: ulidSchema,
  ideaId: ulidSchema,
  parentId: ulidSchema.optional(),
  /** held: waiting for a moderator after flags; hidden: a moderator hid it. Neither shows text or author. */
  state: z.enum(['visible', 'deleted', 'held', 'hidden']),
  body: z.string().optional(),
  stance: stanceSchema.optional(),
  authorName: z.string().optional(),
  authorType: participantTypeSchema.optional(),
  /** How it came in, when not on the web (an assistant wrote it for a citizen; rules/assisted.ts). */
  channel: channelSchema.optional(),
  edited: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
}));
export type Comment = z.infer<typeof commentSchema>;

export const commentThreadSchema = /* @__PURE__ */ schema(() => commentSchema.extend({ replies: z.array(commentSchema) }));
export type CommentThread = z.infer<typeof commentThreadSchema>;

export const commentListQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(2048).optional(),
  })
  .strict());

/** Which of one idea's comments are the signed-in user's (to offer edit and delete). */
export const myCommentsQuerySchema = /* @__PURE__ */ schema(() => z.object({ ideaId: ulidSchema }).strict());
export const myCommentsSchema = /* @__PURE__ */ schema(() => z.object({ ids: z.array(ulidSchema) }));

export const commentListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(commentThreadSchema), nextCursor: z.string().nullable() }));
export type CommentList = z.infer<typeof commentListSchema>;
