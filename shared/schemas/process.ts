import * as z from 'zod';
import { PLAIN_INTRO_MAX } from '../rules/assisted';
import { isoDateTime, localizedSchema, multiLine, singleLine, slugSchema } from './text';
import { phaseKinds, phaseProblems, retentionProblem } from '../rules/phases';
import { schema } from './define';

export { allowedNow, openPhases, phaseAllows, phaseKinds, phaseRules, processStage, type PhaseKind } from '../rules/phases';

/**
 * A process (forløb) is one consultation, e.g. "AI i Gentofte Kommune". Everything belongs to one.
 * Its phases are typed and dated, and what a participant may do depends on the phases open now
 * (`rules/phases.ts`). Admins create, edit, clone and archive processes; the definition (everything an
 * admin decides) is also the JSON format of `processes/*.json` that setup imports and the workspace
 * exports.
 */
export const phaseKindSchema = /* @__PURE__ */ schema(() => z.enum(phaseKinds, { error: 'Ukendt fasetype' }));

/** Text an admin writes for people to read: Danish required, English optional (falls back to Danish). */
const localizedText = (max: number) => z.object({ da: multiLine(1, max), en: multiLine(1, max).optional() }).strict();
const localizedLine = (max: number) => z.object({ da: singleLine(1, max), en: singleLine(1, max).optional() }).strict();

export const phaseSchema = /* @__PURE__ */ schema(() => z
  .object({
    kind: phaseKindSchema,
    title: localizedLine(120),
    startsAt: isoDateTime,
    /** Absent on a last phase that has no end (typically "closed"). */
    endsAt: isoDateTime.optional(),
  })
  .strict());
export type Phase = z.infer<typeof phaseSchema>;

/** An area or expected effect. One in use by an idea cannot be removed, only retired: new ideas cannot choose it. */
export const areaSchema = /* @__PURE__ */ schema(() => z.object({ id: slugSchema, name: localizedLine(120), retired: z.boolean().optional() }).strict());
export type Area = z.infer<typeof areaSchema>;

export const effectSchema = areaSchema;
export type Effect = Area;

/** Per-user abuse limits, counted in DynamoDB so they hold across Lambda instances. */
export const rateLimitsSchema = /* @__PURE__ */ schema(() => z
  .object({
    votesPerMinute: z.int().min(1).max(1000),
    commentsPerMinute: z.int().min(1).max(1000),
    ideasPerHour: z.int().min(1).max(1000),
    flagsPerHour: z.int().min(1).max(1000),
  })
  .strict());
export type RateLimits = z.infer<typeof rateLimitsSchema>;
export const defaultRateLimits: RateLimits = { votesPerMinute: 30, commentsPerMinute: 10, ideasPerHour: 5, flagsPerHour: 20 };

/**
 * When staff are told (issue 16): moderators when the pending or flagged queue has waited longer than
 * `queueAlertHours`; the committee `remindDaysBefore` days before an idea's answer deadline (svarfrist).
 */
export const followUpSettingsSchema = /* @__PURE__ */ schema(() => z
  .object({
    queueAlertHours: z.int().min(1).max(720),
    remindDaysBefore: z.int().min(1).max(60),
  })
  .strict());
export type FollowUpSettings = z.infer<typeof followUpSettingsSchema>;

export const processSettingsSchema = /* @__PURE__ */ schema(() => z
  .object({
    /** pre: new ideas wait for a moderator; post: published at once and moderated afterwards. */
    moderation: z.enum(['pre', 'post']),
    /** Distinct flags that take a target out of public lists until a moderator has looked. */
    flagThreshold: z.int().min(1).max(100),
    limits: rateLimitsSchema.default(defaultRateLimits),
    /** How many ideas one person may vote for in the process; null: as many as they like. */
    votesPerPerson: z.int().min(1).max(1000).nullable().default(null),
    /**
     * After this moment the retention job erases the personal data in the process (names, votes,
     * flags, accounts' links to ideas and comments); the ideas and comments stay, anonymous.
     */
    personalDataUntil: isoDateTime,
    /** Staff mails (issue 16): absent means the defaults in rules/follow.ts. */
    followUp: followUpSettingsSchema.optional(),
  })
  .strict());
export type ProcessSettings = z.infer<typeof processSettingsSchema>;

/** A member of the committee as the municipality publishes it. */
export const memberSchema = /* @__PURE__ */ schema(() => z.object({ name: singleLine(1, 120), role: localizedLine(120) }).strict());
export type Member = z.infer<typeof memberSchema>;

/** A meeting on the timeline (the committee's meetings, a theme day). */
export const meetingSchema = /* @__PURE__ */ schema(() => z.object({ at: isoDateTime, title: localizedLine(200) }).strict());
export type Meeting = z.infer<typeof meetingSchema>;

/** The committee's charter (kommissorium) as the process page shows it. Plain text: paragraphs split by blank lines, lines starting with "- " are list items. */
export const charterSchema = /* @__PURE__ */ schema(() => z
  .object({
    /** The committee's tasks. */
    tasks: localizedText(8000),
    members: z.array(memberSchema).max(60),
    meetings: z.array(meetingSchema).max(60),
    /** What will happen with the input. */
    outcome: localizedText(4000),
  })
  .strict());
export type Charter = z.infer<typeof charterSchema>;

/** Ids that name a page of their own in the workspace (`/arbejdsrum/forloeb/nyt` creates a process), so no process can have them. */
export const reservedProcessIds = ['nyt'] as const;
/** A new process's id: a slug no page uses. */
const newProcessId = /* @__PURE__ */ schema(() => slugSchema.refine((id) => !(reservedProcessIds as readonly string[]).includes(id), 'Adressen bruges af en side i Deltag. Vælg en anden'));

const uniqueIds = (list: { id: string }[]) => new Set(list.map((x) => x.id)).size === list.length;

/** Everything an admin decides about a process: the body of create, the JSON file setup imports, the export. */
export const processDefinitionSchema = /* @__PURE__ */ schema(() => z
  .object({
    /** The slug in the process's URLs (`/forloeb/{id}`); chosen at creation and never changed. */
    id: newProcessId,
    title: localizedLine(160),
    summary: localizedText(600),
    /** What the committee asks and how the ideas will be used. */
    description: localizedText(8000),
    /** The introduction in plain language ("letlæst"): short sentences, everyday words; the page offers it beside the full text. */
    plainIntro: localizedText(PLAIN_INTRO_MAX).optional(),
    charter: charterSchema,
    phases: z.array(phaseSchema).min(1, 'Tilføj mindst én fase').max(20),
    areas: z.array(areaSchema).min(1, 'Tilføj mindst ét område').max(40).refine(uniqueIds, 'To områder har samme id'),
    effects: z.array(effectSchema).min(1, 'Tilføj mindst én effekt').max(40).refine(uniqueIds, 'To effekter har samme id'),
    settings: processSettingsSchema,
  })
  .strict()
  .superRefine((d, ctx) => {
    for (const p of phaseProblems(d.phases)) ctx.addIssue({ code: 'custom', path: ['phases', p.index, p.field], message: p.message });
    const retention = retentionProblem(d.phases, d.settings.personalDataUntil);
    if (retention) ctx.addIssue({ code: 'custom', path: ['settings', 'personalDataUntil'], message: retention });
  }));
export type ProcessDefinition = z.infer<typeof processDefinitionSchema>;

export const processSchema = /* @__PURE__ */ schema(() => z.object({
  id: slugSchema,
  title: localizedSchema,
  summary: localizedSchema,
  description: localizedSchema,
  plainIntro: localizedSchema.optional(),
  charter: charterSchema,
  phases: z.array(phaseSchema).min(1),
  areas: z.array(areaSchema).min(1),
  effects: z.array(effectSchema).min(1),
  settings: processSettingsSchema,
  /** Archived processes are listed apart and take no participation. */
  archivedAt: isoDateTime.optional(),
  /** When the retention job erased the personal data (see settings.personalDataUntil). */
  personalDataErasedAt: isoDateTime.optional(),
  /** The process this one was cloned from (the earlier round of a revisit), so the rounds' surveys can be compared. */
  clonedFrom: slugSchema.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
}));
export type Process = z.infer<typeof processSchema>;

export const processListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(processSchema) }));
export type ProcessList = z.infer<typeof processListSchema>;

/** PATCH: the top-level fields to replace (not the id), and the `updatedAt` the admin edited, so a concurrent change is not overwritten. */
export const processUpdateSchema = /* @__PURE__ */ schema(() => z
  .object({
    expectedUpdatedAt: isoDateTime,
    title: localizedLine(160).optional(),
    summary: localizedText(600).optional(),
    description: localizedText(8000).optional(),
    /** null removes it. */
    plainIntro: localizedText(PLAIN_INTRO_MAX).nullable().optional(),
    charter: charterSchema.optional(),
    phases: z.array(phaseSchema).min(1, 'Tilføj mindst én fase').max(20).optional(),
    areas: z.array(areaSchema).min(1, 'Tilføj mindst ét område').max(40).refine(uniqueIds, 'To områder har samme id').optional(),
    effects: z.array(effectSchema).min(1, 'Tilføj mindst én effekt').max(40).refine(uniqueIds, 'To effekter har samme id').optional(),
    settings: processSettingsSchema.optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    for (const p of phaseProblems(d.phases ?? [])) ctx.addIssue({ code: 'custom', path: ['phases', p.index, p.field], message: p.message });
  }));
export type ProcessUpdate = z.infer<typeof processUpdateSchema>;

/**
 * Clone a process for a new committee or the two-year revisit: a new slug and title, the phases,
 * meetings and retention date moved so the first phase starts at `startsAt`; no ideas come along.
 */
export const processCloneSchema = /* @__PURE__ */ schema(() => z
  .object({
    id: newProcessId,
    title: localizedLine(160),
    startsAt: isoDateTime,
  })
  .strict());
export type ProcessClone = z.infer<typeof processCloneSchema>;

/** Archive (or bring back) a process. With an open phase, archiving needs `confirm: true`. */
export const processArchiveSchema = /* @__PURE__ */ schema(() => z.object({ archived: z.boolean(), confirm: z.boolean().optional() }).strict());
export type ProcessArchive = z.infer<typeof processArchiveSchema>;

/**
 * One field's change in a process's configuration, as the audit log keeps it and the public
 * "changes to this process" list shows it. `field` is a top-level field (`phases`, `areas`) or a
 * setting (`settings.flagThreshold`); before and after are the values as stored (absent on create).
 */
export const configChangeSchema = /* @__PURE__ */ schema(() => z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() }));
export type ConfigChange = z.infer<typeof configChangeSchema>;

/** Fields whose changes are public: the rules participants act under. Texts and the charter are left to the page itself. */
export const publicConfigFields = ['phases', 'areas', 'effects', 'settings.moderation', 'settings.flagThreshold', 'settings.limits', 'settings.votesPerPerson', 'settings.personalDataUntil', 'archived'] as const;

export const processChangeSchema = /* @__PURE__ */ schema(() => z.object({
  at: isoDateTime,
  action: z.enum(['process-create', 'process-update', 'process-archive', 'process-restore', 'process-erase']),
  changes: z.array(configChangeSchema),
}));
export type ProcessChange = z.infer<typeof processChangeSchema>;
export const processChangeListSchema = /* @__PURE__ */ schema(() => z.object({ items: z.array(processChangeSchema) }));
export type ProcessChangeList = z.infer<typeof processChangeListSchema>;
