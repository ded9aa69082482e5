// handler --> (use case) --> IdeaStore (read), PlainSummaryStore (write with its audit entry)
import type { IdeaDetail, PlainSummaryUpdate } from '#shared/schemas/idea';
import type { AuditState } from '#shared/rules/audit';
import { hasRole, type Actor } from '../lib/auth';
import { ConflictError, ForbiddenError, NotFoundError } from '../lib/errors';
import { auditEntry } from './audit';
import { toDetail } from './ideas';
import { writerProfile } from './profiles';
import type { AuditRecord, IdeaRecord, IdeaStore, ProfileStore } from './ports';

/** Writes an idea's plain summary (implemented by adapters/dynamodb/plain-summary.ts). */
export interface PlainSummaryStore {
  /**
   * Sets (a text) or removes (null) the summary and `updatedAt`, with the audit entry when given, in
   * one transaction, if the idea still holds `expected` (undefined: none); `changed` (nothing
   * written) when someone else changed the summary meanwhile, `gone` when the idea no longer exists.
   */
  set(ideaId: string, expected: string | undefined, summary: string | null, now: Date, audit?: AuditRecord): Promise<'set' | 'changed' | 'gone'>;
}

export interface PlainSummaryDeps {
  ideas: Pick<IdeaStore, 'get'>;
  plainSummaries: PlainSummaryStore;
  profiles: Pick<ProfileStore, 'get'>;
  clock: { now(): Date };
  newId: (now: Date) => string;
}

/**
 * Set or remove an idea's plain-language ("letlæst") summary. Primary course:
 * 1. The idea exists (else 404, as for an id that never existed).
 * 2. The caller is its author (in any state: a pending or hidden idea may be made easier to read
 *    before it is shown) or a moderator (any idea); anyone else 403.
 * 3. The same text as stored: nothing is written.
 * 4. The summary is written with `updatedAt`. A moderator changing someone else's idea leaves an
 *    audit entry 'plain-summary' with the text before and after: the author's words were changed by
 *    someone else, and administrative law wants that traceable. An author's own edit is their own text.
 * 5. A concurrent change of the summary between read and write: 409, nothing written.
 */
export async function setPlainSummary(deps: PlainSummaryDeps, actor: Actor, ideaId: string, input: PlainSummaryUpdate): Promise<IdeaDetail> {
  const idea = await deps.ideas.get(ideaId);
  if (!idea) throw new NotFoundError('Idéen findes ikke.');
  const isAuthor = idea.authorId === actor.userId;
  if (!isAuthor && !hasRole(actor, 'moderator')) throw new ForbiddenError('Kun idéens forfatter eller en moderator kan skrive den letlæste version.');
  // A blocked author no longer writes on their idea (the same check as a new idea); a moderator
  // editing it is moderation, not the author's writing.
  if (isAuthor && !hasRole(actor, 'moderator')) writerProfile(await deps.profiles.get(actor.userId), 'skriver den letlæste version');

  const summary = input.plainSummary;
  if ((summary ?? undefined) === idea.plainSummary) return toDetail(idea);

  const now = deps.clock.now();
  const audit = isAuthor ? undefined : await auditEntry(deps, actor, now, {
    processId: idea.processId,
    action: 'plain-summary',
    targetKind: 'idea',
    targetId: idea.id,
    before: textState(idea.plainSummary),
    after: textState(summary ?? undefined),
  });
  const outcome = await deps.plainSummaries.set(idea.id, idea.plainSummary, summary, now, audit);
  if (outcome === 'gone') throw new NotFoundError('Idéen findes ikke.');
  if (outcome === 'changed') {
    throw new ConflictError('plain-summary-changed', 'Den letlæste version er blevet ændret i mellemtiden. Hent idéen igen, og prøv igen.');
  }
  const updated: IdeaRecord = { ...idea, updatedAt: now.toISOString() };
  if (summary === null) delete updated.plainSummary;
  else updated.plainSummary = summary;
  return toDetail(updated);
}

/** An absent summary is no state (the log shows "none" before a first summary, or after its removal). */
const textState = (text: string | undefined): AuditState | undefined => (text === undefined ? undefined : { kind: 'text', text });
