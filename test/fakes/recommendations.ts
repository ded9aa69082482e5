import type { AuditRecord, FollowEvent, ProgressRecord, RecommendationRecord } from '#functions/domain/ports';
import type { RecommendationStore } from '#functions/domain/recommendations/ports';
import { copy, type FakeTables } from './tables';

/**
 * The recommendations store in memory, with the DynamoDB adapter's conditions (updatedAt as read, an
 * initiative for progress), its taken-up items and its audit entries; the ideas are the world's.
 */
export function fakeRecommendationStore(tables: FakeTables) {
  const recs = new Map<string, RecommendationRecord>();
  const progress: ProgressRecord[] = [];
  const audit: AuditRecord[] = [];
  const key = (processId: string, id: string) => `${processId}/${id}`;
  const store: RecommendationStore = {
    get: async (processId, id) => copy(recs.get(key(processId, id))),
    list: async (processId) => [...recs.values()].filter((r) => r.processId === processId).sort((a, b) => a.id.localeCompare(b.id)).map(copy),
    progress: async (processId, id) => progress.filter((p) => (id ? p.recommendationId === id : [...recs.values()].some((r) => r.processId === processId && r.id === p.recommendationId))).map(copy),
    ideas: async (ids) =>
      ids.flatMap((id) => {
        const i = tables.ideas.get(id);
        return i ? [{ id: i.id, processId: i.processId, title: i.title, status: i.status, ...(i.held ? { held: true } : {}), voteCount: i.voteCount }] : [];
      }),
    takenUpBy: async (ideaId) => [...recs.values()].filter((r) => r.ideaIds.includes(ideaId)).map(({ id, title, status }) => ({ id, title, status })),
    async create(r, entry) {
      if (recs.has(key(r.processId, r.id))) return 'exists';
      recs.set(key(r.processId, r.id), copy(r));
      audit.push(entry);
      return 'created';
    },
    async update(r, expected, entry) {
      if (recs.get(key(r.processId, r.id))?.updatedAt !== expected) return 'stale';
      recs.set(key(r.processId, r.id), copy(r));
      audit.push(entry);
      return 'saved';
    },
    async delete(r, entry) {
      if (recs.get(key(r.processId, r.id))?.updatedAt !== r.updatedAt) return 'stale';
      recs.delete(key(r.processId, r.id));
      audit.push(entry);
      return 'deleted';
    },
    async addProgress(r, p, entry) {
      if (!recs.get(key(r.processId, r.id))?.initiative) return 'no-initiative';
      progress.push(copy(p));
      audit.push(entry);
      return 'added';
    },
  };
  return { store, recs, progress, audit };
}

/** A follow-event log that keeps what it is told, or fails every record when `failing`. */
export function fakeFollowEvents(failing = false) {
  const events: FollowEvent[] = [];
  return {
    events,
    async record(event: FollowEvent) {
      if (failing) throw new Error('feed unavailable');
      events.push(event);
    },
  };
}
