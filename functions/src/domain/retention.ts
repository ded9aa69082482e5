// handler (daily schedule) --> (use case) --> ProcessStore, RetentionStore, UserDataStore
import type { Process } from '#shared/schemas/process';
import { FORMER_PARTICIPANT } from './my-data';
import type { AssistedRetentionStore, AuditRecord, CommentRecord, IdeaRecord, ProcessStore, RetentionStore, UserDataStore } from './ports';

/**
 * The retention job: when a process's `settings.personalDataUntil` has passed, the personal data in
 * it is erased, once. What that is, item by item (the items are listed in adapters/dynamodb/keys.ts):
 *
 * - Ideas: the author's id and sign-in name go, and the name shown becomes "Tidligere deltager", as
 *   when an account is deleted (domain/my-data.ts, the same store call). Kept: the text, area,
 *   effects, status, answers, counts and the author's participant type (citizen, business, employee),
 *   which the committee's figures are split by and which names nobody.
 * - Comments and replies: the same; text and stance stay. Deleted ones hold nothing of their author.
 * - Votes: deleted. A vote says who supported what, on AI policy perhaps a political opinion. The
 *   ideas' vote counts and trending scores stay: they are the process's result, not anyone's data.
 * - Flags: deleted (who reported what); the flag counts stay.
 * - The vote rule's tallies (how many votes a person has standing in the process): deleted.
 * - The survey's markers ("this person, or this browser, answered"): deleted. The answers stay: they
 *   were stored apart from who gave them (domain/survey/) and name nobody.
 * - The consultation's invited rounds: who is a member and which e-mail addresses were invited: deleted.
 * - The consultation's responses: as comments (the text, position and participant type stay, the
 *   committee's answer too); who responded to which paragraph (the one-per-person markers) and flags: deleted.
 * - The events' sign-ups: deleted, with the needs people gave (diet, accessibility, notes) and the
 *   events' seat and check-in counters; the live rounds' answer markers (a hashed browser token per
 *   question answered): deleted. Kept: the events and the live rounds' tallies, counts that name
 *   nobody (domain/events/event-retention.ts).
 * - The assisted citizens (issue 15): deleted, with the name, contact details and consent an
 *   assistant recorded, their profile and their receipts' claim codes. What they took part with went
 *   by the steps above: their ideas, comments, votes, tallies and survey marker carry their assisted
 *   identity like anyone's id. A claimed citizen's contributions are the account's and went the same way.
 * - The audit log stays: it is the municipality's record of its decisions, made by its employees
 *   (Danish administrative law). Entries about a participant (block, unblock) name them by user id,
 *   from which the log shows their current name: that id is replaced by ERASED_SUBJECT, so the
 *   decision and its reason remain and who it concerned does not.
 *
 * Kept on purpose: the texts of ideas and comments, the committee's material; moderators' reasons
 * and official answers, written by employees. A participant may have named someone in free text;
 * no job can tell, which is why "personal data" is a reason to flag, and moderators hide such text.
 * Not part of a process, so not erased here: the account (profile and sign-in) is platform-wide and
 * its owner deletes it on Min side; rate-limit counters are per user and expire within about an hour;
 * a comment's pointer item (COMMENT#<id> / REF) holds only the comment's and the idea's ids.
 *
 * Primary course, for each process whose date has passed and that is not marked erased:
 * 1. For every idea of the process, in any status: delete its vote and flag records, then unlink its
 *    comments and the idea itself from their authors.
 * 2. Delete the process's vote tallies and survey markers; the modules' own data (consultation rounds
 *    and responses, event sign-ups and live answer markers, assisted citizens).
 * 3. Take the participants out of the process's audit entries about them.
 * 4. Mark the process erased (`personalDataErasedAt`) with an audit entry, in one transaction.
 * Each step is idempotent and the mark comes last: a run cut short (a Lambda timeout) leaves the
 * process unmarked and the next run does the rest; a marked process is skipped. From its date on the
 * process takes no participation (rules/phases.ts), so nothing new is written behind the job.
 */

/** Who the job's audit entry names as the one who acted: the retention date itself, not a person. */
export const RETENTION_ACTOR = { id: 'retention', name: 'Opbevaringsfrist' } as const;
/** Stands in for a participant's user id in the audit entries of an erased process. */
export const ERASED_SUBJECT = 'erased';

export interface RetentionDeps {
  processes: Pick<ProcessStore, 'list'>;
  retention: RetentionStore;
  userData: Pick<UserDataStore, 'anonymizeIdea'>;
  /** The consultation's round members and invitations (adapters/dynamodb/consultation-documents.ts `roundPeople`). */
  consultation?: { deleteRoundPeople(processId: string): Promise<number> };
  /** The consultation's responses (domain/consultation/response-retention.ts). */
  consultationResponses?: { eraseResponses(processId: string): Promise<number> };
  /** The events' sign-ups and live answer markers (domain/events/event-retention.ts). */
  events?: { eraseEventData(processId: string): Promise<{ signups: number; liveMarkers: number }> };
  /** The assisted citizens (adapters/dynamodb/retention.ts). */
  assisted?: AssistedRetentionStore;
  newId: (now: Date) => string;
}

/** What one run changed in one process (a resumed run counts only what was left). */
export interface ErasureReport {
  processId: string;
  ideas: number;
  comments: number;
  votes: number;
  flags: number;
  /** The vote rule's per-person tallies of standing votes. */
  tallies: number;
  /** Who answered the survey (the answers themselves name nobody and stay). */
  surveyMarkers: number;
  /** Members of the consultation's invited rounds and invited addresses; only when there were any. */
  roundPeople?: number;
  /** Consultation responses unlinked from their authors; only when there were any. */
  responses?: number;
  /** Event sign-ups deleted; only when there were any. */
  signups?: number;
  /** Live rounds' answer markers deleted; only when there were any. */
  liveMarkers?: number;
  /** Assisted citizens deleted with their profiles and claim codes; only when there were any. */
  assistedPersons?: number;
  auditEntries: number;
}

export interface RetentionRun {
  erased: ErasureReport[];
  /** Processes whose erasure failed this time; the next run tries them again. */
  failed: { processId: string; error: unknown }[];
}

/** Ideas erased at the same time: enough to hide latency, few enough not to throttle the table. */
const CONCURRENCY = 4;

/** Erases the personal data of every process whose retention date is at or before `now`. */
export async function eraseExpiredProcesses(deps: RetentionDeps, now: Date): Promise<RetentionRun> {
  const due = (await deps.processes.list()).filter((p) => isDue(p, now));
  const run: RetentionRun = { erased: [], failed: [] };
  // One process at a time, each on its own: a failure in one does not keep the others' data.
  for (const process of due) {
    try {
      run.erased.push(await eraseProcess(deps, process, now));
    } catch (error) {
      run.failed.push({ processId: process.id, error });
    }
  }
  return run;
}

export const isDue = (process: Process, now: Date): boolean =>
  process.personalDataErasedAt === undefined && Date.parse(process.settings.personalDataUntil) <= now.getTime();

async function eraseProcess(deps: RetentionDeps, process: Process, now: Date): Promise<ErasureReport> {
  const report: ErasureReport = { processId: process.id, ideas: 0, comments: 0, votes: 0, flags: 0, tallies: 0, surveyMarkers: 0, auditEntries: 0 };
  const ideaIds = await deps.retention.ideaIds(process.id);
  let next = 0;
  const worker = async () => {
    while (next < ideaIds.length) await eraseIdea(deps, ideaIds[next++]!, report);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ideaIds.length) }, worker));
  report.tallies = await deps.retention.deleteTallies(process.id);
  report.surveyMarkers = await deps.retention.deleteSurveyMarkers(process.id);
  const roundPeople = (await deps.consultation?.deleteRoundPeople(process.id)) ?? 0;
  if (roundPeople) report.roundPeople = roundPeople;
  const responses = (await deps.consultationResponses?.eraseResponses(process.id)) ?? 0;
  if (responses) report.responses = responses;
  const events = await deps.events?.eraseEventData(process.id);
  if (events?.signups) report.signups = events.signups;
  if (events?.liveMarkers) report.liveMarkers = events.liveMarkers;
  const assistedPersons = (await deps.assisted?.deleteAssistedPersons(process.id)) ?? 0;
  if (assistedPersons) report.assistedPersons = assistedPersons;

  for (const entry of await deps.retention.auditSubjects(process.id, ERASED_SUBJECT)) {
    await deps.retention.forgetAuditSubject(entry, ERASED_SUBJECT);
    report.auditEntries++;
  }

  const at = now.toISOString();
  const audit: AuditRecord = {
    id: deps.newId(now),
    processId: process.id,
    at,
    actorId: RETENTION_ACTOR.id,
    actorName: RETENTION_ACTOR.name,
    action: 'process-erase',
    targetKind: 'process',
    targetId: process.id,
    reason: 'Opbevaringsfristen for persondata er udløbet. Navnene er fjernet fra idéer og kommentarer, og stemmer og anmeldelser er slettet; antallet af stemmer står.',
  };
  await deps.retention.markErased(process.id, audit);
  return report;
}

async function eraseIdea(deps: RetentionDeps, ideaId: string, report: ErasureReport): Promise<void> {
  const { idea, comments, votes, flags } = await deps.retention.contents(ideaId);
  if (votes.length || flags.length) await deps.retention.deleteRecords({ votes, flags });
  report.votes += votes.length;
  report.flags += flags.length;
  for (const comment of comments.filter(namesAuthor)) {
    await deps.retention.anonymizeComment(comment, FORMER_PARTICIPANT);
    report.comments++;
  }
  if (idea && namesAuthor(idea)) {
    await deps.userData.anonymizeIdea(idea.id, FORMER_PARTICIPANT);
    report.ideas++;
  }
}

/** Still linked to its author or showing their name (a deleted comment has neither). */
const namesAuthor = (item: Partial<Pick<IdeaRecord | CommentRecord, 'authorId' | 'authorName'>> & { authorUsername?: string }): boolean =>
  item.authorId !== undefined || item.authorUsername !== undefined || (item.authorName !== undefined && item.authorName !== FORMER_PARTICIPANT);
