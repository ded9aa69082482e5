/**
 * The numbering rules of a document's draft, zod-free so the workspace's editor checks them live with
 * the same words the server answers with (functions/src/domain/consultation/drafts.ts).
 *
 * A paragraph's number is its identity across versions ("§ 7" is the same paragraph in version 1
 * and 3, and a comment on it follows it). So in a draft:
 * - no number appears twice;
 * - a number that has been published before names that paragraph: it may be edited, moved or left
 *   out (and come back later), but a number never published before must be greater than every
 *   number ever published, so no new paragraph can take the place of one people have commented on;
 * - a paragraph may only cite principles of the process's reference list.
 */

export interface DraftBlockLike {
  kind: 'heading' | 'paragraph';
  no?: number;
  cites?: readonly string[];
}

export interface DraftContext {
  /** Every paragraph number of every published version of the document. */
  publishedNos: readonly number[];
  /** The ids of the process's reference list. */
  referenceIds: readonly string[];
}

export interface DraftProblem {
  /** Under the draft body: `blocks.3.no`. */
  path: string;
  message: string;
}

/** The problems of a draft's blocks, in block order; empty when the draft may be saved. */
export function draftProblems(blocks: readonly DraftBlockLike[], context: DraftContext): DraftProblem[] {
  const published = new Set(context.publishedNos);
  const maxPublished = context.publishedNos.reduce((max, n) => Math.max(max, n), 0);
  const references = new Set(context.referenceIds);
  const seen = new Set<number>();
  const problems: DraftProblem[] = [];
  blocks.forEach((block, i) => {
    if (block.kind !== 'paragraph' || block.no === undefined) return;
    const no = block.no;
    if (seen.has(no)) problems.push({ path: `blocks.${i}.no`, message: `§ ${no} er brugt til to afsnit. Hvert afsnit skal have sit eget nummer.` });
    else if (!published.has(no) && no <= maxPublished) {
      problems.push({
        path: `blocks.${i}.no`,
        message: `§ ${no} har aldrig været offentliggjort, og et nyt afsnit skal have et nummer, der ikke er brugt før: § ${maxPublished + 1} eller højere.`,
      });
    }
    seen.add(no);
    (block.cites ?? []).forEach((id, j) => {
      if (!references.has(id)) problems.push({ path: `blocks.${i}.cites.${j}`, message: `"${id}" findes ikke i forløbets referenceliste.` });
    });
  });
  return problems;
}
