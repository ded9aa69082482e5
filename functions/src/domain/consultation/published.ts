// handler --> (use case) --> ConsultationReads, ResponseStore, ProcessStore
import type * as z from 'zod';
import type { DocumentView, Round, documentListSchema } from '#shared/schemas/consultation';
import { NotFoundError } from '../../lib/errors';
import type { ProcessStore } from '../ports';
import { getProcess } from '../processes';
import { paragraphFigures } from './figures';
import { paragraphNumbers, type ConsultationReads, type SetupRecord } from './ports';
import { publishedDocument } from './response-context';
import type { ResponseStore } from './response-ports';

export interface PublishedDeps {
  reads: ConsultationReads;
  responses: Pick<ResponseStore, 'figures' | 'totals'>;
  processes: Pick<ProcessStore, 'get'>;
}

/** The rounds as anyone may read them: named field by field, so an invited round's join link (token or hash) stays on the server. */
const publicRounds = (setup: SetupRecord | undefined): Round[] =>
  (setup?.rounds ?? []).map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    ...(r.description ? { description: r.description } : {}),
    startsAt: r.startsAt,
    endsAt: r.endsAt,
  }));

/** The published documents of a process's consultation, with "X of Y comments answered" each, and its rounds. */
export async function listDocuments(deps: PublishedDeps, processId: string): Promise<z.input<typeof documentListSchema>> {
  await getProcess(deps.processes, processId);
  const [documents, setup] = await Promise.all([deps.reads.documents(processId), deps.reads.setup(processId)]);
  const published = documents.filter((d) => d.currentVersion > 0);
  const totals = await deps.responses.totals(processId, published.map((d) => d.id));
  return {
    items: published.map((d) => ({
      id: d.id,
      title: d.title,
      ...(d.summary ? { summary: d.summary } : {}),
      currentVersion: d.currentVersion,
      ...(d.publishedAt ? { publishedAt: d.publishedAt } : {}),
      comments: Math.max(0, totals.get(d.id)?.comments ?? 0),
      answered: Math.max(0, totals.get(d.id)?.answered ?? 0),
    })),
    rounds: publicRounds(setup),
  };
}

/**
 * A published version as the document page reads it. Primary course:
 * 1. The document is published (404) and the version asked for exists (the latest when none is asked; 404).
 * 2. The process's references and rounds come from the setup; every version's date for the version picker.
 * 3. Per paragraph of this version, the figures by round and participant type from the pre-aggregated
 *    counters, and for the whole document (all versions) how many comments the committee has answered.
 */
export async function getDocument(deps: PublishedDeps, processId: string, documentId: string, asked?: number): Promise<DocumentView> {
  const document = await publishedDocument(deps.reads, processId, documentId);
  const number = asked ?? document.currentVersion;
  if (number > document.currentVersion) throw new NotFoundError('Versionen findes ikke.');
  const numbers = Array.from({ length: document.currentVersion }, (_, i) => i + 1);
  const [versions, setup, figures, totals] = await Promise.all([
    Promise.all(numbers.map((n) => deps.reads.version(processId, documentId, n))),
    deps.reads.setup(processId),
    deps.responses.figures(processId, documentId, number),
    deps.responses.totals(processId, [documentId]),
  ]);
  const version = versions[number - 1];
  if (!version) throw new NotFoundError('Versionen findes ikke.');
  const rounds = publicRounds(setup);
  return {
    processId,
    version,
    versions: versions.flatMap((v) => (v ? [{ version: v.version, publishedAt: v.publishedAt }] : [])),
    ...(setup?.references ? { references: setup.references } : {}),
    rounds,
    figures: paragraphFigures(paragraphNumbers(version.blocks), rounds.map((r) => r.id), figures),
    comments: Math.max(0, totals.get(documentId)?.comments ?? 0),
    answered: Math.max(0, totals.get(documentId)?.answered ?? 0),
  };
}
