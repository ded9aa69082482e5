// handler --> (use case) --> RecommendationStore (with its audit entry), ProcessStore, ProfileStore
import { canTrack } from '#shared/rules/recommendations';
import type { AiLensUpdate } from '#shared/schemas/ai-lens';
import type { InitiativeInput, ProgressUpdate, ProgressUpdateInput, Recommendation } from '#shared/schemas/recommendations';
import { ConflictError } from '../../lib/errors';
import type { ProgressRecord, RecommendationRecord } from '../ports';
import { nextUpdatedAt, sameInstant } from '../process-admin/record';
import { actorName, changesOf, recommendationAudit, type RecommendationActor, type RecommendationDeps } from './deps';
import { staleError, writableProcess } from './recommendations';
import { recommendationView, storedRecommendation, toProgressUpdate } from './views';

/**
 * Set the AI Act and data-ethics lens of a recommendation (committee or moderator). Primary course:
 * 1. The process exists (404), is not archived (409); the recommendation exists in it (404).
 * 2. No one saved it since `expectedUpdatedAt` (409 stale).
 * 3. The lens replaces the old one (an empty lens removes it), written with its audit entry ('ai-lens').
 */
export async function setRecommendationAiLens(
  deps: RecommendationDeps,
  actor: RecommendationActor,
  processId: string,
  recommendationId: string,
  input: AiLensUpdate,
): Promise<Recommendation> {
  await writableProcess(deps, processId);
  const before = await storedRecommendation(deps, processId, recommendationId);
  if (!sameInstant(before.updatedAt, input.expectedUpdatedAt)) throw staleError();
  const now = deps.clock.now();
  const lens = Object.keys(input.lens).length > 0 ? input.lens : undefined;
  const after: RecommendationRecord = { ...before, aiLens: lens, updatedAt: nextUpdatedAt(before, now) };
  const changes = changesOf(before, after, ['aiLens']);
  if (changes.length === 0) return recommendationView(deps, before);
  const audit = recommendationAudit(deps, { ...actor, name: await actorName(deps, actor) }, now, { processId, action: 'ai-lens', recommendationId, changes });
  if ((await deps.recommendations.update(after, before.updatedAt, audit)) === 'stale') throw staleError();
  return recommendationView(deps, after);
}

/**
 * Put an adopted recommendation in the register, or change its owner, timeline and state. Primary course:
 * 1. As for a change (404, 409 archived); the recommendation is adopted (409 not-adopted: rules canTrack).
 * 2. The first time no `expectedUpdatedAt` is given; afterwards it is the initiative's `updatedAt`
 *    as read (409 stale when someone set it meanwhile, or when a first time finds one set).
 * 3. Written with its audit entry ('initiative-set'), if the recommendation is unchanged since read.
 */
export async function setInitiative(
  deps: RecommendationDeps,
  actor: RecommendationActor,
  processId: string,
  recommendationId: string,
  input: InitiativeInput,
): Promise<Recommendation> {
  await writableProcess(deps, processId);
  const before = await storedRecommendation(deps, processId, recommendationId);
  if (!canTrack(before.status)) {
    throw new ConflictError('not-adopted', 'Kun en anbefaling, som det politiske udvalg har vedtaget, kan følges op i registret. Registrér beslutningen først.');
  }
  const current = before.initiative?.updatedAt;
  const expected = input.expectedUpdatedAt;
  if (current === undefined ? expected !== undefined : expected === undefined || !sameInstant(current, expected)) throw staleError();
  const now = deps.clock.now();
  const updatedAt = nextUpdatedAt(before, now);
  const after: RecommendationRecord = {
    ...before,
    initiative: { owner: input.owner, startsOn: input.startsOn, endsOn: input.endsOn, state: input.state, updatedAt },
    updatedAt,
  };
  const fields = ['owner', 'startsOn', 'endsOn', 'state'] as const;
  const changes = changesOf(before.initiative, after.initiative, fields);
  if (changes.length === 0) return recommendationView(deps, before);
  const audit = recommendationAudit(deps, { ...actor, name: await actorName(deps, actor) }, now, { processId, action: 'initiative-set', recommendationId, changes });
  if ((await deps.recommendations.update(after, before.updatedAt, audit)) === 'stale') throw staleError();
  return recommendationView(deps, after);
}

/**
 * Add a dated progress update to an initiative. Primary course:
 * 1. As for a change (404, 409 archived); the recommendation has an initiative (409 no-initiative).
 * 2. The update, with its author's name, written with its audit entry ('progress-add').
 */
export async function addProgressUpdate(
  deps: RecommendationDeps,
  actor: RecommendationActor,
  processId: string,
  recommendationId: string,
  input: ProgressUpdateInput,
): Promise<ProgressUpdate> {
  await writableProcess(deps, processId);
  const record = await storedRecommendation(deps, processId, recommendationId);
  const noInitiative = () =>
    new ConflictError('no-initiative', 'Anbefalingen er ikke i opfølgningsregistret endnu. Angiv ejer og tidsplan, før du skriver en status.');
  if (!record.initiative) throw noInitiative();
  const now = deps.clock.now();
  const name = await actorName(deps, actor);
  const progress: ProgressRecord = {
    id: deps.newId(now),
    recommendationId,
    on: input.on,
    text: input.text,
    createdAt: now.toISOString(),
    authorId: actor.userId,
    authorName: name,
  };
  const audit = recommendationAudit(deps, { ...actor, name }, now, {
    processId,
    action: 'progress-add',
    recommendationId,
    changes: [{ field: 'progress', after: { on: progress.on, text: progress.text } }],
  });
  if ((await deps.recommendations.addProgress(record, progress, audit)) === 'no-initiative') throw noInitiative();
  return toProgressUpdate(progress);
}
