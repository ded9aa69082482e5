import * as z from 'zod';
import {
  ANSWER_MAX,
  CHANGE_REASONS_MAX,
  DOCUMENT_BLOCKS_MAX,
  HEADING_MAX,
  INVITED_EMAILS_MAX,
  PARAGRAPH_MAX,
  REFERENCES_MAX,
  ROUNDS_MAX,
  VERSION_NOTE_MAX,
  answerStatuses,
  positions,
  reservedDocumentIds,
  roundKinds,
} from '../rules/consultation';
import { COMMENT_MAX } from '../rules/values';
import { participantTypeSchema } from './user';
import { isoDateTime, multiLine, singleLine, slugSchema, ulidSchema } from './text';
import { schema } from './define';

/**
 * The consultation of a process (module `consultation`, phase kind `consultation`): documents with
 * numbered paragraphs and their versions, the rounds people respond in, responses per paragraph and
 * the committee's answer to each comment. Rules both ends decide are in `rules/consultation.ts`.
 * Every text is plain text (paragraphs, `- ` list items, bare http(s) links the SPA makes clickable),
 * never HTML.
 */

const line = (max: number) => z.object({ da: singleLine(1, max), en: singleLine(1, max).optional() }).strict();
const text = (max: number) => z.object({ da: multiLine(1, max), en: multiLine(1, max).optional() }).strict();

// ---- The process's setup: reference list and rounds ----

/** A principle a paragraph may rest on, e.g. one of the data-ethics compass's. */
export const referenceSchema = /* @__PURE__ */ schema(() => z.object({ id: slugSchema, label: line(200), description: text(1000).optional() }).strict());
/** One named list per process (e.g. "Gentofte Kommunes dataetiske kompas"). */
export const referenceListSchema = /* @__PURE__ */ schema(() => z.object({ name: line(200), items: z.array(referenceSchema).max(REFERENCES_MAX) }).strict());
export type ReferenceList = z.infer<typeof referenceListSchema>;

export const roundSchema = /* @__PURE__ */ schema(() => z
  .object({
    id: slugSchema,
    kind: z.enum(roundKinds),
    title: line(200),
    /** Who the round is for and how their input is used (shown on the document page). */
    description: text(1000).optional(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
  })
  .strict()
  .refine((r) => Date.parse(r.endsAt) > Date.parse(r.startsAt), { message: 'Slutdatoen skal ligge efter startdatoen', path: ['endsAt'] }));
export type Round = z.infer<typeof roundSchema>;

/** What the workspace saves (PUT, admins). An invited round's members join by its link or are invited by e-mail (`inviteRound`). */
export const consultationSetupSaveSchema = /* @__PURE__ */ schema(() => z
  .object({
    references: referenceListSchema.optional(),
    rounds: z.array(roundSchema).max(ROUNDS_MAX),
    /** The version the admin edited (optimistic concurrency); absent when there is no setup yet. */
    expectedUpdatedAt: isoDateTime.optional(),
  })
  .strict());
export type ConsultationSetupSave = z.infer<typeof consultationSetupSaveSchema>;

/** The setup as the workspace reads it: invited rounds carry their join link's token and their member count. */
export const consultationSetupSchema = /* @__PURE__ */ schema(() => z.object({
  processId: slugSchema,
  references: referenceListSchema.optional(),
  rounds: z.array(roundSchema.and(z.object({ inviteToken: z.string().optional(), memberCount: z.int().min(0).optional() }))),
  updatedAt: isoDateTime,
}));
export type ConsultationSetup = z.infer<typeof consultationSetupSchema>;

/** Invite people to an invited round by e-mail: each gets the join link; a person who signs up with that address is a member. */
export const roundInviteSchema = /* @__PURE__ */ schema(() => z.object({ emails: z.array(z.email()).min(1).max(INVITED_EMAILS_MAX) }).strict());
export const roundInviteReceiptSchema = /* @__PURE__ */ schema(() => z.object({ invited: z.int().min(0), alreadyMembers: z.int().min(0) }));
export const roundJoinSchema = /* @__PURE__ */ schema(() => z.object({ token: z.string().min(16).max(128) }).strict());

/** A person's standing in the process's rounds (drives the document page's response controls). */
export const myRoundsSchema = /* @__PURE__ */ schema(() => z.object({
  rounds: z.array(z.object({ roundId: slugSchema, member: z.boolean(), verdict: z.enum(['open', 'not-open', 'not-member', 'process-closed']) })),
}));

// ---- Documents and versions ----

export const blockSchema = /* @__PURE__ */ schema(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: line(HEADING_MAX) }).strict(),
  z
    .object({
      kind: z.literal('paragraph'),
      /** Stable for the document's whole life (rules/consultation.ts); the draft gives a new paragraph the next free number. */
      no: z.int().min(1),
      text: text(PARAGRAPH_MAX),
      /** Ids in the process's reference list. */
      cites: z.array(slugSchema).max(10).optional(),
    })
    .strict(),
]));
export type Block = z.infer<typeof blockSchema>;

export const documentCreateSchema = /* @__PURE__ */ schema(() => z
  .object({
    id: slugSchema.refine((id) => !(reservedDocumentIds as readonly string[]).includes(id), { message: 'Dette id bruges af en anden side. Vælg et andet.' }),
    title: line(200),
    summary: text(2000).optional(),
  })
  .strict());
export type DocumentCreate = z.infer<typeof documentCreateSchema>;

/** The draft of the next version as the workspace saves it (PUT); numbers must be unique, and a number once published keeps its paragraph. */
export const draftSaveSchema = /* @__PURE__ */ schema(() => z
  .object({
    title: line(200),
    summary: text(2000).optional(),
    blocks: z.array(blockSchema).min(1).max(DOCUMENT_BLOCKS_MAX),
    expectedUpdatedAt: isoDateTime.optional(),
  })
  .strict());
export type DraftSave = z.infer<typeof draftSaveSchema>;
export const draftSchema = /* @__PURE__ */ schema(() => draftSaveSchema.omit({ expectedUpdatedAt: true }).extend({ documentId: slugSchema, basedOnVersion: z.int().min(0), updatedAt: isoDateTime }));
export type Draft = z.infer<typeof draftSchema>;

/** Publishing the draft as the next version: what changed and, per changed paragraph, the comments that led to it. */
export const versionPublishSchema = /* @__PURE__ */ schema(() => z
  .object({
    note: text(VERSION_NOTE_MAX),
    changes: z.array(z.object({ paragraphNo: z.int().min(1), responseIds: z.array(ulidSchema).min(1).max(CHANGE_REASONS_MAX) }).strict()).max(DOCUMENT_BLOCKS_MAX).default([]),
    expectedUpdatedAt: isoDateTime,
  })
  .strict());
export type VersionPublish = z.infer<typeof versionPublishSchema>;

export const versionSchema = /* @__PURE__ */ schema(() => z.object({
  documentId: slugSchema,
  version: z.int().min(1),
  title: line(200),
  summary: text(2000).optional(),
  blocks: z.array(blockSchema),
  note: text(VERSION_NOTE_MAX).optional(),
  /** Per paragraph changed in this version: the comments (on earlier versions) that led to the change. */
  changes: z.array(z.object({ paragraphNo: z.int(), responseIds: z.array(ulidSchema) })),
  publishedAt: isoDateTime,
}));
export type Version = z.infer<typeof versionSchema>;

/** Agreement per paragraph, by round and participant type (pre-aggregated, exact). */
const tallySchema = /* @__PURE__ */ schema(() => z.object({ agree: z.int().min(0), neutral: z.int().min(0), disagree: z.int().min(0) }));
export const paragraphFiguresSchema = /* @__PURE__ */ schema(() => z.object({
  paragraphNo: z.int(),
  byRound: z.array(z.object({ roundId: slugSchema, total: tallySchema, byType: z.partialRecord(participantTypeSchema, tallySchema) })),
  comments: z.int().min(0),
  answered: z.int().min(0),
}));
export type ParagraphFigures = z.infer<typeof paragraphFiguresSchema>;

export const documentSummarySchema = /* @__PURE__ */ schema(() => z.object({
  id: slugSchema,
  title: line(200),
  summary: text(2000).optional(),
  currentVersion: z.int().min(0),
  publishedAt: isoDateTime.optional(),
  comments: z.int().min(0),
  answered: z.int().min(0),
}));
/** `rounds`: the process's rounds, so the public list can say who each is for and when (the join page reads them too). */
export const documentListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(documentSummarySchema), rounds: z.array(roundSchema).optional() }));

/** A published version as the document page reads it, with the process's references and rounds and per-paragraph figures. */
export const documentViewSchema = /* @__PURE__ */ schema(() => z.object({
  processId: slugSchema,
  version: versionSchema,
  versions: z.array(z.object({ version: z.int(), publishedAt: isoDateTime })),
  references: referenceListSchema.optional(),
  rounds: z.array(roundSchema),
  figures: z.array(paragraphFiguresSchema),
  /** "X of Y comments answered" for the whole document (all versions). */
  comments: z.int().min(0),
  answered: z.int().min(0),
}));
export type DocumentView = z.infer<typeof documentViewSchema>;

export const versionQuerySchema = /* @__PURE__ */ schema(() => z.object({ version: z.coerce.number().int().min(1).optional() }).strict());
export const diffQuerySchema = /* @__PURE__ */ schema(() => z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }).strict());

/** A readable diff, paragraph by paragraph, in the newer version's order (removed paragraphs where they stood). */
export const diffEntrySchema = /* @__PURE__ */ schema(() => z.object({
  paragraphNo: z.int().optional(),
  kind: z.enum(['heading', 'unchanged', 'changed', 'added', 'removed']),
  before: z.string().optional(),
  after: z.string().optional(),
  /** Word-level pieces of a changed paragraph (Danish text), for highlighting. */
  pieces: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })).optional(),
  /** The comments the version names as the reason for this change. */
  because: z.array(z.object({ id: ulidSchema, body: z.string().optional(), authorName: z.string().optional() })).optional(),
}));
export const documentDiffSchema = /* @__PURE__ */ schema(() => z.object({ documentId: slugSchema, from: z.int(), to: z.int(), entries: z.array(diffEntrySchema) }));
export type DocumentDiff = z.infer<typeof documentDiffSchema>;

// ---- Responses and answers ----

export const responseCreateSchema = /* @__PURE__ */ schema(() => z
  .object({
    roundId: slugSchema,
    paragraphNo: z.int().min(1),
    position: z.enum(positions),
    comment: multiLine(1, COMMENT_MAX).optional(),
  })
  .strict());
export type ResponseCreate = z.infer<typeof responseCreateSchema>;

/** The author changes their position while the round is open, and the comment within the comment edit window (null removes it). */
export const responseUpdateSchema = /* @__PURE__ */ schema(() => z
  .object({ position: z.enum(positions).optional(), comment: multiLine(1, COMMENT_MAX).nullable().optional() })
  .strict()
  .refine((u) => u.position !== undefined || u.comment !== undefined, { message: 'Angiv en holdning eller en kommentar' }));
export type ResponseUpdate = z.infer<typeof responseUpdateSchema>;

export const answerSaveSchema = /* @__PURE__ */ schema(() => z.object({ status: z.enum(answerStatuses), text: multiLine(1, ANSWER_MAX) }).strict());
export type AnswerSave = z.infer<typeof answerSaveSchema>;
export const committeeAnswerSchema = /* @__PURE__ */ schema(() => z.object({ status: z.enum(answerStatuses), text: z.string(), answeredAt: isoDateTime }));

/** A response as shown: like an idea comment, a held, hidden or deleted one shows neither text nor author. */
export const responseSchema = /* @__PURE__ */ schema(() => z.object({
  id: ulidSchema,
  processId: slugSchema,
  documentId: slugSchema,
  version: z.int().min(1),
  paragraphNo: z.int(),
  roundId: slugSchema,
  roundKind: z.enum(roundKinds),
  position: z.enum(positions),
  state: z.enum(['visible', 'deleted', 'held', 'hidden']),
  comment: z.string().optional(),
  authorName: z.string().optional(),
  authorType: participantTypeSchema.optional(),
  edited: z.boolean(),
  answer: committeeAnswerSchema.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
}));
export type ConsultationResponse = z.infer<typeof responseSchema>;

export const responseListQuerySchema = /* @__PURE__ */ schema(() => z
  .object({
    paragraph: z.coerce.number().int().min(1).optional(),
    round: slugSchema.optional(),
    /** Workspace only: comments still without an answer. */
    unanswered: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    /** Workspace only: comments in one state (`held`: flagged comments waiting for a moderator). */
    state: z.enum(['visible', 'held', 'hidden', 'deleted']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  })
  .strict());
export const responseListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(responseSchema), nextCursor: z.string().nullable() }));

/** Min side: "hvad skete der med dit input" — the person's responses with their answers. */
export const myResponseSchema = /* @__PURE__ */ schema(() => responseSchema.extend({ processTitle: z.string(), documentTitle: z.string() }));
export const myResponseListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(myResponseSchema), nextCursor: z.string().nullable() }));
export const myResponseQuerySchema = /* @__PURE__ */ schema(() => z.object({ limit: z.coerce.number().int().min(1).max(50).default(20), cursor: z.string().max(2048).optional() }).strict());

export const documentExportQuerySchema = /* @__PURE__ */ schema(() => z.object({ format: z.enum(['xlsx', 'json']).default('xlsx') }).strict());
/** The JSON export (validated in tests): the version, its figures and every comment with its answer. */
export const documentExportSchema = /* @__PURE__ */ schema(() => z.object({
  processId: slugSchema,
  version: versionSchema,
  figures: z.array(paragraphFiguresSchema),
  responses: z.array(responseSchema),
  exportedAt: isoDateTime,
}));
export type DocumentExport = z.infer<typeof documentExportSchema>;
