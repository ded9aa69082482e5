import type { Process } from '#shared/schemas/process';

/**
 * A process's period and the list page's order. Apart from lib/processList.ts (which the app's shell
 * needs at start), so that these ride with the pages that show them.
 */

/** When a process starts: its first phase (phases are listed by start date). */
export const startOf = (process: Pick<Process, 'phases' | 'createdAt'>): string => process.phases[0]?.startsAt ?? process.createdAt;

/** When it ends: the last phase's end, undefined when the last phase has none (a closed phase that stays). */
export const endOf = (process: Pick<Process, 'phases'>): string | undefined => process.phases.at(-1)?.endsAt;

/** The list page's two groups: not archived and archived, each the latest start first. */
export function groupProcesses<P extends Pick<Process, 'archivedAt' | 'phases' | 'createdAt'>>(list: readonly P[]): { active: P[]; archived: P[] } {
  // By the instant, not the text: dates may carry different offsets.
  const latestFirst = (a: P, b: P) => Date.parse(startOf(b)) - Date.parse(startOf(a));
  return {
    active: list.filter((p) => p.archivedAt === undefined).sort(latestFirst),
    archived: list.filter((p) => p.archivedAt !== undefined).sort(latestFirst),
  };
}
