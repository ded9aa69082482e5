import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';

/**
 * The text of a PDF drawn with the standard fonts (the frozen annex), page by page, one string per
 * drawn line: pdf-lib re-opens the file, each page's content streams are inflated and the hex strings
 * of its Tj operators decoded from WinAnsi (windows-1252). Enough to read what the renderer wrote;
 * not a general PDF text extractor.
 */
export async function pdfText(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const decoder = new TextDecoder('windows-1252');
  return doc.getPages().map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    const lines: string[] = [];
    for (const ref of refs) {
      const stream = doc.context.lookup(ref as PDFRef);
      if (!(stream instanceof PDFRawStream)) continue;
      const filter = stream.dict.get(PDFName.of('Filter'));
      const raw = filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : Buffer.from(stream.contents);
      for (const m of raw.toString('latin1').matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
        lines.push(decoder.decode(Buffer.from(m[1]!, 'hex')));
      }
    }
    return lines;
  });
}
