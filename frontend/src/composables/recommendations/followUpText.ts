import { lensTags, type AiLensValue } from '#shared/rules/ai-lens';
import type { Label } from '#shared/rules/labels';

/** An initiative's risk class in the register: its lens's AI Act tag (with the Annex III area), or undefined when not assessed. */
export function riskClass(lens: AiLensValue | undefined): Label | undefined {
  return lensTags(lens).find((tag) => tag.id.startsWith('ai-act-'))?.label;
}

/** Today in Danish time (YYYY-MM-DD), for an initiative's standing where the API gave no day. */
export function danishToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
