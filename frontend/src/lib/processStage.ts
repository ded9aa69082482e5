import { openPhases, processStage } from '#shared/rules/phases';
import type { Process } from '#shared/schemas/process';
import { localized } from '../modules/i18n';
import { tw } from './workspaceI18n';

/** Where a process stands now, for the admin's list: "Åbent: Idéer og stemmer", "Ikke begyndt endnu"; nothing is open in an archived one. */
export function stageText(process: Process, now: Date): string {
  if (process.archivedAt) return '–';
  const stage = processStage(process, now);
  if (stage !== 'open') return tw(`processes.stages.${stage}`);
  return tw('processes.stages.open', { phases: openPhases(process, now).map((p) => localized(p.title)).join(', ') });
}
