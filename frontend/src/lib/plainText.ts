/**
 * The plain-text format of the texts an admin writes for a process (purpose, the committee's tasks,
 * what happens with the input): paragraphs are separated by blank lines, and lines that start with
 * "- " are items of a bulleted list. Nothing else has a meaning, so no text can become markup: the
 * blocks are rendered with text bindings (components/ui/PlainText.vue), never as HTML.
 *
 * Within a paragraph, single line breaks are joined with a space (as a reader of the source would
 * read them); a line indented under a list item continues that item.
 */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const ITEM = /^-[ \t]+(.*)$/;

export function plainTextBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    let current: TextBlock | undefined;
    for (const raw of chunk.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      const item = ITEM.exec(line)?.[1]?.trim();
      if (item !== undefined && item !== '') {
        if (current?.kind !== 'list') blocks.push((current = { kind: 'list', items: [] }));
        current.items.push(item);
      } else if (current?.kind === 'list' && /^[ \t]/.test(raw)) {
        current.items[current.items.length - 1] += ` ${line}`;
      } else if (current?.kind === 'paragraph') {
        current.text += ` ${line}`;
      } else {
        blocks.push((current = { kind: 'paragraph', text: line }));
      }
    }
  }
  return blocks;
}
