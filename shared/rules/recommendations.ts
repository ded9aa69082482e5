import type { Label } from './labels';

/**
 * The committee's recommendations ("egnede områder", issue 16) and the follow-through register of the
 * adopted ones. Zod-free: both ends decide with these.
 *
 *   proposed ──adopt──▶ adopted (by the political committee) ──▶ an initiative in the register
 *       │  ▲                 planned ▶ in-progress ▶ done | stopped, with dated progress updates
 *       ▼  │
 *     rejected
 */
export const recommendationStatuses = ['proposed', 'adopted', 'rejected'] as const;
export type RecommendationStatus = (typeof recommendationStatuses)[number];

export const recommendationStatusLabels: Record<RecommendationStatus, Label> = {
  proposed: { da: 'Foreslået af udvalget', en: 'Proposed by the committee' },
  adopted: { da: 'Vedtaget af det politiske udvalg', en: 'Adopted by the political committee' },
  rejected: { da: 'Ikke vedtaget', en: 'Not adopted' },
};

/**
 * Each expected effect (the process's `effects`: efficiency, quality, speed, better service, better
 * working environment) is weighted 0–3: 0 none, 1 some, 2 clear, 3 large.
 */
export const EFFECT_WEIGHT_MAX = 3;
export const effectWeightLabels: Label[] = [
  { da: 'Ingen', en: 'None' },
  { da: 'Nogen', en: 'Some' },
  { da: 'Tydelig', en: 'Clear' },
  { da: 'Stor', en: 'Large' },
];

export const RECOMMENDATION_TITLE_MAX = 160;
export const RATIONALE_MAX = 8000;
/** The ideas one recommendation builds on (each a link shown with its votes). */
export const RECOMMENDATION_IDEAS_MAX = 25;
export const RECOMMENDATIONS_PER_PROCESS_MAX = 200;

export const initiativeStates = ['planned', 'in-progress', 'done', 'stopped'] as const;
export type InitiativeState = (typeof initiativeStates)[number];
export const initiativeStateLabels: Record<InitiativeState, Label> = {
  planned: { da: 'Planlagt', en: 'Planned' },
  'in-progress': { da: 'I gang', en: 'In progress' },
  done: { da: 'Gennemført', en: 'Done' },
  stopped: { da: 'Stoppet', en: 'Stopped' },
};
export const OWNER_MAX = 160;
export const PROGRESS_TEXT_MAX = 4000;

/** Only an adopted recommendation becomes an initiative in the register. */
export const canTrack = (status: RecommendationStatus) => status === 'adopted';

/**
 * How an initiative stands on a day (YYYY-MM-DD, Danish time), for the register and the revisit's
 * status report: late when its end date has passed and it is neither done nor stopped.
 */
export type InitiativeStanding = 'on-track' | 'late' | 'done' | 'stopped' | 'not-started';
export function initiativeStanding(i: { state: InitiativeState; startsOn: string; endsOn: string }, today: string): InitiativeStanding {
  if (i.state === 'done' || i.state === 'stopped') return i.state;
  if (i.endsOn < today) return 'late';
  if (i.state === 'planned' && i.startsOn > today) return 'not-started';
  return 'on-track';
}
export const standingLabels: Record<InitiativeStanding, Label> = {
  'on-track': { da: 'Følger planen', en: 'On track' },
  late: { da: 'Forsinket', en: 'Late' },
  done: { da: 'Gennemført', en: 'Done' },
  stopped: { da: 'Stoppet', en: 'Stopped' },
  'not-started': { da: 'Ikke startet endnu', en: 'Not started yet' },
};

/** The secretariat's journal number on a frozen annex, e.g. "00.01.00-P20-1-26" (letters, digits, . - / and spaces). */
export const JOURNAL_NUMBER_PATTERN = /^[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå.\-/ ]{1,39}$/;
