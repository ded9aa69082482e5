import { FIRST_PROCESS_ID, firstProcess } from '#local/seed-process';
import type { Process } from '#shared/schemas/process';
import type { Role } from '#shared/schemas/user';
import type { Actor } from '#functions/lib/auth';
import type { IdeaRecord, StoredProfile } from '#functions/domain/ports';

/**
 * Records to arrange a test with. The process is the seeded first process with its phases laid from
 * SEEDED_AT: ideas and votes for 56 days, then votes only until day 84, then the committee's review.
 */
export const PROCESS_ID = FIRST_PROCESS_ID;
export const SEEDED_AT = '2026-11-27T00:00:00.000Z';
export const DAY_MS = 24 * 60 * 60 * 1000;
/** A moment in the submission phase, when everything is open. */
export const DURING_SUBMISSION = '2026-11-28T12:00:00.000Z';
/** Day 90: the committee's review, when nothing takes votes or comments. */
export const DURING_REVIEW = new Date(Date.parse(SEEDED_AT) + 90 * DAY_MS).toISOString();

export const aProcess = (overrides: Partial<Process> = {}): Process => ({ ...firstProcess(new Date(SEEDED_AT)), ...overrides });

export function anIdea(id: string, overrides: Partial<IdeaRecord> = {}): IdeaRecord {
  const at = overrides.createdAt ?? DURING_SUBMISSION;
  return {
    id,
    processId: PROCESS_ID,
    title: 'AI-assistent til journalnotater',
    body: 'Medarbejderne i hjemmeplejen bruger meget tid på notater. En AI-assistent kunne skrive et udkast.',
    excerpt: 'Medarbejderne i hjemmeplejen bruger meget tid på notater.',
    area: 'aeldre-sundhed-omsorg',
    effects: ['effektivitet'],
    beneficiaries: ['employees'],
    status: 'published',
    authorId: 'author',
    authorUsername: 'author-login',
    authorName: 'Anna Forfatter',
    authorType: 'citizen',
    voteCount: 0,
    commentCount: 0,
    trendScore: 1,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function aProfile(userId: string, overrides: Partial<StoredProfile> = {}): StoredProfile {
  return {
    userId,
    displayName: `Bruger ${userId}`,
    participantType: 'citizen',
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    ...overrides,
  };
}

export const anActor = (userId: string, roles: Role[] = [], username?: string): Actor => ({ userId, roles, ...(username ? { username } : {}) });
