import { allowedNow, type PhasedProcess } from '#shared/rules/phases';

/**
 * Whether a process's survey can be answered now (the shared phase rule's `answer`). When
 * not, the next survey phase's start (to say when it opens) or that it has closed.
 */
export type SurveyWindow = { state: 'open' } | { state: 'upcoming'; startsAt: string } | { state: 'closed' } | { state: 'none' };

export function surveyWindow(process: PhasedProcess, now: Date): SurveyWindow {
  const surveys = process.phases.filter((p) => p.kind === 'survey');
  if (surveys.length === 0) return { state: 'none' };
  if (allowedNow(process, now).answer) return { state: 'open' };
  if (process.archivedAt) return { state: 'closed' };
  const next = surveys.filter((p) => Date.parse(p.startsAt) > now.getTime()).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
  return next ? { state: 'upcoming', startsAt: next.startsAt } : { state: 'closed' };
}
