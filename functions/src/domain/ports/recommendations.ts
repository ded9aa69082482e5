import type { AiLens } from '#shared/schemas/ai-lens';
import type { RecommendationStatus } from '#shared/rules/recommendations';
import type { Initiative } from '#shared/schemas/recommendations';

/**
 * What the recommendations, the register and the export need from storage (issue 16;
 * adapters/dynamodb/recommendations.ts). Kept apart from domain/ports.ts only for size.
 */
export interface RecommendationRecord {
  id: string;
  processId: string;
  title: string;
  rationale: string;
  /** Effect id → weight 0–3. */
  effects: Record<string, number>;
  ideaIds: string[];
  status: RecommendationStatus;
  statusNote?: string;
  statusChangedAt?: string;
  aiLens?: AiLens;
  initiative?: Initiative;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

export interface ProgressRecord {
  id: string;
  recommendationId: string;
  on: string;
  text: string;
  createdAt: string;
  authorId: string;
  authorName: string;
}

/** The part of the recommendations store the export reads (the annex ends with them). */
export interface RecommendationReader {
  /** Oldest first. */
  list(processId: string): Promise<RecommendationRecord[]>;
}

/** The frozen annex's versions (adapters/dynamodb/annex-versions.ts). */
export interface AnnexVersionRecord {
  processId: string;
  version: number;
  frozenAt: string;
  frozenBy: string;
  frozenByName: string;
  journalNumber: string;
  sha256: string;
  bytes: number;
  filename: string;
  top: number;
  area?: string;
}
