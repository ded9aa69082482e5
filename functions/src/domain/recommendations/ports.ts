import type { IdeaStatus, TakenUp } from '#shared/schemas/idea';
import type { AuditRecord, ProgressRecord, RecommendationReader, RecommendationRecord } from '../ports';

/** What a linked idea shows, read as stored (the use case leaves out those nobody may read). */
export interface LinkedIdeaRecord {
  id: string;
  processId: string;
  title: string;
  status: IdeaStatus;
  held?: boolean;
  voteCount: number;
}

/**
 * The recommendations store (adapters/dynamodb/recommendations.ts). Every write goes with its audit
 * entry in one transaction, and the linked ideas' taken-up items (the idea page's list) with it.
 */
export interface RecommendationStore extends RecommendationReader {
  get(processId: string, recommendationId: string): Promise<RecommendationRecord | undefined>;
  /** The process's progress updates (of one recommendation when given), in no particular order. */
  progress(processId: string, recommendationId?: string): Promise<ProgressRecord[]>;
  /** The ideas by id, as stored (missing ones left out). */
  ideas(ideaIds: string[]): Promise<LinkedIdeaRecord[]>;
  /** The recommendations that took an idea up. */
  takenUpBy(ideaId: string): Promise<TakenUp[]>;
  /** `exists` (nothing written) when the id is taken. */
  create(record: RecommendationRecord, audit: AuditRecord): Promise<'created' | 'exists'>;
  /**
   * Replaces the record if its stored `updatedAt` is still `expectedUpdatedAt` (`stale`, nothing
   * written, otherwise: also when it was deleted meanwhile). The taken-up items of its ideas are put
   * (title and status as now); those of `unlinked` ideas are deleted.
   */
  update(record: RecommendationRecord, expectedUpdatedAt: string, audit: AuditRecord, unlinked?: string[]): Promise<'saved' | 'stale'>;
  /** Deletes the recommendation and its taken-up items if it is unchanged since read (`stale` otherwise). */
  delete(record: RecommendationRecord, audit: AuditRecord): Promise<'deleted' | 'stale'>;
  /** Adds a progress update if the recommendation still has an initiative (`no-initiative` otherwise). */
  addProgress(record: RecommendationRecord, progress: ProgressRecord, audit: AuditRecord): Promise<'added' | 'no-initiative'>;
}
