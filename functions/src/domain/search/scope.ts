import type { PhaseKind, Process } from '#shared/schemas/process';

/** What a search's filters read from the process: the area names to index, the spans of a phase kind. */

/** Area id → Danish name, for the engine's area-name field ("ældre" finds the ideas of "Ældre, sundhed og omsorg"). */
export const areaNames = (process: Pick<Process, 'areas'>): Map<string, string> => new Map(process.areas.map((a) => [a.id, a.name.da]));

/**
 * The spans in which a phase of this kind was open (from its start, up to but not including its end;
 * the last phase may have no end). Normalised to `toISOString()` so they compare as strings with the
 * ideas' `createdAt`. Empty when the process has no phase of that kind: nothing was posted "in" it.
 */
export function phaseSpans(process: Pick<Process, 'phases'>, kind: PhaseKind): { from: string; to?: string }[] {
  return process.phases
    .filter((p) => p.kind === kind)
    .map((p) => ({ from: new Date(p.startsAt).toISOString(), ...(p.endsAt ? { to: new Date(p.endsAt).toISOString() } : {}) }));
}

export const withinSpans = (at: string, spans: { from: string; to?: string }[]): boolean =>
  spans.some((s) => at >= s.from && (s.to === undefined || at < s.to));
