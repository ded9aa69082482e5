import { positions, type Position } from '#shared/rules/consultation';
import type { ParagraphFigures } from '#shared/schemas/consultation';
import type { ParticipantType } from '#shared/schemas/user';
import type { FigureRecord, ResponseRecord } from './response-ports';

/**
 * The pre-aggregated counters behind a paragraph's figures, kept exact by one rule: every write
 * moves the counters by the difference between what the response counted before and after it
 * (`counterDeltas`), in the write's own transaction. What a response counts:
 * - its position, in its round and the author's participant type, unless it is deleted (a hidden
 *   comment still says where its author stands);
 * - a comment, while it is visible or held (a hidden or deleted one needs no answer);
 * - an answered comment, likewise.
 */
export interface Contribution {
  tally?: { roundId: string; type: ParticipantType; position: Position };
  comment: boolean;
  answered: boolean;
}

export function contribution(r: Pick<ResponseRecord, 'state' | 'roundId' | 'authorType' | 'position' | 'comment' | 'answer'> | undefined): Contribution {
  if (!r || r.state === 'deleted') return { comment: false, answered: false };
  const open = r.state === 'visible' || r.state === 'held';
  const comment = open && r.comment !== undefined;
  return {
    // A response whose author was erased keeps its place in the figures under the type it was given with.
    ...(r.authorType ? { tally: { roundId: r.roundId, type: r.authorType, position: r.position } } : {}),
    comment,
    answered: comment && r.answer !== undefined,
  };
}

/** A counter attribute's name and how much it moves. */
export interface CounterDelta {
  counter: string;
  by: number;
}

/** The attribute of a tally counter on a figures item. */
export const tallyCounter = (roundId: string, type: ParticipantType, position: Position) => `t#${roundId}#${type}#${position}`;
export const COMMENTS = 'comments';
export const ANSWERED = 'answered';

/** What moves, from the response as it was (undefined: new) to as it will be (undefined: gone). Zero moves are left out. */
export function counterDeltas(before: Contribution, after: Contribution): CounterDelta[] {
  const moves = new Map<string, number>();
  const add = (counter: string, by: number) => moves.set(counter, (moves.get(counter) ?? 0) + by);
  if (before.tally) add(tallyCounter(before.tally.roundId, before.tally.type, before.tally.position), -1);
  if (after.tally) add(tallyCounter(after.tally.roundId, after.tally.type, after.tally.position), 1);
  add(COMMENTS, Number(after.comment) - Number(before.comment));
  add(ANSWERED, Number(after.answered) - Number(before.answered));
  return [...moves].flatMap(([counter, by]) => (by === 0 ? [] : [{ counter, by }]));
}

/** Reads a figures item's counter attributes back into a record. */
export function readTallies(attributes: Record<string, unknown>): FigureRecord['tallies'] {
  const tallies: FigureRecord['tallies'] = {};
  for (const [name, value] of Object.entries(attributes)) {
    const [t, roundId, type, position] = name.split('#');
    if (t !== 't' || !roundId || !type || !position || typeof value !== 'number') continue;
    const byType = (tallies[roundId] ??= {});
    const byPosition = (byType[type as ParticipantType] ??= {});
    byPosition[position as Position] = value;
  }
  return tallies;
}

const zero = () => ({ agree: 0, neutral: 0, disagree: 0 });

/** The figures of each paragraph of a version, in its order; a paragraph nobody responded to has zeros, every round listed. */
export function paragraphFigures(paragraphNos: number[], roundIds: string[], records: FigureRecord[]): ParagraphFigures[] {
  const byNo = new Map(records.map((r) => [r.paragraphNo, r]));
  return paragraphNos.map((paragraphNo) => {
    const record = byNo.get(paragraphNo);
    // Rounds removed from the setup since keep their figures (people did respond in them).
    const rounds = [...new Set([...roundIds, ...Object.keys(record?.tallies ?? {})])];
    return {
      paragraphNo,
      byRound: rounds.map((roundId) => {
        const total = zero();
        const byType: ParagraphFigures['byRound'][number]['byType'] = {};
        for (const [type, counts] of Object.entries(record?.tallies[roundId] ?? {})) {
          const tally = zero();
          for (const p of positions) {
            // A counter is never below zero; a negative one would be a bug, shown as zero rather than passed on.
            tally[p] = Math.max(0, counts?.[p] ?? 0);
            total[p] += tally[p];
          }
          // A type whose responses were all deleted leaves zero counters behind: not shown.
          if (positions.some((p) => tally[p] > 0)) byType[type as ParticipantType] = tally;
        }
        return { roundId, total, byType };
      }),
      comments: Math.max(0, record?.comments ?? 0),
      answered: Math.max(0, record?.answered ?? 0),
    };
  });
}
