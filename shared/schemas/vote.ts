import * as z from 'zod';
import { ulidSchema } from './text';

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
