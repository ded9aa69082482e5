// handler --> (use case) --> DocumentStore, ProcessStore, UserDirectory, Notifier
import { pastRetention } from '#shared/rules/phases';
import { roundVerdict } from '#shared/rules/consultation';
import type { Process } from '#shared/schemas/process';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors';
import type { Logger } from '../../lib/log';
import type { Notifier, ProcessStore } from '../ports';
import { getProcess } from '../processes';
import { consultAudit, type ConsultActor, type ConsultAuditDeps } from './document-audit';
import type { DocumentStore, StoredRound } from './document-ports';
import { invitationMail } from './invitation-mail';
import { joinLink, joinTokenMatches } from './join-tokens';
import { isRoundMember, lazyEmail, type MemberDeps } from './members';

export interface RoundDeps extends MemberDeps {
  documents: DocumentStore;
  processes: Pick<ProcessStore, 'get'>;
}
export interface InviteDeps extends RoundDeps, ConsultAuditDeps {
  notifier: Notifier;
  siteUrl: () => Promise<string>;
  log: Pick<Logger, 'error'>;
}

export interface MyRounds {
  rounds: { roundId: string; member: boolean; verdict: ReturnType<typeof roundVerdict> }[];
}

/** A person's standing in each round of the process: member or not, and whether they may respond now (rules/consultation.ts). */
export async function myRounds(deps: RoundDeps, processId: string, userId: string): Promise<MyRounds> {
  const process = await getProcess(deps.processes, processId);
  const setup = await deps.documents.setup(processId);
  const now = deps.clock.now();
  const email = lazyEmail(deps, userId);
  const rounds = await Promise.all(
    (setup?.rounds ?? []).map(async (round) => {
      const member = round.kind === 'invited' && (await isRoundMember(deps, processId, round.id, userId, email));
      return { roundId: round.id, member, verdict: roundVerdict(process, round, now, member) };
    }),
  );
  return { rounds };
}

async function invitedRound(deps: RoundDeps, processId: string, roundId: string): Promise<{ process: Process; round: StoredRound }> {
  const process = await getProcess(deps.processes, processId);
  const round = (await deps.documents.setup(processId))?.rounds.find((r) => r.id === roundId);
  if (!round) throw new NotFoundError('Runden findes ikke.');
  if (round.kind !== 'invited') throw new ConflictError('round-public', 'Runden er offentlig: alle kan svare i den, når den er åben, uden at være inviteret.');
  // Past its retention date a process keeps no one's personal data: no new members or addresses.
  if (process.archivedAt !== undefined || pastRetention(process, deps.clock.now())) throw new ConflictError('process-closed', 'Forløbet er afsluttet, så ingen kan komme med i en runde.');
  return { process, round };
}

/**
 * Join an invited round by its link. Primary course:
 * 1. The round exists (404) and is invited (409 for a public one) in a process still open to it (409).
 * 2. The link's token matches the round's (hashes compared in constant time; else 403).
 * 3. The person becomes a member (again: idempotent) and gets their standing in every round.
 */
export async function joinRound(deps: RoundDeps, processId: string, roundId: string, userId: string, token: string): Promise<MyRounds> {
  const { round } = await invitedRound(deps, processId, roundId);
  if (!joinTokenMatches(token, round.inviteTokenHash)) throw new ForbiddenError('Linket til runden er ikke gyldigt. Bed sekretariatet om et nyt link.');
  await deps.documents.addMember(processId, roundId, userId, deps.clock.now().toISOString());
  return myRounds(deps, processId, userId);
}

/**
 * Invite people to an invited round by e-mail. Primary course:
 * 1. The round exists and is invited, in a process still open to it (as for joining).
 * 2. Addresses are compared in lower case, each once. One whose invitation someone has already used
 *    (signed in with it) counts as already a member and gets no mail; every other one is stored
 *    (or renewed) and mailed the round's join link.
 * 3. Audited ('round-invite') with the number invited, never the addresses: the log is read by many.
 * 4. Mails are best effort after the invitations are stored: one that fails is logged, and the
 *    invitation still works when the person signs in with that address.
 */
export async function inviteRound(deps: InviteDeps, actor: ConsultActor, processId: string, roundId: string, emails: string[]): Promise<{ invited: number; alreadyMembers: number }> {
  const { process, round } = await invitedRound(deps, processId, roundId);
  const addresses = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
  const redeemed = new Set((await deps.documents.invitations(processId, roundId, addresses)).filter((i) => i.userId).map((i) => i.email));
  const invite = addresses.filter((a) => !redeemed.has(a));
  const now = deps.clock.now();
  if (invite.length) {
    const audit = await consultAudit(deps, actor, now, {
      processId,
      action: 'round-invite',
      targetKind: 'process',
      targetId: processId,
      changes: [{ field: `rounds.${roundId}.invitations`, after: invite.length }],
    });
    await deps.documents.putInvitations(processId, roundId, invite, now.toISOString(), audit);
    await sendInvitations(deps, process, round, invite);
  }
  return { invited: invite.length, alreadyMembers: redeemed.size };
}

async function sendInvitations(deps: InviteDeps, process: Process, round: StoredRound, addresses: string[]) {
  let link: string;
  try {
    link = joinLink(await deps.siteUrl(), process.id, round.id, round.inviteToken ?? '');
  } catch (error) {
    deps.log.error('round invitations not mailed', { processId: process.id, roundId: round.id, error: String(error) });
    return;
  }
  const mail = invitationMail(process, round, link);
  // A few at a time: 500 mails one after the other would outlast the request.
  for (let i = 0; i < addresses.length; i += PARALLEL_MAILS) {
    await Promise.all(
      addresses.slice(i, i + PARALLEL_MAILS).map(async (to) => {
        try {
          await deps.notifier.send({ to, ...mail });
        } catch (error) {
          // The address stays out of the log too.
          deps.log.error('round invitation not mailed', { processId: process.id, roundId: round.id, error: String(error) });
        }
      }),
    );
  }
}

/** Mails sent at once (SES allows a production account 14 a second and more). */
const PARALLEL_MAILS = 8;
