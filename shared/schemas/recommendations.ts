import * as z from 'zod';
import {
  EFFECT_WEIGHT_MAX,
  initiativeStates,
  JOURNAL_NUMBER_PATTERN,
  OWNER_MAX,
  PROGRESS_TEXT_MAX,
  RATIONALE_MAX,
  RECOMMENDATION_IDEAS_MAX,
  RECOMMENDATION_TITLE_MAX,
  recommendationStatuses,
} from '../rules/recommendations';
import { aiLensSchema } from './ai-lens';
import { ideaStatusSchema } from './idea';
import { isoDateTime, multiLine, singleLine, slugSchema, ulidSchema } from './text';
import { schema } from './define';

/**
 * The committee's recommendations ("egnede områder") and the follow-through register (issue 16;
 * rules/recommendations.ts). Written by the `committee` role; read by anyone.
 */
export const recommendationStatusSchema = /* @__PURE__ */ schema(() => z.enum(recommendationStatuses, { error: 'Ukendt status' }));
const day = /* @__PURE__ */ schema(() => z.iso.date({ error: 'Skriv en dato (ÅÅÅÅ-MM-DD)' }));

/** The expected effects, weighted 0–3, by the process's effect ids (an id the process does not have is refused with 400). */
export const effectWeightsSchema = /* @__PURE__ */ schema(() => z.record(slugSchema, z.int().min(0).max(EFFECT_WEIGHT_MAX)));

export const recommendationInputSchema = /* @__PURE__ */ schema(() => z
  .object({
    title: singleLine(3, RECOMMENDATION_TITLE_MAX),
    rationale: multiLine(10, RATIONALE_MAX),
    effects: effectWeightsSchema,
    /** The process's ideas it builds on (public or merged ones only; others are refused with 400). */
    ideaIds: z.array(ulidSchema).max(RECOMMENDATION_IDEAS_MAX).refine((ids) => new Set(ids).size === ids.length, 'En idé er valgt to gange'),
  })
  .strict());
export type RecommendationInput = z.infer<typeof recommendationInputSchema>;

/** PUT: the whole recommendation again, with the `updatedAt` edited (409 when someone changed it since). */
export const recommendationUpdateSchema = /* @__PURE__ */ schema(() => recommendationInputSchema.extend({ expectedUpdatedAt: isoDateTime }).strict());
export type RecommendationUpdate = z.infer<typeof recommendationUpdateSchema>;

/** The political committee's decision, entered by the committee's secretariat. */
export const recommendationStatusUpdateSchema = /* @__PURE__ */ schema(() => z
  .object({ status: recommendationStatusSchema, note: multiLine(1, 2000).optional(), expectedUpdatedAt: isoDateTime })
  .strict());
export type RecommendationStatusUpdate = z.infer<typeof recommendationStatusUpdateSchema>;

/** An idea a recommendation builds on, as the page shows it (a hidden or removed idea is left out of the public view). */
export const linkedIdeaSchema = /* @__PURE__ */ schema(() => z.object({ id: ulidSchema, title: z.string(), status: ideaStatusSchema, voteCount: z.int().min(0) }));

/** An adopted recommendation's place in the register. */
export const initiativeSchema = /* @__PURE__ */ schema(() => z.object({
  /** The department that owns it (e.g. "Digitalisering og IT"). */
  owner: z.string(),
  startsOn: day,
  endsOn: day,
  state: z.enum(initiativeStates),
  updatedAt: isoDateTime,
}));
export type Initiative = z.infer<typeof initiativeSchema>;

export const initiativeInputSchema = /* @__PURE__ */ schema(() => z
  .object({
    owner: singleLine(2, OWNER_MAX),
    startsOn: day,
    endsOn: day,
    state: z.enum(initiativeStates),
    /** Absent when the initiative is set for the first time. */
    expectedUpdatedAt: isoDateTime.optional(),
  })
  .strict()
  .refine((i) => i.startsOn <= i.endsOn, { path: ['endsOn'], message: 'Slutdatoen ligger før startdatoen' }));
export type InitiativeInput = z.infer<typeof initiativeInputSchema>;

/** A dated progress update (what happened, in plain text). */
export const progressUpdateSchema = /* @__PURE__ */ schema(() => z.object({ id: ulidSchema, on: day, text: z.string(), createdAt: isoDateTime, authorName: z.string() }));
export type ProgressUpdate = z.infer<typeof progressUpdateSchema>;
export const progressUpdateInputSchema = /* @__PURE__ */ schema(() => z.object({ on: day, text: multiLine(3, PROGRESS_TEXT_MAX) }).strict());
export type ProgressUpdateInput = z.infer<typeof progressUpdateInputSchema>;

export const recommendationSchema = /* @__PURE__ */ schema(() => z.object({
  id: ulidSchema,
  processId: slugSchema,
  title: z.string(),
  rationale: z.string(),
  effects: effectWeightsSchema,
  ideas: z.array(linkedIdeaSchema),
  status: recommendationStatusSchema,
  /** The note given with the last status change (e.g. the political committee's decision and date). */
  statusNote: z.string().optional(),
  statusChangedAt: isoDateTime.optional(),
  aiLens: aiLensSchema.optional(),
  initiative: initiativeSchema.optional(),
  /** Newest first. */
  progress: z.array(progressUpdateSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
}));
export type Recommendation = z.infer<typeof recommendationSchema>;

export const recommendationListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(recommendationSchema) }));
export type RecommendationList = z.infer<typeof recommendationListSchema>;

export { takenUpSchema, type TakenUp } from './idea';

/** The public register: the process's adopted recommendations with their initiatives, as of a day. */
export const registerSchema = /* @__PURE__ */ schema(() => z.object({
  processId: slugSchema,
  today: day,
  items: z.array(recommendationSchema),
}));
export type Register = z.infer<typeof registerSchema>;

/**
 * The revisit's status report: for a process cloned from an earlier round (`clonedFrom`), each
 * initiative of the earlier round's register and how it stands today.
 */
export const statusReportItemSchema = /* @__PURE__ */ schema(() => z.object({
  recommendationId: ulidSchema,
  title: z.string(),
  owner: z.string(),
  startsOn: day,
  endsOn: day,
  state: z.enum(initiativeStates),
  standing: z.enum(['on-track', 'late', 'done', 'stopped', 'not-started']),
  aiLens: aiLensSchema.optional(),
  lastUpdate: progressUpdateSchema.optional(),
  updates: z.int().min(0),
}));
export const statusReportSchema = /* @__PURE__ */ schema(() => z.object({
  processId: slugSchema,
  /** The earlier round the report is about; absent when this process is not a revisit. */
  earlierProcessId: slugSchema.optional(),
  earlierProcessTitle: z.string().optional(),
  today: day,
  items: z.array(statusReportItemSchema),
}));
export type StatusReport = z.infer<typeof statusReportSchema>;

/** Freeze the committee annex as a dated PDF (the export's filters as the annex page has them). */
export const annexFreezeSchema = /* @__PURE__ */ schema(() => z
  .object({
    journalNumber: z.string().trim().regex(JOURNAL_NUMBER_PATTERN, 'Skriv journalnummeret, fx 00.01.00-P20-1-26'),
    top: z.int().min(1).max(100).default(20),
    area: slugSchema.optional(),
  })
  .strict());
export type AnnexFreeze = z.infer<typeof annexFreezeSchema>;

export const annexVersionSchema = /* @__PURE__ */ schema(() => z.object({
  processId: slugSchema,
  /** 1, 2, 3 … per process. */
  version: z.int().min(1),
  frozenAt: isoDateTime,
  frozenByName: z.string(),
  journalNumber: z.string(),
  /** Lower-case hex SHA-256 of the PDF's bytes, as downloaded. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.int().min(1),
  filename: z.string(),
}));
export type AnnexVersion = z.infer<typeof annexVersionSchema>;
export const annexVersionListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(annexVersionSchema) }));
export const annexVersionParams = /* @__PURE__ */ schema(() => z.object({ processId: slugSchema, version: z.coerce.number().int().min(1).max(100000) }).strict());
