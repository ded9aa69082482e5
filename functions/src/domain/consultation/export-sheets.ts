import { positions } from '#shared/rules/consultation';
import { answerStatusLabels, positionLabels } from '#shared/rules/labels';
import type { ConsultationResponse, ParagraphFigures, Round, Version } from '#shared/schemas/consultation';
import type { ParticipantType } from '#shared/schemas/user';
import { localDate } from '../../lib/copenhagen-time';
import type { Cell, Column, Table } from '../export/sheets';

/** The consultation export's sheets, in Danish (the committee's meeting papers are Danish). */

const typeName: Record<ParticipantType, string> = { citizen: 'borgere', business: 'erhverv', employee: 'medarbejdere' };
const types = Object.keys(typeName) as ParticipantType[];

/** A sheet per version: each paragraph with its text, then per round the positions in all and per participant type, then the comments. */
export function versionTable(version: Version, figures: ParagraphFigures[], rounds: Pick<Round, 'id' | 'title'>[]): Table {
  const roundIds = [...new Set([...rounds.map((r) => r.id), ...figures.flatMap((f) => f.byRound.map((b) => b.roundId))])];
  const title = (id: string) => rounds.find((r) => r.id === id)?.title.da ?? id;
  const columns: Column[] = [
    { header: '§', kind: 'number', width: 6 },
    { header: 'Tekst', kind: 'text', width: 70, wrap: true },
  ];
  for (const id of roundIds) {
    for (const p of positions) columns.push({ header: `${title(id)}: ${positionLabels[p].da.toLowerCase()}`, kind: 'number', width: 14, wrap: true });
    for (const t of types) for (const p of positions) columns.push({ header: `${title(id)}, ${typeName[t]}: ${positionLabels[p].da.toLowerCase()}`, kind: 'number', width: 14, wrap: true });
  }
  columns.push({ header: 'Kommentarer', kind: 'number', width: 13 }, { header: 'Besvaret', kind: 'number', width: 11 });
  const byNo = new Map(figures.map((f) => [f.paragraphNo, f]));
  const rows: Cell[][] = version.blocks.flatMap((block) => {
    if (block.kind !== 'paragraph') return [];
    const f = byNo.get(block.no);
    const cells: Cell[] = [block.no, block.text.da];
    for (const id of roundIds) {
      const round = f?.byRound.find((b) => b.roundId === id);
      for (const p of positions) cells.push(round?.total[p] ?? 0);
      for (const t of types) for (const p of positions) cells.push(round?.byType[t]?.[p] ?? 0);
    }
    cells.push(f?.comments ?? 0, f?.answered ?? 0);
    return [cells];
  });
  return { columns, rows };
}

/** Every comment with the committee's answer, by paragraph. */
export function commentsTable(responses: ConsultationResponse[], rounds: Pick<Round, 'id' | 'title'>[]): Table {
  const title = (id: string) => rounds.find((r) => r.id === id)?.title.da ?? id;
  const columns: Column[] = [
    { header: '§', kind: 'number', width: 6 },
    { header: 'Version', kind: 'number', width: 9 },
    { header: 'Runde', kind: 'text', width: 24, wrap: true },
    { header: 'Holdning', kind: 'text', width: 10 },
    { header: 'Deltagertype', kind: 'text', width: 14 },
    { header: 'Navn', kind: 'text', width: 22 },
    { header: 'Kommentar', kind: 'text', width: 60, wrap: true },
    { header: 'Udvalgets beslutning', kind: 'text', width: 24, wrap: true },
    { header: 'Udvalgets svar', kind: 'text', width: 60, wrap: true },
    { header: 'Dato', kind: 'date', width: 12 },
    { header: 'Id', kind: 'text', width: 28 },
  ];
  const rows: Cell[][] = responses.map((r) => [
    r.paragraphNo,
    r.version,
    title(r.roundId),
    positionLabels[r.position].da,
    r.authorType ? typeName[r.authorType] : '',
    r.authorName ?? '',
    r.comment ?? (r.state === 'visible' ? '' : '(afventer moderator eller skjult)'),
    r.answer ? answerStatusLabels[r.answer.status].da : '',
    r.answer?.text ?? '',
    // The day in Denmark, as every export dates things.
    localDate(new Date(r.createdAt)),
    r.id,
  ]);
  return { columns, rows };
}
