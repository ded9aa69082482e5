import type { Cell, Table } from './sheets';

/**
 * A table as CSV that Danish Excel opens as it is: UTF-8 with a byte-order mark (else Excel reads
 * æ, ø, å as Windows-1252), `;` between fields (Danish Excel's list separator, since `,` is the decimal
 * comma) and CRLF line ends. `,` is there for other tools. Fields are quoted per RFC 4180 when needed.
 */

export const BOM = '\uFEFF';
const CRLF = '\r\n';

/** `bom: false` for a table that follows another in the same file (only the file's start has one). */
export function toCsv(table: Table, options: { separator: ';' | ','; bom?: boolean } = { separator: ';' }): string {
  const line = (cells: Cell[]) => cells.map((c) => csvField(c, options.separator)).join(options.separator);
  return (options.bom === false ? '' : BOM) + [line(table.columns.map((c) => c.header)), ...table.rows.map(line)].map((l) => l + CRLF).join('');
}

/**
 * One field. Text is neutralised against formula injection, then quoted if it holds the separator,
 * a quote or a line break (quotes doubled). Numbers are written plainly.
 */
export function csvField(value: Cell, separator: string): string {
  if (typeof value === 'number') return String(value);
  const text = neutralise(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A spreadsheet treats a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula: `=HYPERLINK("http://x")` in a citizen's title would become a live link or worse (OWASP
 * "CSV injection"). A cell does not only start at the field's start: a reader that splits on another
 * separator than ours (`,` `;` tab `|`) or ignores the quotes around a line break starts a new cell
 * after each of them, so every such place (after optional spaces, which some readers trim) gets the
 * leading apostrophe that makes it text. The reader still sees every character written.
 */
const CELL_START = /(?<=^|[,;|\t\r\n])( *)(?=[=+\-@\t\r])/g;

export function neutralise(text: string): string {
  return text.replace(CELL_START, "$1'");
}
