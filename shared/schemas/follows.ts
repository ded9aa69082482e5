import * as z from 'zod';
import { digestFrequencies, followReasons, followTargets } from '../rules/follow';
import { isoDateTime, slugSchema, ulidSchema } from './text';
import { schema } from './define';

/** Following an idea or a recommendation, and one's mail settings (issue 16; rules/follow.ts). */
export const followStateSchema = /* @__PURE__ */ schema(() => z.object({
  following: z.boolean(),
  /** Why one follows (absent when not following); `explicit` also when one followed by hand. */
  reason: z.enum(followReasons).optional(),
}));
export type FollowState = z.infer<typeof followStateSchema>;

export const myFollowSchema = /* @__PURE__ */ schema(() => z.object({
  target: z.enum(followTargets),
  targetId: ulidSchema,
  processId: slugSchema,
  title: z.string(),
  followedAt: isoDateTime,
}));
export const myFollowListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(myFollowSchema), nextCursor: z.string().nullable() }));
export type MyFollowList = z.infer<typeof myFollowListSchema>;

export const mailSettingsSchema = /* @__PURE__ */ schema(() => z.object({
  digest: z.enum(digestFrequencies, { error: 'Vælg dagligt, ugentligt eller aldrig' }),
  /** Moderators' queue alerts and the committee's deadline reminders (only staff get them). */
  alerts: z.boolean(),
}));
export type MailSettings = z.infer<typeof mailSettingsSchema>;
export const mailSettingsUpdateSchema = /* @__PURE__ */ schema(() => mailSettingsSchema.partial().strict());

/** The signed token from a mail's unsubscribe link (opaque to clients). */
export const unsubscribeQuerySchema = /* @__PURE__ */ schema(() => z.object({ token: z.string().min(10).max(512).regex(/^[A-Za-z0-9_.-]+$/, 'Linket er ugyldigt') }).strict());
export const unsubscribeResultSchema = /* @__PURE__ */ schema(() => z.object({ scope: z.enum(['digest', 'alerts']), done: z.literal(true) }));
export type UnsubscribeResult = z.infer<typeof unsubscribeResultSchema>;
