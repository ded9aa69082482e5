// handler --> (use case) --> AnnexVersionStore, ExportStore, ProcessStore
import { createHash } from 'node:crypto';
import type { AnnexFreeze, AnnexVersion } from '#shared/schemas/recommendations';
import type { Actor } from '../../lib/auth';
import { ConflictError, NotFoundError } from '../../lib/errors';
import { auditEntry } from '../audit';
import { buildExport, type ExportDeps } from '../export';
import { getProcess } from '../processes';
import type { AnnexVersionRecord, AuditRecord, ProfileStore } from '../ports';

/**
 * The frozen annex (issue 16): the committee locks the annex as a dated PDF with the journal number
 * the secretariat enters, and the SHA-256 of the very bytes stored, so the version the politicians
 * read is the version archived. Versions are numbered 1, 2, 3 … per process and never change; every
 * earlier one stays downloadable. Rendered with a PDF library in the export function (annex-pdf.ts),
 * not a headless browser: no 60 MB Chromium layer, about a second in the ordinary function.
 */

/** Above this the PDF is refused: it is stored in the table in chunks, and one transaction holds at most 4 MB. */
export const ANNEX_PDF_MAX_BYTES = 3 * 1024 * 1024;
/** Tries at a version number when another freeze took the one read as next. */
const NUMBER_ATTEMPTS = 3;

export interface AnnexVersionStore {
  /** The highest version number of the process (0: none yet), read consistently. */
  latest(processId: string): Promise<number>;
  /** Meta, PDF and audit entry in one transaction; 'taken' when the version number exists already. */
  save(record: AnnexVersionRecord, pdf: Uint8Array, audit: AuditRecord): Promise<'saved' | 'taken'>;
  /** Newest first. */
  list(processId: string): Promise<AnnexVersionRecord[]>;
  get(processId: string, version: number): Promise<AnnexVersionRecord | undefined>;
  /** The stored PDF's bytes, joined from its chunks. */
  pdf(record: AnnexVersionRecord): Promise<Uint8Array>;
}

export interface AnnexDeps extends ExportDeps {
  annexVersions: AnnexVersionStore;
  profiles: Pick<ProfileStore, 'get'>;
  newId: (now: Date) => string;
}

export const annexFilename = (processId: string, version: number) => `udvalgsbilag-${processId}-v${version}.pdf`;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Freeze the annex. Primary course:
 * 1. Build the export document for the annex's filters (top, area), as the annex page shows it (404 for an unknown process).
 * 2. Take the next version number and render the PDF with it, the journal number and the time in its footer.
 * 3. Refuse a PDF over 3 MB (409, naming the top to lower), storing nothing.
 * 4. Store the version's meta, the PDF and the audit entry in one transaction; the meta's put is
 *    conditional, so two freezes at once never share a number: the later one renders again with the
 *    next number (a few times, then 409).
 * 5. Answer with the meta, SHA-256 of the stored bytes included.
 */
export async function freezeAnnex(deps: AnnexDeps, actor: Actor, processId: string, input: AnnexFreeze): Promise<AnnexVersion> {
  const now = deps.clock.now();
  const doc = await buildExport(deps, processId, { format: 'json', top: input.top, area: input.area, sep: ';' });
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const version = (await deps.annexVersions.latest(processId)) + 1;
    const frozenAt = now.toISOString();
    // pdf-lib loads on the first freeze, a separate file in AWS (cdk/constructs/bundle-options.ts).
    const { renderAnnexPdf } = await import('#functions/domain/export/annex-pdf');
    const pdf = await renderAnnexPdf(doc, { journalNumber: input.journalNumber, version, frozenAt });
    if (pdf.byteLength > ANNEX_PDF_MAX_BYTES) {
      throw new ConflictError('annex-too-large', `Bilaget fylder ${megabytes(pdf.byteLength)} MB som PDF, men må højst fylde 3 MB. Vælg færre idéer eller ét område, og prøv igen.`, [
        { path: 'body.top', message: 'Vælg færre idéer, så bilaget kan låses.' },
      ]);
    }
    const hash = sha256(pdf);
    const audit = await auditEntry(deps, actor, now, {
      processId,
      action: 'annex-freeze',
      targetKind: 'annex',
      targetId: `${processId}-v${version}`,
      after: { kind: 'text', text: `Version ${version} · Journalnr. ${input.journalNumber} · SHA-256 ${hash}` },
    });
    const record: AnnexVersionRecord = {
      processId,
      version,
      frozenAt,
      frozenBy: actor.userId,
      frozenByName: audit.actorName,
      journalNumber: input.journalNumber,
      sha256: hash,
      bytes: pdf.byteLength,
      filename: annexFilename(processId, version),
      top: input.top,
      ...(input.area ? { area: input.area } : {}),
    };
    if ((await deps.annexVersions.save(record, pdf, audit)) === 'saved') return toVersion(record);
  }
  throw new ConflictError('annex-busy', 'Bilaget blev låst af en anden i samme øjeblik. Se listen over versioner, og prøv igen, hvis der mangler en.');
}

/** The process's versions, newest first (404 for an unknown process). */
export async function annexVersions(deps: Pick<AnnexDeps, 'processes' | 'annexVersions'>, processId: string): Promise<{ items: AnnexVersion[] }> {
  await known(deps, processId);
  return { items: (await deps.annexVersions.list(processId)).map(toVersion) };
}

/** One version's PDF, byte for byte as frozen; 404 for a version that does not exist. */
export async function annexVersionPdf(deps: Pick<AnnexDeps, 'processes' | 'annexVersions'>, processId: string, version: number) {
  await known(deps, processId);
  const record = await deps.annexVersions.get(processId, version);
  if (!record) throw new NotFoundError(`Version ${version} af udvalgsbilaget findes ikke.`);
  const bytes = await deps.annexVersions.pdf(record);
  // A stored file that no longer matches its hash is never handed out as the archived version.
  if (sha256(bytes) !== record.sha256) throw new Error(`annex ${processId} v${version}: stored bytes do not match their SHA-256`);
  return { contentType: 'application/pdf', body: bytes, filename: record.filename };
}

const known = (deps: Pick<AnnexDeps, 'processes'>, processId: string) => getProcess(deps.processes, processId);

function toVersion(r: AnnexVersionRecord): AnnexVersion {
  return { processId: r.processId, version: r.version, frozenAt: r.frozenAt, frozenByName: r.frozenByName, journalNumber: r.journalNumber, sha256: r.sha256, bytes: r.bytes, filename: r.filename };
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 });
