// handler --> (use case) --> ConsultationReads, ResponseStore; layout in export-sheets.ts, writer in domain/export/xlsx.ts
import { documentExportSchema, type DocumentExport, type Version } from '#shared/schemas/consultation';
import { localDate } from '../../lib/copenhagen-time';
import { NotFoundError } from '../../lib/errors';
import { commentsTable, versionTable } from './export-sheets';
import { paragraphFigures } from './figures';
import { paragraphNumbers, type ConsultationReads } from './ports';
import type { ResponseStore } from './response-ports';
import { toResponse } from './response-view';

export type DocumentExportOutput = DocumentExport | { file: { contentType: string; body: Uint8Array; filename: string } };

/**
 * A document for the committee's meeting papers. Primary course:
 * 1. The document has a published version (404); every version, the setup's rounds and every response are read.
 * 2. Per version, each paragraph's figures by round and participant type (the pre-aggregated counters).
 * 3. Every comment with the committee's answer, as the public sees it: a held or hidden comment shows
 *    no text or author, a deleted one is left out.
 * 4. JSON (the latest version, validated against documentExportSchema), or XLSX with a sheet per
 *    version and a sheet of the comments.
 */
export async function exportDocument(
  deps: { reads: ConsultationReads; responses: ResponseStore },
  processId: string,
  documentId: string,
  format: 'xlsx' | 'json',
  now: Date,
): Promise<DocumentExportOutput> {
  const document = await deps.reads.document(processId, documentId);
  if (!document || document.currentVersion < 1) throw new NotFoundError('Dokumentet har ingen offentliggjort version endnu.');
  const numbers = Array.from({ length: document.currentVersion }, (_, i) => i + 1);
  const [versions, setup, records] = await Promise.all([
    Promise.all(numbers.map((n) => deps.reads.version(processId, documentId, n))),
    deps.reads.setup(processId),
    deps.responses.all(processId, documentId),
  ]);
  const rounds = setup?.rounds ?? [];
  const roundIds = rounds.map((r) => r.id);
  const published = versions.filter((v): v is Version => v !== undefined);
  const sheets = await Promise.all(
    published.map(async (version) => ({
      version,
      figures: paragraphFigures(paragraphNumbers(version.blocks), roundIds, await deps.responses.figures(processId, documentId, version.version)),
    })),
  );
  const responses = records.filter((r) => r.commented && r.state !== 'deleted').map((r) => toResponse(r));
  const latest = sheets[sheets.length - 1];
  if (!latest) throw new NotFoundError('Dokumentet har ingen offentliggjort version endnu.');

  if (format === 'json') {
    return documentExportSchema.parse({ processId, version: latest.version, figures: latest.figures, responses, exportedAt: now.toISOString() });
  }
  // Loaded on first use, as the other exports do: exceljs is large and JSON never needs it.
  const { toXlsx } = await import('#functions/domain/export/xlsx');
  const [first, ...rest] = sheets.toReversed().map((s) => ({ name: `Version ${s.version.version}`, table: versionTable(s.version, s.figures, rounds) }));
  const body = await toXlsx({
    sheetName: first!.name,
    table: first!.table,
    moreTables: [...rest, { name: 'Kommentarer og svar', table: commentsTable(responses, rounds) }],
    created: now,
    extraSheets: [
      {
        name: 'Om udtrækket',
        rows: [
          ['Dokument', document.title.da],
          ['Seneste version', document.currentVersion],
          ['Kommentarer', responses.length],
          ['Besvaret af udvalget', responses.filter((r) => r.answer).length],
          ['Udtrukket', now.toISOString()],
        ],
      },
    ],
  });
  const filename = `deltag-${processId}-${documentId}-${localDate(now)}.xlsx`;
  return { file: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body, filename } };
}
