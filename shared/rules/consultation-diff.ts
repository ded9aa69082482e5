/**
 * A readable diff between two versions of a consultation document, zod-free and pure so the server
 * answers `documentDiff` with it and a test can pin it down. Paragraphs are matched by their stable
 * number (rules/consultation.ts), never by position or text: an edited "§ 4" is a change of § 4,
 * wherever it moved. The entries follow the newer version's order; a removed paragraph is shown
 * right after the paragraph that stood before it in the older version (or first, if none did).
 * A changed paragraph's Danish text is split into word-level pieces for highlighting.
 */

type Localized = { da: string; en?: string | undefined };
export type DiffBlock =
  | { kind: 'heading'; text: Localized }
  | { kind: 'paragraph'; no: number; text: Localized; cites?: readonly string[] | undefined };

export type PieceOp = 'same' | 'added' | 'removed';
export interface DiffPiece {
  op: PieceOp;
  text: string;
}
export interface DiffEntry {
  paragraphNo?: number;
  kind: 'heading' | 'unchanged' | 'changed' | 'added' | 'removed';
  before?: string;
  after?: string;
  pieces?: DiffPiece[];
  because?: { id: string }[];
}

/**
 * Above this many token pairs a changed paragraph is shown as its whole old text removed and its new
 * text added: the word diff's table grows with the product of the lengths (two 4000-character
 * paragraphs are about 1,400 tokens each, 2 million cells), and a request must stay fast.
 */
export const WORD_DIFF_MAX_CELLS = 400_000;

type Paragraph = Extract<DiffBlock, { kind: 'paragraph' }>;

const sameParagraph = (a: Paragraph, b: Paragraph) =>
  a.text.da === b.text.da && (a.text.en ?? '') === (b.text.en ?? '') && [...(a.cites ?? [])].join(',') === [...(b.cites ?? [])].join(',');

/** The diff from `older` to `newer`; `changes` (the newer version's) fill each changed paragraph's `because`. */
export function diffVersions(
  older: readonly DiffBlock[],
  newer: readonly DiffBlock[],
  changes: readonly { paragraphNo: number; responseIds: readonly string[] }[] = [],
): DiffEntry[] {
  const oldByNo = new Map<number, Paragraph>();
  for (const b of older) if (b.kind === 'paragraph') oldByNo.set(b.no, b);
  const newNos = new Set(newer.flatMap((b) => (b.kind === 'paragraph' ? [b.no] : [])));
  const because = new Map(changes.map((c) => [c.paragraphNo, c.responseIds.map((id) => ({ id }))]));

  // Removed paragraphs, keyed by the number of the older paragraph they followed that is still there (0: the start).
  const removedAfter = new Map<number, Paragraph[]>();
  let anchor = 0;
  for (const b of older) {
    if (b.kind !== 'paragraph') continue;
    if (newNos.has(b.no)) anchor = b.no;
    else removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), b]);
  }
  const removed = (after: number): DiffEntry[] =>
    (removedAfter.get(after) ?? []).map((p) => ({ paragraphNo: p.no, kind: 'removed', before: p.text.da }));

  const entries: DiffEntry[] = removed(0);
  for (const b of newer) {
    if (b.kind === 'heading') {
      entries.push({ kind: 'heading', after: b.text.da });
      continue;
    }
    const was = oldByNo.get(b.no);
    const reasons = because.get(b.no);
    const withReasons = (e: DiffEntry): DiffEntry => (reasons && e.kind !== 'unchanged' ? { ...e, because: reasons } : e);
    if (!was) entries.push(withReasons({ paragraphNo: b.no, kind: 'added', after: b.text.da }));
    else if (sameParagraph(was, b)) entries.push({ paragraphNo: b.no, kind: 'unchanged', before: was.text.da, after: b.text.da });
    else entries.push(withReasons({ paragraphNo: b.no, kind: 'changed', before: was.text.da, after: b.text.da, pieces: wordDiff(was.text.da, b.text.da) }));
    entries.push(...removed(b.no));
  }
  return entries;
}

/**
 * Words, each with the white space after it (and any leading white space alone), so joining the pieces
 * gives the texts back exactly and a space alone never counts as a shared word between two edits.
 */
const tokens = (text: string) => text.match(/^\s+|\S+\s*/g) ?? [];

/** Word-level pieces from `before` to `after` (longest common subsequence of tokens), neighbours of one kind merged. */
export function wordDiff(before: string, after: string): DiffPiece[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > WORD_DIFF_MAX_CELLS) return merge([...(before ? [{ op: 'removed' as const, text: before }] : []), ...(after ? [{ op: 'added' as const, text: after }] : [])]);
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..], one flat array.
  const width = b.length + 1;
  const lcs = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const pieces: DiffPiece[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pieces.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) pieces.push({ op: 'removed', text: a[i++]! });
    else pieces.push({ op: 'added', text: b[j++]! });
  }
  while (i < a.length) pieces.push({ op: 'removed', text: a[i++]! });
  while (j < b.length) pieces.push({ op: 'added', text: b[j++]! });
  return merge(pieces);
}

function merge(pieces: DiffPiece[]): DiffPiece[] {
  const out: DiffPiece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
