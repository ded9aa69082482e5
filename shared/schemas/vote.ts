import * as z from 'zod';
import { isoDateTime, slugSchema, ulidSchema } from './text';
import { ideaStatusSchema } from './idea';
import { schema } from './define';

/**
 * How many more ideas the caller may vote for in a process: null when the process sets no limit
 * (settings.votesPerPerson), else the limit less the votes the caller has standing there (never below 0).
 */
export const votesLeftSchema = /* @__PURE__ */ schema(() => z.int().min(0).nullable());

/**
 * The answer to a vote or un-vote: the idea's count after it, whether the caller now votes for it, and
 * (when the process limits votes per person) the votes the caller has left there.
 */
export const voteStateSchema = /* @__PURE__ */ schema(() => z.object({ voteCount: z.int().min(0), voted: z.boolean(), votesLeft: votesLeftSchema.optional() }));
export type VoteState = z.infer<typeof voteStateSchema>;

export const MAX_VOTE_LOOKUP = 100;

/** `?ideaIds=a,b,c[&processId=]`: which of up to 100 ideas the caller has voted for (and, with the process, the votes left there). */
export const myVotesQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    processId: slugSchema.optional(),
    ideaIds: z
      .string()
      .transform((s) => [...new Set(s.split(',').filter(Boolean))])
      .pipe(z.array(ulidSchema).min(1, 'Angiv mindst ét id').max(MAX_VOTE_LOOKUP, `Højst ${MAX_VOTE_LOOKUP} id'er ad gangen`)),
  })
  .strict());

/** `votesLeft` is there when the query named a process. */
export type MyVotesQuery = z.infer<typeof myVotesQuerySchema>;

export const myVotesSchema = /* @__PURE__ */ schema(() => z.object({ voted: z.array(ulidSchema), votesLeft: votesLeftSchema.optional() }));
export type MyVotes = z.infer<typeof myVotesSchema>;

/** `?processId=&limit=&cursor=`: a page of the ideas the caller has voted for (in one process, or all). */
export const myVotedIdeasQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    processId: slugSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  })
  .strict());
export type MyVotedIdeasQuery = z.infer<typeof myVotedIdeasQuerySchema>;

/**
 * One idea the caller voted for. When it was merged into another idea, `countsFor` names the idea the
 * vote now counts for (once, even when the caller voted for both).
 */
export const myVotedIdeaSchema = /* @__PURE__ */ schema(() => z.object({
  ideaId: ulidSchema,
  processId: slugSchema,
  title: z.string(),
  status: ideaStatusSchema,
  votedAt: isoDateTime,
  countsFor: z.object({ ideaId: ulidSchema, title: z.string() }).optional(),
}));
export type MyVotedIdea = z.infer<typeof myVotedIdeaSchema>;
export const myVotedIdeasSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(myVotedIdeaSchema), nextCursor: z.string().nullable() }));
export type MyVotedIdeas = z.infer<typeof myVotedIdeasSchema>;
