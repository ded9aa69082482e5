// handler --> (use case) --> SignupStore, EventReads, ProcessStore, ProfileStore, UserDirectory, Notifier
import { mayCancel, signupVerdict, type SignupVerdict } from '#shared/rules/events';
import type { MySignupStatus, SignupCreate } from '#shared/schemas/events';
import { ConflictError, NotFoundError } from '../../lib/errors';
import type { Logger } from '../../lib/log';
import { mailAddress, type Notifier, type ProcessStore, type ProfileStore, type UserDirectory } from '../ports';
import { getProcess } from '../processes';
import { writerProfile } from '../profiles';
import { joinTokenMatches } from '../consultation/join-tokens';
import { publishedEvent, storedEvent } from './event-views';
import type { EventReads, EventRecord, SignupStore } from './ports';
import { promotedMail, seatMail, sendSignupMails, waitingMail } from './signup-mails';
import { ownSignup } from './signup-view';

export interface SignupDeps {
  events: EventReads;
  signups: SignupStore;
  processes: Pick<ProcessStore, 'get'>;
  profiles: Pick<ProfileStore, 'get'>;
  directory: Pick<UserDirectory, 'findById' | 'email'>;
  notifier: Notifier;
  siteUrl: () => Promise<string>;
  clock: { now(): Date };
  newId: (now: Date) => string;
  log: Pick<Logger, 'error'>;
}

/** Why one may not sign up, in Danish, as the 409's detail. */
export const verdictText: Record<Exclude<SignupVerdict, 'open'>, string> = {
  'not-open': 'Tilmeldingen er ikke åben nu.',
  closed: 'Tilmeldingsfristen er overskredet.',
  cancelled: 'Arrangementet er aflyst.',
  'not-employee': 'Arrangementet er kun for medarbejdere i Gentofte Kommune, og din profil er ikke registreret som medarbejder.',
  'needs-invitation': 'Arrangementet er kun for inviterede. Brug linket fra din invitation.',
  'process-closed': 'Forløbet er afsluttet, så der kan ikke længere tilmeldes.',
};

async function standing(deps: SignupDeps, processId: string, eventId: string, userId: string, invitation: string | undefined) {
  const [process, event, profile] = await Promise.all([getProcess(deps.processes, processId), publishedEvent(deps, processId, eventId), deps.profiles.get(userId)]);
  // The token is compared by hash in constant time; an event without one (not invited) matches nothing.
  const hasValidInvitation = invitation !== undefined && joinTokenMatches(invitation, event.invitationTokenHash);
  const verdict = signupVerdict(process, event, deps.clock.now(), { participantType: profile?.participantType, hasValidInvitation });
  return { event, profile, verdict };
}

/** My sign-up for the event (or null) and whether I may sign up now (the invitation link's token opens an invited event). */
export async function mySignup(deps: SignupDeps, processId: string, eventId: string, userId: string, invitation?: string): Promise<MySignupStatus> {
  const { verdict } = await standing(deps, processId, eventId, userId, invitation);
  const signup = await deps.signups.signupOf(processId, eventId, userId);
  return { signup: signup ? await ownSignup(deps.signups, signup) : null, verdict };
}

/**
 * Sign up. Primary course:
 * 1. The process exists and the event is published (404); the person has a profile and is not blocked.
 * 2. The verdict (rules/events.ts) is `open`, else 409 with the reason in Danish.
 * 3. Their name (profile), e-mail (the user directory) and type are kept with the sign-up for the
 *    organisers' list and the mails; a seat while there is one, else the end of the waiting list,
 *    exactly under concurrency (the store's conditions on the event's counters); 409 when signed up already.
 * 4. A confirmation mail (seat or waiting place), best effort.
 */
export async function signUp(deps: SignupDeps, who: { userId: string; username?: string | undefined }, processId: string, eventId: string, input: SignupCreate): Promise<MySignupStatus> {
  const { userId } = who;
  // The e-mail is looked up beside the other reads (the user directory is the slowest of them): by the token's user name
  // (one direct read), else by id (a search); a failed lookup costs the mails, not the seat.
  const address = who.username ? deps.directory.email(who.username) : deps.directory.findById(userId).then(mailAddress);
  const lookup = address.catch((error: unknown) => {
    deps.log.error('sign-up: e-mail not found', { error: String(error) });
    return undefined;
  });
  const { event, profile: stored, verdict } = await standing(deps, processId, eventId, userId, input.invitation);
  const profile = writerProfile(stored, 'tilmelder dig');
  if (verdict !== 'open') throw new ConflictError(verdict, verdictText[verdict]);
  const email = await lookup;
  const now = deps.clock.now();
  const { invitation: _token, ...needs } = input;
  const result = await deps.signups.signUp(
    {
      ...needs,
      id: deps.newId(now),
      processId,
      eventId,
      userId,
      name: profile.displayName,
      ...(email ? { email } : {}),
      participantType: profile.participantType,
      signedUpAt: now.toISOString(),
    },
    event.capacity,
  );
  if (result.outcome === 'exists' || !result.signup) throw new ConflictError('already-signed-up', 'Du er allerede tilmeldt dette arrangement (eller står på ventelisten).');
  const signup = result.signup;
  const mine = await ownSignup(deps.signups, signup);
  await sendSignupMails(deps, [signup], (site, person) => (mine.state === 'seat' ? seatMail(event, person, site) : waitingMail(event, person, mine.position ?? 1, site)));
  return { signup: mine, verdict };
}

/**
 * Cancel one's own sign-up (only the caller's: the route takes no sign-up id). Primary course:
 * 1. The event exists (404) and has not started (409: mayCancel).
 * 2. The store removes the sign-up; a seat passes to the first on the waiting list in the same
 *    transaction (404 when the person had none).
 * 3. The person promoted gets a mail, best effort.
 */
export async function cancelSignup(deps: SignupDeps, processId: string, eventId: string, userId: string): Promise<void> {
  await getProcess(deps.processes, processId);
  const event: EventRecord = await storedEvent(deps, processId, eventId);
  const now = deps.clock.now();
  if (!mayCancel(event, now)) throw new ConflictError('started', 'Arrangementet er begyndt, så tilmeldingen kan ikke længere afmeldes.');
  const result = await deps.signups.cancel(processId, eventId, userId, now.toISOString());
  if (result.outcome === 'missing') throw new NotFoundError('Du er ikke tilmeldt dette arrangement.');
  if (result.promoted) await sendSignupMails(deps, [result.promoted], (site, person) => promotedMail(event, person, site));
}
