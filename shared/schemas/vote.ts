import * as z from 'zod';
import { isoDateTime, slugSchema, ulidSchema } from './text';
import { ideaStatusSchema } from './idea';

/** The answer to a vote or un-vote: the idea's count after it, and whether the caller now votes for it. */
export const voteStateSchema = z.object({ voteCount: z.int().min(0), voted: z.boolean() });
export type VoteState = z.infer<typeof voteStateSchema>;

export const MAX_VOTE_LOOKUP = 100;

/** `?ideaIds=a,b,c`: which of up to 100 ideas the caller has voted for. */
export const myVotesQuerySchema = z
  .object({
    ideaIds: z
      .string()
      .transform((s) => [...new Set(s.split(',').filter(Boolean))])
      .pipe(z.array(ulidSchema).min(1, 'Angiv mindst ét id').max(MAX_VOTE_LOOKUP, `Højst ${MAX_VOTE_LOOKUP} id'er ad gangen`)),
  })
  .strict();

export const myVotesSchema = z.object({ voted: z.array(ulidSchema) });
export type MyVotes = z.infer<typeof myVotesSchema>;

/** `?processId=&limit=&cursor=`: a page of the ideas the caller has voted for (in one process, or all). */
export const myVotedIdeasQuerySchema = z
  .object({
    processId: slugSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  })
  .strict();
export type MyVotedIdeasQuery = z.infer<typeof myVotedIdeasQuerySchema>;

/**
 * One idea the caller voted for. When it was merged into another idea, `countsFor` names the idea the
 * vote now counts for (once, even when the caller voted for both).
 */
export const myVotedIdeaSchema = z.object({
  ideaId: ulidSchema,
  processId: slugSchema,
  title: z.string(),
  status: ideaStatusSchema,
  votedAt: isoDateTime,
  countsFor: z.object({ ideaId: ulidSchema, title: z.string() }).optional(),
});
export type MyVotedIdea = z.infer<typeof myVotedIdeaSchema>;
export const myVotedIdeasSchema = z.object({ items: z.array(myVotedIdeaSchema), nextCursor: z.string().nullable() });
export type MyVotedIdeas = z.infer<typeof myVotedIdeasSchema>;
