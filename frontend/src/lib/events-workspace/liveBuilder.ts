import { STATEMENT_MAX, STATEMENTS_MAX, type LiveQuestionKind } from '#shared/rules/events';
import type { Block } from '#shared/schemas/consultation';
import type { LiveQuestion, LiveRoundDefinition } from '#shared/schemas/live-rounds';
import { pairOf, textOf, type TextPair } from '../consultationForm';

/**
 * The live-round builder's model: a round's title and its questions of the four kinds, every text as
 * Danish + English strings, each list item with a `key` for Vue's list identity across moves. Ids
 * (q1, o1, s1, p7 for a consultation paragraph) are made here, never typed: the phone and the
 * results only need them to be stable and unique.
 */
export interface ItemForm {
  key: number;
  id: string;
  text: TextPair;
}
export interface QuestionForm {
  key: number;
  id: string;
  kind: LiveQuestionKind;
  text: TextPair;
  /** single: the options; statements: the statements. */
  items: ItemForm[];
  lowLabel: TextPair;
  highLabel: TextPair;
  maxWords: number;
}
export interface RoundForm {
  title: TextPair;
  questions: QuestionForm[];
}

let keys = 0;
const nextKey = () => ++keys;
const empty = (): TextPair => ({ da: '', en: '' });

/** The first free id `<prefix><n>` among `taken`. */
export function freeId(prefix: string, taken: readonly string[]): string {
  let n = 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export const newItem = (prefix: 'o' | 's', taken: readonly string[], text: TextPair = empty()): ItemForm => ({ key: nextKey(), id: freeId(prefix, taken), text });

export function newQuestion(kind: LiveQuestionKind, taken: readonly string[]): QuestionForm {
  const q: QuestionForm = { key: nextKey(), id: freeId('q', taken), kind, text: empty(), items: [], lowLabel: empty(), highLabel: empty(), maxWords: 3 };
  if (kind === 'single') q.items = [newItem('o', []), newItem('o', ['o1'])];
  if (kind === 'statements') q.items = [newItem('s', [])];
  return q;
}

export const emptyRoundForm = (): RoundForm => ({ title: empty(), questions: [] });

export function roundToForm(def: Pick<LiveRoundDefinition, 'title' | 'questions'>): RoundForm {
  return {
    title: pairOf(def.title),
    questions: def.questions.map((q) => ({
      key: nextKey(),
      id: q.id,
      kind: q.kind,
      text: pairOf(q.text),
      items: q.kind === 'single' ? q.options.map((o) => ({ key: nextKey(), id: o.id, text: pairOf(o.label) })) : q.kind === 'statements' ? q.statements.map((s) => ({ key: nextKey(), id: s.id, text: pairOf(s.text) })) : [],
      lowLabel: pairOf(q.kind === 'scale' ? q.lowLabel : undefined),
      highLabel: pairOf(q.kind === 'scale' ? q.highLabel : undefined),
      maxWords: q.kind === 'words' ? q.maxWords : 3,
    })),
  };
}

function questionOf(q: QuestionForm): LiveQuestion {
  const base = { id: q.id, text: textOf(q.text) };
  switch (q.kind) {
    case 'single':
      return { ...base, kind: 'single', options: q.items.map((o) => ({ id: o.id, label: textOf(o.text) })) };
    case 'scale':
      return { ...base, kind: 'scale', lowLabel: textOf(q.lowLabel), highLabel: textOf(q.highLabel) };
    case 'words':
      return { ...base, kind: 'words', maxWords: q.maxWords };
    case 'statements':
      return { ...base, kind: 'statements', statements: q.items.map((s) => ({ id: s.id, text: textOf(s.text) })) };
  }
}

/** The form as the API takes it. */
export const roundFromForm = (form: RoundForm): LiveRoundDefinition => ({ title: textOf(form.title), questions: form.questions.map(questionOf) });

/** A paragraph as one line of at most STATEMENT_MAX characters (a longer one is cut at a word, with "…"). */
export function statementText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= STATEMENT_MAX) return line;
  const cut = line.slice(0, STATEMENT_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > STATEMENT_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A published consultation document's paragraphs as statements (ids p<no>), at most STATEMENTS_MAX, in both languages where given. */
export function statementsFromBlocks(blocks: readonly Block[]): ItemForm[] {
  return blocks
    .filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph')
    .slice(0, STATEMENTS_MAX)
    .map((p) => ({ key: nextKey(), id: `p${p.no}`, text: { da: statementText(p.text.da), en: p.text.en ? statementText(p.text.en) : '' } }));
}
