import type { Block, DraftSave } from '#shared/schemas/consultation';
import { nextParagraphNo } from '#shared/rules/consultation';
import type { Draft } from '../api/consultationWorkspace';
import { optionalTextOf, pairOf, textOf, type TextPair } from './consultationForm';

/**
 * The draft editor's model (texts as Danish + English strings, `key` for Vue's list identity) and its
 * conversion to and from the API's draft; which paragraphs changed since the published version; and
 * a new paragraph's number, by the shared rule over every number the document has used.
 */
export interface BlockForm {
  key: number;
  kind: 'heading' | 'paragraph';
  no?: number;
  text: TextPair;
  cites: string[];
}
export interface DraftForm {
  title: TextPair;
  summary: TextPair;
  blocks: BlockForm[];
}

let keys = 0;
const key = () => ++keys;

export function toForm(draft: Draft | undefined): DraftForm {
  return {
    title: pairOf(draft?.title),
    summary: pairOf(draft?.summary),
    blocks: (draft?.blocks ?? []).map((b) =>
      b.kind === 'heading' ? { key: key(), kind: 'heading', text: pairOf(b.text), cites: [] } : { key: key(), kind: 'paragraph', no: b.no, text: pairOf(b.text), cites: [...(b.cites ?? [])] },
    ),
  };
}

export function fromForm(form: DraftForm): Omit<DraftSave, 'expectedUpdatedAt'> {
  const summary = optionalTextOf(form.summary);
  return {
    title: textOf(form.title),
    ...(summary ? { summary } : {}),
    blocks: form.blocks.map((b): Block =>
      b.kind === 'heading' ? { kind: 'heading', text: textOf(b.text) } : { kind: 'paragraph', no: b.no!, text: textOf(b.text), ...(b.cites.length ? { cites: [...b.cites] } : {}) },
    ),
  };
}

export const newBlock = (kind: BlockForm['kind'], no?: number): BlockForm => ({ key: key(), kind, ...(kind === 'paragraph' ? { no } : {}), text: { da: '', en: '' }, cites: [] });

/** The next paragraph number: never one the draft or any published version has used. */
export const nextNo = (form: DraftForm, published: readonly number[]): number =>
  nextParagraphNo([...published, ...form.blocks.flatMap((b) => (b.no ? [b.no] : []))]);

export const paragraphNos = (blocks: readonly Block[]): number[] => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.no] : []));

type Paragraph = Extract<Block, { kind: 'paragraph' }>;
const same = (a: Paragraph, b: Paragraph) => a.text.da === b.text.da && (a.text.en ?? '') === (b.text.en ?? '') && (a.cites ?? []).join() === (b.cites ?? []).join();

/** How a paragraph of the draft stands against the published version: new, changed or as it was. */
export function changeOf(block: Block, published: readonly Block[] | undefined): 'added' | 'changed' | undefined {
  if (block.kind !== 'paragraph' || !published) return undefined;
  const before = published.find((b): b is Paragraph => b.kind === 'paragraph' && b.no === block.no);
  if (!before) return 'added';
  return same(before, block) ? undefined : 'changed';
}

/** The draft's paragraphs that are new or changed since the published version (what publishing asks reasons for). */
export const changedParagraphs = (draft: readonly Block[], published: readonly Block[] | undefined): Paragraph[] =>
  draft.filter((b): b is Paragraph => b.kind === 'paragraph' && changeOf(b, published) !== undefined);
