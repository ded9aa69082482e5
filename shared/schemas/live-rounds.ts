import * as z from 'zod';
import {
  LIVE_OPTIONS_MAX,
  LIVE_QUESTIONS_MAX,
  SHORT_CODE_LENGTH,
  STATEMENTS_MAX,
  STATEMENT_MAX,
  WORDS_PER_ANSWER,
  WORD_MAX,
  isShortCode,
  liveRoundStates,
  normaliseShortCode,
  stances,
  EVENT_TITLE_MAX,
} from '../rules/events';
import { isoDateTime, singleLine, slugSchema, ulidSchema } from './text';
import { schema } from './define';

/**
 * The live round in the room (module `events`): an organiser's round of questions, what a phone sees
 * and sends by the short code, and the results. Apart from `events.ts` (the events and their sign-ups).
 */

const line = (max: number) => z.object({ da: singleLine(1, max), en: singleLine(1, max).optional() }).strict();

const liveOptionSchema = /* @__PURE__ */ schema(() => z.object({ id: slugSchema, label: line(200) }).strict());
const liveBase = /* @__PURE__ */ schema(() => ({ id: slugSchema, text: line(300) }));

export const liveQuestionSchema = /* @__PURE__ */ schema(() => z.discriminatedUnion('kind', [
  z.object({ ...liveBase, kind: z.literal('single'), options: z.array(liveOptionSchema).min(2, 'Tilføj mindst to svarmuligheder').max(LIVE_OPTIONS_MAX) }).strict(),
  /** 0–10 with labelled ends. */
  z.object({ ...liveBase, kind: z.literal('scale'), lowLabel: line(80), highLabel: line(80) }).strict(),
  /** A word cloud: each phone gives up to `maxWords` short words. */
  z.object({ ...liveBase, kind: z.literal('words'), maxWords: z.int().min(1).max(WORDS_PER_ANSWER) }).strict(),
  /** Agree, neutral or disagree on each statement (a draft's paragraphs, say). */
  z
    .object({
      ...liveBase,
      kind: z.literal('statements'),
      statements: z.array(z.object({ id: slugSchema, text: line(STATEMENT_MAX) }).strict()).min(1).max(STATEMENTS_MAX),
    })
    .strict(),
]));
export type LiveQuestion = z.infer<typeof liveQuestionSchema>;

const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

export const liveRoundDefinitionSchema = /* @__PURE__ */ schema(() => z
  .object({ title: line(200), questions: z.array(liveQuestionSchema).min(1).max(LIVE_QUESTIONS_MAX) })
  .strict()
  .refine((r) => uniqueIds(r.questions), { message: 'To spørgsmål har samme id', path: ['questions'] })
  .refine((r) => r.questions.every((q) => (q.kind === 'single' ? uniqueIds(q.options) : q.kind === 'statements' ? uniqueIds(q.statements) : true)), {
    message: 'To svarmuligheder eller udsagn har samme id',
    path: ['questions'],
  }));
export type LiveRoundDefinition = z.infer<typeof liveRoundDefinitionSchema>;

/** PUT: change a round's questions while it is a draft, from the `updatedAt` the organiser started from. */
export const liveRoundSaveSchema = /* @__PURE__ */ schema(() => z.object({ definition: liveRoundDefinitionSchema, expectedUpdatedAt: isoDateTime }).strict());

/** POST …/state: open a draft round (it gets its short code) or close an open one (its results are kept). */
export const liveRoundStateSchema = /* @__PURE__ */ schema(() => z.object({ state: z.enum(['open', 'closed']) }).strict());

/** One question's results. Words are the most frequent first; `count` is the phones that answered it. */
export const liveQuestionResultSchema = /* @__PURE__ */ schema(() => z.object({
  questionId: slugSchema,
  count: z.int().min(0),
  options: z.array(z.object({ id: slugSchema, count: z.int().min(0) })).optional(),
  /** Scale: how many chose 0, 1, … 10, and the mean (absent without answers). */
  distribution: z.array(z.int().min(0)).optional(),
  mean: z.number().optional(),
  words: z.array(z.object({ word: z.string(), count: z.int().min(1) })).optional(),
  statements: z.array(z.object({ id: slugSchema, agree: z.int().min(0), neutral: z.int().min(0), disagree: z.int().min(0) })).optional(),
}));
export type LiveQuestionResult = z.infer<typeof liveQuestionResultSchema>;

export const liveRoundSchema = /* @__PURE__ */ schema(() => z.object({
  id: ulidSchema,
  processId: slugSchema,
  eventId: slugSchema,
  title: line(200),
  questions: z.array(liveQuestionSchema),
  state: z.enum(liveRoundStates),
  /** Given when the round opens; people type it (or scan the QR code) on their phones. */
  code: z.string().length(SHORT_CODE_LENGTH).optional(),
  openedAt: isoDateTime.optional(),
  closedAt: isoDateTime.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
}));
export type LiveRound = z.infer<typeof liveRoundSchema>;

/** A round with its results: the presenter view (live) and, once closed, the event page and the annex. */
export const liveRoundResultsSchema = /* @__PURE__ */ schema(() => liveRoundSchema.extend({ results: z.array(liveQuestionResultSchema) }));
export type LiveRoundResults = z.infer<typeof liveRoundResultsSchema>;
export const liveRoundListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(liveRoundSchema) }));
export const liveRoundResultsListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(liveRoundResultsSchema) }));

/** The short code in a path, as typed: lower case and spaces are forgiven, then it must be a code. */
export const shortCodeSchema = /* @__PURE__ */ schema(() => z
  .string()
  .max(20)
  .transform(normaliseShortCode)
  .refine(isShortCode, 'Koden er ikke gyldig: den har seks tegn, fx K7M3QA'));
export const liveCodeParams = /* @__PURE__ */ schema(() => z.object({ code: shortCodeSchema }).strict());

/** What a phone sees by the code: the open round's questions (no results, no ids of people). */
export const livePhoneRoundSchema = /* @__PURE__ */ schema(() => z.object({
  code: z.string(),
  state: z.enum(liveRoundStates),
  title: line(200),
  eventTitle: line(EVENT_TITLE_MAX),
  questions: z.array(liveQuestionSchema),
}));
export type LivePhoneRound = z.infer<typeof livePhoneRoundSchema>;

/**
 * POST: one phone's answer to one question. `token` is a random id the browser keeps for the round
 * (one answer per phone per question; a second gets 409). The answer's shape follows the question:
 * an option id, a number 0–10, up to `maxWords` words, or a stance per statement id.
 */
export const liveAnswerSchema = /* @__PURE__ */ schema(() => z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'Ugyldig nøgle'),
    questionId: slugSchema,
    answer: z.union([
      slugSchema,
      z.int().min(0).max(10),
      z.array(singleLine(1, WORD_MAX)).min(1).max(WORDS_PER_ANSWER),
      z.record(slugSchema, z.enum(stances)),
    ]),
  })
  .strict());
export type LiveAnswer = z.infer<typeof liveAnswerSchema>;
export const liveAnswerReceiptSchema = /* @__PURE__ */ schema(() => z.object({ questionId: slugSchema, answeredAt: isoDateTime }));
