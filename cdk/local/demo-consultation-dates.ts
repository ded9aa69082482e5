import type { ProcessAdminDeps } from '#functions/domain/process-admin/record';
import type { ProcessDefinition } from '#shared/schemas/process';
import { localGentofte, localStart } from '../setup/definition';
import { importDefinition } from '../setup/import';
import { DEMO_DAYS } from './demo-data';
import { withDemoEventPhase } from './demo-events-dates';

/**
 * The demo's clock for the consultation. The demo shows the process weeks into its ideas phase
 * (demo-data.ts), but in the Gentofte file the consultation comes months later, after the committee
 * has read the ideas. So that the demo has a consultation to show and to try, its `consultation`
 * phase is moved to have opened DEMO_CONSULTATION_DAYS ago, keeping its length; the rounds follow the
 * phase (setup/consultation-file.ts roundsFor), so the follow-group's round ended a week before it.
 * Only the demo does this: `npm start` and `npm run setup` keep the file's order of phases.
 */
export const DEMO_CONSULTATION_DAYS = 14;

const DAY = 24 * 60 * 60 * 1000;

/** The Gentofte process as the demo seeds it: opened DEMO_DAYS ago, its consultation DEMO_CONSULTATION_DAYS ago. */
export function demoGentofte(now: Date): ProcessDefinition {
  const definition = localGentofte(now, DEMO_DAYS);
  const phase = definition.phases.find((p) => p.kind === 'consultation');
  if (!phase) return definition;
  const delta = localStart(now, DEMO_CONSULTATION_DAYS).getTime() - Date.parse(phase.startsAt);
  const move = (iso: string) => new Date(Date.parse(iso) + delta).toISOString();
  const moved = { ...phase, startsAt: move(phase.startsAt), ...(phase.endsAt ? { endsAt: move(phase.endsAt) } : {}) };
  // Phases are listed by start date (rules/phases.ts); a stable sort keeps the rest as they were.
  const phases = definition.phases.map((p) => (p === phase ? moved : p)).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return { ...definition, phases };
}

/** Seeds the demo's process when there is none yet, as seed.ts seedFirstProcess does for `npm start`. Returns whether it did. */
export async function seedDemoProcess(deps: ProcessAdminDeps, now: Date): Promise<boolean> {
  if ((await deps.processes.list()).length > 0) return false;
  return (await importDefinition(deps, withDemoEventPhase(demoGentofte(now), now), localStart(now, DEMO_DAYS))) === 'created';
}

