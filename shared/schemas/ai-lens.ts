import * as z from 'zod';
import { aiActCategories, ETHICS_NOTE_MAX, highRiskAreas } from '../rules/ai-lens';
import { multiLine } from './text';
import { schema } from './define';

/**
 * The AI Act and data-ethics lens on an idea or a recommendation (rules/ai-lens.ts). PUT replaces the
 * whole lens; an empty object removes every tag. A high-risk category names its Annex III area.
 */
export const aiLensSchema = /* @__PURE__ */ schema(() => z
  .object({
    aiActCategory: z.enum(aiActCategories, { error: 'Ukendt kategori i AI-forordningen' }).optional(),
    highRiskArea: z.enum(highRiskAreas, { error: 'Ukendt område i bilag III' }).optional(),
    dpiaNeeded: z.boolean().optional(),
    digitalExclusion: z.boolean().optional(),
    ethicsNote: multiLine(1, ETHICS_NOTE_MAX).optional(),
  })
  .strict()
  .superRefine((l, ctx) => {
    if (l.aiActCategory === 'high-risk' && !l.highRiskArea) ctx.addIssue({ code: 'custom', path: ['highRiskArea'], message: 'Vælg området i bilag III' });
    if (l.aiActCategory !== 'high-risk' && l.highRiskArea) ctx.addIssue({ code: 'custom', path: ['highRiskArea'], message: 'Et område i bilag III hører kun til højrisiko' });
  }));
export type AiLens = z.infer<typeof aiLensSchema>;

/** The body of PUT …/ai-lens: the lens, and the version edited (a concurrent change is refused with 409). */
export const aiLensUpdateSchema = /* @__PURE__ */ schema(() => z.object({ lens: aiLensSchema, expectedUpdatedAt: z.iso.datetime({ offset: true }) }).strict());
export type AiLensUpdate = z.infer<typeof aiLensUpdateSchema>;
