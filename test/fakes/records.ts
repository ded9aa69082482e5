import { gentofteProcess, localGentofte } from '../../cdk/setup/definition';
import type { PhaseKind, Process } from '#shared/schemas/process';
import type { Role } from '#shared/schemas/user';
import type { Actor } from '#functions/lib/auth';
import type { IdeaRecord, StoredProfile } from '#functions/domain/ports';

/**
 * Records to arrange a test with. The process is the Gentofte process (processes/ai-i-gentofte.json)
 * as the local stack seeds it on SEEDED_AT: its phases moved to start that day (ideas and votes,
 * then votes only, then the committee's review, then closed).
 */
export const PROCESS_ID = gentofteProcess().id;
export const SEEDED_AT = '2026-11-27T00:00:00.000Z';
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The Gentofte process as the local stack stores it when seeded at `seededAt` (`startedDaysAgo` before it). */
export function gentofteAt(seededAt: Date, startedDaysAgo = 0): Process {
  const at = seededAt.toISOString();
  return { ...localGentofte(seededAt, startedDaysAgo), createdAt: at, updatedAt: at };
}

/** A day into the first phase of `kind` of a process. */
export function dayInto(process: Pick<Process, 'phases'>, kind: PhaseKind): Date {
  const phase = process.phases.find((p) => p.kind === kind);
  if (!phase) throw new Error(`the process has no ${kind} phase`);
  return new Date(Date.parse(phase.startsAt) + DAY_MS);
}

/** The Gentofte process seeded so that `now` is one to two days into its phase of `kind` (review: nothing takes votes). */
export function gentofteDuring(kind: PhaseKind, now = new Date()): Process {
  const file = gentofteProcess();
  const into = dayInto(file, kind).getTime() - Date.parse(file.phases[0]!.startsAt);
  return gentofteAt(new Date(now.getTime() - into));
}

export const aProcess = (overrides: Partial<Process> = {}): Process => ({ ...gentofteAt(new Date(SEEDED_AT)), ...overrides });

/** A moment in the submission phase, when everything is open. */
export const DURING_SUBMISSION = '2026-11-28T12:00:00.000Z';
/** The committee's review, when nothing takes votes or comments. */
export const DURING_REVIEW = dayInto(aProcess(), 'review').toISOString();

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
