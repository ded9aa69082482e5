// handler --> (use case) --> RecommendationStore (with its audit entry and taken-up items), ProcessStore, FollowEventLog
import { RECOMMENDATION_IDEAS_MAX, RECOMMENDATIONS_PER_PROCESS_MAX } from '#shared/rules/recommendations';
import type { Process } from '#shared/schemas/process';
import type { Recommendation, RecommendationInput, RecommendationStatusUpdate, RecommendationUpdate } from '#shared/schemas/recommendations';
import type { Problem } from '#shared/schemas/problem';
import { ConflictError, ValidationError } from '../../lib/errors';
import { isReadable } from '../ideas';
import type { RecommendationRecord } from '../ports';
import { getProcess } from '../processes';
import { nextUpdatedAt, sameInstant } from '../process-admin/record';
import { actorName, changesOf, recommendationAudit, tellFollowers, type RecommendationActor, type RecommendationDeps } from './deps';
import { recommendationView, recommendationViews, storedRecommendation } from './views';

/** Fields an audit entry of a create or an edit compares. */
const editedFields = ['title', 'rationale', 'effects', 'ideaIds'] as const;

export const STALE_MESSAGE = 'Anbefalingen er blevet ændret af en anden, siden du åbnede den. Hent den igen, og lav dine ændringer på ny.';
export const staleError = () => new ConflictError('stale', STALE_MESSAGE, [{ path: 'body.expectedUpdatedAt', message: 'Anbefalingen er ændret siden' }]);

/** The process, which must exist (404) and, for a write, not be archived (409). */
export async function writableProcess(deps: Pick<RecommendationDeps, 'processes'>, processId: string): Promise<Process> {
  const process = await getProcess(deps.processes, processId);
  if (process.archivedAt !== undefined) throw new ConflictError('process-archived', 'Forløbet er arkiveret. Dets anbefalinger kan ikke ændres.');
  return process;
}

/**
 * The body's effects and ideas checked against the process (400 with each field's path): effect ids
 * the process has; ideas of this process that anyone may read (public or merged). A hidden, pending
 * or rejected idea is refused like an unknown one, so the answer tells nothing about it.
 */
async function checkInput(deps: Pick<RecommendationDeps, 'recommendations'>, process: Process, input: RecommendationInput, before?: RecommendationRecord): Promise<string[]> {
  const errors: NonNullable<Problem['errors']> = [];
  const effects = new Set(process.effects.map((e) => e.id));
  for (const id of Object.keys(input.effects)) {
    if (!effects.has(id)) errors.push({ path: `body.effects.${id}`, message: 'Forløbet har ikke denne effekt' });
  }
  const linked = before?.ideaIds ?? [];
  const found = new Map((await deps.recommendations.ideas([...new Set([...input.ideaIds, ...linked])])).map((i) => [i.id, i]));
  const ours = (id: string) => found.get(id)?.processId === process.id;
  const readable = (id: string) => ours(id) && isReadable(found.get(id)!);
  input.ideaIds.forEach((id, index) => {
    // An idea linked before stays allowed once hidden: a moderator's decision does not make the committee's text invalid.
    if (!readable(id) && !(linked.includes(id) && ours(id))) errors.push({ path: `body.ideaIds.${index}`, message: 'Idéen findes ikke i forløbet, eller den er ikke offentlig' });
  });
  // Linked ideas out of public view (hidden, or held after flags) are not in the page the committee
  // edited, so it cannot have meant to remove them: they stay linked and show again when restored.
  const kept = linked.filter((id) => ours(id) && !readable(id) && !input.ideaIds.includes(id));
  const ideaIds = [...input.ideaIds, ...kept];
  if (ideaIds.length > RECOMMENDATION_IDEAS_MAX) {
    errors.push({ path: 'body.ideaIds', message: `Højst ${RECOMMENDATION_IDEAS_MAX} idéer i alt; ${kept.length} skjulte idéer er stadig knyttet til anbefalingen` });
  }
  if (errors.length) throw new ValidationError(errors);
  return ideaIds;
}

export async function listRecommendations(deps: RecommendationDeps, processId: string): Promise<{ items: Recommendation[] }> {
  await getProcess(deps.processes, processId);
  return { items: await recommendationViews(deps, processId, await deps.recommendations.list(processId)) };
}

export async function getRecommendation(deps: RecommendationDeps, processId: string, recommendationId: string): Promise<Recommendation> {
  await getProcess(deps.processes, processId);
  return recommendationView(deps, await storedRecommendation(deps, processId, recommendationId));
}

/**
 * Create a recommendation. Primary course:
 * 1. The process exists (404), is not archived (409) and has fewer than the most recommendations (409).
 * 2. Its effects and ideas are the process's (400 at the field otherwise).
 * 3. Written, proposed, with its linked ideas' taken-up items and its audit entry, in one transaction.
 * 4. Each linked idea's followers are told it was taken up (best effort).
 */
export async function createRecommendation(deps: RecommendationDeps, actor: RecommendationActor, processId: string, input: RecommendationInput): Promise<Recommendation> {
  const process = await writableProcess(deps, processId);
  if ((await deps.recommendations.list(processId)).length >= RECOMMENDATIONS_PER_PROCESS_MAX) {
    throw new ConflictError('too-many-recommendations', `Et forløb kan højst have ${RECOMMENDATIONS_PER_PROCESS_MAX} anbefalinger.`);
  }
  await checkInput(deps, process, input);
  const now = deps.clock.now();
  const at = now.toISOString();
  const name = await actorName(deps, actor);
  const record: RecommendationRecord = {
    id: deps.newId(now),
    processId,
    title: input.title,
    rationale: input.rationale,
    effects: input.effects,
    ideaIds: input.ideaIds,
    status: 'proposed',
    createdAt: at,
    updatedAt: at,
    createdBy: actor.userId,
  };
  const audit = recommendationAudit(deps, { ...actor, name }, now, { processId, action: 'recommendation-create', recommendationId: record.id, changes: changesOf(undefined, record, editedFields) });
  if ((await deps.recommendations.create(record, audit)) === 'exists') throw new ConflictError('exists', 'Prøv igen.');
  await tellTakenUp(deps, actor, record, input.ideaIds);
  return recommendationView(deps, record);
}

/**
 * Change a recommendation's title, rationale, effects and ideas. Primary course:
 * 1. The process exists (404) and is not archived (409); the recommendation exists in it (404).
 * 2. No one saved it since `expectedUpdatedAt` (409 stale), checked again as it is written.
 * 3. Effects and ideas as for a new one (400), except that linked ideas now out of public view stay
 *    linked; the taken-up items follow the links and the title.
 * 4. Newly linked ideas' followers are told (best effort).
 */
export async function updateRecommendation(
  deps: RecommendationDeps,
  actor: RecommendationActor,
  processId: string,
  recommendationId: string,
  input: RecommendationUpdate,
): Promise<Recommendation> {
  const process = await writableProcess(deps, processId);
  const before = await storedRecommendation(deps, processId, recommendationId);
  if (!sameInstant(before.updatedAt, input.expectedUpdatedAt)) throw staleError();
  const ideaIds = await checkInput(deps, process, input, before);
  const now = deps.clock.now();
  const after: RecommendationRecord = { ...before, title: input.title, rationale: input.rationale, effects: input.effects, ideaIds, updatedAt: nextUpdatedAt(before, now) };
  const changes = changesOf(before, after, editedFields);
  if (changes.length === 0) return recommendationView(deps, before);
  const audit = recommendationAudit(deps, { ...actor, name: await actorName(deps, actor) }, now, { processId, action: 'recommendation-update', recommendationId, changes });
  const unlinked = before.ideaIds.filter((id) => !after.ideaIds.includes(id));
  if ((await deps.recommendations.update(after, before.updatedAt, audit, unlinked)) === 'stale') throw staleError();
  await tellTakenUp(deps, actor, after, after.ideaIds.filter((id) => !before.ideaIds.includes(id)));
  return recommendationView(deps, after);
}

/**
 * Delete a recommendation: only a proposed one that is not in the register (409 otherwise; an adopted
 * or rejected one is the political committee's decision and stays on record). Its taken-up items go with it.
 */
export async function deleteRecommendation(deps: RecommendationDeps, actor: RecommendationActor, processId: string, recommendationId: string): Promise<void> {
  await writableProcess(deps, processId);
  const record = await storedRecommendation(deps, processId, recommendationId);
  if (record.status !== 'proposed' || record.initiative) {
    throw new ConflictError('not-deletable', 'Kun en foreslået anbefaling, der ikke er i opfølgningen, kan slettes. Den politiske beslutning bliver stående.');
  }
  const now = deps.clock.now();
  const audit = recommendationAudit(deps, { ...actor, name: await actorName(deps, actor) }, now, {
    processId,
    action: 'recommendation-delete',
    recommendationId,
    changes: changesOf(record, undefined, editedFields),
  });
  if ((await deps.recommendations.delete(record, audit)) === 'stale') throw staleError();
}

/**
 * Record the political committee's decision (proposed, adopted or rejected) with a note. Primary course:
 * 1. As for a change (404, 409 archived, 409 stale).
 * 2. Written with the note and when, the taken-up items' status, and the audit entry.
 * 3. On a new status, the recommendation's followers are told (best effort).
 */
export async function setRecommendationStatus(
  deps: RecommendationDeps,
  actor: RecommendationActor,
  processId: string,
  recommendationId: string,
  input: RecommendationStatusUpdate,
): Promise<Recommendation> {
  await writableProcess(deps, processId);
  const before = await storedRecommendation(deps, processId, recommendationId);
  if (!sameInstant(before.updatedAt, input.expectedUpdatedAt)) throw staleError();
  const now = deps.clock.now();
  const updatedAt = nextUpdatedAt(before, now);
  const after: RecommendationRecord = { ...before, status: input.status, statusNote: input.note, statusChangedAt: updatedAt, updatedAt };
  const audit = recommendationAudit(deps, { ...actor, name: await actorName(deps, actor) }, now, {
    processId,
    action: 'recommendation-status',
    recommendationId,
    changes: changesOf(before, after, ['status', 'statusNote']),
  });
  if ((await deps.recommendations.update(after, before.updatedAt, audit)) === 'stale') throw staleError();
  if (after.status !== before.status) {
    await tellFollowers(deps, [
      {
        processId,
        kind: 'recommendation-status',
        target: 'recommendation',
        targetId: after.id,
        title: after.title,
        status: after.status,
        ...(after.statusNote ? { text: after.statusNote } : {}),
        actorId: actor.userId,
      },
    ]);
  }
  return recommendationView(deps, after);
}

/** Each newly linked idea's followers hear that the recommendation took it up. */
async function tellTakenUp(deps: RecommendationDeps, actor: RecommendationActor, r: RecommendationRecord, ideaIds: string[]): Promise<void> {
  if (ideaIds.length === 0) return;
  // The titles only word the mail: without them (a failed read) the events still go.
  const ideas = new Map(
    await deps.recommendations.ideas(ideaIds).then(
      (found) => found.map((i) => [i.id, i.title] as const),
      () => [],
    ),
  );
  await tellFollowers(
    deps,
    ideaIds.map((ideaId) => ({
      processId: r.processId,
      kind: 'taken-up' as const,
      target: 'idea' as const,
      targetId: ideaId,
      title: ideas.get(ideaId) ?? '',
      text: r.title,
      relatedId: r.id,
      relatedTitle: r.title,
      actorId: actor.userId,
    })),
  );
}
