// use cases --> (views) : a stored recommendation as the API shows it
import type { ProgressUpdate, Recommendation } from '#shared/schemas/recommendations';
import { NotFoundError } from '../../lib/errors';
import { isReadable } from '../ideas';
import type { ProgressRecord, RecommendationRecord } from '../ports';
import type { RecommendationDeps } from './deps';
import type { LinkedIdeaRecord } from './ports';

/** The recommendation, or 404 (also for another process's recommendation: the key holds the process). */
export async function storedRecommendation(deps: Pick<RecommendationDeps, 'recommendations'>, processId: string, recommendationId: string): Promise<RecommendationRecord> {
  const record = await deps.recommendations.get(processId, recommendationId);
  if (!record) throw new NotFoundError('Anbefalingen findes ikke.');
  return record;
}

export const toProgressUpdate = ({ id, on, text, createdAt, authorName }: ProgressRecord): ProgressUpdate => ({ id, on, text, createdAt, authorName });

/** Newest first: by the day it tells about, then by when it was written. */
export const newestFirst = (a: ProgressRecord, b: ProgressRecord) => b.on.localeCompare(a.on) || b.createdAt.localeCompare(a.createdAt);

/**
 * The API's view. Linked ideas anyone may read (public or merged, not held) are shown with their
 * votes, in the order the committee chose; an idea hidden or removed since is left out.
 */
export function toRecommendation(r: RecommendationRecord, ideas: Map<string, LinkedIdeaRecord>, progress: ProgressRecord[]): Recommendation {
  const linked = r.ideaIds.flatMap((id) => {
    const idea = ideas.get(id);
    return idea && idea.processId === r.processId && isReadable(idea) ? [{ id, title: idea.title, status: idea.status, voteCount: idea.voteCount }] : [];
  });
  return {
    id: r.id,
    processId: r.processId,
    title: r.title,
    rationale: r.rationale,
    effects: r.effects,
    ideas: linked,
    status: r.status,
    ...(r.statusNote ? { statusNote: r.statusNote } : {}),
    ...(r.statusChangedAt ? { statusChangedAt: r.statusChangedAt } : {}),
    ...(r.aiLens ? { aiLens: r.aiLens } : {}),
    ...(r.initiative ? { initiative: r.initiative } : {}),
    progress: progress.filter((p) => p.recommendationId === r.id).sort(newestFirst).map(toProgressUpdate),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Several recommendations as the API shows them, with one read of their ideas and one of the process's progress. */
export async function recommendationViews(deps: Pick<RecommendationDeps, 'recommendations'>, processId: string, records: RecommendationRecord[]): Promise<Recommendation[]> {
  if (records.length === 0) return [];
  const ids = [...new Set(records.flatMap((r) => r.ideaIds))];
  const [ideas, progress] = await Promise.all([
    deps.recommendations.ideas(ids),
    records.some((r) => r.initiative) ? deps.recommendations.progress(processId, records.length === 1 ? records[0]!.id : undefined) : Promise.resolve([]),
  ]);
  const byId = new Map(ideas.map((i) => [i.id, i]));
  return records.map((r) => toRecommendation(r, byId, progress));
}

export async function recommendationView(deps: Pick<RecommendationDeps, 'recommendations'>, record: RecommendationRecord): Promise<Recommendation> {
  return (await recommendationViews(deps, record.processId, [record]))[0]!;
}
