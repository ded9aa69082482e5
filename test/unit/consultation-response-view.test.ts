import { describe, expect, it } from 'vitest';
import { commentsTable, versionTable } from '#functions/domain/consultation/export-sheets';
import { paragraphFigures, tallyCounter } from '#functions/domain/consultation/figures';
import type { ResponseRecord } from '#functions/domain/consultation/response-ports';
import { toResponse } from '#functions/domain/consultation/response-view';
import type { Version } from '#shared/schemas/consultation';

/** What each audience sees of a response, and the export's sheets. */
const response = (over: Partial<ResponseRecord> = {}): ResponseRecord => ({
  id: '01JD0000000000000000000001',
  processId: 'p',
  documentId: 'd',
  version: 1,
  paragraphNo: 2,
  roundId: 'offentlig',
  roundKind: 'public',
  position: 'disagree',
  state: 'visible',
  comment: 'Hvem har ansvaret?',
  commented: true,
  authorId: 'secret-user-id',
  authorName: 'Birgitte',
  authorType: 'citizen',
  edited: false,
  answer: { status: 'partly', text: 'Vi skriver det ind.', answeredAt: '2026-12-02T10:00:00.000Z' },
  flagCount: 2,
  createdAt: '2026-12-01T23:30:00.000Z',
  updatedAt: '2026-12-01T23:30:00.000Z',
  ...over,
});

describe('toResponse', () => {
  it('shows a visible comment with its author and answer, and never the author\'s id or flags', () => {
    const shown = toResponse(response());
    expect(shown).toMatchObject({ comment: 'Hvem har ansvaret?', authorName: 'Birgitte', authorType: 'citizen', answer: { status: 'partly' } });
    expect(JSON.stringify(shown)).not.toMatch(/secret-user-id|flagCount/);
  });

  it.each(['held', 'hidden', 'deleted'] as const)('shows a %s comment publicly as a placeholder: no text, author or answer', (state) => {
    const shown = toResponse(response({ state }));
    expect(shown.state).toBe(state);
    expect([shown.comment, shown.authorName, shown.authorType, shown.answer]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('shows held and hidden comments to the workspace, a deleted one to nobody', () => {
    expect(toResponse(response({ state: 'held' }), 'internal').comment).toBe('Hvem har ansvaret?');
    expect(toResponse(response({ state: 'hidden' }), 'internal').authorName).toBe('Birgitte');
    expect(toResponse(response({ state: 'deleted', comment: undefined, authorName: undefined }), 'internal').comment).toBeUndefined();
  });
});

describe('the export sheets', () => {
  const version: Version = {
    documentId: 'd',
    version: 1,
    title: { da: 'Etik' },
    blocks: [
      { kind: 'heading', text: { da: 'Formål' } },
      { kind: 'paragraph', no: 1, text: { da: 'Et menneske afgør.' } },
      { kind: 'paragraph', no: 2, text: { da: 'Vi er åbne.' } },
    ],
    changes: [],
    publishedAt: '2026-12-01T10:00:00.000Z',
  };
  const rounds = [{ id: 'offentlig', title: { da: 'Offentlig høring' } }];

  it('a version sheet: a row per paragraph (headings left out) with its text, the positions per round and type, and the comments', () => {
    const figures = paragraphFigures([1, 2], ['offentlig'], [{ paragraphNo: 2, tallies: { offentlig: { citizen: { disagree: 3 }, employee: { agree: 1 } } }, comments: 2, answered: 1 }]);

    const table = versionTable(version, figures, rounds);

    const header = table.columns.map((c) => c.header);
    expect(header.slice(0, 5)).toEqual(['§', 'Tekst', 'Offentlig høring: enig', 'Offentlig høring: neutral', 'Offentlig høring: uenig']);
    expect(header).toContain('Offentlig høring, borgere: uenig');
    expect(table.rows.map((r) => r.slice(0, 5))).toEqual([
      [1, 'Et menneske afgør.', 0, 0, 0],
      [2, 'Vi er åbne.', 1, 0, 3],
    ]);
    const row2 = table.rows[1]!;
    expect(row2[header.indexOf('Offentlig høring, borgere: uenig')]).toBe(3);
    expect(row2[header.indexOf('Offentlig høring, medarbejdere: enig')]).toBe(1);
    expect(row2.slice(-2)).toEqual([2, 1]);
    expect(tallyCounter('offentlig', 'citizen', 'disagree')).toBe('t#offentlig#citizen#disagree');
  });

  it('the comments sheet: each comment with the round\'s title, the committee\'s decision in Danish, and the day in Denmark', () => {
    const table = commentsTable([toResponse(response())], rounds);

    const row = Object.fromEntries(table.columns.map((c, i) => [c.header, table.rows[0]![i]]));
    expect(row).toMatchObject({ '§': 2, Runde: 'Offentlig høring', Holdning: 'Uenig', Deltagertype: 'borgere', Kommentar: 'Hvem har ansvaret?', 'Udvalgets beslutning': 'Delvist taget med', 'Udvalgets svar': 'Vi skriver det ind.' });
    // 23:30 UTC on 1 December is 00:30 on 2 December in Copenhagen.
    expect(row.Dato).toBe('2026-12-02');
  });
});
