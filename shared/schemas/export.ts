import * as z from 'zod';
import { channels, type Channel } from '../rules/assisted';
import { recommendationStatuses } from '../rules/recommendations';
import { aiLensSchema } from './ai-lens';
import { beneficiarySchema, publicStatusSchema } from './idea';
import { isoDateTime, slugSchema, ulidSchema } from './text';
import { schema } from './define';

export const exportFormats = ['csv', 'xlsx', 'json'] as const;

export const exportQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    format: z.enum(exportFormats).default('csv'),
    top: z.coerce.number().int().min(1).max(1000).default(20),
    area: slugSchema.optional(),
    status: publicStatusSchema.optional(),
    /** CSV separator: `;` for Danish Excel (default), `,` for other tools. */
    sep: z.enum([';', ',']).default(';'),
  })
  .strict());
export type ExportQuery = z.infer<typeof exportQuerySchema>;

const byChannel = /* @__PURE__ */ schema(() => z.object(Object.fromEntries(channels.map((c) => [c, z.int().min(0)])) as Record<Channel, z.ZodInt>));
export const channelSharesSchema = /* @__PURE__ */ schema(() => z.object({ ideas: byChannel, comments: byChannel, surveyAnswers: byChannel }));
export type ChannelShares = z.infer<typeof channelSharesSchema>;

const byType = /* @__PURE__ */ schema(() => z.object({ citizen: z.int().min(0), business: z.int().min(0), employee: z.int().min(0) }));

/** One ranked idea of the committee export. No author names or emails, by design. */
export const exportRowSchema = /* @__PURE__ */ schema(() => z.object({
  rank: z.int().min(1),
  id: ulidSchema,
  title: z.string(),
  area: z.string(),
  effects: z.array(z.string()),
  beneficiaries: z.array(beneficiarySchema),
  status: publicStatusSchema,
  officialAnswer: z.string(),
  /** Distinct supporters of the idea and of the ideas merged into it (a person who voted for both counts once). */
  votes: z.int().min(0),
  votesByType: byType,
  comments: z.int().min(0),
  createdAt: isoDateTime,
  link: z.string(),
  /** The AI Act and data-ethics lens (issue 16); absent when not assessed. */
  aiLens: aiLensSchema.optional(),
}));
export type ExportRow = z.infer<typeof exportRowSchema>;


/** A recommendation as the annex and the export carry it. */
export const exportRecommendationSchema = /* @__PURE__ */ schema(() => z.object({
  id: ulidSchema,
  title: z.string(),
  rationale: z.string(),
  status: z.enum(recommendationStatuses),
  /** Effect name (the process's, Danish) → weight 0–3. */
  effects: z.record(z.string(), z.int().min(0)),
  /** The ideas it builds on, by id and title, with their votes. */
  ideas: z.array(z.object({ id: ulidSchema, title: z.string(), votes: z.int().min(0) })),
  aiLens: aiLensSchema.optional(),
}));
export type ExportRecommendation = z.infer<typeof exportRecommendationSchema>;

/** Figures for the committee's annex: the whole process, not only the exported top. */
export const exportSummarySchema = /* @__PURE__ */ schema(() => z.object({
  ideas: z.int().min(0),
  ideasByArea: z.record(z.string(), z.int().min(0)),
  ideasByStatus: z.record(z.string(), z.int().min(0)),
  /** Distinct people who posted or voted, by participant type. */
  participants: byType,
  votes: z.int().min(0),
  votesByType: byType,
  votesByArea: z.record(z.string(), z.int().min(0)),
  comments: z.int().min(0),
  /** Moderation decisions so far, by action (from the audit log), and what waits now. */
  moderation: z.record(z.string(), z.int().min(0)),
  pending: z.int().min(0),
  flagged: z.int().min(0),
  /**
   * How the process's contributions came in, per channel (rules/assisted.ts): ideas (every idea a
   * moderator let stand), comments (visible ones) and survey answers. Every channel is present, 0 or more;
   * shares are these over their sum.
   */
  channels: channelSharesSchema,
}));
export type ExportSummary = z.infer<typeof exportSummarySchema>;

export const exportDocumentSchema = /* @__PURE__ */ schema(() => z.object({
  processId: slugSchema,
  processTitle: z.string(),
  generatedAt: isoDateTime,
  /** The ranking rule in words, e.g. "top 20 by votes among published and selected ideas"; the time it was taken is `generatedAt`. */
  rule: z.string(),
  /** The AI Act's transparency: whether any automated processing touched the ideas. */
  automatedProcessing: z.string(),
  summary: exportSummarySchema,
  rows: z.array(exportRowSchema),
  /** The committee's recommendations (issue 16), oldest first: what the annex ends with. */
  recommendations: z.array(exportRecommendationSchema),
}));
export type ExportDocument = z.infer<typeof exportDocumentSchema>;
