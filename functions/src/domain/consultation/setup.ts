// handler --> (use case) --> DocumentStore (with its audit entry), ProcessStore
import type { ConsultationSetup, ConsultationSetupSave, Round } from '#shared/schemas/consultation';
import type { ConfigChange } from '#shared/schemas/process';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors';
import type { ProcessStore } from '../ports';
import { getProcess } from '../processes';
import { nextUpdatedAt, sameInstant } from '../process-admin/record';
import { consultAudit, type ConsultActor, type ConsultAuditDeps } from './document-audit';
import type { DocumentStore, StoredRound, StoredSetup } from './document-ports';
import { hashJoinToken, newJoinToken } from './join-tokens';

export interface SetupDeps extends ConsultAuditDeps {
  documents: DocumentStore;
  processes: Pick<ProcessStore, 'get'>;
  /** A new join link's token (join-tokens.ts); a test may fix it. */
  newToken?: () => string;
}

/** The setup as the workspace reads it: each invited round with its join token and member count. 404 while the process has none. */
export async function getConsultationSetup(deps: Pick<SetupDeps, 'documents'>, processId: string): Promise<ConsultationSetup> {
  const setup = await deps.documents.setup(processId);
  if (!setup) throw new NotFoundError('Forløbet har ingen høring endnu.');
  return setupView(setup, await deps.documents.memberCounts(processId));
}

const changedMeanwhile = () =>
  new ConflictError('consultation-changed', 'Høringens opsætning er blevet ændret, siden du hentede den. Hent den igen, og gentag din ændring.', [
    { path: 'body.expectedUpdatedAt', message: 'Opsætningen er ændret af en anden i mellemtiden.' },
  ]);

/**
 * Create or change a process's consultation setup (reference list and rounds). Primary course:
 * 1. The process exists (404); round ids and reference ids are each unique (400 at the field).
 * 2. It is the version the admin started from: `expectedUpdatedAt` is the stored `updatedAt`, absent
 *    only when creating (else 409, so someone else's change is not lost).
 * 3. A round that has started cannot be removed (409 at the rounds): people may have joined it and
 *    responded in it, and their responses name it. Its dates, texts and kind may still be edited.
 * 4. Each invited round keeps its join token; a new invited round (or one that became invited) gets
 *    a new one; a public round has none.
 * 5. Written with its audit entry ('consultation-setup': the reference list and the rounds before
 *    and after, never the tokens), in one transaction, if still unchanged (else 409 as in 2).
 */
export async function saveConsultationSetup(deps: SetupDeps, actor: ConsultActor, processId: string, input: ConsultationSetupSave, now: Date): Promise<ConsultationSetup> {
  await getProcess(deps.processes, processId);
  const problems = [...duplicates(input.rounds.map((r) => r.id), 'rounds', 'En anden runde har samme id.'), ...duplicates((input.references?.items ?? []).map((r) => r.id), 'references.items', 'En anden reference har samme id.')];
  if (problems.length) throw new ValidationError(problems);

  const stored = await deps.documents.setup(processId);
  const { expectedUpdatedAt, ...wanted } = input;
  if (stored ? expectedUpdatedAt === undefined || !sameInstant(stored.updatedAt, expectedUpdatedAt) : expectedUpdatedAt !== undefined) throw changedMeanwhile();

  const kept = new Set(wanted.rounds.map((r) => r.id));
  const gone = (stored?.rounds ?? []).filter((r) => !kept.has(r.id) && Date.parse(r.startsAt) <= now.getTime());
  if (gone.length) {
    throw new ConflictError(
      'round-started',
      `En runde, der er begyndt, kan ikke fjernes: ${gone.map((r) => r.title.da).join(', ')}. Der kan være svar i den. Ret i stedet dens datoer.`,
      [{ path: 'body.rounds', message: 'En begyndt runde kan ikke fjernes.' }],
    );
  }
  // Who may respond in a round decides what its responses mean (the follow-group's are shown apart).
  const turned = (stored?.rounds ?? []).flatMap((r) => {
    const index = wanted.rounds.findIndex((w) => w.id === r.id);
    return index >= 0 && wanted.rounds[index]!.kind !== r.kind && Date.parse(r.startsAt) <= now.getTime() ? [index] : [];
  });
  if (turned.length) {
    throw new ConflictError(
      'round-started',
      'En runde, der er begyndt, kan ikke skifte mellem lukket og offentlig. Der kan være svar i den. Opret en ny runde i stedet.',
      turned.map((i) => ({ path: `body.rounds.${i}.kind`, message: 'En begyndt rundes type kan ikke ændres.' })),
    );
  }

  const before = new Map((stored?.rounds ?? []).map((r) => [r.id, r]));
  const rounds = wanted.rounds.map((round): StoredRound => {
    if (round.kind !== 'invited') return round;
    const was = before.get(round.id);
    if (was?.kind === 'invited' && was.inviteToken) return { ...round, inviteToken: was.inviteToken, inviteTokenHash: was.inviteTokenHash };
    const token = (deps.newToken ?? newJoinToken)();
    return { ...round, inviteToken: token, inviteTokenHash: hashJoinToken(token) };
  });
  const setup: StoredSetup = {
    processId,
    ...(wanted.references ? { references: wanted.references } : {}),
    rounds,
    updatedAt: stored ? nextUpdatedAt(stored, now) : now.toISOString(),
  };
  const audit = await consultAudit(deps, actor, now, { processId, action: 'consultation-setup', targetKind: 'process', targetId: processId, changes: setupChanges(stored, setup) });
  if ((await deps.documents.saveSetup(setup, stored?.updatedAt, audit)) === 'stale') throw changedMeanwhile();
  return setupView(setup, await deps.documents.memberCounts(processId));
}

/** Field by field as a process edit is logged; a round is shown without its token (the log is read more widely than the link is meant to travel). */
function setupChanges(before: StoredSetup | undefined, after: StoredSetup): ConfigChange[] {
  const plain = (s: StoredSetup | undefined) => ({ references: s?.references, rounds: s?.rounds.map(publicRound) });
  const [was, is] = [plain(before), plain(after)];
  return (['references', 'rounds'] as const).flatMap((field) => {
    if (JSON.stringify(was[field]) === JSON.stringify(is[field])) return [];
    return [{ field, ...(was[field] !== undefined && before ? { before: was[field] } : {}), ...(is[field] !== undefined ? { after: is[field] } : {}) }];
  });
}

const publicRound = ({ inviteToken: _t, inviteTokenHash: _h, ...round }: StoredRound): Round => round;

function setupView(setup: StoredSetup, counts: Map<string, number>): ConsultationSetup {
  return {
    processId: setup.processId,
    ...(setup.references ? { references: setup.references } : {}),
    rounds: setup.rounds.map((r) => ({ ...publicRound(r), ...(r.kind === 'invited' ? { inviteToken: r.inviteToken, memberCount: counts.get(r.id) ?? 0 } : {}) })),
    updatedAt: setup.updatedAt,
  };
}

function duplicates(ids: string[], path: string, message: string) {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => {
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [{ path: `body.${path}.${i}.id`, message }];
  });
}
