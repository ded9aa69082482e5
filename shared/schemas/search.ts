import * as z from 'zod';
import { phaseKindSchema } from './process';
import { ideaStatusSchema, publicStatusSchema } from './idea';
import { participantTypeSchema } from './user';
import { highlightSchema } from './highlight';
import { isoDateTime, singleLine, slugSchema, ulidSchema } from './text';
import { schema } from './define';

/** Search (issue 18): the similar ideas, the moderators' workspace search. Highlights: `highlight.ts`. */

/** Search text: 2–100 characters on one line (what the list's `q` and the workspace take). */
export const searchTextSchema = /* @__PURE__ */ schema(() => singleLine(2, 100));

/** `GET /api/processes/{id}/similar?text=`: the new-idea wizard asks with the title and first sentence. */
export const similarQuerySchema = /* @__PURE__ */ schema(() => z.object({ text: singleLine(3, 400) }).strict());
export const similarIdeaSchema = /* @__PURE__ */ schema(() => z.object({
  id: ulidSchema,
  title: z.string(),
  excerpt: z.string(),
  area: slugSchema,
  status: publicStatusSchema,
  voteCount: z.int().min(0),
  commentCount: z.int().min(0),
  highlight: highlightSchema,
}));
export type SimilarIdea = z.infer<typeof similarIdeaSchema>;
export const similarListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(similarIdeaSchema).max(5) }));
export type SimilarList = z.infer<typeof similarListSchema>;

/** The moderators' workspace search: every idea in any status (hidden and pending too), or the comments. */
export const workspaceSearchQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    q: searchTextSchema,
    kind: z.enum(['ideas', 'comments']).default('ideas'),
    status: ideaStatusSchema.optional(),
    area: slugSchema.optional(),
    phase: phaseKindSchema.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(2048).optional(),
  })
  .strict());
export type WorkspaceSearchQuery = z.infer<typeof workspaceSearchQuerySchema>;

export const workspaceSearchHitSchema = /* @__PURE__ */ schema(() => z.object({
  kind: z.enum(['idea', 'comment']),
  id: ulidSchema,
  /** The idea itself, or the idea a comment belongs to. */
  ideaId: ulidSchema,
  /** The idea's title (for a comment: the title of its idea). */
  title: z.string(),
  /** An idea's status, or a comment's state (visible, held, hidden, deleted). */
  status: z.string(),
  held: z.boolean(),
  authorName: z.string().optional(),
  authorType: participantTypeSchema.optional(),
  createdAt: isoDateTime,
  highlight: highlightSchema,
}));
export type WorkspaceSearchHit = z.infer<typeof workspaceSearchHitSchema>;
export const workspaceSearchSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(workspaceSearchHitSchema), nextCursor: z.string().nullable() }));
export type WorkspaceSearch = z.infer<typeof workspaceSearchSchema>;

/** What the moderators see about duplicates when they review an idea. */
export const similarAtReviewSchema = /* @__PURE__ */ schema(() => z.object({
  /**
   * Ideas the author was shown while writing, and posted anyway (empty: shown none). The ids come from
   * the author's request, so only ideas of the same process are named (with their current title).
   */
  shownToAuthor: z.array(z.object({ id: ulidSchema, title: z.string() })).max(5),
  /** Public ideas similar to it now, best first. */
  similar: z.array(similarIdeaSchema).max(5),
}));
export type SimilarAtReview = z.infer<typeof similarAtReviewSchema>;
