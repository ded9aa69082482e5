import { describe, expect, it } from 'vitest';
import { diffVersions, wordDiff, WORD_DIFF_MAX_CELLS, type DiffBlock } from '#shared/rules/consultation-diff';
import { draftProblems } from '#shared/rules/consultation-draft';

const p = (no: number, da: string, cites?: string[]): DiffBlock => ({ kind: 'paragraph', no, text: { da }, ...(cites ? { cites } : {}) });
const h = (da: string): DiffBlock => ({ kind: 'heading', text: { da } });

describe('wordDiff', () => {
  it('marks the words that went and came, and joins back to both texts', () => {
    const pieces = wordDiff('AI må aldrig træffe afgørelser alene', 'AI må aldrig træffe en afgørelse alene');
    expect(pieces).toEqual([
      { op: 'same', text: 'AI må aldrig træffe ' },
      { op: 'removed', text: 'afgørelser ' },
      { op: 'added', text: 'en afgørelse ' },
      { op: 'same', text: 'alene' },
    ]);
    expect(pieces.filter((x) => x.op !== 'added').map((x) => x.text).join('')).toBe('AI må aldrig træffe afgørelser alene');
    expect(pieces.filter((x) => x.op !== 'removed').map((x) => x.text).join('')).toBe('AI må aldrig træffe en afgørelse alene');
  });

  it('gives up on word level for very long paragraphs: the whole old text removed, the whole new added', () => {
    const long = (w: string) => Array.from({ length: Math.ceil(Math.sqrt(WORD_DIFF_MAX_CELLS)) }, () => w).join(' ');
    expect(wordDiff(long('a'), long('b'))).toEqual([
      { op: 'removed', text: long('a') },
      { op: 'added', text: long('b') },
    ]);
  });
});

describe('diffVersions', () => {
  const v1 = [h('Formål'), p(1, 'Vi bruger AI til at hjælpe.'), p(2, 'Data deles ikke.'), p(3, 'Et menneske beslutter.'), h('Ansvar'), p(4, 'Udvalget følger op.')];
  const v2 = [h('Formål'), p(1, 'Vi bruger AI til at hjælpe borgerne.'), p(3, 'Et menneske beslutter.'), p(5, 'Borgerne kan klage.'), h('Ansvar og opfølgning'), p(4, 'Udvalget følger op.', ['aabenhed'])];

  it('matches paragraphs by number, in the newer order, a removed paragraph where it stood, and the reasons on the changed ones', () => {
    const id = '01JD0000000000000000000001';
    const entries = diffVersions(v1, v2, [
      { paragraphNo: 1, responseIds: [id] },
      { paragraphNo: 3, responseIds: [id] },
    ]);
    expect(entries.map((e) => [e.kind, e.paragraphNo])).toEqual([
      ['heading', undefined],
      ['changed', 1],
      ['removed', 2],
      ['unchanged', 3],
      ['added', 5],
      ['heading', undefined],
      ['changed', 4],
    ]);
    expect(entries[1]).toMatchObject({ before: 'Vi bruger AI til at hjælpe.', after: 'Vi bruger AI til at hjælpe borgerne.', because: [{ id }] });
    expect(entries[1]!.pieces).toEqual([
      { op: 'same', text: 'Vi bruger AI til at ' },
      { op: 'removed', text: 'hjælpe.' },
      { op: 'added', text: 'hjælpe borgerne.' },
    ]);
    // An unchanged paragraph carries no reasons even if the version names some; a citation alone is a change.
    expect(entries[3]!.because).toBeUndefined();
    expect(entries[5]!.after).toBe('Ansvar og opfølgning');
    expect(entries[6]!.pieces).toEqual([{ op: 'same', text: 'Udvalget følger op.' }]);
  });

  it('puts a removed first paragraph first, and a moved paragraph where the newer version has it', () => {
    const entries = diffVersions([p(1, 'a'), p(2, 'b'), p(3, 'c')], [p(3, 'c'), p(2, 'b')]);
    expect(entries.map((e) => [e.kind, e.paragraphNo])).toEqual([
      ['removed', 1],
      ['unchanged', 3],
      ['unchanged', 2],
    ]);
  });

  it('sees an English-only edit as a change', () => {
    const entries = diffVersions([{ kind: 'paragraph', no: 1, text: { da: 'a', en: 'a' } }], [{ kind: 'paragraph', no: 1, text: { da: 'a', en: 'b' } }]);
    expect(entries[0]!.kind).toBe('changed');
  });
});

describe('draftProblems', () => {
  const ctx = { publishedNos: [1, 2, 4], referenceIds: ['aabenhed', 'ansvar'] };
  const para = (no: number, cites?: string[]) => ({ kind: 'paragraph' as const, no, ...(cites ? { cites } : {}) });

  it('accepts published numbers in any order, left out or not, and new numbers above every published one', () => {
    expect(draftProblems([{ kind: 'heading' }, para(4), para(1, ['ansvar']), para(5), para(9)], ctx)).toEqual([]);
    expect(draftProblems([para(1), para(2)], { publishedNos: [], referenceIds: [] })).toEqual([]);
  });

  it('refuses a number twice, a new paragraph under a used number and a citation outside the list, at the field', () => {
    const problems = draftProblems([{ kind: 'heading' }, para(1), para(1), para(3), para(5, ['aabenhed', 'hemmelig'])], ctx);
    expect(problems.map((x) => x.path)).toEqual(['blocks.2.no', 'blocks.3.no', 'blocks.4.cites.1']);
    expect(problems[1]!.message).toContain('§ 5');
  });
});
