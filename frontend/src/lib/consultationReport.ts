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

/** A paragraph's figures in one published version (positions are counted per version: a round reads the version current then). */
export interface VersionFigures {
  version: number;
  figures?: ParagraphFigures;
}

/** One row per version, round and participant type that responded, oldest version first. */
export function figureRows(figures: readonly VersionFigures[]): { version: number; roundId: string; type: string; tally: Tally }[] {
  return figures.flatMap(({ version, figures: f }) =>
    (f?.byRound ?? []).flatMap((round) => Object.entries(round.byType).flatMap(([type, tally]) => (tally ? [{ version, roundId: round.roundId, type, tally }] : []))),
  );
}
/** The paragraph's total over every version and round. */
export const totalOf = (figures: readonly VersionFigures[]): Tally =>
  figures.flatMap((v) => v.figures?.byRound ?? []).reduce((sum, r) => add(sum, r.total), emptyTally());
