// handler --> (use case) --> ClaimStore, ProcessStore, ProfileStore
import type { ClaimResult } from '#shared/schemas/assisted';
import type { Actor } from '../../lib/auth';
import { ConflictError, NotFoundError } from '../../lib/errors';
import type { AuditRecord, Clock, ProcessStore, ProfileStore, RateLimit } from '../ports';
import { writerProfile } from '../profiles';
import { claimCodeHash } from './claim-codes';
import { claimSurvey } from './claim-survey';
import { claimVotes } from './claim-votes';
import type { ClaimStore } from './ports';

export interface ClaimDeps {
  claims: ClaimStore;
  processes: Pick<ProcessStore, 'get'>;
  profiles: Pick<ProfileStore, 'get'>;
  clock: Clock;
  newId: (now: Date) => string;
}

/** A code is a secret of 60 bits; ten tries an hour per account leave guessing hopeless and a typo harmless. */
export const CLAIM_LIMIT: RateLimit = { action: 'claim', max: 10, windowSeconds: 3600 };

/** One answer for a code that is malformed, unknown or erased: nothing tells a guesser which. */
const unknownCode = () => new NotFoundError('Koden findes ikke. Tjek, at du har skrevet den, som den står på kvitteringen.');

/**
 * A citizen who took part through an assistant (at Borgerservice, on the phone, on paper) takes it
 * over into their own account with the code from a receipt. Primary course:
 * 1. The account has a profile and is not blocked (its name goes in the audit log); the attempt counts
 *    against CLAIM_LIMIT before the code is looked at (429 over it).
 * 2. The code, normalised and hashed, names a person; anything else is 404 and writes nothing more.
 * 3. The person is reserved for the account (claimedBy): claimed by another account is 409; claimed
 *    and finished by this one is 409 saying it is theirs already.
 * 4. Ideas and comments get the account as author (the name shown and the channel stay); votes and the
 *    survey answer move without counting anyone twice (claim-votes.ts, claim-survey.ts).
 * 5. The person is marked claimed (contact details removed), the identity's profile and vote tally
 *    are deleted and the audit entry written, in one transaction.
 * Every step is safe to repeat, and the mark comes last: a claim cut short after step 3 is finished by
 * the same account calling again with the same code (the result then counts what that call moved).
 */
export async function claimAssisted(deps: ClaimDeps, actor: Actor, code: string): Promise<ClaimResult> {
  const profile = writerProfile(await deps.profiles.get(actor.userId), 'henter dine bidrag ind');
  const now = deps.clock.now();
  await deps.claims.attempt(actor.userId, CLAIM_LIMIT, now);

  const hash = claimCodeHash(code);
  const ref = hash ? await deps.claims.byCode(hash) : undefined;
  const person = ref ? await deps.claims.person(ref.processId, ref.personId) : undefined;
  if (!person) throw unknownCode();
  if (person.claimedBy === actor.userId && person.claimedAt) {
    throw new ConflictError('claimed-by-you', 'Du har allerede hentet det, du har deltaget med, ind på din konto. Du finder det på Min side.');
  }
  const claimedElsewhere = () => new ConflictError('claimed', 'Koden er allerede brugt til en anden konto.');
  if (person.claimedBy && person.claimedBy !== actor.userId) throw claimedElsewhere();
  if ((await deps.claims.reserve(person.processId, person.id, actor.userId)) === 'taken') throw claimedElsewhere();

  const process = await deps.processes.get(person.processId);
  if (!process) throw unknownCode();
  const from = person.userId;
  let ideas = 0;
  for (const item of await deps.claims.ideasOf(from)) if (await deps.claims.moveAuthor(item, from, { userId: actor.userId, username: actor.username })) ideas++;
  let comments = 0;
  for (const item of await deps.claims.commentsOf(from)) if (await deps.claims.moveAuthor(item, from, { userId: actor.userId })) comments++;
  const votes = await claimVotes(deps.claims, from, actor.userId, process.settings.votesPerPerson);
  const survey = await claimSurvey(deps.claims, process.id, from, actor.userId);

  const result: ClaimResult = { processId: process.id, processTitle: process.title.da, ideas, comments, ...votes, ...survey };
  const audit: AuditRecord = {
    id: deps.newId(now),
    processId: process.id,
    at: now.toISOString(),
    actorId: actor.userId,
    actorName: profile.displayName,
    action: 'assisted-claim',
    targetKind: 'assisted-person',
    targetId: person.id,
    reason: claimSummary(result),
  };
  // false: a request alongside finished it first; what this one moved is moved all the same.
  await deps.claims.finish(person, actor.userId, audit);
  return result;
}

/** The audit entry's line: what moved, in plain Danish. */
export function claimSummary(r: ClaimResult): string {
  const dropped = r.votesDropped ? ` (${r.votesDropped} fjernet: kontoen havde allerede stemt)` : '';
  const survey = r.surveyAnswers ? 'spørgeskemasvar flyttet' : r.surveyAnswersDropped ? 'spørgeskemasvar fjernet: kontoen havde selv svaret' : 'intet spørgeskemasvar';
  return `Idéer: ${r.ideas}. Kommentarer: ${r.comments}. Stemmer: ${r.votes}${dropped}. ${survey[0]!.toUpperCase()}${survey.slice(1)}.`;
}
