import { describe, expect, it } from 'vitest';
import { BOM, csvField, neutralise, toCsv } from '#functions/domain/export/csv';
import type { Table } from '#functions/domain/export/sheets';

const table = (rows: Table['rows']): Table => ({
  columns: [
    { header: 'Titel', kind: 'text', width: 10 },
    { header: 'Stemmer', kind: 'number', width: 10 },
  ],
  rows,
});

describe('toCsv', () => {
  it('starts with the byte-order mark, separates with ";" and ends every line with CRLF', () => {
    const csv = toCsv(table([['Ældre på øen får åbent', 3]]));
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Titel;Stemmer\r\nÆldre på øen får åbent;3\r\n');
    // Encoded as UTF-8, the mark is EF BB BF and the Danish letters survive.
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('Ældre på øen får åbent');
  });

  it('uses "," when asked, and then quotes fields with a comma instead of a semicolon', () => {
    const csv = toCsv(table([['Effektivitet, kvalitet', 1], ['a;b', 2]]), { separator: ',' });
    expect(csv.slice(1)).toBe('Titel,Stemmer\r\n"Effektivitet, kvalitet",1\r\na;b,2\r\n');
  });

  it('quotes fields per RFC 4180: separator, double quote or line break inside; quotes doubled', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('Den "gode" idé', ';')).toBe('"Den ""gode"" idé"');
    expect(csvField('linje 1\nlinje 2', ';')).toBe('"linje 1\nlinje 2"');
    expect(csvField('linje 1\r\nlinje 2', ';')).toBe('"linje 1\r\nlinje 2"');
    expect(csvField('helt almindelig', ';')).toBe('helt almindelig');
    expect(csvField('', ';')).toBe('');
  });

  it('writes numbers plainly', () => {
    expect(csvField(0, ';')).toBe('0');
    expect(csvField(1234, ';')).toBe('1234');
  });
});

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises %j', (input, expected) => {
    expect(csvField(input, ';')).toBe(expected);
  });

  it('leaves text that only contains such characters later alone', () => {
    expect(neutralise('AI = bedre service')).toBe('AI = bedre service');
    expect(neutralise('e-mail@kommunen')).toBe('e-mail@kommunen');
  });

  it('neutralises inside a whole file, in every text column', () => {
    const csv = toCsv(table([['=1+1', 2]]));
    expect(csv.split('\r\n')[1]).toBe("'=1+1;2");
  });
});
