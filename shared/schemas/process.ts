import * as z from 'zod';
import { isoDateTime, localizedSchema, slugSchema } from './text';

/**
 * A process (forløb) is one consultation, e.g. "AI i Gentofte Kommune". Everything belongs to one.
 * Phases run in order; what a participant may do depends on the phase that is open now.
 */
export const phaseKinds = ['submission', 'voting', 'review', 'closed'] as const;
export const phaseKindSchema = z.enum(phaseKinds);
export type PhaseKind = z.infer<typeof phaseKindSchema>;

/** What each phase allows. One table, read by the server's rules and the SPA's buttons alike. */
export const phaseRules: Record<PhaseKind, { submit: boolean; vote: boolean; comment: boolean }> = {
  submission: { submit: true, vote: true, comment: true },
  voting: { submit: false, vote: true, comment: true },
  review: { submit: false, vote: false, comment: false },
  closed: { submit: false, vote: false, comment: false },
};

export const phaseSchema = z.object({
  kind: phaseKindSchema,
  title: localizedSchema,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
});
export type Phase = z.infer<typeof phaseSchema>;

export const areaSchema = z.object({ id: slugSchema, name: localizedSchema });
export type Area = z.infer<typeof areaSchema>;

export const effectSchema = z.object({ id: slugSchema, name: localizedSchema });
export type Effect = z.infer<typeof effectSchema>;

export const processSettingsSchema = z.object({
  /** pre: new ideas wait for a moderator; post: published at once and moderated afterwards. */
  moderation: z.enum(['pre', 'post']),
  /** Distinct flags that take a target out of public lists until a moderator has looked. */
  flagThreshold: z.int().min(1).max(100),
});
export type ProcessSettings = z.infer<typeof processSettingsSchema>;

export const processSchema = z.object({
  id: slugSchema,
  title: localizedSchema,
  summary: localizedSchema,
  /** What the committee asks and how the ideas will be used (plain text, paragraphs split by blank lines). */
  description: localizedSchema,
  phases: z.array(phaseSchema).min(1),
  areas: z.array(areaSchema).min(1),
  effects: z.array(effectSchema).min(1),
  settings: processSettingsSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Process = z.infer<typeof processSchema>;

export const processListSchema = z.object({ items: z.array(processSchema) });
export type ProcessList = z.infer<typeof processListSchema>;

/** The phase open at `now`; before the first phase nothing is open, after the last it is closed. */
export function currentPhase(process: Pick<Process, 'phases'>, now: Date): PhaseKind | 'upcoming' {
  const t = now.getTime();
  const open = process.phases.find((p) => Date.parse(p.startsAt) <= t && t < Date.parse(p.endsAt));
  if (open) return open.kind;
  const first = process.phases[0];
  return first && t < Date.parse(first.startsAt) ? 'upcoming' : 'closed';
}
