import type { ParagraphFigures, Round } from '#shared/schemas/consultation';
import { roundOpenAt } from '#shared/rules/consultation';

/** Agreement on a paragraph as the document page shows it: over all rounds, per round, and where each round stands. */
export interface Tally {
  agree: number;
  neutral: number;
  disagree: number;
}

export const emptyTally = (): Tally => ({ agree: 0, neutral: 0, disagree: 0 });
export const tallySize = (t: Tally) => t.agree + t.neutral + t.disagree;

/** The paragraph's tally over every round (the heat strip's figure). */
export function paragraphTotal(figures: ParagraphFigures | undefined): Tally {
  const sum = emptyTally();
  for (const round of figures?.byRound ?? []) {
    sum.agree += round.total.agree;
    sum.neutral += round.total.neutral;
    sum.disagree += round.total.disagree;
  }
  return sum;
}

/** Percent widths of the three parts of a strip cell, in the order agree, neutral, disagree (all 0 without responses). */
export function shares(t: Tally): [number, number, number] {
  const n = tallySize(t);
  if (!n) return [0, 0, 0];
  return [(100 * t.agree) / n, (100 * t.neutral) / n, (100 * t.disagree) / n];
}

export type RoundState = 'open' | 'upcoming' | 'ended';
export function roundState(round: Round, now: Date): RoundState {
  if (roundOpenAt(round, now)) return 'open';
  return Date.parse(round.startsAt) > now.getTime() ? 'upcoming' : 'ended';
}
