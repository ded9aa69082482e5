import type { Block, Draft, Version } from '#shared/schemas/consultation';
import type { Problem } from '#shared/schemas/problem';

/** The responses side's read of one response by id (its ResponseStore satisfies it). */
export interface ResponseLookup {
  get(responseId: string): Promise<{ processId: string; documentId: string; state: string; comment?: string | undefined; authorName?: string | undefined } | undefined>;
}

/** Whether a draft would publish the same text as a version (nothing to publish). */
export const sameContent = (version: Version, draft: Draft): boolean =>
  JSON.stringify([version.title, version.summary ?? null, version.blocks]) === JSON.stringify([draft.title, draft.summary ?? null, draft.blocks]);

/**
 * The problems of a publication's `changes`, at their fields: each names a paragraph of the new
 * version that is new or differs from the current version, once; each comment is a response to this
 * document. Without the responses side's reads (`lookup` absent) a comment is only checked to be an
 * id (the schema); with them, one that does not exist or belongs to another document is refused.
 */
export async function changeProblems(
  lookup: ResponseLookup | undefined,
  processId: string,
  documentId: string,
  changes: readonly { paragraphNo: number; responseIds: readonly string[] }[],
  blocks: readonly Block[],
  previous: readonly Block[],
): Promise<NonNullable<Problem['errors']>> {
  const now = new Map(blocks.flatMap((b) => (b.kind === 'paragraph' ? [[b.no, JSON.stringify([b.text, b.cites ?? []])] as const] : [])));
  const before = new Map(previous.flatMap((b) => (b.kind === 'paragraph' ? [[b.no, JSON.stringify([b.text, b.cites ?? []])] as const] : [])));
  const problems: NonNullable<Problem['errors']> = [];
  const named = new Set<number>();
  for (const [i, change] of changes.entries()) {
    const no = change.paragraphNo;
    const path = `body.changes.${i}.paragraphNo`;
    if (named.has(no)) problems.push({ path, message: `§ ${no} er nævnt to gange.` });
    else if (!now.has(no)) problems.push({ path, message: `§ ${no} er ikke et afsnit i den nye version.` });
    else if (before.get(no) === now.get(no)) problems.push({ path, message: `§ ${no} er ikke ændret i den nye version.` });
    named.add(no);
    if (!lookup) continue;
    for (const [j, id] of change.responseIds.entries()) {
      const response = await lookup.get(id);
      if (!response || response.processId !== processId || response.documentId !== documentId) {
        problems.push({ path: `body.changes.${i}.responseIds.${j}`, message: 'Kommentaren findes ikke på dette dokument.' });
      }
    }
  }
  return problems;
}
