// handler --> (use case) --> IdeaStore, UserDataStore, CommentStore, ProcessStore, UserDirectory
import type { MyDataExport, MyIdeaList } from '#shared/schemas/me';
import type { Actor } from '../lib/auth';
import { toComment } from './comments';
import { toListItem } from './ideas';
import type { Clock, CommentStore, IdeaStore, ProcessStore, UserDataStore, UserDirectory } from './ports';
import { eraseMyConsultationData, myConsultationData, type ConsultationDataStore } from './consultation/my-consultation-data';
import { cancelMySignups, myEventData, type EventDataDeps } from './events/event-data';
import { myFollowData } from './follows/following';
import type { FollowStore } from './follows/follow-store';
import type { MailSettingsStore } from './ports';
import { eraseTraces, type ErasureDeps } from './erasure';
import { myDecisions } from './my-decisions';
import type { DecisionReader } from './ports';

export interface MyDataDeps {
  ideas: IdeaStore;
  comments: CommentStore;
  userData: UserDataStore;
  processes: Pick<ProcessStore, 'get'>;
  directory: UserDirectory;
  clock: Clock;
  /** The consultation's responses and flags (module `consultation`); the handler always gives it. */
  consultationResponses?: ConsultationDataStore;
  /** The events' sign-ups (module `events`); the handler always gives it. */
  events?: EventDataDeps;
  /** Following and mail settings (issue 16); the handler always gives it. Erased with the profile (adapters/dynamodb/user-data.ts). */
  follows?: { follows: FollowStore; mailSettings: MailSettingsStore };
  /** What the byUser index does not reach: rate counters, mail records, and the pseudonym in the audit log (domain/erasure.ts); the handler always gives it. */
  traces?: ErasureDeps;
  /** The audit log by target: the decisions about the person in the download (domain/my-decisions.ts); the handler always gives it. */
  decisions?: DecisionReader;
}

/** Shown instead of the name on ideas whose author deleted the account. */
export const FORMER_PARTICIPANT = 'Tidligere deltager';

/** Why the export names the surveys one answered but holds no answers (GDPR Art. 11: not identifiable). */
export const SURVEY_ANSWERS_NOTE = {
  da:
    'Du har besvaret spørgeskemaerne herunder, mens du var logget ind. Deltag gemmer kun, at du har svaret, så du ikke kan svare to gange. ' +
    'Selve svarene gemmes uden navn, bruger-id eller klokkeslæt og kan ikke føres tilbage til dig. Derfor kan de hverken udleveres eller slettes for dig alene. ' +
    'Sletter du din konto, slettes markeringen af, at du har svaret; svarene bliver i resultaterne.',
  en:
    'You answered the surveys below while signed in. Deltag only stores that you answered, so that you cannot answer twice. ' +
    'The answers themselves are stored without a name, user id or time of day and cannot be traced back to you. So they can be neither exported nor erased for you alone. ' +
    'If you delete your account, the record that you answered is deleted; the answers stay in the results.',
};

/** The caller's own ideas, whatever their status, with whether flags hold one for moderation. */
export async function myIdeas(ideas: IdeaStore, actor: Actor, limit: number, cursor?: string): Promise<MyIdeaList> {
  const page = await ideas.listByAuthor(actor.userId, limit, cursor);
  return {
    items: page.items.map((i) => ({ ...toListItem(i), heldForReview: !!i.held, ...(i.moderationReason ? { moderationReason: i.moderationReason } : {}) })),
    nextCursor: page.nextCursor,
  };
}

/** GDPR access and portability: everything stored about the caller, in one document. */
export async function exportMyData(deps: MyDataDeps, actor: Actor): Promise<MyDataExport> {
  const items = await deps.userData.itemsOf(actor.userId);
  const email = actor.username ? await deps.directory.email(actor.username) : undefined;
  const consultation = deps.consultationResponses ? await myConsultationData(deps.consultationResponses, actor.userId) : undefined;
  return {
    exportedAt: deps.clock.now().toISOString(),
    profile: items.profile ? { ...items.profile, ...(email ? { email } : {}) } : null,
    ideas: items.ideas.map(({ authorId: _a, trendScore: _t, ...idea }) => idea),
    comments: items.comments.map((c) => ({ ...toComment(c), body: c.body })),
    votes: items.votes.map((v) => ({ ideaId: v.ideaId, participantType: v.participantType, createdAt: v.createdAt })),
    flags: items.flags.map((f) => ({
      ideaId: f.ideaId,
      ...(f.commentId ? { commentId: f.commentId } : {}),
      reason: f.reason,
      ...(f.text ? { text: f.text } : {}),
      createdAt: f.createdAt,
    })),
    ...(consultation ? { consultation: { ...consultation, rounds: items.roundMemberships } } : {}),
    ...(deps.events ? { events: await myEventData(deps.events, actor.userId) } : {}),
    ...(deps.follows ? { follows: await myFollowData(deps.follows, actor.userId) } : {}),
    ...(deps.decisions ? { decisions: await myDecisions(deps.decisions, actor.userId, items, consultation?.responses) } : {}),
    surveys: {
      note: SURVEY_ANSWERS_NOTE,
      answered: await Promise.all(
        items.surveysAnswered.map(async (processId) => ({ processId, processTitle: (await deps.processes.get(processId))?.title ?? null })),
      ),
    },
  };
}

/**
 * GDPR erasure. Primary course:
 * 0. Sign-ups are cancelled as the person would cancel them, so a freed seat goes to the next on the
 *    waiting list, who is told by mail (domain/events/event-data.ts).
 * 1. Votes are deleted and the ideas' counts go down with them.
 * 2. Flags are deleted (the flagged content keeps its count).
 * 3. Comments become "deleted" placeholders with no author, so replies by others stay readable.
 * 4. Ideas stay, without the name ("Tidligere deltager"), so others' votes and comments are not lost;
 *    consultation responses become placeholders (their positions leave the figures) and their flags go.
 * 5. The rate-limit counters and mail records go at once; the audit entries by and about the user,
 *    and what they signed as staff, name a pseudonym instead (domain/erasure.ts).
 * 6. The profile with the markers of the surveys answered (the answers name nobody and stay), the
 *    follow choices, mail settings and what waited for the next digest, and last the sign-in: a failure half-way leaves an account that can try again.
 */
export async function deleteMyAccount(deps: MyDataDeps, actor: Actor): Promise<void> {
  const items = await deps.userData.itemsOf(actor.userId);
  if (deps.events) await cancelMySignups(deps.events, actor.userId);
  const now = deps.clock.now();
  for (const vote of items.votes) await deps.userData.eraseVote(vote);
  for (const flag of items.flags) await deps.userData.deleteFlag(flag);
  for (const comment of items.comments) if (comment.state !== 'deleted') await deps.comments.remove(comment, now);
  for (const idea of items.ideas) await deps.userData.anonymizeIdea(idea.id, FORMER_PARTICIPANT);
  if (deps.consultationResponses) await eraseMyConsultationData(deps.consultationResponses, actor.userId, deps.clock);
  if (deps.traces) await eraseTraces(deps.traces, actor);
  await deps.userData.deleteProfile(actor.userId);
  if (actor.username) await deps.directory.deleteUser(actor.username);
}
