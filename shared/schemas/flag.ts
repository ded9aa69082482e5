import * as z from 'zod';
import { multiLine } from './text';

import { FLAG_TEXT_MAX, FLAG_TEXT_MIN, flagReasons } from '../rules/values';
import { schema } from './define';

export { flagReasons };
export const flagReasonSchema = /* @__PURE__ */ schema(() => z.enum(flagReasons));
export type FlagReason = z.infer<typeof flagReasonSchema>;

/** A flag (anmeldelse): a reason, and for "other" a text saying what is wrong. */
export const flagCreateSchema = /* @__PURE__ */ schema(() => z
  .object({
    reason: flagReasonSchema,
    text: multiLine(0, FLAG_TEXT_MAX).optional(),
  })
  .strict()
  .refine((f) => f.reason !== 'other' || (f.text?.length ?? 0) >= FLAG_TEXT_MIN, {
    path: ['text'],
    message: 'Skriv kort, hvad der er galt (mindst 5 tegn)',
  }));
export type FlagCreate = z.infer<typeof flagCreateSchema>;

/**
 * What the flagger learns: that the flag was received, and whether it was the one that took the
 * content out of view for a moderator (`held`), so the confirmation can say what happens next.
 * Nobody else learns who flagged.
 */
export const flagReceiptSchema = /* @__PURE__ */ schema(() => z.object({ received: z.literal(true), held: z.boolean() }));
