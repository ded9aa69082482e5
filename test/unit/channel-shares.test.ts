import { describe, expect, it } from 'vitest';
import { channelShares, countChannels, percentText } from '#shared/rules/channel-shares';
import { channelTable } from '#functions/domain/export/sheets';
import { toCsv } from '#functions/domain/export/csv';

const zero = { web: 0, 'assisted-in-person': 0, 'assisted-phone': 0, paper: 0, event: 0 };

describe('channel shares', () => {
  it('counts an item without a channel (or with one this version does not know) as web', () => {
    expect(countChannels([undefined, 'paper', 'web', 'assisted-phone', 'paper', 'telegram'])).toEqual({ ...zero, web: 3, paper: 2, 'assisted-phone': 1 });
    expect(countChannels([])).toEqual(zero);
  });

  it('gives every channel in a fixed order with its share of the total; 0 without any (no division by zero)', () => {
    const shares = channelShares({ ...zero, web: 6, paper: 1, 'assisted-in-person': 1 });
    expect(shares.map((s) => s.channel)).toEqual(['web', 'assisted-in-person', 'assisted-phone', 'paper', 'event']);
    expect(shares.map((s) => s.share)).toEqual([0.75, 0.125, 0, 0.125, 0]);
    expect(channelShares(zero).every((s) => s.share === 0)).toBe(true);
  });

  it('writes a share as Danish and English readers expect', () => {
    expect(percentText(0.125, 'da')).toBe('12,5 %');
    expect(percentText(0.125, 'en')).toBe('12.5%');
    expect(percentText(2 / 3, 'da')).toBe('66,7 %');
    expect(percentText(0, 'da')).toBe('0 %');
  });

  it('lays out the export’s "Kanaler" table with Danish labels, counts and shares', () => {
    const table = channelTable({ ideas: { ...zero, web: 3, paper: 1 }, comments: { ...zero, 'assisted-phone': 2 }, surveyAnswers: zero });
    expect(table.columns.map((c) => c.header)).toEqual(['Kanal', 'Idéer', 'Andel af idéer', 'Kommentarer', 'Andel af kommentarer', 'Svar på spørgeskemaet', 'Andel af svar']);
    expect(table.rows[0]).toEqual(['På nettet', 3, '75 %', 0, '0 %', 0, '0 %']);
    expect(table.rows[2]).toEqual(['Borgerservice, telefon', 0, '0 %', 2, '100 %', 0, '0 %']);
    expect(table.rows[3]![0]).toBe('Papirskema');
    expect(toCsv(table, { separator: ';', bom: false }).split('\r\n')[1]).toBe('På nettet;3;75 %;0;0 %;0;0 %');
  });
});
