import { describe, expect, it } from 'vitest';
import { contribution, counterDeltas, paragraphFigures, readTallies, tallyCounter } from '#functions/domain/consultation/figures';
import type { ResponseRecord } from '#functions/domain/consultation/response-ports';

/** The counters behind a paragraph's figures move by what a response counted before and after each write. */
const response = (over: Partial<ResponseRecord> = {}): ResponseRecord => ({
  id: '01JD0000000000000000000001',
  processId: 'p',
  documentId: 'd',
  version: 1,
  paragraphNo: 3,
  roundId: 'foelgegruppe',
  roundKind: 'invited',
  position: 'agree',
  state: 'visible',
  authorId: 'u',
  authorName: 'Mette',
  authorType: 'employee',
  edited: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});
const answer = { status: 'adopted' as const, text: 'Tak', answeredAt: '2026-12-02T10:00:00.000Z' };
const deltas = (before?: Partial<ResponseRecord> | null, after?: Partial<ResponseRecord> | null) =>
  Object.fromEntries(
    counterDeltas(contribution(before === null || before === undefined ? undefined : response(before)), contribution(after === null || after === undefined ? undefined : response(after))).map((d) => [d.counter, d.by]),
  );
const agreeEmployee = tallyCounter('foelgegruppe', 'employee', 'agree');

describe('counterDeltas', () => {
  it('counts a new position without a comment in its round and type only', () => {
    expect(deltas(null, {})).toEqual({ [agreeEmployee]: 1 });
  });

  it('counts a new comment, and the answer once it comes', () => {
    expect(deltas(null, { comment: 'x' })).toEqual({ [agreeEmployee]: 1, comments: 1 });
    expect(deltas({ comment: 'x' }, { comment: 'x', answer })).toEqual({ answered: 1 });
    expect(deltas({ comment: 'x', answer }, { comment: 'x', answer: { ...answer, text: 'Ny' } })).toEqual({});
  });

  it('moves a changed position from one counter to the other', () => {
    expect(deltas({}, { position: 'disagree' })).toEqual({ [agreeEmployee]: -1, [tallyCounter('foelgegruppe', 'employee', 'disagree')]: 1 });
  });

  it('takes everything back when the response is deleted', () => {
    expect(deltas({ comment: 'x', answer }, { state: 'deleted' })).toEqual({ [agreeEmployee]: -1, comments: -1, answered: -1 });
  });

  it('keeps a held comment counted, leaves a hidden one out of the comments but not its position, and counts it again on restore', () => {
    expect(deltas({ comment: 'x' }, { comment: 'x', state: 'held' })).toEqual({});
    expect(deltas({ comment: 'x', answer, state: 'held' }, { comment: 'x', answer, state: 'hidden' })).toEqual({ comments: -1, answered: -1 });
    expect(deltas({ comment: 'x', state: 'hidden' }, { comment: 'x' })).toEqual({ comments: 1 });
  });

  it('removing a comment takes it out of the comments', () => {
    expect(deltas({ comment: 'x' }, {})).toEqual({ comments: -1 });
  });
});

describe('paragraphFigures', () => {
  it('reads the counters back per round and type, lists every paragraph and round, with zeros where nobody responded', () => {
    const item = { [agreeEmployee]: 2, [tallyCounter('foelgegruppe', 'citizen', 'disagree')]: 1, [tallyCounter('offentlig', 'citizen', 'neutral')]: 4, comments: 3, answered: 1, pk: 'x' };

    const figures = paragraphFigures([1, 3], ['foelgegruppe', 'offentlig'], [{ paragraphNo: 3, tallies: readTallies(item), comments: 3, answered: 1 }]);

    expect(figures[0]).toEqual({
      paragraphNo: 1,
      byRound: [
        { roundId: 'foelgegruppe', total: { agree: 0, neutral: 0, disagree: 0 }, byType: {} },
        { roundId: 'offentlig', total: { agree: 0, neutral: 0, disagree: 0 }, byType: {} },
      ],
      comments: 0,
      answered: 0,
    });
    expect(figures[1]).toEqual({
      paragraphNo: 3,
      byRound: [
        {
          roundId: 'foelgegruppe',
          total: { agree: 2, neutral: 0, disagree: 1 },
          byType: { employee: { agree: 2, neutral: 0, disagree: 0 }, citizen: { agree: 0, neutral: 0, disagree: 1 } },
        },
        { roundId: 'offentlig', total: { agree: 0, neutral: 4, disagree: 0 }, byType: { citizen: { agree: 0, neutral: 4, disagree: 0 } } },
      ],
      comments: 3,
      answered: 1,
    });
  });
});
