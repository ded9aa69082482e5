import { openPhases, type PhaseSpan } from '#shared/rules/phases';

/**
 * Whether a process's survey can be answered now: while one of its `survey` phases is open. When
 * not, the next survey phase's start (to say when it opens) or that it has closed.
 */
export type SurveyWindow = { state: 'open' } | { state: 'upcoming'; startsAt: string } | { state: 'closed' } | { state: 'none' };

export function surveyWindow(process: { phases: readonly PhaseSpan[]; archivedAt?: string | undefined }, now: Date): SurveyWindow {
  const surveys = process.phases.filter((p) => p.kind === 'survey');
  if (surveys.length === 0) return { state: 'none' };
  if (process.archivedAt) return { state: 'closed' };
  if (openPhases({ phases: surveys }, now).length) return { state: 'open' };
  const next = surveys.filter((p) => Date.parse(p.startsAt) > now.getTime()).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
  return next ? { state: 'upcoming', startsAt: next.startsAt } : { state: 'closed' };
}
