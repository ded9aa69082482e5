import type { IdeaDetail, IdeaSort, PublicStatus } from '#shared/schemas/idea';
import type { Process } from '#shared/schemas/process';
import type { ParticipantType } from '#shared/schemas/user';

/**
 * What the use cases need from storage, as interfaces. The DynamoDB adapters in `store/` implement
 * them; use cases never import the adapters, so they can be tested with any implementation.
 */

/** An idea as stored: the public detail plus what only the server may see. */
export interface IdeaRecord extends IdeaDetail {
  authorId: string;
  /** Sum of time-decayed activity weights (see domain/trending.ts). */
  trendScore: number;
}

/** What a list shows of an idea: the record without its long texts. */
export type IdeaSummary = Omit<IdeaRecord, 'body' | 'concerns'>;

export interface IdeaPageQuery {
  processId: string;
  sort: IdeaSort;
  area?: string;
  status?: PublicStatus;
  /** Lower-case search text matched against title, body and concerns. */
  search?: string;
  limit: number;
  cursor?: string;
  /** For sort=random: the visitor's seed. */
  seed?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ProcessStore {
  list(): Promise<Process[]>;
  get(processId: string): Promise<Process | undefined>;
  /** Creates or replaces a process. */
  put(process: Process): Promise<void>;
}

export interface IdeaStore {
  /** Fails with a ConflictError if the id exists. */
  create(idea: IdeaRecord): Promise<void>;
  get(ideaId: string): Promise<IdeaRecord | undefined>;
  listPublic(query: IdeaPageQuery): Promise<Page<IdeaSummary>>;
}

export interface StoredProfile {
  userId: string;
  displayName: string;
  participantType: ParticipantType;
  organisation?: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProfileStore {
  get(userId: string): Promise<StoredProfile | undefined>;
  put(profile: StoredProfile): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
