// handler --> (use case) --> RecommendationStore, ProcessStore
import { initiativeStanding } from '#shared/rules/recommendations';
import type { Register, StatusReport } from '#shared/schemas/recommendations';
import { localDate } from '../../lib/copenhagen-time';
import type { RecommendationRecord } from '../ports';
import { getProcess } from '../processes';
import type { RecommendationDeps } from './deps';
import { newestFirst, recommendationViews, toProgressUpdate } from './views';

type Tracked = RecommendationRecord & { initiative: NonNullable<RecommendationRecord['initiative']> };

/** A process's initiatives: adopted recommendations with an owner and timeline, by start date. */
async function initiatives(deps: Pick<RecommendationDeps, 'recommendations'>, processId: string): Promise<Tracked[]> {
  return (await deps.recommendations.list(processId))
    .filter((r): r is Tracked => r.status === 'adopted' && r.initiative !== undefined)
    .sort((a, b) => a.initiative.startsOn.localeCompare(b.initiative.startsOn) || a.title.localeCompare(b.title, 'da'));
}

/**
 * The public follow-through register: the process's adopted recommendations that have an initiative,
 * each with its owner, timeline, risk class (the lens) and progress newest first, as of today in
 * Denmark (the day a reader's "late" is measured against). 404 for an unknown process.
 */
export async function getRegister(deps: RecommendationDeps, processId: string): Promise<Register> {
  await getProcess(deps.processes, processId);
  const items = await recommendationViews(deps, processId, await initiatives(deps, processId));
  return { processId, today: localDate(deps.clock.now()), items };
}

/**
 * The revisit's status report. For a process cloned from an earlier round (`clonedFrom`): each
 * initiative of the earlier round's register, how it stands today (rules initiativeStanding), its
 * latest progress update and how many there are. A process that is not a revisit has no items and
 * no earlier process; so has one whose earlier round is gone.
 */
export async function getStatusReport(deps: RecommendationDeps, processId: string): Promise<StatusReport> {
  const process = await getProcess(deps.processes, processId);
  const today = localDate(deps.clock.now());
  const earlier = process.clonedFrom ? await deps.processes.get(process.clonedFrom) : undefined;
  if (!earlier) return { processId, today, items: [] };
  const [tracked, progress] = await Promise.all([initiatives(deps, earlier.id), deps.recommendations.progress(earlier.id)]);
  const items = tracked.map((r) => {
    const updates = progress.filter((p) => p.recommendationId === r.id).sort(newestFirst);
    const { owner, startsOn, endsOn, state } = r.initiative;
    return {
      recommendationId: r.id,
      title: r.title,
      owner,
      startsOn,
      endsOn,
      state,
      standing: initiativeStanding(r.initiative, today),
      ...(r.aiLens ? { aiLens: r.aiLens } : {}),
      ...(updates[0] ? { lastUpdate: toProgressUpdate(updates[0]) } : {}),
      updates: updates.length,
    };
  });
  return { processId, earlierProcessId: earlier.id, earlierProcessTitle: earlier.title.da, today, items };
}
