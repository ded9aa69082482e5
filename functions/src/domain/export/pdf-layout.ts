import { PageSizes, rgb, StandardFonts, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * A small flowing layout on pdf-lib for the frozen annex: paragraphs that wrap, tables whose rows
 * stay whole and whose header repeats on each page, and a footer with page numbers drawn once the
 * page count is known. Measures follow styles/print.css: A4 landscape, 15 mm margins, 10 pt text at
 * 1.4 line height, figures-only page numbers ("2 / 5") at the bottom right in 8 pt.
 */

const MM = 72 / 25.4;
export const MARGIN = 15 * MM;
/** A4 landscape, as the print CSS: one orientation for the whole document. */
const [PAGE_H, PAGE_W] = PageSizes.A4 as [number, number];
export const TEXT_WIDTH = PAGE_W - 2 * MARGIN;
const FOOTER_SIZE = 8;
/** Room kept at the bottom for the footer line. */
const FOOTER_SPACE = FOOTER_SIZE * 2.5;
const LINE = 1.4;
const black = rgb(0, 0, 0);
const rule = rgb(0.55, 0.55, 0.55);

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  // The standard 14 fonts need no embedding (small, fast files) and read WinAnsi: æ, ø, å, é, ü work.
  return { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
}

/**
 * Text the standard fonts can draw: each character WinAnsi lacks (emoji, most non-Latin script)
 * becomes "?", so a participant's title never breaks the render; soft hyphens go (they only mark
 * where a screen may break), and tabs, line separators and no-break spaces become plain spaces.
 */
export function winAnsi(font: PDFFont, text: string): string {
  const known = charsets.get(font) ?? new Set(font.getCharacterSet());
  charsets.set(font, known);
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n') out += ch;
    else if (code === 0xad || (code >= 0xfe00 && code <= 0xfe0f) || code === 0x200d) continue;
    else if (/\s/u.test(ch)) out += ' ';
    else out += known.has(code) ? ch : '?';
  }
  return out;
}
const charsets = new WeakMap<PDFFont, Set<number>>();

/** Lines of at most `width` points; a word wider than a line is cut where it must be. */
export function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  const space = font.widthOfTextAtSize(' ', size);
  for (const paragraph of winAnsi(font, text).split('\n')) {
    let line = '';
    // Widths add up word by word (the standard fonts have no kerning here), so a line is not measured again for each word.
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const wordWidth = font.widthOfTextAtSize(word, size);
      const candidateWidth = line ? lineWidth + space + wordWidth : wordWidth;
      if (candidateWidth <= width) {
        line = line ? `${line} ${word}` : word;
        lineWidth = candidateWidth;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        // The longest head that fits, by halving: a 2,000-character "word" would cost millions of measures one by one.
        let low = 1;
        let high = rest.length - 1;
        while (low < high) {
          const mid = Math.ceil((low + high) / 2);
          if (font.widthOfTextAtSize(rest.slice(0, mid), size) <= width) low = mid;
          else high = mid - 1;
        }
        const cut = low;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
      lineWidth = font.widthOfTextAtSize(rest, size);
    }
    lines.push(line);
  }
  return lines;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  indent?: number;
  /** Space after the block, in points. */
  after?: number;
}

export interface Column {
  header: string;
  width: number;
  /** Figures are right-aligned, as in the annex's tables. */
  numeric?: boolean;
}

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.pages.push(this.page);
    this.y = PAGE_H - MARGIN;
  }

  private get bottom(): number {
    return MARGIN + FOOTER_SPACE;
  }

  /** A new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < this.bottom) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  /** A wrapped paragraph; it may run over to the next page line by line. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const indent = style.indent ?? 0;
    for (const line of wrap(font, size, text, TEXT_WIDTH - indent)) {
      this.ensure(size * LINE);
      this.y -= size * LINE;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y + size * 0.3, size, font, color: black });
    }
    this.y -= style.after ?? 0;
  }

  /** A heading kept on the page of the first lines that follow it. */
  heading(text: string, size: number): void {
    this.ensure(size * LINE + 4 * 10 * LINE);
    this.space(size * 0.6);
    this.text(text, { size, bold: true, after: size * 0.3 });
  }

  /** Label and value on one line each, two columns (the annex's figures). */
  pairs(items: [string, string][]): void {
    const size = 10;
    const valueX = MARGIN + TEXT_WIDTH * 0.45;
    for (const [label, value] of items) {
      const lines = wrap(this.fonts.regular, size, label, TEXT_WIDTH * 0.43);
      this.ensure(lines.length * size * LINE);
      const top = this.y;
      for (const line of lines) {
        this.y -= size * LINE;
        this.page.drawText(line, { x: MARGIN, y: this.y + size * 0.3, size, font: this.fonts.regular, color: black });
      }
      this.page.drawText(winAnsi(this.fonts.bold, value), { x: valueX, y: top - size * LINE + size * 0.3, size, font: this.fonts.bold, color: black });
    }
  }

  /** A table: rows kept whole across pages, the header repeated on each page it spans. */
  table(columns: Column[], rows: string[][], size = 9): void {
    const pad = 4;
    const lineH = size * LINE;
    const cells = (values: string[], font: PDFFont) => values.map((v, i) => wrap(font, size, v, columns[i]!.width - 2 * pad));
    const header = cells(columns.map((c) => c.header), this.fonts.bold);
    const heightOf = (lines: string[][]) => Math.max(...lines.map((l) => l.length)) * lineH + 2 * pad;
    const draw = (lines: string[][], font: PDFFont) => {
      const height = heightOf(lines);
      let x = MARGIN;
      lines.forEach((cell, i) => {
        const column = columns[i]!;
        cell.forEach((line, n) => {
          const width = font.widthOfTextAtSize(line, size);
          const left = column.numeric ? x + column.width - pad - width : x + pad;
          this.page.drawText(line, { x: left, y: this.y - pad - (n + 1) * lineH + size * 0.3, size, font, color: black });
        });
        x += column.width;
      });
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + TEXT_WIDTH, y: this.y }, thickness: 0.5, color: rule });
    };
    const body = rows.map((r) => cells(r, this.fonts.regular));
    this.ensure(heightOf(header) + (body[0] ? heightOf(body[0]) : 0));
    draw(header, this.fonts.bold);
    for (const row of body) {
      if (this.y - heightOf(row) < this.bottom) {
        this.newPage();
        draw(header, this.fonts.bold);
      }
      draw(row, this.fonts.regular);
    }
  }

  /** The footer on every page: `left` (journal number, version, date) and "n / total". */
  footers(left: string): void {
    const font = this.fonts.regular;
    const text = winAnsi(font, left);
    this.pages.forEach((page, i) => {
      const number = `${i + 1} / ${this.pages.length}`;
      const y = MARGIN;
      page.drawText(text, { x: MARGIN, y, size: FOOTER_SIZE, font, color: black });
      page.drawText(number, { x: PAGE_W - MARGIN - font.widthOfTextAtSize(number, FOOTER_SIZE), y, size: FOOTER_SIZE, font, color: black });
    });
  }
}
