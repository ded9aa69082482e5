// handler --> (use case) --> SurveyStore; writers in domain/export (CSV, XLSX)
import { isTextKind, surveyQuestions } from '#shared/rules/survey';
import { surveyExportSchema, type SurveyExport, type SurveyQuestion } from '#shared/schemas/survey';
import { localDate } from '../../lib/copenhagen-time';
import { toCsv } from '../export/csv';
import type { Cell, Column, Table } from '../export/sheets';
import { getSurvey } from './definition';
import type { SurveyStore } from './ports';
import { surveyResults } from './results';

export type SurveyExportOutput = SurveyExport | { file: { contentType: string; body: string | Uint8Array; filename: string } };

/**
 * The survey's answers for the committee's analysis. Primary course:
 * 1. The survey exists (404); its answers and texts are read (Queries of its partitions).
 * 2. One row per answer: its random id and day, one column per question; a free text only once a
 *    moderator approved it (unreviewed and hidden texts stay in the workspace).
 * 3. The summary is the results as the public sees them (approved texts only).
 * 4. JSON as it is (validated), CSV for Danish Excel, or XLSX with the summary on its own sheet.
 */
export async function exportSurvey(deps: { surveys: SurveyStore }, processId: string, query: { format: 'csv' | 'xlsx' | 'json'; sep: ';' | ',' }, now: Date): Promise<SurveyExportOutput> {
  const survey = await getSurvey(deps, processId);
  const [answers, texts] = await Promise.all([deps.surveys.answers(processId), deps.surveys.texts(processId)]);
  const questions = surveyQuestions(survey) as SurveyQuestion[];
  const approved = new Map<string, Record<string, string>>();
  for (const t of texts) if (t.state === 'approved') approved.set(t.answerId, { ...approved.get(t.answerId), [t.questionId]: t.text });
  const doc: SurveyExport = surveyExportSchema.parse({
    processId,
    title: survey.title.da,
    generatedAt: now.toISOString(),
    questions: questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text.da })),
    rows: answers
      // By day, then id: the order answers came in within a day is not kept anywhere.
      .toSorted((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id))
      .map((a) => ({ id: a.id, day: a.day, answers: { ...a.answers, ...approved.get(a.id) } })),
    summary: surveyResults(survey, answers, texts, { audience: 'public' }),
  });
  if (query.format === 'json') return doc;

  const filename = `deltag-${processId}-spoergeskema-${localDate(now)}.${query.format}`;
  const table = answerTable(doc, questions);
  if (query.format === 'csv') return { file: { contentType: 'text/csv; charset=utf-8', body: toCsv(table, { separator: query.sep }), filename } };
  // Loaded on first use, as the idea export does: exceljs is large and CSV and JSON never need it.
  const { toXlsx } = await import('#functions/domain/export/xlsx');
  const body = await toXlsx({ sheetName: 'Svar', table, created: now, extraSheets: [{ name: 'Overblik', rows: summaryRows(doc, questions) }] });
  return { file: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body, filename } };
}

/** A cell for one answer: option labels in Danish, numbers as numbers, texts as written. */
function cell(q: SurveyQuestion, value: SurveyExport['rows'][number]['answers'][string] | undefined): Cell {
  if (value === undefined) return '';
  const label = (id: string) => ('options' in q ? (q.options.find((o) => o.id === id)?.label.da ?? id) : id);
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'number') return value;
  return q.kind === 'single' ? label(value) : value;
}

function answerTable(doc: SurveyExport, questions: SurveyQuestion[]): Table {
  const columns: Column[] = [
    { header: 'Svar-id', kind: 'text', width: 38 },
    { header: 'Dag', kind: 'date', width: 12 },
    ...questions.map((q): Column => ({ header: q.text.da, kind: q.kind === 'likert' || q.kind === 'scale' ? 'number' : 'text', width: isTextKind(q.kind) ? 50 : 24, wrap: true })),
  ];
  return { columns, rows: doc.rows.map((r) => [r.id, r.day, ...questions.map((q) => cell(q, r.answers[q.id]))]) };
}

/** The overview sheet: label–value rows per question. */
function summaryRows(doc: SurveyExport, questions: SurveyQuestion[]): Cell[][] {
  const rows: Cell[][] = [
    ['Spørgeskema', doc.title],
    ['Antal besvarelser', doc.summary.answerCount],
    ['Periode', doc.summary.period ? `${doc.summary.period.from} – ${doc.summary.period.to}` : 'Ingen besvarelser'],
  ];
  for (const r of doc.summary.questions) {
    const q = questions.find((x) => x.id === r.questionId)!;
    rows.push([q.text.da, `${r.answered} har svaret`]);
    for (const o of r.options ?? []) rows.push([`  ${cell(q, o.id)}`, `${o.count} (${Math.round(o.share * 100)} %)`]);
    if (r.mean !== undefined && r.mean !== null) rows.push(['  Gennemsnit', r.mean.toFixed(2).replace('.', ',')]);
  }
  return rows;
}
