import ExcelJS from 'exceljs';
import type { Cell, Column, Table } from './sheets';

/**
 * A table as an Excel workbook: the data sheet with a bold, frozen header row, a filter on it and
 * column widths that fit the content, then sheets of label–value pairs (the rule, the overview).
 * Text goes in as text cells, never as formulas, so a title like `=HYPERLINK(…)` stays inert
 * without the apostrophe the CSV needs. Loaded only by an XLSX download: exceljs is a file of its own in AWS (cdk/constructs/bundle-options.ts).
 */

export interface Workbook {
  sheetName: string;
  table: Table;
  created: Date;
  /** Further data sheets after the first (a consultation export: one per version of the document, then its comments). */
  moreTables?: { name: string; table: Table }[];
  /** Further sheets of rows such as [label, value]. */
  extraSheets: { name: string; rows: Cell[][] }[];
  /** Data sheets after those (the committee export's channel shares, after its overview). */
  lastTables?: { name: string; table: Table }[];
}

export async function toXlsx(book: Workbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Deltag';
  wb.created = book.created;
  wb.modified = book.created;

  addTable(wb, book.sheetName, book.table);
  for (const more of book.moreTables ?? []) addTable(wb, more.name, more.table);

  for (const extra of book.extraSheets) {
    const ws = wb.addWorksheet(extra.name);
    ws.columns = [{ width: 40 }, { width: 100 }];
    ws.getColumn(1).font = { bold: true };
    ws.getColumn(2).alignment = { vertical: 'top', wrapText: true, horizontal: 'left' };
    for (const r of extra.rows) ws.addRow(r);
  }
  for (const last of book.lastTables ?? []) addTable(wb, last.name, last.table);

  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}

/** A data sheet: bold frozen header row with a filter, values typed by their column. */
function addTable(wb: ExcelJS.Workbook, name: string, table: Table) {
  const { columns, rows } = table;
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.alignment = { vertical: 'top', wrapText: !!c.wrap };
    if (c.kind === 'date') column.numFmt = 'yyyy-mm-dd';
  });
  for (const cells of rows) sheet.addRow(cells.map((value, i) => cellValue(value, columns[i]!.kind)));
  styleHeader(sheet.getRow(1));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
}

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF5' } };
}

function cellValue(value: Cell, kind: Column['kind']): ExcelJS.CellValue {
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A real date (sortable, filterable), at midnight UTC so no time zone moves it to another day.
    return new Date(`${value}T00:00:00Z`);
  }
  // A hyperlink only to an absolute http(s) address; a site-relative link would resolve against the file.
  if (kind === 'link' && typeof value === 'string' && /^https?:\/\//i.test(value)) return { text: value, hyperlink: value };
  return value;
}
