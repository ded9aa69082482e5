import * as z from 'zod';
import { isoDateTime, localizedSchema, slugSchema } from './text';
import { phaseKinds } from '../rules/phases';

export { currentPhase, phaseAllows, phaseKinds, phaseRules, type PhaseKind } from '../rules/phases';

/**
 * A process (forløb) is one consultation, e.g. "AI i Gentofte Kommune". Everything belongs to one.
 * Phases run in order; what a participant may do depends on the phase that is open now.
 */
export const phaseKindSchema = z.enum(phaseKinds);

export const phaseSchema = z.object({
  kind: phaseKindSchema,
  title: localizedSchema,
  startsAt: isoDateTime,
  /** Absent on a last phase that has no end (typically "closed"). */
  endsAt: isoDateTime.optional(),
});
export type Phase = z.infer<typeof phaseSchema>;

export const areaSchema = z.object({ id: slugSchema, name: localizedSchema });
export type Area = z.infer<typeof areaSchema>;

export const effectSchema = z.object({ id: slugSchema, name: localizedSchema });
export type Effect = z.infer<typeof effectSchema>;

/** Per-user abuse limits, counted in DynamoDB so they hold across Lambda instances. */
export const rateLimitsSchema = z.object({
  votesPerMinute: z.int().min(1),
  commentsPerMinute: z.int().min(1),
  ideasPerHour: z.int().min(1),
  flagsPerHour: z.int().min(1),
});
export type RateLimits = z.infer<typeof rateLimitsSchema>;
export const defaultRateLimits: RateLimits = { votesPerMinute: 30, commentsPerMinute: 10, ideasPerHour: 5, flagsPerHour: 20 };

export const processSettingsSchema = z.object({
  /** pre: new ideas wait for a moderator; post: published at once and moderated afterwards. */
  moderation: z.enum(['pre', 'post']),
  /** Distinct flags that take a target out of public lists until a moderator has looked. */
  flagThreshold: z.int().min(1).max(100),
  limits: rateLimitsSchema.default(defaultRateLimits),
});
export type ProcessSettings = z.infer<typeof processSettingsSchema>;

export const processSchema = z.object({
  id: slugSchema,
  title: localizedSchema,
  summary: localizedSchema,
  /** What the committee asks and how the ideas will be used (plain text, paragraphs split by blank lines). */
  description: localizedSchema,
  phases: z
    .array(phaseSchema)
    .min(1)
    .refine((phases) => phases.slice(0, -1).every((p) => p.endsAt !== undefined), 'Kun den sidste fase kan være uden slutdato'),
  areas: z.array(areaSchema).min(1),
  effects: z.array(effectSchema).min(1),
  settings: processSettingsSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Process = z.infer<typeof processSchema>;

export const processListSchema = z.object({ items: z.array(processSchema) });
export type ProcessList = z.infer<typeof processListSchema>;
