/**
 * Phase rules as plain code without zod, so the SPA can import them without pulling the schema
 * library into its first bundle. `schemas/process.ts` re-exports them for the server.
 */
export const phaseKinds = ['submission', 'voting', 'review', 'closed'] as const;
export type PhaseKind = (typeof phaseKinds)[number];

/** What each phase allows. One table, read by the server's rules and the SPA's buttons alike. */
export const phaseRules: Record<PhaseKind, { submit: boolean; vote: boolean; comment: boolean }> = {
  submission: { submit: true, vote: true, comment: true },
  voting: { submit: false, vote: true, comment: true },
  review: { submit: false, vote: false, comment: false },
  closed: { submit: false, vote: false, comment: false },
};

/** Whether the phase open at `now` allows an action (nothing is allowed before the first phase). */
export function phaseAllows(process: Parameters<typeof currentPhase>[0], now: Date, action: keyof (typeof phaseRules)[PhaseKind]): boolean {
  const phase = currentPhase(process, now);
  return phase !== 'upcoming' && phaseRules[phase][action];
}

/** A phase as the rules read it. The last phase may have no end: it then stays open (a closed process stays closed). */
export interface PhaseSpan {
  kind: PhaseKind;
  startsAt: string;
  endsAt?: string | undefined;
}

/** Open from its start up to, not including, its end. */
export const phaseOpenAt = (phase: PhaseSpan, now: Date): boolean => {
  const t = now.getTime();
  return Date.parse(phase.startsAt) <= t && (phase.endsAt === undefined || t < Date.parse(phase.endsAt));
};

/** The phase open at `now`; before the first phase nothing is open, after the last it is closed. */
export function currentPhase(process: { phases: readonly PhaseSpan[] }, now: Date): PhaseKind | 'upcoming' {
  const t = now.getTime();
  const open = process.phases.find((p) => phaseOpenAt(p, now));
  if (open) return open.kind;
  const first = process.phases[0];
  return first && t < Date.parse(first.startsAt) ? 'upcoming' : 'closed';
}
