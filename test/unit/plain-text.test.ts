import { describe, expect, it } from 'vitest';
import { plainTextBlocks } from '../../frontend/src/lib/plainText';

/** The plain-text format of a process's texts: paragraphs by blank lines, "- " lines as list items. */
describe('plain text blocks', () => {
  it('splits paragraphs at blank lines (also lines of spaces) and joins single line breaks with a space', () => {
    expect(plainTextBlocks('Første afsnit\nfortsat.\n\nAndet afsnit.\n  \t\nTredje afsnit.')).toEqual([
      { kind: 'paragraph', text: 'Første afsnit fortsat.' },
      { kind: 'paragraph', text: 'Andet afsnit.' },
      { kind: 'paragraph', text: 'Tredje afsnit.' },
    ]);
  });

  it('makes lines starting with "- " a list, also right after a paragraph line, and continues an item on an indented line', () => {
    expect(plainTextBlocks('Udvalget skal:\n- pege på muligheder\n- vurdere risici\n  ved brug af AI\nTil sidst et afsnit.\n\n- én ting')).toEqual([
      { kind: 'paragraph', text: 'Udvalget skal:' },
      { kind: 'list', items: ['pege på muligheder', 'vurdere risici ved brug af AI'] },
      { kind: 'paragraph', text: 'Til sidst et afsnit.' },
      { kind: 'list', items: ['én ting'] },
    ]);
  });

  it('leaves everything else as text: markup, a dash without a space, a lone dash, Windows line ends', () => {
    expect(plainTextBlocks('<b>fed</b>\r\n\r\n-ikke en liste\n-\n* heller ikke')).toEqual([
      { kind: 'paragraph', text: '<b>fed</b>' },
      { kind: 'paragraph', text: '-ikke en liste - * heller ikke' },
    ]);
  });

  it('gives no blocks for empty or blank text', () => {
    expect(plainTextBlocks('')).toEqual([]);
    expect(plainTextBlocks(' \n\n \n')).toEqual([]);
  });
});
