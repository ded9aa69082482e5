import type { Beneficiary, IdeaStatus } from '#shared/schemas/idea';
import type { ParticipantType } from '#shared/schemas/user';
import type { Channel } from '#shared/rules/assisted';
import type { AiLens } from '#shared/schemas/ai-lens';
import type { RecommendationRecord } from './recommendations';

/**
 * What the committee export needs from storage (implemented by adapters/dynamodb/export.ts). Kept
 * apart from domain/ports.ts only for size; import it from there like every other port.
 */

/** An idea as the export reads it. */
export interface ExportIdea {
  id: string;
  title: string;
  area: string;
  effects: string[];
  beneficiaries: Beneficiary[];
  status: IdeaStatus;
  officialAnswer?: string;
  commentCount: number;
  createdAt: string;
  /** Absent once the author has erased their account (the idea stays, unlinked). */
  authorId?: string;
  authorType: ParticipantType;
  /** On a target of merges: the ideas merged into it. */
  mergedFrom?: string[];
  /** On a merged idea: the idea it was merged into. */
  mergedInto?: string;
  /** On a merged idea: its votes were all carried to the idea it was merged into (domain/merge-votes.ts). */
  votesCarried?: boolean;
  /** Held for moderation after flags. */
  held?: boolean;
  /** How it came in (rules/assisted.ts); absent: the web. */
  channel?: Channel;
  /** The AI Act and data-ethics lens (issue 16); absent: not assessed. */
  aiLens?: AiLens;
  /** The idea's cached vote count: used only for an idea a recommendation links outside the ranking (the ranking counts vote records). */
  voteCount?: number;
}

/** Who voted, as a vote record tells it. */
export interface Voter {
  userId: string;
  participantType: ParticipantType;
}

export interface ExportStore {
  /** Every public idea of a process. Hidden, rejected, withdrawn, merged, pending and held ideas are never among them. */
  publicIdeas(processId: string): Promise<ExportIdea[]>;
  /** Ideas by id, whatever their status (the sources of merges); unknown ids are left out. */
  ideas(ideaIds: string[]): Promise<ExportIdea[]>;
  /** The vote records of each idea, by idea id (an idea without votes may be missing from the map). */
  voters(ideaIds: string[]): Promise<Map<string, Voter[]>>;
  /** Moderation decisions in the process's audit log, counted by action. */
  moderationCounts(processId: string): Promise<Record<string, number>>;
  /** What waits in the moderation queue now. */
  queueCounts(processId: string): Promise<{ pending: number; flagged: number }>;
  /** The channels of the visible comments and replies on these ideas (absent: web), counted. */
  commentChannels(ideaIds: string[]): Promise<Record<Channel, number>>;
  /** The channels of the process's survey answers (absent: web), counted; all zero without a survey. */
  surveyAnswerChannels(processId: string): Promise<Record<Channel, number>>;
  /** The committee's recommendations in the process, oldest first (what the annex ends with). */
  recommendations(processId: string): Promise<RecommendationRecord[]>;
}
