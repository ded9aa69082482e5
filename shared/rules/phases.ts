/**
 * Phase rules as plain code without zod, so the SPA can import them without pulling the schema
 * library into its first bundle. `schemas/process.ts` re-exports them for the server.
 *
 * A process has typed phases with dates. Several may be open at once where their dates overlap
 * (ideas and a survey, say); an action is allowed when any open phase allows it, unless a `closed`
 * phase is open, which closes everything. Each participation module plugs into its phase kind:
 * ideas, voting, survey, consultation and event (sign-up, rules/events.ts) are built.
 */
export const phaseKinds = ['information', 'survey', 'ideas', 'voting', 'consultation', 'event', 'review', 'closed'] as const;
export type PhaseKind = (typeof phaseKinds)[number];
export const isPhaseKind = (value: unknown): value is PhaseKind => (phaseKinds as readonly unknown[]).includes(value);

export const phaseActions = ['submit', 'vote', 'comment', 'answer', 'respond', 'signup'] as const;
export type PhaseAction = (typeof phaseActions)[number];
export type PhaseRule = Record<PhaseAction, boolean>;

const nothing: PhaseRule = { submit: false, vote: false, comment: false, answer: false, respond: false, signup: false };

/** What each phase allows. One table, read by the server's rules and the SPA's buttons alike. */
export const phaseRules: Record<PhaseKind, PhaseRule> = {
  information: nothing,
  survey: { ...nothing, answer: true },
  ideas: { ...nothing, submit: true, vote: true, comment: true },
  voting: { ...nothing, vote: true, comment: true },
  /** `respond`: a response to a paragraph of a document in the public round (rules/consultation.ts). */
  consultation: { ...nothing, respond: true },
  /** `signup`: signing up for an event of the process, before its own deadline (rules/events.ts). */
  event: { ...nothing, signup: true },
  review: nothing,
  closed: nothing,
};

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

/** The phases open at `now`, in the order the process lists them. */
export const openPhases = <P extends PhaseSpan>(process: { phases: readonly P[] }, now: Date): P[] =>
  process.phases.filter((p) => phaseOpenAt(p, now));

/** A process as the participation rules read it: its phases, whether an admin archived it, its retention date. */
export interface PhasedProcess {
  phases: readonly PhaseSpan[];
  archivedAt?: string | undefined;
  settings?: { personalDataUntil?: string | undefined };
  personalDataErasedAt?: string | undefined;
}

/**
 * From its retention date on, a process's personal data is erased (functions/src/domain/retention.ts),
 * so it takes no participation: what was written then would outlive the erasure, and a vote whose
 * record was erased could be cast a second time.
 */
export const pastRetention = (process: PhasedProcess, now: Date): boolean =>
  process.personalDataErasedAt !== undefined ||
  (process.settings?.personalDataUntil !== undefined && Date.parse(process.settings.personalDataUntil) <= now.getTime());

/**
 * What the open phases allow together: the union of their rules; nothing while a `closed` phase is
 * open, nothing in an archived process (archiving ends participation whatever the dates say), and
 * nothing once the retention date has passed.
 */
export function allowedNow(process: PhasedProcess, now: Date): PhaseRule {
  if (process.archivedAt !== undefined || pastRetention(process, now)) return { ...nothing };
  const open = openPhases(process, now);
  if (open.some((p) => p.kind === 'closed')) return { ...nothing };
  const rule = { ...nothing };
  for (const p of open) for (const a of phaseActions) rule[a] ||= phaseRules[p.kind][a];
  return rule;
}

/** Whether the phases open at `now` allow an action (nothing is allowed before the first phase). */
export const phaseAllows = (process: PhasedProcess, now: Date, action: PhaseAction): boolean =>
  allowedNow(process, now)[action];

/**
 * Where the process stands: `upcoming` before its first phase starts, `closed` after every phase has
 * ended (or while a `closed` phase is open), `between` in a gap between phases, else `open`.
 */
export function processStage(process: { phases: readonly PhaseSpan[] }, now: Date): 'upcoming' | 'open' | 'between' | 'closed' {
  const open = openPhases(process, now);
  if (open.some((p) => p.kind === 'closed')) return 'closed';
  if (open.length > 0) return 'open';
  const t = now.getTime();
  if (process.phases.every((p) => t < Date.parse(p.startsAt))) return 'upcoming';
  return process.phases.some((p) => t < Date.parse(p.startsAt)) ? 'between' : 'closed';
}

/** A phase that is open now and lets participants act (anything but a `closed` phase): archiving asks for confirmation. */
export const hasActivePhase = (process: { phases: readonly PhaseSpan[] }, now: Date): boolean =>
  openPhases(process, now).some((p) => p.kind !== 'closed');

/** A problem with a list of phases: which phase (index) and field, in Danish. */
export interface PhaseProblem {
  index: number;
  field: 'kind' | 'startsAt' | 'endsAt';
  message: string;
}

/**
 * The checks a list of phases must pass, for the server's schema and the workspace's form alike:
 * each ends after it starts; they are listed by start date; two phases of the same kind do not
 * overlap (different kinds may: that is how several open at once); only the last phase may lack an
 * end. Dates that do not parse are the schema's business and are skipped here.
 */
export function phaseProblems(phases: readonly PhaseSpan[]): PhaseProblem[] {
  const problems: PhaseProblem[] = [];
  const start = (p: PhaseSpan) => Date.parse(p.startsAt);
  const end = (p: PhaseSpan) => (p.endsAt === undefined ? Infinity : Date.parse(p.endsAt));
  phases.forEach((p, i) => {
    if (!isPhaseKind(p.kind)) problems.push({ index: i, field: 'kind', message: 'Ukendt fasetype' });
    if (Number.isNaN(start(p)) || Number.isNaN(end(p))) return;
    if (end(p) <= start(p)) problems.push({ index: i, field: 'endsAt', message: 'Slutdatoen skal ligge efter startdatoen' });
    if (p.endsAt === undefined && i < phases.length - 1) problems.push({ index: i, field: 'endsAt', message: 'Kun den sidste fase kan være uden slutdato' });
    const previous = phases[i - 1];
    if (previous && start(p) < start(previous)) problems.push({ index: i, field: 'startsAt', message: 'Faserne skal stå i rækkefølge efter startdato' });
    const clash = phases.slice(0, i).find((q) => q.kind === p.kind && start(p) < end(q) && start(q) < end(p));
    if (clash) problems.push({ index: i, field: 'startsAt', message: 'Overlapper en anden fase af samme type' });
  });
  return problems;
}

/** Phase kinds in which people take part (and so leave personal data). */
const participationKinds: readonly PhaseKind[] = ['survey', 'ideas', 'voting', 'consultation', 'event'];

/**
 * The retention date must not come before the last phase people take part in has ended: the job
 * would erase the data while it is still being collected (and participation stops at that date).
 * A participation phase without an end cannot be checked and is left alone.
 */
export function retentionProblem(phases: readonly PhaseSpan[], personalDataUntil: string): string | undefined {
  const until = Date.parse(personalDataUntil);
  const lastEnd = Math.max(-Infinity, ...phases.filter((p) => participationKinds.includes(p.kind) && p.endsAt !== undefined).map((p) => Date.parse(p.endsAt!)));
  return until < lastEnd ? 'Opbevaringsfristen skal ligge efter den sidste fase, hvor man kan deltage' : undefined;
}

