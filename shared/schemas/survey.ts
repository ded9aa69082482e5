import * as z from 'zod';
import {
  demographicKinds,
  questionKinds,
  LONG_TEXT_MAX,
  OPTIONS_MAX,
  SCALE_MAX,
  SCALE_MIN,
  SHORT_TEXT_MAX,
  SURVEY_QUESTIONS_MAX,
  SURVEY_SECTIONS_MAX,
  textReviewStates,
} from '../rules/survey';
import { REASON_MAX, REASON_MIN } from '../rules/moderation';
import { isoDateTime, multiLine, singleLine, slugSchema } from './text';
import { schema } from './define';

/**
 * The attitude survey of a process (module `survey`, phase kind `survey`): its definition as the
 * builder saves it, an answer, the results and the review of free-text answers. Rules both ends
 * decide are in `rules/survey.ts`.
 */

const line = (max: number) => z.object({ da: singleLine(1, max), en: singleLine(1, max).optional() }).strict();
const text = (max: number) => z.object({ da: multiLine(1, max), en: multiLine(1, max).optional() }).strict();

export const surveyOptionSchema = /* @__PURE__ */ schema(() => z.object({ id: slugSchema, label: line(200) }).strict());

const questionBase = /* @__PURE__ */ schema(() => ({
  id: slugSchema,
  text: line(300),
  /** Why the question is asked, or how to answer (background questions say why they are asked). */
  help: text(600).optional(),
  required: z.boolean().default(false),
  /** A background question (age band, district, participant type): always optional, usable for breakdowns. */
  demographic: z.enum(demographicKinds).optional(),
}));
const ends = /* @__PURE__ */ schema(() => ({ lowLabel: line(80), highLabel: line(80) }));
const options = /* @__PURE__ */ schema(() => z.array(surveyOptionSchema).min(2, 'Tilføj mindst to svarmuligheder').max(OPTIONS_MAX));

export const surveyQuestionSchema = /* @__PURE__ */ schema(() => z.discriminatedUnion('kind', [
  z.object({ ...questionBase, kind: z.literal('single'), options }).strict(),
  z.object({ ...questionBase, kind: z.literal('multiple'), options, maxChoices: z.int().min(1).max(OPTIONS_MAX) }).strict(),
  /** 1–5 with labelled ends. */
  z.object({ ...questionBase, kind: z.literal('likert'), ...ends }).strict(),
  /** 0–10 with labelled ends. */
  z.object({ ...questionBase, kind: z.literal('scale'), ...ends }).strict(),
  z.object({ ...questionBase, kind: z.literal('short-text'), maxLength: z.int().min(1).max(SHORT_TEXT_MAX) }).strict(),
  z.object({ ...questionBase, kind: z.literal('long-text'), maxLength: z.int().min(1).max(LONG_TEXT_MAX) }).strict(),
]));
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const surveySectionSchema = /* @__PURE__ */ schema(() => z
  .object({ id: slugSchema, title: line(200), intro: text(2000).optional(), questions: z.array(surveyQuestionSchema).min(1).max(SURVEY_QUESTIONS_MAX) })
  .strict());
export type SurveySection = z.infer<typeof surveySectionSchema>;

/** What the builder saves (PUT). After the first answer only texts may change: the structure is fixed. */
export const surveyDefinitionSchema = /* @__PURE__ */ schema(() => z
  .object({
    title: line(200),
    intro: text(4000),
    sections: z.array(surveySectionSchema).min(1).max(SURVEY_SECTIONS_MAX),
    /** Whether people may answer without signing in (limited by a per-browser token and the rate limit). */
    anonymous: z.boolean(),
  })
  .strict());
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

/** PUT body: the definition and the `updatedAt` the editor started from (absent when creating). */
export const surveySaveSchema = /* @__PURE__ */ schema(() => surveyDefinitionSchema.extend({ expectedUpdatedAt: isoDateTime.optional() }).strict());
export type SurveySave = z.infer<typeof surveySaveSchema>;

export const surveySchema = /* @__PURE__ */ schema(() => surveyDefinitionSchema.extend({
  processId: slugSchema,
  /** Set at the first answer: from then on only texts may change. */
  firstAnswerAt: isoDateTime.optional(),
  /** When the results were made public (absent: only the workspace sees them). */
  resultsPublishedAt: isoDateTime.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
}));
export type Survey = z.infer<typeof surveySchema>;

/** One question's answer: an option id, option ids, a number, or text. Checked against the survey by the rules. */
export const answerValueSchema = /* @__PURE__ */ schema(() => z.union([z.string().max(LONG_TEXT_MAX * 2), z.array(z.string().max(64)).max(OPTIONS_MAX), z.number()]));
export const surveyAnswerSchema = /* @__PURE__ */ schema(() => z
  .object({
    answers: z.record(slugSchema, answerValueSchema),
    /** Anonymous answers: a random token the browser keeps, so one browser answers once. */
    browserToken: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'Ugyldigt token').optional(),
  })
  .strict());
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

/** The receipt of an answer: nothing that identifies it (no id, no time finer than the day). */
export const surveyReceiptSchema = /* @__PURE__ */ schema(() => z.object({ answered: z.literal(true), day: z.iso.date() }));
export const mySurveyStatusSchema = /* @__PURE__ */ schema(() => z.object({ answered: z.boolean() }));

/** `?by=<question id>`: break the results down by a background question. */
export const surveyResultsQuerySchema = /* @__PURE__ */ schema(() => z.object({ by: slugSchema.optional() }).strict());

const count = /* @__PURE__ */ schema(() => z.int().min(0));
export const questionResultSchema = /* @__PURE__ */ schema(() => z.object({
  questionId: slugSchema,
  kind: z.string(),
  /** How many answered this question. */
  answered: count,
  /** single/multiple: each option's count and share of those who answered (0–1). */
  options: z.array(z.object({ id: slugSchema, count, share: z.number().min(0).max(1) })).optional(),
  /** likert/scale: count per point, and the mean (null without answers). */
  distribution: z.array(z.object({ value: z.int(), count })).optional(),
  mean: z.number().nullable().optional(),
  /** Free texts: only approved ones in public; every one with its review state in the workspace. */
  texts: z.array(z.object({ id: z.string(), text: z.string(), state: z.enum(textReviewStates).optional() })).optional(),
}));
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const surveyResultsSchema = /* @__PURE__ */ schema(() => z.object({
  processId: slugSchema,
  answerCount: count,
  /** First and last day answers came in (Copenhagen dates), null without answers. */
  period: z.object({ from: z.iso.date(), to: z.iso.date() }).nullable(),
  questions: z.array(questionResultSchema),
  /** With `?by=`: one group per value of the background question; groups under SMALL_GROUP answers are suppressed (no figures). */
  breakdown: z
    .object({
      by: slugSchema,
      groups: z.array(z.object({ value: z.string(), count, suppressed: z.boolean(), questions: z.array(questionResultSchema).optional() })),
    })
    .optional(),
}));
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const surveyTextQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    questionId: slugSchema.optional(),
    state: z.enum(textReviewStates).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  })
  .strict());
export const surveyTextSchema = /* @__PURE__ */ schema(() => z.object({ id: z.string(), questionId: slugSchema, text: z.string(), state: z.enum(textReviewStates), reason: z.string().optional() }));
export const surveyTextListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(surveyTextSchema), nextCursor: z.string().nullable() }));
export type SurveyText = z.infer<typeof surveyTextSchema>;

/** A moderator's review: approve (publishable) or hide (it identifies someone, say), with a reason for hiding. */
export const surveyTextReviewSchema = /* @__PURE__ */ schema(() => z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), reason: multiLine(0, REASON_MAX).optional() }).strict(),
  z.object({ action: z.literal('hide'), reason: multiLine(REASON_MIN, REASON_MAX) }).strict(),
]));

export const surveyPublishSchema = /* @__PURE__ */ schema(() => z.object({ published: z.boolean() }).strict());

export const surveyExportQuerySchema = /* @__PURE__ */ schema(() => z.object({ format: z.enum(['csv', 'xlsx', 'json']).default('csv'), sep: z.enum([';', ',']).default(';') }).strict());

/** The JSON export: one row per answer (its random id and day; free texts only once approved) and the results. */
export const surveyExportSchema = /* @__PURE__ */ schema(() => z.object({
  processId: slugSchema,
  title: z.string(),
  generatedAt: isoDateTime,
  questions: z.array(z.object({ id: slugSchema, kind: z.enum(questionKinds), text: z.string() })),
  rows: z.array(z.object({ id: z.string(), day: z.iso.date(), answers: z.record(slugSchema, answerValueSchema) })),
  summary: surveyResultsSchema,
}));
export type SurveyExport = z.infer<typeof surveyExportSchema>;
