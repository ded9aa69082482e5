import type { ChannelShares, ExportDocument, ExportSummary } from '#shared/schemas/export';
import { channelShares, percentText } from '#shared/rules/channel-shares';
import { channelLabels } from '#shared/rules/labels';
import { publicStatuses } from '#shared/schemas/idea';
import type { ParticipantType } from '#shared/schemas/user';
import { localDate, localDateTime } from '../../lib/copenhagen-time';
import { actionName, beneficiaryName, statusName } from './labels';
import { lensCells, lensColumns } from './recommendations';

/**
 * The export as a spreadsheet, the form CSV and XLSX share: the table of ideas with Danish headers
 * (csv.ts and xlsx.ts write it), then, in the workbook only, label–value sheets for the rule and the
 * overview. Dates are written as the day in Denmark, so a late-evening idea is not filed a day early.
 */

export type Cell = string | number;

export interface Column {
  header: string;
  /** How a spreadsheet should treat the values: numbers stay numbers, dates become dates, links links. */
  kind: 'text' | 'number' | 'date' | 'link';
  /** Column width in characters (XLSX). */
  width: number;
  /** Long texts wrap in their cell (XLSX). */
  wrap?: boolean;
}

export interface Table {
  columns: Column[];
  rows: Cell[][];
}

/** Danish headers, in the order of the schema's fields. Widths are in characters, for XLSX. */
const columns: Column[] = [
  { header: 'Placering', kind: 'number', width: 10 },
  { header: 'Id', kind: 'text', width: 29 },
  { header: 'Titel', kind: 'text', width: 50, wrap: true },
  { header: 'Område', kind: 'text', width: 28 },
  { header: 'Forventede effekter', kind: 'text', width: 30, wrap: true },
  { header: 'Hvem gavner det', kind: 'text', width: 26, wrap: true },
  { header: 'Status', kind: 'text', width: 16 },
  { header: 'Officielt svar', kind: 'text', width: 50, wrap: true },
  { header: 'Stemmer i alt', kind: 'number', width: 13 },
  { header: 'Stemmer fra borgere', kind: 'number', width: 13 },
  { header: 'Stemmer fra erhvervsdrivende', kind: 'number', width: 16 },
  { header: 'Stemmer fra medarbejdere', kind: 'number', width: 15 },
  { header: 'Kommentarer', kind: 'number', width: 13 },
  { header: 'Oprettet', kind: 'date', width: 12 },
  { header: 'Link', kind: 'link', width: 40 },
  // Last, so the columns before keep their places for those who read the file by position.
  ...lensColumns,
];

export function exportTable(doc: Pick<ExportDocument, 'rows'>): Table {
  return {
    columns,
    rows: doc.rows.map((r) => [
      r.rank,
      r.id,
      r.title,
      r.area,
      r.effects.join(', '),
      r.beneficiaries.map(beneficiaryName).join(', '),
      statusName(r.status),
      r.officialAnswer,
      r.votes,
      r.votesByType.citizen,
      r.votesByType.business,
      r.votesByType.employee,
      r.comments,
      localDate(new Date(r.createdAt)),
      r.link,
      ...lensCells(r.aiLens),
    ]),
  };
}

export function ruleSheet(doc: ExportDocument): Cell[][] {
  return [
    ['Forløb', doc.processTitle],
    ['Regel', doc.rule],
    ['Automatisk behandling', doc.automatedProcessing],
    ['Dannet', localDateTime(new Date(doc.generatedAt))],
    ['Antal idéer i udtrækket', doc.rows.length],
    ['Personoplysninger', 'Udtrækket indeholder ingen navne eller e-mailadresser på forslagsstillere eller stemmegivere.'],
  ];
}

export function summarySheet(s: ExportSummary): Cell[][] {
  const typed = (label: string, by: Record<ParticipantType, number>) => [
    [`${label}, borgere`, by.citizen],
    [`${label}, erhvervsdrivende`, by.business],
    [`${label}, medarbejdere`, by.employee],
  ];
  return [
    ['Offentlige idéer i alt', s.ideas],
    ...Object.entries(s.ideasByArea).map(([area, n]) => [`Idéer, ${area}`, n]),
    ...publicStatuses.map((st) => [`Idéer, ${statusName(st)}`, s.ideasByStatus[st] ?? 0]),
    ['Deltagere i alt (forslag eller stemmer)', s.participants.citizen + s.participants.business + s.participants.employee],
    ...typed('Deltagere', s.participants),
    ['Stemmer i alt', s.votes],
    ...typed('Stemmer', s.votesByType),
    ...Object.entries(s.votesByArea).map(([area, n]) => [`Stemmer, ${area}`, n]),
    ['Kommentarer i alt', s.comments],
    ...Object.entries(s.moderation)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([action, n]) => [`Moderationsbeslutninger, ${actionName(action)}`, n]),
    [statusName('pending'), s.pending],
    ['Tilbageholdt efter anmeldelser (idéer og kommentarer)', s.flagged],
  ];
}

/**
 * How the contributions came in: one row per channel (Danish labels, the fixed order of the channels),
 * for each kind its count and its share of the kind's total ("12,5 %"; 0 % when the kind has none).
 */
export function channelTable(shares: ChannelShares): Table {
  const kinds = [shares.ideas, shares.comments, shares.surveyAnswers].map(channelShares);
  return {
    columns: [
      { header: 'Kanal', kind: 'text', width: 28 },
      { header: 'Idéer', kind: 'number', width: 10 },
      { header: 'Andel af idéer', kind: 'text', width: 14 },
      { header: 'Kommentarer', kind: 'number', width: 13 },
      { header: 'Andel af kommentarer', kind: 'text', width: 14 },
      { header: 'Svar på spørgeskemaet', kind: 'number', width: 13 },
      { header: 'Andel af svar', kind: 'text', width: 14 },
    ],
    rows: kinds[0]!.map(({ channel }, i) => [channelLabels[channel].da, ...kinds.flatMap((k) => [k[i]!.count, percentText(k[i]!.share, 'da')])]),
  };
}
