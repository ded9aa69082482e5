// use case helpers --> ConsultationReads, ProcessStore
import { roundVerdict, type RoundVerdict } from '#shared/rules/consultation';
import type { Process } from '#shared/schemas/process';
import { ConflictError, HttpError, NotFoundError } from '../../lib/errors';
import type { ProcessStore } from '../ports';
import { getProcess } from '../processes';
import type { ConsultationReads, DocumentRecord, SetupRecord } from './ports';

/** A document the public may read: it exists and has a published version. */
export async function publishedDocument(reads: Pick<ConsultationReads, 'document'>, processId: string, documentId: string): Promise<DocumentRecord> {
  const document = await reads.document(processId, documentId);
  if (!document || document.currentVersion < 1) throw new NotFoundError('Dokumentet findes ikke eller er ikke offentliggjort endnu.');
  return document;
}

/** A round of the setup, or 409 naming the field: a response must name a round the process has. */
export function roundOf(setup: SetupRecord | undefined, roundId: string): SetupRecord['rounds'][number] {
  const round = setup?.rounds.find((r) => r.id === roundId);
  if (!round) throw new ConflictError('unknown-round', 'Runden findes ikke i denne høring.', [{ path: 'body.roundId', message: 'Vælg en runde, som høringen har' }]);
  return round;
}

/**
 * Whether this person may respond in this round now (rules/consultation.ts `roundVerdict`); throws
 * the answer for each no: 403 for an invited round one is not a member of, 409 when it is not open.
 */
export async function assertMayRespond(
  deps: { reads: Pick<ConsultationReads, 'isMember'>; processes: Pick<ProcessStore, 'get'> },
  processId: string,
  round: SetupRecord['rounds'][number],
  userId: string,
  now: Date,
): Promise<Process> {
  const process = await getProcess(deps.processes, processId);
  const member = round.kind === 'invited' ? await deps.reads.isMember(processId, round.id, userId) : false;
  const verdict: RoundVerdict = roundVerdict(process, round, now, member);
  if (verdict === 'not-member') {
    throw new HttpError(403, 'not-member', 'Ingen adgang', 'Denne runde er for en inviteret gruppe. Du kan svare, når den offentlige høring åbner.');
  }
  if (verdict === 'not-open') throw new ConflictError('round-closed', 'Runden er ikke åben for svar nu. Se rundens datoer på dokumentets side.');
  if (verdict === 'process-closed') throw new ConflictError('round-closed', 'Forløbet er afsluttet, så høringen tager ikke imod svar.');
  return process;
}
