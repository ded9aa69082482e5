/** RFC 4180 with `;` (Danish Excel): enough to read the export back (quoted fields may hold separators and line breaks). */
export function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/**
 * The committee export's idea table: its header and rows up to the first blank line (the channels'
 * block follows the ideas after one, shared/rules/channel-shares.ts), without the byte-order mark.
 */
export function exportIdeaTable(text: string, separator = ';'): { header: string[]; rows: string[][] } {
  const [header = [], ...rest] = parseCsv(text.replace(/^\uFEFF/, ''), separator);
  const blank = rest.findIndex((r) => r.every((f) => f === ''));
  return { header, rows: blank < 0 ? rest : rest.slice(0, blank) };
}
