// use case --> (helper) --> DocumentStore, UserDirectory
import { mailAddress, type UserDirectory } from '../ports';
import type { DocumentStore } from './document-ports';
import type { ConsultationReads } from './ports';

/**
 * Who is a member of an invited round: whoever joined by its link, and whoever the admins invited by
 * e-mail once they are signed in with that address (the Cognito e-mail, looked up by the user's id:
 * access tokens carry no e-mail). An invitation is turned into a member item the first time the
 * person's standing is asked, so later checks are one Get, and account deletion finds it in the
 * byUser index like everything else the person has.
 */
export interface MemberDeps {
  documents: Pick<DocumentStore, 'isMember' | 'invitation' | 'addMember'>;
  directory: Pick<UserDirectory, 'findById'>;
  clock: { now(): Date };
}

/** `email`: a lookup shared across one request's rounds, so the directory is asked at most once. */
export async function isRoundMember(deps: MemberDeps, processId: string, roundId: string, userId: string, email = lazyEmail(deps, userId)): Promise<boolean> {
  if (await deps.documents.isMember(processId, roundId, userId)) return true;
  const address = await email();
  if (!address) return false;
  if (!(await deps.documents.invitation(processId, roundId, address))) return false;
  await deps.documents.addMember(processId, roundId, userId, deps.clock.now().toISOString(), address);
  return true;
}

export function lazyEmail(deps: Pick<MemberDeps, 'directory'>, userId: string): () => Promise<string | undefined> {
  let found: Promise<string | undefined> | undefined;
  // Only a verified address admits by invitation: an unproved one could be the invited person's, typed by someone else.
  return () => (found ??= deps.directory.findById(userId).then((u) => mailAddress(u)?.toLowerCase()));
}

/** The reads the responses side uses, with e-mail invitations honoured (wire these, not the bare adapter's). */
export const withInvitations = (reads: ConsultationReads, deps: MemberDeps): ConsultationReads => ({
  ...reads,
  isMember: (processId, roundId, userId) => isRoundMember(deps, processId, roundId, userId),
});
