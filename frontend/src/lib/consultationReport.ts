import type { ParagraphFigures } from '#shared/schemas/consultation';

/**
 * Plain helpers for the comments page and the printed report: a paragraph's text as a one-line
 * excerpt, and a paragraph's figures summed over rounds and participant types.
 */
export const plainExcerpt = (text: string, max = 220): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
};

export interface Tally {
  agree: number;
  neutral: number;
  disagree: number;
}
export const emptyTally = (): Tally => ({ agree: 0, neutral: 0, disagree: 0 });
export const add = (a: Tally, b: Tally): Tally => ({ agree: a.agree + b.agree, neutral: a.neutral + b.neutral, disagree: a.disagree + b.disagree });

/** One row per round and participant type that responded, and the paragraph's total. */
export function figureRows(figures: ParagraphFigures | undefined): { roundId: string; type?: string; tally: Tally }[] {
  const rows: { roundId: string; type?: string; tally: Tally }[] = [];
  for (const round of figures?.byRound ?? []) {
    for (const [type, tally] of Object.entries(round.byType)) if (tally) rows.push({ roundId: round.roundId, type, tally });
  }
  return rows;
}
export const totalOf = (figures: ParagraphFigures | undefined): Tally => (figures?.byRound ?? []).reduce((sum, r) => add(sum, r.total), emptyTally());
